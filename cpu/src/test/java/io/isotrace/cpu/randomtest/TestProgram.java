package io.isotrace.cpu.randomtest;

import io.isotrace.cpu.testing.MiniElf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays test cases out as one static program. Per case: a prologue that points x30 at the case's initial values and
 * loads NZCV, SP and x0..x30 from them; the words under test; an epilogue that parks x30 in TPIDR_EL0, stores
 * x0..x30, NZCV and SP into the case's record, and writes the record to stdout. After the last case, exit_group(0).
 * A 256-byte pool of fixed words before the first case gives PC-relative loads something to read.
 */
final class TestProgram {
    static final int POOL_WORDS = 64;

    private final List<TestCase> cases;
    private final Layout layout;
    private final int[] code;
    /** Index in {@link #code} of each case's first word under test. */
    private final int[] testStart;
    private final byte[] data;

    TestProgram(List<TestCase> cases) {
        this.cases = List.copyOf(cases);
        this.layout = new Layout(cases.size());
        this.testStart = new int[cases.size()];
        List<Integer> w = new ArrayList<>();
        for (int k = 0; k < POOL_WORDS; k++) {
            w.add(0x1234_5678 * (k + 1) ^ (k << 7)); // any fixed values
        }
        for (int k = 0; k < cases.size(); k++) {
            emitCase(w, k, cases.get(k));
        }
        w.add(Asm.movz(0, 0, 0));
        w.add(Asm.movz(8, 94, 0)); // exit_group
        w.add(Asm.svc0());
        code = w.stream().mapToInt(Integer::intValue).toArray();
        data = buildData();
    }

    private void emitCase(List<Integer> w, int k, TestCase c) {
        long init = layout.initAddress(k);
        adr(w, 30, init);
        w.add(Asm.ldr(0, 30, 8 * Layout.NZCV_SLOT));
        w.add(Asm.msrNzcv(0));
        w.add(Asm.ldr(0, 30, 8 * Layout.SP_SLOT));
        w.add(Asm.addImm(Asm.SP, 0, 0)); // mov sp, x0
        for (int r = 0; r < 30; r += 2) {
            w.add(Asm.ldp(r, r + 1, 30, 8 * r));
        }
        w.add(Asm.ldr(30, 30, 8 * 30));
        testStart[k] = w.size();
        for (int word : c.words()) {
            w.add(word);
        }
        w.add(Asm.msrTpidr(30));
        adr(w, 30, Layout.recordAddress(k));
        for (int r = 0; r < 30; r += 2) {
            w.add(Asm.stp(r, r + 1, 30, 8 * r));
        }
        w.add(Asm.mrsTpidr(0));
        w.add(Asm.str(0, 30, 8 * 30));
        w.add(Asm.mrsNzcv(0));
        w.add(Asm.str(0, 30, 8 * Layout.NZCV_SLOT));
        w.add(Asm.addImm(0, Asm.SP, 0)); // mov x0, sp
        w.add(Asm.str(0, 30, 8 * Layout.SP_SLOT));
        w.add(Asm.addImm(1, 30, 0));      // x1 = record
        w.add(Asm.movz(0, 1, 0));
        w.add(Asm.movz(2, Layout.RECORD, 0));
        w.add(Asm.movz(8, 64, 0));        // write
        w.add(Asm.svc0());
    }

    /** ADRP + ADD of an absolute address into xd. */
    private static void adr(List<Integer> w, int rd, long target) {
        long pc = MiniElf.codeAddress(w.size());
        w.add(Asm.adrp(rd, pc, target));
        w.add(Asm.addImm(rd, rd, (int) (target & 0xFFF)));
    }

    private byte[] buildData() {
        ByteBuffer b = ByteBuffer.allocate(layout.dataSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < cases.size(); k++) {
            TestCase c = cases.get(k);
            b.position((int) (Layout.bufferAddress(k) - Layout.DATA_BASE));
            b.put(c.buffer());
            b.position((int) (layout.initAddress(k) - Layout.DATA_BASE));
            for (long r : c.regs()) {
                b.putLong(r);
            }
            b.putLong(c.nzcv() & 0xF000_0000L);
            b.putLong(c.sp());
        }
        return b.array();
    }

    byte[] elf() {
        return MiniElf.build(code, code.length, data, data.length, MiniElf.codeAddress(POOL_WORDS), Layout.DATA_BASE);
    }

    List<TestCase> cases() {
        return cases;
    }

    /** Address of case k's first word under test. */
    long testAddress(int k) {
        return MiniElf.codeAddress(testStart[k]);
    }
}
