package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A developer's probe of decode coverage against binutils: reads {@code objdump -D -b binary -m aarch64} output
 * of arbitrary words and tallies, by objdump mnemonic, the words binutils knows that Isotrace calls UNDEFINED and
 * the words binutils calls undefined that Isotrace decodes. Usage: DecodeCoverageProbe FILE.dis
 */
public final class DecodeCoverageProbe {
    private DecodeCoverageProbe() {
    }

    /** objdump's text without its comments, in single spaces. */
    static String normalize(String s) {
        int c = s.indexOf("//");
        if (c >= 0) {
            s = s.substring(0, c);
        }
        return s.trim().replaceAll("\\s+", " ");
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> missing = new TreeMap<>();
        Map<String, String> missingExample = new TreeMap<>();
        Map<String, Integer> extra = new TreeMap<>();
        Map<String, String> extraExample = new TreeMap<>();
        Map<String, Integer> unimplemented = new TreeMap<>();
        Map<String, String> disasm = new TreeMap<>();
        Map<String, Integer> disasmCount = new TreeMap<>();
        Insn i = new Insn();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] parts = line.trim().split("\\s+", 4);
            if (parts.length < 3 || !parts[0].endsWith(":") || parts[1].length() != 8) {
                continue;
            }
            int word = (int) Long.parseLong(parts[1], 16);
            String mnemonic = parts[2];
            boolean binutilsKnows = !mnemonic.equals(".inst");
            long pc = Long.parseLong(parts[0].substring(0, parts[0].length() - 1), 16);
            Encoding e = A64.decoder().decode(word, pc, i);
            boolean ours = e != null;
            if (binutilsKnows && !ours) {
                missing.merge(mnemonic, 1, Integer::sum);
                missingExample.putIfAbsent(mnemonic, line.trim());
            } else if (!binutilsKnows && ours) {
                String key = e.name() + (i.op == Ops.UNIMPLEMENTED ? " (unimplemented row)" : "");
                extra.merge(key, 1, Integer::sum);
                extraExample.putIfAbsent(key, String.format("%08x %s", word, i));
            } else if (binutilsKnows && i.op == Ops.UNIMPLEMENTED) {
                unimplemented.merge(e.name(), 1, Integer::sum);
            } else if (binutilsKnows) {
                String theirs = normalize(parts.length > 3 ? mnemonic + " " + parts[3] : mnemonic);
                String mine = normalize(i.toString());
                if (!theirs.equals(mine)) {
                    disasmCount.merge(e.name(), 1, Integer::sum);
                    disasm.putIfAbsent(e.name(), String.format("%08x ours: %s | objdump: %s", word, mine, theirs));
                }
            }
        }
        System.out.println("== binutils decodes, Isotrace UNDEFINED (by binutils mnemonic):");
        missing.forEach((k, v) -> System.out.printf("%6d %-12s e.g. %s%n", v, k, missingExample.get(k)));
        System.out.println("== binutils undefined, Isotrace decodes (by row):");
        extra.forEach((k, v) -> System.out.printf("%6d %-30s e.g. %s%n", v, k, extraExample.get(k)));
        System.out.println("== disassembly differs (by row):");
        disasm.forEach((k, v) -> System.out.printf("%6d %-16s %s%n", disasmCount.get(k), k, v));
        System.out.println("== unimplemented rows hit:");
        unimplemented.forEach((k, v) -> System.out.printf("%6d %s%n", v, k));
    }
}
