package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/**
 * Advanced SIMD floating point, vector and scalar forms: three same, two-register miscellaneous, pairwise, across
 * lanes, by element, fixed-point conversions by immediate. Elements are single (size 2) or double (size 3); the
 * arithmetic is {@link FpArith}'s, element by element, so NaN propagation, rounding modes, FZ and the FPSR flags
 * are those of the scalar instructions. Operands: {@code cond} elements, {@code is64} Q, by-element forms with
 * {@code shift} = 1 and the Vm index in {@code imm2}; {@code opt} a rounding mode (-1: FPCR), {@code amount} fbits
 * or the FRINTX flag.
 */
public final class SimdFpExec {
    private static final int G = SimdExec.FP;

    // Binary, element-wise:
    public static final int FADD = G;
    public static final int FSUB = G + 1;
    public static final int FMUL = G + 2;
    public static final int FDIV = G + 3;
    public static final int FMAX = G + 4;
    public static final int FMIN = G + 5;
    public static final int FMAXNM = G + 6;
    public static final int FMINNM = G + 7;
    public static final int FMULX = G + 8;
    public static final int FABD = G + 9;
    public static final int FRECPS = G + 10;
    public static final int FRSQRTS = G + 11;
    public static final int FCMEQ = G + 12;
    public static final int FCMGE = G + 13;
    public static final int FCMGT = G + 14;
    public static final int FACGE = G + 15;
    public static final int FACGT = G + 16;
    public static final int FMLA = G + 17;
    public static final int FMLS = G + 18;
    // Pairwise (vector: Vm:Vn; scalar: the two elements of Vn):
    public static final int FADDP = G + 20;
    public static final int FMAXP = G + 21;
    public static final int FMINP = G + 22;
    public static final int FMAXNMP = G + 23;
    public static final int FMINNMP = G + 24;
    // Across lanes (4S):
    public static final int FMAXV = G + 25;
    public static final int FMINV = G + 26;
    public static final int FMAXNMV = G + 27;
    public static final int FMINNMV = G + 28;
    // Unary, element-wise:
    public static final int FABS = G + 30;
    public static final int FNEG = G + 31;
    public static final int FSQRT = G + 32;
    public static final int FRINT = G + 33;
    public static final int FRECPE = G + 34;
    public static final int FRSQRTE = G + 35;
    public static final int FRECPX = G + 36;
    public static final int URECPE = G + 37;
    public static final int URSQRTE = G + 38;
    /** FP to integer: opt mode, shift 1 unsigned, amount fbits. */
    public static final int FCVT_TO_INT = G + 39;
    /** Integer to FP: shift 1 unsigned, amount fbits. */
    public static final int CVT_FROM_INT = G + 40;
    public static final int FCMEQ0 = G + 41;
    public static final int FCMGE0 = G + 42;
    public static final int FCMGT0 = G + 43;
    public static final int FCMLE0 = G + 44;
    public static final int FCMLT0 = G + 45;
    // Conversions between element sizes (size: the narrow format):
    public static final int FCVTN = G + 46;
    public static final int FCVTXN = G + 47;
    public static final int FCVTL = G + 48;

    private SimdFpExec() {
    }

    static void execute(Cpu c, Insn i) {
        int op = i.op;
        if (op <= FMLS) {
            binary(c, i);
        } else if (op <= FMINNMP) {
            pairwise(c, i);
        } else if (op <= FMINNMV) {
            across(c, i);
        } else if (op <= FCMLT0) {
            unary(c, i);
        } else if (op <= FCVTXN) {
            narrow(c, i);
        } else if (op == FCVTL) {
            widen(c, i);
        } else {
            throw Executor.unknownOp(i);
        }
    }

    /** One element of a binary operation (d: the destination element, for the accumulating ones). */
    static long binaryLane(Cpu c, int op, long a, long b, long d, int fmt) {
        switch (op) {
            case FADD:
            case FADDP:
                return fmt == FpBits.D ? FpArith.addD(c, a, b) : FpArith.addS(c, a, b);
            case FSUB:
                return fmt == FpBits.D ? FpArith.subD(c, a, b) : FpArith.subS(c, a, b);
            case FMUL:
                return fmt == FpBits.D ? FpArith.mulD(c, a, b) : FpArith.mulS(c, a, b);
            case FDIV:
                return fmt == FpBits.D ? FpArith.divD(c, a, b) : FpArith.divS(c, a, b);
            case FMAX:
            case FMAXP:
            case FMAXV:
                return FpArith.max(c, a, b, fmt);
            case FMIN:
            case FMINP:
            case FMINV:
                return FpArith.min(c, a, b, fmt);
            case FMAXNM:
            case FMAXNMP:
            case FMAXNMV:
                return FpArith.maxNum(c, a, b, fmt);
            case FMINNM:
            case FMINNMP:
            case FMINNMV:
                return FpArith.minNum(c, a, b, fmt);
            case FMULX:
                return FpEstimate.mulx(c, a, b, fmt);
            case FABD: {
                long r = fmt == FpBits.D ? FpArith.subD(c, a, b) : FpArith.subS(c, a, b);
                return r & ~FpBits.signBit(fmt);
            }
            case FRECPS:
                return FpEstimate.step(c, a, b, fmt, false);
            case FRSQRTS:
                return FpEstimate.step(c, a, b, fmt, true);
            case FCMEQ:
                return FpArith.compareTrue(c, a, b, fmt, 0) ? -1L : 0;
            case FCMGE:
                return FpArith.compareTrue(c, a, b, fmt, 1) ? -1L : 0;
            case FCMGT:
                return FpArith.compareTrue(c, a, b, fmt, 2) ? -1L : 0;
            case FACGE:
                return FpArith.compareTrue(c, a & ~FpBits.signBit(fmt), b & ~FpBits.signBit(fmt), fmt, 1) ? -1L : 0;
            case FACGT:
                return FpArith.compareTrue(c, a & ~FpBits.signBit(fmt), b & ~FpBits.signBit(fmt), fmt, 2) ? -1L : 0;
            case FMLA:
                return fmt == FpBits.D ? FpArith.fmaD(c, d, a, b) : FpArith.fmaS(c, d, a, b);
            default: {
                long na = a ^ FpBits.signBit(fmt);
                return fmt == FpBits.D ? FpArith.fmaD(c, d, na, b) : FpArith.fmaS(c, d, na, b);
            }
        }
    }

    private static void binary(Cpu c, Insn i) {
        int n = i.cond;
        int fmt = i.size;
        long[] v = c.v;
        if (fmt == FpBits.D) {
            long b0 = i.shift == 1 ? v[2 * i.rm + (int) i.imm2] : v[2 * i.rm];
            long b1 = i.shift == 1 ? b0 : v[2 * i.rm + 1];
            long lo = binaryLane(c, i.op, v[2 * i.rn], b0, v[2 * i.rd], fmt);
            long hi = n > 1 ? binaryLane(c, i.op, v[2 * i.rn + 1], b1, v[2 * i.rd + 1], fmt) : 0;
            SimdIntExec.write(c, i, lo, hi); // a scalar has is64 clear: its upper half is zeroed
            return;
        }
        long fixed = i.shift == 1 ? Vec.get(v, i.rm, (int) i.imm2, 2) : 0;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int w = e >>> 1;
            int sh = (e & 1) * 32;
            long a = (v[2 * i.rn + w] >>> sh) & 0xFFFF_FFFFL;
            long b = i.shift == 1 ? fixed : (v[2 * i.rm + w] >>> sh) & 0xFFFF_FFFFL;
            long d = (v[2 * i.rd + w] >>> sh) & 0xFFFF_FFFFL;
            long r = (binaryLane(c, i.op, a, b, d, fmt) & 0xFFFF_FFFFL) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        SimdIntExec.write(c, i, lo, hi); // a scalar has is64 clear: its upper half is zeroed
    }

    /** Pairwise: result element e from pair e of Vm:Vn (vector), or the two elements of Vn (scalar, cond 1). */
    private static void pairwise(Cpu c, Insn i) {
        int fmt = i.size;
        if (i.cond == 1) {
            long a = Vec.get(c.v, i.rn, 0, fmt);
            long b = Vec.get(c.v, i.rn, 1, fmt);
            Vec.setScalar(c, i.rd, binaryLane(c, i.op, a, b, 0, fmt) & FpBits.mask(fmt));
            return;
        }
        int n = i.cond;
        long lo = 0;
        long hi = 0;
        int bits = 8 << fmt;
        for (int e = 0; e < n; e++) {
            int src = e < n / 2 ? i.rn : i.rm;
            int k = (2 * e) % n;
            long a = Vec.get(c.v, src, k, fmt);
            long b = Vec.get(c.v, src, k + 1, fmt);
            long r = binaryLane(c, i.op, a, b, 0, fmt) & FpBits.mask(fmt);
            int pos = e * bits;
            if (pos < 64) {
                lo |= fmt == FpBits.D ? r : r << pos;
            } else {
                hi |= fmt == FpBits.D ? r : r << (pos - 64);
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    /** FMAXV and friends on 4S: a pairwise reduction tree, ((e0 op e1) op (e2 op e3)), as Reduce() defines it. */
    private static void across(Cpu c, Insn i) {
        long[] v = c.v;
        long e0 = v[2 * i.rn] & 0xFFFF_FFFFL;
        long e1 = v[2 * i.rn] >>> 32;
        long e2 = v[2 * i.rn + 1] & 0xFFFF_FFFFL;
        long e3 = v[2 * i.rn + 1] >>> 32;
        long lo = binaryLane(c, i.op, e0, e1, 0, FpBits.S);
        long hi = binaryLane(c, i.op, e2, e3, 0, FpBits.S);
        Vec.setScalar(c, i.rd, binaryLane(c, i.op, lo, hi, 0, FpBits.S));
    }

    private static long unaryLane(Cpu c, Insn i, long a, int fmt) {
        switch (i.op) {
            case FABS:
                return a & ~FpBits.signBit(fmt);
            case FNEG:
                return a ^ FpBits.signBit(fmt);
            case FSQRT:
                return fmt == FpBits.D ? FpArith.sqrtD(c, a) : FpArith.sqrtS(c, a);
            case FRINT:
                return FpConvert.roundToIntegral(c, a, fmt, i.opt < 0 ? FpBits.rmode(c) : i.opt, i.amount != 0);
            case FRECPE:
                return FpEstimate.recip(c, a, fmt);
            case FRSQRTE:
                return FpEstimate.rsqrt(c, a, fmt);
            case FRECPX:
                return FpEstimate.recpx(c, a, fmt);
            case URECPE:
                return FpEstimate.unsignedRecip(a);
            case URSQRTE:
                return FpEstimate.unsignedRsqrt(a);
            case FCVT_TO_INT:
                return FpConvert.toInt(c, a, fmt, i.opt < 0 ? FpBits.rmode(c) : i.opt, i.shift != 0, 8 << fmt,
                        i.amount);
            case CVT_FROM_INT:
                return FpConvert.fromInt(c, a, i.shift != 0, 8 << fmt, fmt, i.amount, FpBits.rmode(c));
            case FCMEQ0:
                return FpArith.compareTrue(c, a, 0, fmt, 0) ? -1L : 0;
            case FCMGE0:
                return FpArith.compareTrue(c, a, 0, fmt, 1) ? -1L : 0;
            case FCMGT0:
                return FpArith.compareTrue(c, a, 0, fmt, 2) ? -1L : 0;
            case FCMLE0:
                return FpArith.compareTrue(c, 0, a, fmt, 1) ? -1L : 0;
            default:
                return FpArith.compareTrue(c, 0, a, fmt, 2) ? -1L : 0;
        }
    }

    private static void unary(Cpu c, Insn i) {
        int n = i.cond;
        int fmt = i.size;
        long[] v = c.v;
        if (fmt == FpBits.D) {
            long lo = unaryLane(c, i, v[2 * i.rn], fmt);
            long hi = n > 1 ? unaryLane(c, i, v[2 * i.rn + 1], fmt) : 0;
            SimdIntExec.write(c, i, lo, hi); // a scalar has is64 clear: its upper half is zeroed
            return;
        }
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int w = e >>> 1;
            int sh = (e & 1) * 32;
            long a = (v[2 * i.rn + w] >>> sh) & 0xFFFF_FFFFL;
            long r = (unaryLane(c, i, a, fmt) & 0xFFFF_FFFFL) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        SimdIntExec.write(c, i, lo, hi); // a scalar has is64 clear: its upper half is zeroed
    }

    /**
     * FCVTN (D to S, S to H, by FPCR) and FCVTXN (D to S, round to odd): Vn's wide elements narrowed into the lower
     * half of Vd, or with Q the upper half; the scalar FCVTXN (cond 1) converts one element.
     */
    private static void narrow(Cpu c, Insn i) {
        int to = i.size;
        int from = to + 1;
        int mode = i.op == FCVTXN ? FpBits.ODD : FpBits.rmode(c);
        int n = i.cond == 1 ? 1 : 8 >> to;
        long r = 0;
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, e, from);
            long x = FpConvert.convert(c, a, from, to, mode);
            r |= (x & FpBits.mask(to)) << (e << (3 + to));
        }
        SimdIntExec.writeNarrow(c, i, r);
    }

    /** FCVTL/FCVTL2: the lower (upper) half's elements widened (H to S, S to D); exact. */
    private static void widen(Cpu c, Insn i) {
        int from = i.size;
        int to = from + 1;
        long src = c.v[2 * i.rn + (i.is64 ? 1 : 0)];
        int n = 8 >> from;
        long lo = 0;
        long hi = 0;
        int bits = 8 << to;
        for (int e = 0; e < n; e++) {
            long x = FpConvert.convert(c, Vec.lane(src, e, from), from, to, FpBits.rmode(c)) & FpBits.mask(to);
            int pos = e * bits;
            if (pos < 64) {
                lo |= to == FpBits.D ? x : x << pos;
            } else {
                hi |= to == FpBits.D ? x : x << (pos - 64);
            }
        }
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = hi;
    }
}
