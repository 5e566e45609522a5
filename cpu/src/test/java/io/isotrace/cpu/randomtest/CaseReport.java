package io.isotrace.cpu.randomtest;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Disassembler;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Reg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Compares case records and describes differences in terms a person can act on. */
final class CaseReport {
    private CaseReport() {
    }

    static long slot(byte[] out, int k, int slot) {
        return ByteBuffer.wrap(out, k * Layout.RECORD + 8 * slot, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /**
     * Differences between the reference's and Isotrace's outcomes of one program, one paragraph per case, at most
     * {@code limit} paragraphs.
     */
    static List<String> compare(String where, TestProgram prog, Outcome ref, Outcome isotrace, int limit) {
        List<String> failures = new ArrayList<>();
        int both = Math.min(ref.records(), isotrace.records());
        for (int k = 0; k < both && failures.size() < limit; k++) {
            int from = k * Layout.RECORD;
            if (!Arrays.equals(ref.stdout(), from, from + Layout.RECORD, isotrace.stdout(), from,
                    from + Layout.RECORD)) {
                failures.add(describe(where, prog, k, ref.stdout(), isotrace.stdout()));
            }
        }
        if (ref.records() != isotrace.records() && failures.size() < limit) {
            int k = both;
            String c = k < prog.cases().size() ? header(where, prog, k) : where + " after the last case";
            failures.add(c + "\n  the reference completed " + ref.records() + " cases (exit " + ref.exitStatus()
                    + "), Isotrace " + isotrace.records() + " (exit " + isotrace.exitStatus() + ")"
                    + "\n  reference says: " + ref.messages().strip() + "\n  Isotrace says: "
                    + isotrace.messages().strip());
        }
        return failures;
    }

    static String header(String where, TestProgram prog, int k) {
        TestCase c = prog.cases().get(k);
        StringBuilder sb = new StringBuilder(where).append(" case ").append(k).append(" (").append(c.kind())
                .append(")");
        long pc = prog.testAddress(k);
        for (int w : c.words()) {
            sb.append(String.format("%n  0x%x: %08x  %s", pc, w, disassemble(w, pc)));
            pc += 4;
        }
        return sb.toString();
    }

    static String disassemble(int word, long pc) {
        Insn i = new Insn();
        A64.decoder().decode(word, pc, i);
        return Disassembler.format(i);
    }

    private static String describe(String where, TestProgram prog, int k, byte[] ref, byte[] act) {
        TestCase c = prog.cases().get(k);
        StringBuilder sb = new StringBuilder(header(where, prog, k));
        // The registers the instructions name, with their values before.
        TreeSet<Integer> named = new TreeSet<>();
        long pc = prog.testAddress(k);
        for (int w : c.words()) {
            Insn i = new Insn();
            A64.decoder().decode(w, pc, i);
            for (int r : new int[]{i.rd, i.rn, i.rm, i.ra, i.rt2}) {
                if (r < 31) {
                    named.add(r);
                }
            }
            pc += 4;
        }
        sb.append("\n  before:");
        for (int r : named) {
            sb.append(String.format(" x%d=0x%x", r, c.regs()[r]));
        }
        sb.append(String.format(" nzcv=%x sp=0x%x", (c.nzcv() >>> 28) & 15, c.sp()));
        for (int slot = 0; slot < 33; slot++) {
            long e = slot(ref, k, slot);
            long a = slot(act, k, slot);
            if (e != a) {
                String name = slot < 31 ? "x" + slot : slot == Layout.NZCV_SLOT ? "nzcv" : "sp";
                sb.append(String.format("%n  %-5s reference 0x%016x  Isotrace 0x%016x", name, e, a));
            }
        }
        int base = k * Layout.RECORD + Layout.DUMP;
        for (int off = 0; off < Layout.BUFFER; off++) {
            if (ref[base + off] != act[base + off]) {
                sb.append(String.format("%n  buffer+%d (0x%x) reference %02x Isotrace %02x (before %02x)", off,
                        Layout.bufferAddress(k) + off, ref[base + off] & 0xFF, act[base + off] & 0xFF,
                        c.buffer()[off] & 0xFF));
            }
        }
        return sb.toString();
    }

    /**
     * The case's effect as one line: each register, NZCV, SP and buffer run that differs from the state before.
     * This is what the recorded expectations hold.
     */
    static String delta(TestCase c, byte[] out, int k) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 31; r++) {
            long v = slot(out, k, r);
            if (v != c.regs()[r]) {
                sb.append(String.format(" x%d=%x", r, v));
            }
        }
        long nzcv = slot(out, k, Layout.NZCV_SLOT);
        if (nzcv != (c.nzcv() & 0xF000_0000L)) {
            sb.append(String.format(" nzcv=%x", nzcv >>> 28));
        }
        long sp = slot(out, k, Layout.SP_SLOT);
        if (sp != c.sp()) {
            sb.append(String.format(" sp=%x", sp));
        }
        int base = k * Layout.RECORD + Layout.DUMP;
        int off = 0;
        while (off < Layout.BUFFER) {
            if (out[base + off] == c.buffer()[off]) {
                off++;
                continue;
            }
            int start = off;
            StringBuilder hex = new StringBuilder();
            while (off < Layout.BUFFER && out[base + off] != c.buffer()[off]) {
                hex.append(String.format("%02x", out[base + off] & 0xFF));
                off++;
            }
            sb.append(" m").append(start).append('=').append(hex);
        }
        return sb.length() == 0 ? "-" : sb.substring(1);
    }

    static String regName(int r) {
        return Reg.name(r, true);
    }
}
