package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SIMD&amp;FP decode tables against binutils (aarch64-linux-gnu-objdump), over random words of the SIMD&amp;FP
 * data-processing space and of the V = 1 load/store space: every word binutils decodes is implemented or an
 * unimplemented (later-extension) row, every word binutils calls undefined is UNDEFINED here too, and every
 * implemented word disassembles exactly as objdump prints it. {@code -Disotrace.words=N} sets the sample size.
 */
@Tag("reference")
class SimdDecodeReferenceTest {
    static final String OBJDUMP = "aarch64-linux-gnu-objdump";
    /**
     * binutils accepts FMLAL/FMLSL (vector) with bit 22 set; the Arm ARM and qemu require it clear (FEAT_FHM, not
     * ARMv8.0 either way).
     */
    static final List<String> BINUTILS_LAX = List.of("fmlal", "fmlal2", "fmlsl", "fmlsl2");

    @Test
    void decodeAndDisassemblyAgreeWithBinutils() throws Exception {
        Assumptions.assumeTrue(objdumpAvailable(), OBJDUMP + " not installed");
        int n = Integer.getInteger("isotrace.words", 200_000);
        SplittableRandom r = new SplittableRandom(0xB1_7E5L);
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            int w = r.nextInt();
            w = (k & 1) == 0 ? (w | (7 << 25)) : ((w & ~(5 << 25)) | (4 << 25) | (1 << 26));
            b.putInt(w);
        }
        Path bin = Files.createTempFile("isotrace-words", ".bin");
        try {
            Files.write(bin, b.array());
            List<String> problems = compare(objdump(bin));
            assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 40)),
                    problems.size() + " disagreements with binutils");
        } finally {
            Files.deleteIfExists(bin);
        }
    }

    static List<String> compare(List<String> lines) {
        List<String> problems = new ArrayList<>();
        Insn i = new Insn();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+", 4);
            if (parts.length < 3 || !parts[0].endsWith(":") || parts[1].length() != 8) {
                continue;
            }
            long pc = Long.parseLong(parts[0].substring(0, parts[0].length() - 1), 16);
            int word = (int) Long.parseLong(parts[1], 16);
            String mnemonic = parts[2];
            boolean binutilsKnows = !mnemonic.equals(".inst");
            Encoding e = A64.decoder().decode(word, pc, i);
            if (e != null && e.name().startsWith("MOPS")) {
                continue; // the integer tables' rows
            }
            if (binutilsKnows && e == null) {
                if (!BINUTILS_LAX.contains(mnemonic)) {
                    problems.add(String.format("%08x: binutils '%s', Isotrace UNDEFINED", word, line.trim()));
                }
            } else if (!binutilsKnows && e != null) {
                problems.add(String.format("%08x: binutils undefined, Isotrace decodes %s", word, e.name()));
            } else if (e != null && i.op != Ops.UNIMPLEMENTED) {
                String theirs = DecodeCoverageProbe.normalize(parts.length > 3 ? mnemonic + " " + parts[3] : mnemonic);
                String mine = DecodeCoverageProbe.normalize(i.toString());
                if (!theirs.equals(mine)) {
                    problems.add(String.format("%08x %s: '%s', objdump '%s'", word, e.name(), mine, theirs));
                }
            }
        }
        return problems;
    }

    static boolean objdumpAvailable() {
        try {
            Process p = new ProcessBuilder(OBJDUMP, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static List<String> objdump(Path bin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(OBJDUMP, "-D", "-b", "binary", "-m", "aarch64", bin.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        return lines;
    }
}
