package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.testing.MiniElf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns test cases into one executable. For each case the program loads the case's state (FPCR, FPSR, NZCV, the
 * scratch memory window, V0-V31, X0-X30) from the data segment, executes the instruction under test, stores the
 * resulting state to a dump area addressed by SP and writes that area to stdout. The same bytes come out of
 * qemu-aarch64 and Isotrace, so the two runs compare byte for byte.
 *
 * <p>The harness itself uses only ADRP/ADD/MOVZ, LDR/LDP/STP of X registers, LDP/STP of Q registers, MRS/MSR and
 * SVC. Data layout: the dump area at {@link #DUMP} ({@link #DUMP_BYTES} bytes written per case: X0-X30, FPSR,
 * NZCV, Q0-Q31, then the scratch window at {@link #SCRATCH}), then one {@link #CASE_BYTES}-byte record per case.
 */
final class CaseProgram {
    /** Where the data segment (the register dump) lives. */
    static final long DATA_BASE = 0x1000_0000L;
    static final long DUMP = DATA_BASE;
    static final long SCRATCH = DUMP + 0x400;
    static final int DUMP_BYTES = 0x500;
    static final long CASES = DUMP + 0x1000;
    static final int CASE_BYTES = 1056;
    /** Offsets within a case record and within the dump. */
    private static final int C_Q = 32;
    private static final int C_X = 544;
    private static final int C_MEM = 800;
    private static final int D_FPSR = 248;
    private static final int D_Q = 272;

    private final List<SimdCase> cases;
    private final int[] code;
    private int n;
    /** Address of each case's instruction under test. */
    private final long[] testPc;

    CaseProgram(List<SimdCase> cases) {
        this.cases = new ArrayList<>(cases);
        this.code = new int[8 + cases.size() * 140];
        this.testPc = new long[cases.size()];
    }

    long testPc(int k) {
        return testPc[k];
    }

    byte[] build() {
        n = 0;
        adrpAdd(0, DUMP);
        emit(0x9100001F); // mov sp, x0
        for (int k = 0; k < cases.size(); k++) {
            emitCase(k);
        }
        emit(0xD2800000); // movz x0, #0
        emit(0xD2800BA8); // movz x8, #93 (exit)
        emit(0xD4000001); // svc #0
        ByteBuffer data = ByteBuffer.allocate((int) (CASES - DUMP) + cases.size() * CASE_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < cases.size(); k++) {
            VState s = cases.get(k).input();
            int base = (int) (CASES - DUMP) + k * CASE_BYTES;
            data.putLong(base, s.fpcr);
            data.putLong(base + 8, s.fpsr);
            data.putLong(base + 16, s.nzcv);
            for (int r = 0; r < 64; r++) {
                data.putLong(base + C_Q + 8 * r, s.v[r]);
            }
            for (int r = 0; r < 31; r++) {
                data.putLong(base + C_X + 8 * r, s.x[r]);
            }
            data.position(base + C_MEM);
            data.put(s.mem);
        }
        return MiniElf.build(code, n, data.array(), data.capacity(), MiniElf.CODE_START, DATA_BASE);
    }

    private void emitCase(int k) {
        long rec = CASES + (long) k * CASE_BYTES;
        adrpAdd(0, rec);
        emit(0xA9400801);                       // ldp x1, x2, [x0]
        emit(0xD51B4401);                       // msr fpcr, x1
        emit(0xD51B4422);                       // msr fpsr, x2
        emit(0xF9400801);                       // ldr x1, [x0, #16]
        emit(0xD51B4201);                       // msr nzcv, x1
        emit(addImm(1, 0, C_MEM));              // add x1, x0, #C_MEM
        adrpAdd(2, SCRATCH);
        for (int off = 0; off < VState.MEM; off += 32) {
            emit(ldpQ(0, 1, 1, off));
            emit(stpQ(0, 1, 2, off));
        }
        for (int r = 0; r < 32; r += 2) {
            emit(ldpQ(r, r + 1, 0, C_Q + 16 * r));
        }
        emit(addImm(0, 0, C_X));
        for (int r = 1; r < 31; r += 2) {
            emit(ldpX(r, r + 1, 0, 8 * r));
        }
        emit(0xF9400000);                       // ldr x0, [x0]
        testPc[k] = MiniElf.CODE_START + 4L * n;
        emit(cases.get(k).word());
        for (int r = 0; r < 30; r += 2) {
            emit(stpX(r, r + 1, 31, 8 * r));
        }
        emit(0xF9007BFE);                       // str x30, [sp, #240]
        emit(0xD53B4420);                       // mrs x0, fpsr
        emit(0xD53B4201);                       // mrs x1, nzcv
        emit(stpX(0, 1, 31, D_FPSR));
        for (int r = 0; r < 32; r += 2) {
            emit(stpQ(r, r + 1, 31, D_Q + 16 * r));
        }
        emit(0xD2800020);                       // movz x0, #1
        emit(0x910003E1);                       // mov x1, sp
        emit(0xD2800002 | (DUMP_BYTES << 5));   // movz x2, #DUMP_BYTES
        emit(0xD2800808);                       // movz x8, #64 (write)
        emit(0xD4000001);                       // svc #0
    }

    /** The final states, parsed from the program's output; fewer than the cases if the run stopped early. */
    List<VState> parse(byte[] out) {
        List<VState> result = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < cases.size() && (k + 1) * DUMP_BYTES <= out.length; k++) {
            int base = k * DUMP_BYTES;
            VState s = new VState();
            for (int r = 0; r < 31; r++) {
                s.x[r] = b.getLong(base + 8 * r);
            }
            s.fpsr = b.getLong(base + D_FPSR);
            s.nzcv = b.getLong(base + D_FPSR + 8);
            for (int r = 0; r < 64; r++) {
                s.v[r] = b.getLong(base + D_Q + 8 * r);
            }
            s.fpcr = cases.get(k).input().fpcr;
            b.position(base + (int) (SCRATCH - DUMP));
            b.get(s.mem);
            result.add(s);
        }
        return result;
    }

    private void emit(int w) {
        code[n++] = w;
    }

    /** adrp xd, addr; add xd, xd, #lo12(addr). */
    private void adrpAdd(int d, long addr) {
        long pc = MiniElf.CODE_START + 4L * n;
        long pages = (addr >>> 12) - (pc >>> 12);
        emit(0x90000000 | (int) ((pages & 3) << 29) | (int) (((pages >> 2) & 0x7FFFF) << 5) | d);
        emit(addImm(d, d, (int) (addr & 0xFFF)));
    }

    private static int addImm(int d, int nn, int imm) {
        return 0x91000000 | (imm << 10) | (nn << 5) | d;
    }

    private static int ldpX(int t1, int t2, int base, int off) {
        return 0xA9400000 | ((off / 8) & 0x7F) << 15 | t2 << 10 | base << 5 | t1;
    }

    private static int stpX(int t1, int t2, int base, int off) {
        return 0xA9000000 | ((off / 8) & 0x7F) << 15 | t2 << 10 | base << 5 | t1;
    }

    private static int ldpQ(int t1, int t2, int base, int off) {
        return 0xAD400000 | ((off / 16) & 0x7F) << 15 | t2 << 10 | base << 5 | t1;
    }

    private static int stpQ(int t1, int t2, int base, int off) {
        return 0xAD000000 | ((off / 16) & 0x7F) << 15 | t2 << 10 | base << 5 | t1;
    }
}
