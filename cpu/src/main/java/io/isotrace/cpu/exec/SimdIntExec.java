package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/**
 * Advanced SIMD integer "three same" operations, vector and scalar (Arm ARM "Advanced SIMD three same", "scalar
 * three same"), and the bitwise ones. Operands: {@code rd rn rm} V registers, {@code size} the element size (log2
 * bytes), {@code is64} the Q bit, {@code cond} the number of elements processed (1 for scalar forms). Results are
 * computed into locals before the destination is written (it may be a source), and the upper half is zeroed for
 * 64-bit forms.
 *
 * <p>ADD, SUB, the compares and the bitwise operations run lane-parallel on 64-bit chunks ({@link Swar}); the rest
 * go element by element through {@link #lane}, one small switch per element.
 */
public final class SimdIntExec {
    private static final int G = SimdExec.INT;

    public static final int AND = G;
    public static final int BIC = G + 1;
    public static final int ORR = G + 2;
    public static final int ORN = G + 3;
    public static final int EOR = G + 4;
    public static final int BSL = G + 5;
    public static final int BIT = G + 6;
    public static final int BIF = G + 7;
    public static final int ADD = G + 8;
    public static final int SUB = G + 9;
    public static final int CMEQ = G + 10;
    public static final int CMTST = G + 11;
    public static final int CMHI = G + 12;
    public static final int CMHS = G + 13;
    public static final int CMGT = G + 14;
    public static final int CMGE = G + 15;
    public static final int ADDP = G + 16;
    // Element-wise through lane():
    public static final int SHADD = G + 20;
    public static final int UHADD = G + 21;
    public static final int SRHADD = G + 22;
    public static final int URHADD = G + 23;
    public static final int SHSUB = G + 24;
    public static final int UHSUB = G + 25;
    public static final int SQADD = G + 26;
    public static final int UQADD = G + 27;
    public static final int SQSUB = G + 28;
    public static final int UQSUB = G + 29;
    public static final int SSHL = G + 30;
    public static final int USHL = G + 31;
    public static final int SRSHL = G + 32;
    public static final int URSHL = G + 33;
    public static final int SQSHL = G + 34;
    public static final int UQSHL = G + 35;
    public static final int SQRSHL = G + 36;
    public static final int UQRSHL = G + 37;
    public static final int SMAX = G + 38;
    public static final int UMAX = G + 39;
    public static final int SMIN = G + 40;
    public static final int UMIN = G + 41;
    public static final int SABD = G + 42;
    public static final int UABD = G + 43;
    public static final int MUL = G + 44;
    public static final int PMUL = G + 45;
    public static final int SQDMULH = G + 46;
    public static final int SQRDMULH = G + 47;
    /** Accumulating: the destination is an input too. */
    public static final int SABA = G + 48;
    public static final int UABA = G + 49;
    public static final int MLA = G + 50;
    public static final int MLS = G + 51;
    /** Pairwise element-wise ops. */
    public static final int SMAXP = G + 52;
    public static final int UMAXP = G + 53;
    public static final int SMINP = G + 54;
    public static final int UMINP = G + 55;

    private SimdIntExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case AND:
            case BIC:
            case ORR:
            case ORN:
            case EOR:
                logical(c, i);
                break;
            case BSL:
            case BIT:
            case BIF:
                select(c, i);
                break;
            case ADD:
            case SUB:
            case CMEQ:
            case CMTST:
            case CMHI:
            case CMHS:
            case CMGT:
            case CMGE:
                swar(c, i);
                break;
            case ADDP:
                addp(c, i);
                break;
            case SMAXP:
            case UMAXP:
            case SMINP:
            case UMINP:
                pairwise(c, i);
                break;
            default:
                elementwise(c, i);
        }
    }

    /** Writes a result: Q forms both halves, 64-bit forms zero the upper half. */
    static void write(Cpu c, Insn i, long lo, long hi) {
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = i.is64 ? hi : 0;
    }

    /** Writes a narrowed 64-bit result: lower half (upper zeroed), the upper half for the "2" forms, or a scalar. */
    static void writeNarrow(Cpu c, Insn i, long r) {
        if (i.cond == 1) {
            Vec.setScalar(c, i.rd, r);
        } else if (i.is64) {
            c.v[2 * i.rd + 1] = r;
        } else {
            c.v[2 * i.rd] = r;
            c.v[2 * i.rd + 1] = 0;
        }
    }

    private static long logical(int op, long n, long m) {
        switch (op) {
            case AND:
                return n & m;
            case BIC:
                return n & ~m;
            case ORR:
                return n | m;
            case ORN:
                return n | ~m;
            default:
                return n ^ m;
        }
    }

    private static void logical(Cpu c, Insn i) {
        long[] v = c.v;
        long lo = logical(i.op, v[2 * i.rn], v[2 * i.rm]);
        long hi = logical(i.op, v[2 * i.rn + 1], v[2 * i.rm + 1]);
        write(c, i, lo, hi);
    }

    /** BSL/BIT/BIF: bitwise select between n and the destination (or m) under a mask. */
    private static long select(int op, long d, long n, long m) {
        switch (op) {
            case BSL:
                return (n & d) | (m & ~d);
            case BIT:
                return (n & m) | (d & ~m);
            default:
                return (d & m) | (n & ~m);
        }
    }

    private static void select(Cpu c, Insn i) {
        long[] v = c.v;
        long lo = select(i.op, v[2 * i.rd], v[2 * i.rn], v[2 * i.rm]);
        long hi = select(i.op, v[2 * i.rd + 1], v[2 * i.rn + 1], v[2 * i.rm + 1]);
        write(c, i, lo, hi);
    }

    private static long swar(int op, long n, long m, int size) {
        switch (op) {
            case ADD:
                return Swar.add(n, m, size);
            case SUB:
                return Swar.sub(n, m, size);
            case CMEQ:
                return Swar.cmeq(n, m, size);
            case CMTST:
                return Swar.cmtst(n, m, size);
            case CMHI:
                return Swar.cmhi(n, m, size);
            case CMHS:
                return Swar.cmhs(n, m, size);
            case CMGT:
                return Swar.cmgt(n, m, size);
            default:
                return Swar.cmge(n, m, size);
        }
    }

    private static void swar(Cpu c, Insn i) {
        long[] v = c.v;
        long lo = swar(i.op, v[2 * i.rn], v[2 * i.rm], i.size);
        long hi = i.is64 ? swar(i.op, v[2 * i.rn + 1], v[2 * i.rm + 1], i.size) : 0;
        write(c, i, lo, hi);
    }

    /** ADDP (vector): pairwise sums of the concatenation Vm:Vn; ADDP (scalar, cond = 1): Vn.D[0] + Vn.D[1]. */
    private static void addp(Cpu c, Insn i) {
        long[] v = c.v;
        if (i.cond == 1) {
            Vec.setScalar(c, i.rd, v[2 * i.rn] + v[2 * i.rn + 1]);
            return;
        }
        if (i.size == 3) {
            long lo = v[2 * i.rn] + v[2 * i.rn + 1];
            long hi = v[2 * i.rm] + v[2 * i.rm + 1];
            write(c, i, lo, hi);
            return;
        }
        if (!i.is64) {
            long lo = Swar.addPairs(v[2 * i.rn], i.size) | (Swar.addPairs(v[2 * i.rm], i.size) << 32);
            write(c, i, lo, 0);
            return;
        }
        long lo = Swar.addPairs(v[2 * i.rn], i.size) | (Swar.addPairs(v[2 * i.rn + 1], i.size) << 32);
        long hi = Swar.addPairs(v[2 * i.rm], i.size) | (Swar.addPairs(v[2 * i.rm + 1], i.size) << 32);
        write(c, i, lo, hi);
    }

    /** SMAXP and friends on whole chunks: the pairs of Vn fill the low half of the result, those of Vm the high. */
    private static void pairwise(Cpu c, Insn i) {
        boolean signed = i.op == SMAXP || i.op == SMINP;
        boolean max = i.op == SMAXP || i.op == UMAXP;
        long[] v = c.v;
        int size = i.size;
        if (!i.is64) {
            long lo = Swar.minMaxPairs(v[2 * i.rn], size, signed, max)
                    | Swar.minMaxPairs(v[2 * i.rm], size, signed, max) << 32;
            write(c, i, lo, 0);
            return;
        }
        long lo = Swar.minMaxPairs(v[2 * i.rn], size, signed, max)
                | Swar.minMaxPairs(v[2 * i.rn + 1], size, signed, max) << 32;
        long hi = Swar.minMaxPairs(v[2 * i.rm], size, signed, max)
                | Swar.minMaxPairs(v[2 * i.rm + 1], size, signed, max) << 32;
        write(c, i, lo, hi);
    }

    private static void elementwise(Cpu c, Insn i) {
        int n = i.cond;
        int size = i.size;
        int bits = 8 << size;
        long mask = Vec.MASK[size];
        long[] v = c.v;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int pos = e * bits;
            int w = pos >>> 6;
            int sh = pos & 63;
            long a = (v[2 * i.rn + w] >>> sh) & mask;
            long b = (v[2 * i.rm + w] >>> sh) & mask;
            long d = (v[2 * i.rd + w] >>> sh) & mask;
            long r = (lane(c, i.op, a, b, d, size) & mask) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        write(c, i, lo, hi);
    }

    /** Sign-extends an element of {@code size}. */
    static long sx(long a, int size) {
        int s = 64 - (8 << size);
        return (a << s) >> s;
    }

    /** One element of an element-wise operation: a, b, d are zero-extended elements of Vn, Vm, Vd. */
    static long lane(Cpu c, int op, long a, long b, long d, int size) {
        switch (op) {
            case SHADD:
                return halving(sx(a, size), sx(b, size), 0, false);
            case UHADD:
                return halving(a, b, 0, true);
            case SRHADD:
                return halving(sx(a, size), sx(b, size), 1, false);
            case URHADD:
                return halving(a, b, 1, true);
            case SHSUB:
                return halvingSub(sx(a, size), sx(b, size));
            case UHSUB:
                return halvingSub(a, b);
            case SQADD:
                return SimdSat.addSigned(c, sx(a, size), sx(b, size), size);
            case UQADD:
                return SimdSat.addUnsigned(c, a, b, size);
            case SQSUB:
                return SimdSat.subSigned(c, sx(a, size), sx(b, size), size);
            case UQSUB:
                return SimdSat.subUnsigned(c, a, b, size);
            case SSHL:
                return SimdSat.shiftReg(c, sx(a, size), (byte) b, size, false, false, false);
            case USHL:
                return SimdSat.shiftReg(c, a, (byte) b, size, true, false, false);
            case SRSHL:
                return SimdSat.shiftReg(c, sx(a, size), (byte) b, size, false, true, false);
            case URSHL:
                return SimdSat.shiftReg(c, a, (byte) b, size, true, true, false);
            case SQSHL:
                return SimdSat.shiftReg(c, sx(a, size), (byte) b, size, false, false, true);
            case UQSHL:
                return SimdSat.shiftReg(c, a, (byte) b, size, true, false, true);
            case SQRSHL:
                return SimdSat.shiftReg(c, sx(a, size), (byte) b, size, false, true, true);
            case UQRSHL:
                return SimdSat.shiftReg(c, a, (byte) b, size, true, true, true);
            case SMAX:
                return Math.max(sx(a, size), sx(b, size));
            case UMAX:
                return Long.compareUnsigned(a, b) >= 0 ? a : b;
            case SMIN:
                return Math.min(sx(a, size), sx(b, size));
            case UMIN:
                return Long.compareUnsigned(a, b) <= 0 ? a : b;
            case SABD:
                return Math.abs(sx(a, size) - sx(b, size));
            case UABD:
                return Math.abs(a - b);
            case SABA:
                return d + Math.abs(sx(a, size) - sx(b, size));
            case UABA:
                return d + Math.abs(a - b);
            case MUL:
                return a * b;
            case MLA:
                return d + a * b;
            case MLS:
                return d - a * b;
            case PMUL:
                return polyMul(a, b);
            case SQDMULH:
                return SimdSat.doublingMulHigh(c, sx(a, size), sx(b, size), size, false);
            case SQRDMULH:
                return SimdSat.doublingMulHigh(c, sx(a, size), sx(b, size), size, true);
            default:
                throw new IllegalStateException("lane op " + op);
        }
    }

    /** (a + b + round) >> 1 without losing the carry (elements are at most 32 bits here; 64-bit safe anyway). */
    private static long halving(long a, long b, int round, boolean unsigned) {
        if (unsigned) {
            return (a >>> 1) + (b >>> 1) + (((a & 1) + (b & 1) + round) >>> 1);
        }
        return (a >> 1) + (b >> 1) + (((a & 1) + (b & 1) + round) >> 1);
    }

    /** (a - b) >> 1 of sign- or zero-extended elements of at most 32 bits: exact in 64 bits. */
    private static long halvingSub(long a, long b) {
        return (a - b) >> 1;
    }

    /** Polynomial (carry-less) multiplication over GF(2), truncated to the element by the caller. */
    static long polyMul(long a, long b) {
        long r = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                r ^= a;
            }
            a <<= 1;
            b >>>= 1;
        }
        return r;
    }
}
