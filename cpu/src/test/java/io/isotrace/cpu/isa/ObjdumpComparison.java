package io.isotrace.cpu.isa;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Disassembler;
import io.isotrace.cpu.decode.Group;
import io.isotrace.cpu.decode.Insn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares Isotrace's disassembly with {@code aarch64-linux-gnu-objdump -d} output line by line, for the words
 * in the integer groups (data processing, branches and system, general-register loads and stores; the SIMD&amp;FP
 * encodings are another table's). objdump's comments ({@code // #16}) are dropped and its branch targets
 * ({@code 3d4 <sym+0x4>}) become {@code 0x3d4}, the form Isotrace prints.
 */
final class ObjdumpComparison {
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+([0-9a-f]{8})\\s+(.*)$");
    private static final Pattern TARGET = Pattern.compile("\\b(?:0x)?([0-9a-f]+) <[^>]*>");

    /** What a comparison found. */
    static final class Result {
        int compared;
        int matched;
        /** Words objdump decodes in the integer groups that Isotrace treats as UNDEFINED. */
        final List<String> undefined = new ArrayList<>();
        /** Words Isotrace knows but does not implement (they print by row name). */
        final List<String> unimplemented = new ArrayList<>();
        final List<String> mismatches = new ArrayList<>();

        @Override
        public String toString() {
            return compared + " integer instructions compared, " + matched + " print as objdump, "
                    + mismatches.size() + " differ, " + undefined.size() + " UNDEFINED to Isotrace, "
                    + unimplemented.size() + " unimplemented";
        }
    }

    private ObjdumpComparison() {
    }

    /** objdump's text of an instruction, as Isotrace prints it. */
    static String normalize(String text) {
        int comment = text.indexOf("//");
        if (comment >= 0) {
            text = text.substring(0, comment);
        }
        text = text.strip().replaceFirst("\\s+", " ");
        Matcher m = TARGET.matcher(text);
        return m.replaceAll("0x$1");
    }

    /** True for words of the integer groups (not SIMD&FP data processing, not V=1 loads and stores). */
    static boolean integerWord(int word) {
        Group g = Group.of(word);
        if (g == Group.SIMD_FP || g == Group.SVE || g == Group.SME || g == Group.RESERVED) {
            return false;
        }
        return g != Group.LOAD_STORE || ((word >>> 26) & 1) == 0;
    }

    static Result compare(Iterable<String> objdumpLines) {
        Result r = new Result();
        Insn i = new Insn();
        for (String line : objdumpLines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(3);
            if (text.startsWith(".") || text.startsWith("udf") || text.contains("<unknown>")) {
                continue; // data, or words objdump does not decode
            }
            long pc = Long.parseUnsignedLong(m.group(1), 16);
            int word = Integer.parseUnsignedInt(m.group(2), 16);
            if (!integerWord(word)) {
                continue;
            }
            A64.decoder().decode(word, pc, i);
            String want = normalize(text);
            if (i.encoding == null) {
                r.undefined.add(m.group(2) + " " + want);
                continue;
            }
            if (!i.encoding.implemented()) {
                r.unimplemented.add(m.group(2) + " " + want + " (" + i.encoding.name() + ")");
                continue;
            }
            r.compared++;
            String ours = Disassembler.format(i);
            if (ours.equals(want)) {
                r.matched++;
            } else {
                r.mismatches.add(m.group(2) + ": objdump \"" + want + "\", Isotrace \"" + ours + "\"");
            }
        }
        return r;
    }
}
