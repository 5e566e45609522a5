package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.exec.SimdExec;
import io.isotrace.cpu.exec.SimdMemExec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Random SIMD&amp;FP test cases, seeded and reproducible: an instruction word drawn from an implemented row of the
 * SIMD&amp;FP tables (random bits in every field the row leaves open), and a random state for the registers its
 * fields name. Register values mix random bits with the floating-point values where things go wrong (signed
 * zeros, infinities, quiet and signalling NaNs, subnormals, rounding ties, conversion limits) and distinct lane
 * patterns (so a permute that picks the wrong lane shows). FPCR gets random rounding modes, FZ, DN and AHP; FPSR
 * starts clear or with flags already set (the FP fast paths depend on IXC). Memory cases point their base
 * register into the scratch window so that every access stays inside it.
 */
final class CaseGenerator {
    private final SplittableRandom rnd;
    private final List<Encoding> rows = new ArrayList<>();

    CaseGenerator(long seed, Predicate<Encoding> which) {
        this.rnd = new SplittableRandom(seed);
        for (Encoding e : A64.table().rows()) {
            if (e.implemented() && which.test(e) && isSimdFp(e)) {
                rows.add(e);
            }
        }
    }

    List<Encoding> rows() {
        return rows;
    }

    /** True when words of the row decode to SIMD&amp;FP ops (the rows this tester covers). */
    static boolean isSimdFp(Encoding e) {
        SplittableRandom r = new SplittableRandom(e.name().hashCode());
        Insn i = new Insn();
        for (int k = 0; k < 64; k++) {
            int w = (r.nextInt() & ~e.pattern().mask()) | e.pattern().value();
            if (A64.decoder().decode(w, 0, i) == e) {
                int g = i.op >>> Ops.GROUP_SHIFT;
                return g == Ops.GROUP_FP || g == Ops.GROUP_SIMD;
            }
        }
        return false;
    }

    List<SimdCase> cases(int count) {
        List<SimdCase> out = new ArrayList<>();
        while (out.size() < count) {
            SimdCase c = next(rows.get(rnd.nextInt(rows.size())));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** A case for {@code row}, or null when the drawn word does not suit (then the caller draws again). */
    SimdCase next(Encoding row) {
        int word = (rnd.nextInt() & ~row.pattern().mask()) | row.pattern().value();
        if (row.name().equals("LDR_v_lit")) {
            word = (word & ~(0x7FFFF << 5)) | (((rnd.nextInt(56) - 16) & 0x7FFFF) << 5);
        }
        Insn i = new Insn();
        if (A64.decoder().decode(word, 0, i) == null || i.op == Ops.UNIMPLEMENTED) {
            return null;
        }
        VState s = new VState();
        s.fpcr = fpcr();
        s.fpsr = fpsr();
        s.nzcv = (long) rnd.nextInt(16) << 28;
        int style = rnd.nextInt(4);
        for (int shift : new int[] {0, 5, 10, 16}) {
            int r = (word >>> shift) & 31;
            for (int k = 0; k < 4; k++) {
                int reg = (r + k) & 31;
                fillV(s, reg, style);
                if (reg < 31) {
                    s.x[reg] = xValue();
                }
            }
        }
        if (isMemory(i) && !placeAccess(i, s)) {
            return null;
        }
        return new SimdCase(word, s, null);
    }

    static boolean isMemory(Insn i) {
        return i.op >= SimdMemExec.LDR && i.op < SimdExec.INT;
    }

    /** Points the base (and index) register so that the access lies inside the scratch window. */
    private boolean placeAccess(Insn i, VState s) {
        for (int k = 0; k < VState.MEM; k++) {
            s.mem[k] = (byte) rnd.nextInt();
        }
        if (i.rn == Reg.ZR) {
            // Literal: reads the harness code around the instruction. The 16 words before it and the 40 after
            // are the same in every case (see CaseProgram), so the case stays self-contained.
            return i.imm >= -64 && i.imm + (1 << i.size) <= 160;
        }
        if (i.rn == Reg.SP || i.rn >= 31) {
            return false;
        }
        int bytes = transferBytes(i);
        if (i.op == SimdMemExec.LDP || i.op == SimdMemExec.LDP_Q) {
            if (i.rd == i.rt2) {
                return false; // CONSTRAINED UNPREDICTABLE
            }
        }
        int off = rnd.nextInt(VState.MEM - bytes + 1);
        long target = CaseProgram.SCRATCH + off;
        switch (i.opt) {
            case SimdMemExec.OFFSET:
            case SimdMemExec.PRE:
                s.x[i.rn] = target - i.imm;
                break;
            case SimdMemExec.REG: {
                if (i.rm == i.rn) {
                    return false;
                }
                long m = i.rm == Reg.ZR ? 0 : rnd.nextInt(8);
                if (i.rm != Reg.ZR) {
                    s.x[i.rm] = m;
                }
                s.x[i.rn] = target - (m << i.amount);
                break;
            }
            default:
                s.x[i.rn] = target;
        }
        return true;
    }

    static int transferBytes(Insn i) {
        int vec = i.is64 ? 16 : 8;
        switch (i.op) {
            case SimdMemExec.LDR:
            case SimdMemExec.STR:
            case SimdMemExec.LDR_Q:
            case SimdMemExec.STR_Q:
                return 1 << i.size;
            case SimdMemExec.LDP:
            case SimdMemExec.STP:
            case SimdMemExec.LDP_Q:
            case SimdMemExec.STP_Q:
                return 2 << i.size;
            case SimdMemExec.LD1:
            case SimdMemExec.ST1:
                return i.cond * vec;
            case SimdMemExec.LDN:
            case SimdMemExec.STN:
                return i.amount * vec;
            default:
                return i.amount << i.size;
        }
    }

    private long fpcr() {
        long v = (long) rnd.nextInt(4) << 22;         // RMode
        if (rnd.nextInt(5) == 0) {
            v |= 1L << 24;                             // FZ
        }
        if (rnd.nextInt(5) == 0) {
            v |= 1L << 25;                             // DN
        }
        if (rnd.nextInt(10) == 0) {
            v |= 1L << 26;                             // AHP
        }
        if (rnd.nextInt(3) == 0) {
            v &= ~(3L << 22);                          // round-to-nearest more often
        }
        return v;
    }

    private long fpsr() {
        switch (rnd.nextInt(5)) {
            case 0:
            case 1:
                return 0;
            case 2:
            case 3:
                return 0x10;                           // IXC already set: the fast paths
            default:
                return rnd.nextInt() & 0x0800_009FL;   // any cumulative flags, QC
        }
    }

    private long xValue() {
        switch (rnd.nextInt(6)) {
            case 0:
                return rnd.nextInt(256);
            case 1:
                return -rnd.nextInt(256);
            case 2:
                return Double.doubleToRawLongBits(special64());
            case 3:
                return rnd.nextInt();
            default:
                return rnd.nextLong();
        }
    }

    private void fillV(VState s, int reg, int style) {
        switch (style) {
            case 0:
                s.v[2 * reg] = rnd.nextLong();
                s.v[2 * reg + 1] = rnd.nextLong();
                break;
            case 1: {
                // Distinct lanes: byte k of register r is 16*r+k (mod 256) so any misplaced lane is visible.
                for (int half = 0; half < 2; half++) {
                    long w = 0;
                    for (int b = 7; b >= 0; b--) {
                        w = (w << 8) | ((reg * 16 + half * 8 + b) & 0xFF);
                    }
                    s.v[2 * reg + half] = w;
                }
                break;
            }
            default: {
                int lane = rnd.nextInt(3);
                for (int half = 0; half < 2; half++) {
                    long w = 0;
                    if (lane == 0) {
                        w = Double.doubleToRawLongBits(special64());
                    } else if (lane == 1) {
                        w = (Float.floatToRawIntBits(special32()) & 0xFFFF_FFFFL)
                                | ((long) Float.floatToRawIntBits(special32()) << 32);
                    } else {
                        for (int k = 0; k < 4; k++) {
                            w |= (special16() & 0xFFFFL) << (16 * k);
                        }
                    }
                    s.v[2 * reg + half] = w;
                }
            }
        }
    }

    private static final double[] SPECIAL64 = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, 0.1, -0.1,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p31, -0x1p31, 0x1p31 - 1, 0x1p32, 0x1p63,
        -0x1p63, 0x1p64, 0x1p-1022 * 0.75, 4503599627370496.5, 0x1p52, 0x1p53 + 2, 1e300, 1e-300, 65504.0,
        65520.0, 0x1p-14, 0x1p-24, 0x1p-25, 0x1p127, 0x1p-126, 0x1p-149, 0x1p-150, 3.4028235677973366e38,
        2147483647.5, -2147483648.5, 4294967295.5, 9.223372036854775807e18, 1.0000000000000002, 0.9999999999999999,
        Math.PI, -Math.E, 100.0, 255.0, 256.0, -129.0, 1e10};
    private static final long[] NAN64 = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0001L, 0x7FF0_0000_0000_0001L,
        0xFFF4_0000_0000_0000L, 0x7FFF_FFFF_FFFF_FFFFL, 0x7FF0_1234_5678_9ABCL};

    private double special64() {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return Double.longBitsToDouble(NAN64[rnd.nextInt(NAN64.length)]);
        }
        if (k < 5) {
            return SPECIAL64[rnd.nextInt(SPECIAL64.length)];
        }
        if (k < 7) {
            return Double.longBitsToDouble(rnd.nextLong());
        }
        if (k == 7) {
            return rnd.nextInt(2001) - 1000;
        }
        return Math.scalb(rnd.nextDouble(1.0, 2.0), rnd.nextInt(-70, 70)) * (rnd.nextBoolean() ? 1 : -1);
    }

    private static final int[] NAN32 = {0x7FC0_0000, 0xFFC0_0001, 0x7F80_0001, 0xFFA0_0000, 0x7FFF_FFFF,
        0x7F81_2345};

    private float special32() {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return Float.intBitsToFloat(NAN32[rnd.nextInt(NAN32.length)]);
        }
        if (k < 5) {
            return (float) SPECIAL64[rnd.nextInt(SPECIAL64.length)];
        }
        if (k < 7) {
            return Float.intBitsToFloat(rnd.nextInt());
        }
        if (k == 7) {
            return rnd.nextInt(2001) - 1000;
        }
        return Math.scalb((float) rnd.nextDouble(1.0, 2.0), rnd.nextInt(-40, 40)) * (rnd.nextBoolean() ? 1 : -1);
    }

    private static final int[] SPECIAL16 = {0x0000, 0x8000, 0x3C00, 0xBC00, 0x7C00, 0xFC00, 0x7E00, 0x7D00, 0xFE01,
        0x0001, 0x8001, 0x0400, 0x7BFF, 0xFBFF, 0x3800, 0x3E00, 0x4100, 0x03FF};

    private int special16() {
        return rnd.nextBoolean() ? SPECIAL16[rnd.nextInt(SPECIAL16.length)] : rnd.nextInt(0x10000);
    }
}
