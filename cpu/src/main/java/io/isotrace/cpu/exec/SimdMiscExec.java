package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/**
 * Advanced SIMD integer two-register miscellaneous (vector and scalar) and across-lanes operations (Arm ARM
 * "Advanced SIMD two-register miscellaneous", "scalar two-register miscellaneous", "across lanes"). Operands as
 * in {@link SimdIntExec}: {@code size} the element size of the operation (for the narrowing XTN family the
 * destination's), {@code cond} the element count, {@code is64} Q.
 */
public final class SimdMiscExec {
    private static final int G = SimdExec.MISC;

    public static final int REV16 = G;
    public static final int REV32 = G + 1;
    public static final int REV64 = G + 2;
    public static final int CNT = G + 3;
    public static final int NOT = G + 4;
    public static final int RBIT = G + 5;
    // Element-wise unary through unary():
    public static final int CLS = G + 6;
    public static final int CLZ = G + 7;
    public static final int ABS = G + 8;
    public static final int NEG = G + 9;
    public static final int SQABS = G + 10;
    public static final int SQNEG = G + 11;
    public static final int CMGT0 = G + 12;
    public static final int CMEQ0 = G + 13;
    public static final int CMLT0 = G + 14;
    public static final int CMGE0 = G + 15;
    public static final int CMLE0 = G + 16;
    /** SUQADD/USQADD accumulate into the destination. */
    public static final int SUQADD = G + 17;
    public static final int USQADD = G + 18;
    // Narrowing (size = destination element size; is64 = the "2" form writing the upper half):
    public static final int XTN = G + 19;
    public static final int SQXTN = G + 20;
    public static final int UQXTN = G + 21;
    public static final int SQXTUN = G + 22;
    // Widening (size = source element size):
    public static final int SHLL = G + 23;
    public static final int SADDLP = G + 24;
    public static final int UADDLP = G + 25;
    public static final int SADALP = G + 26;
    public static final int UADALP = G + 27;
    // Across lanes (size = source element size):
    public static final int ADDV = G + 28;
    public static final int SADDLV = G + 29;
    public static final int UADDLV = G + 30;
    public static final int SMAXV = G + 31;
    public static final int UMAXV = G + 32;
    public static final int SMINV = G + 33;
    public static final int UMINV = G + 34;

    private SimdMiscExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case REV16:
            case REV32:
            case REV64:
            case CNT:
            case NOT:
            case RBIT:
                chunkwise(c, i);
                break;
            case XTN:
            case SQXTN:
            case UQXTN:
            case SQXTUN:
                narrow(c, i);
                break;
            case SHLL:
                shll(c, i);
                break;
            case SADDLP:
            case UADDLP:
            case SADALP:
            case UADALP:
                addLongPairwise(c, i);
                break;
            case CMGT0:
            case CMEQ0:
            case CMLT0:
            case CMGE0:
            case CMLE0:
            case NEG:
                compareZero(c, i);
                break;
            case ADDV:
            case SADDLV:
            case UADDLV:
            case SMAXV:
            case UMAXV:
            case SMINV:
            case UMINV:
                acrossLanes(c, i);
                break;
            default:
                unary(c, i);
        }
    }

    private static long zeroCompare(int op, long x, int size) {
        switch (op) {
            case CMGT0:
                return Swar.cmgt(x, 0, size);
            case CMEQ0:
                return Swar.cmeq(x, 0, size);
            case CMLT0:
                return Swar.cmgt(0, x, size);
            case CMGE0:
                return Swar.cmge(x, 0, size);
            case CMLE0:
                return Swar.cmge(0, x, size);
            default:
                return Swar.sub(0, x, size);
        }
    }

    /** The compares with zero and NEG, lane-parallel on chunks (scalar forms are 64-bit, one chunk). */
    private static void compareZero(Cpu c, Insn i) {
        long lo = zeroCompare(i.op, c.v[2 * i.rn], i.size);
        long hi = i.is64 ? zeroCompare(i.op, c.v[2 * i.rn + 1], i.size) : 0;
        SimdIntExec.write(c, i, lo, hi);
    }

    private static long chunk(int op, long x, int size) {
        switch (op) {
            case REV16:
                return reverseWithin(x, size, 16);
            case REV32:
                return reverseWithin(x, size, 32);
            case REV64:
                return reverseWithin(x, size, 64);
            case CNT:
                return popcountBytes(x);
            case NOT:
                return ~x;
            default:
                return Long.reverseBytes(Long.reverse(x));
        }
    }

    private static void chunkwise(Cpu c, Insn i) {
        long lo = chunk(i.op, c.v[2 * i.rn], i.size);
        long hi = i.is64 ? chunk(i.op, c.v[2 * i.rn + 1], i.size) : 0;
        SimdIntExec.write(c, i, lo, hi);
    }

    /** Reverses the order of elements of {@code size} within each container of {@code container} bits. */
    static long reverseWithin(long x, int size, int container) {
        for (int w = 8 << size; w < container; w <<= 1) {
            long m = SWAP_MASK[Integer.numberOfTrailingZeros(w) - 3];
            x = ((x >>> w) & m) | ((x & m) << w);
        }
        return x;
    }

    /** For swapping adjacent fields of width 8, 16, 32: the low field of every pair. */
    private static final long[] SWAP_MASK = {0x00FF_00FF_00FF_00FFL, 0x0000_FFFF_0000_FFFFL, 0x0000_0000_FFFF_FFFFL};

    /** Population count of every byte (CNT). */
    static long popcountBytes(long x) {
        x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        return (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    private static void unary(Cpu c, Insn i) {
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
            long d = (v[2 * i.rd + w] >>> sh) & mask;
            long r = (unaryLane(c, i.op, a, d, size) & mask) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    private static long unaryLane(Cpu c, int op, long a, long d, int size) {
        int bits = 8 << size;
        long s = SimdIntExec.sx(a, size);
        switch (op) {
            case CLS:
                return Long.numberOfLeadingZeros(s ^ (s >> 63)) - (64 - bits) - 1;
            case CLZ:
                return Long.numberOfLeadingZeros(a) - (64 - bits);
            case ABS:
                return Math.abs(s);
            case SQABS:
                return s == SimdSat.smin(size) ? saturatedMax(c, size) : Math.abs(s);
            case SQNEG:
                return s == SimdSat.smin(size) ? saturatedMax(c, size) : -s;
            case SUQADD:
                return suqadd(c, SimdIntExec.sx(d, size), a, size);
            default:
                return usqadd(c, d, s, size);
        }
    }

    /** The most negative element negated: the largest positive one, with QC set. */
    private static long saturatedMax(Cpu c, int size) {
        c.fpsr |= FpBits.QC;
        return SimdSat.smax(size);
    }

    /** SUQADD: signed accumulator plus unsigned operand, signed saturation. */
    private static long suqadd(Cpu c, long acc, long u, int size) {
        if (size == 3) {
            long r = acc + u;
            // The true sum exceeds Long.MAX_VALUE: always when u >= 2^63 and acc >= 0; otherwise when the
            // wrapped sum reads negative although no negative result is possible.
            boolean over = u < 0 ? (acc >= 0 || r < 0) : (acc >= 0 && r < 0);
            if (over) {
                c.fpsr |= FpBits.QC;
                return Long.MAX_VALUE;
            }
            return r;
        }
        return SimdSat.signed(c, acc + u, size);
    }

    /** USQADD: unsigned accumulator plus signed operand, unsigned saturation. */
    private static long usqadd(Cpu c, long acc, long s, int size) {
        if (size == 3) {
            long r = acc + s;
            if (s < 0 ? Long.compareUnsigned(r, acc) > 0 : Long.compareUnsigned(r, acc) < 0) {
                c.fpsr |= FpBits.QC;
                return s < 0 ? 0 : -1L;
            }
            return r;
        }
        long r = acc + s;
        return SimdSat.unsignedOfSigned(c, r, size);
    }

    /**
     * XTN/SQXTN/UQXTN/SQXTUN: each element of Vn (twice the size) narrowed to {@code size}; the 64-bit result goes
     * to the lower half of Vd (upper zeroed), or with Q to the upper half (the lower kept). Scalar forms (cond 1)
     * narrow one element.
     */
    private static void narrow(Cpu c, Insn i) {
        int size = i.size;
        int src = size + 1;
        int n = i.cond == 1 ? 1 : 8 >> size;
        long r = 0;
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, e, src);
            long x;
            switch (i.op) {
                case XTN:
                    x = a;
                    break;
                case SQXTN:
                    x = SimdSat.signed(c, SimdIntExec.sx(a, src), size);
                    break;
                case UQXTN:
                    x = SimdSat.unsigned(c, a, size);
                    break;
                default:
                    x = SimdSat.unsignedOfSigned(c, SimdIntExec.sx(a, src), size);
            }
            r |= (x & Vec.MASK[size]) << (e << (3 + size));
        }
        SimdIntExec.writeNarrow(c, i, r);
    }

    /** SHLL/SHLL2: each element of half of Vn widened and shifted left by its size. */
    private static void shll(Cpu c, Insn i) {
        int size = i.size;
        int bits = 8 << size;
        long src = c.v[2 * i.rn + (i.is64 ? 1 : 0)];
        int n = 8 >> size;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            long x = Vec.lane(src, e, size) << bits;
            int pos = e * 2 * bits;
            if (pos < 64) {
                lo |= x << pos;
            } else {
                hi |= x << (pos - 64);
            }
        }
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = hi;
    }

    /** SADDLP/UADDLP (and the accumulating SADALP/UADALP): adjacent pairs added into elements twice as wide. */
    private static void addLongPairwise(Cpu c, Insn i) {
        int size = i.size;
        int wide = size + 1;
        int n = i.cond / 2;
        boolean signed = i.op == SADDLP || i.op == SADALP;
        boolean acc = i.op == SADALP || i.op == UADALP;
        long lo = 0;
        long hi = 0;
        int wbits = 16 << size;
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, 2 * e, size);
            long b = Vec.get(c.v, i.rn, 2 * e + 1, size);
            long sum = signed ? SimdIntExec.sx(a, size) + SimdIntExec.sx(b, size) : a + b;
            if (acc) {
                sum += Vec.get(c.v, i.rd, e, wide);
            }
            sum &= Vec.MASK[wide];
            int pos = e * wbits;
            if (pos < 64) {
                lo |= sum << pos;
            } else {
                hi |= sum << (pos - 64);
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    /** ADDV, S/UADDLV, S/UMAXV, S/UMINV: one scalar result from all elements. */
    private static void acrossLanes(Cpu c, Insn i) {
        int size = i.size;
        int n = i.cond;
        int op = i.op;
        long r = op == SMAXV || op == SMINV ? SimdIntExec.sx(Vec.get(c.v, i.rn, 0, size), size)
                : op == ADDV || op == SADDLV || op == UADDLV ? 0 : Vec.get(c.v, i.rn, 0, size);
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, e, size);
            switch (op) {
                case ADDV:
                case UADDLV:
                    r += a;
                    break;
                case SADDLV:
                    r += SimdIntExec.sx(a, size);
                    break;
                case SMAXV:
                    r = Math.max(r, SimdIntExec.sx(a, size));
                    break;
                case SMINV:
                    r = Math.min(r, SimdIntExec.sx(a, size));
                    break;
                case UMAXV:
                    r = Math.max(r, a);
                    break;
                default:
                    r = Math.min(r, a);
            }
        }
        int resultSize = op == SADDLV || op == UADDLV ? size + 1 : size;
        Vec.setScalar(c, i.rd, r & Vec.MASK[resultSize]);
    }
}
