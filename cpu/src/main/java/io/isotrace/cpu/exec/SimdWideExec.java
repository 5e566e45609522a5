package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/**
 * Advanced SIMD shifts by immediate (vector and scalar), three-different (widening, narrowing and "wide" forms)
 * and integer by-element operations (Arm ARM "shift by immediate", "three different", "vector x indexed element",
 * and their scalar forms). {@code size} is always the narrow element size of the encoding (the source of widening
 * operations, the destination of narrowing ones); {@code amount} the immediate shift; {@code is64} Q (for widening
 * and narrowing: the "2" form using the upper half); {@code cond} the element count; by-element forms have
 * {@code shift} = 1 and the Vm element index in {@code imm2}.
 */
public final class SimdWideExec {
    private static final int G = SimdExec.WIDE;

    // Shifts by immediate, element-wise (same size in and out):
    public static final int SSHR = G;
    public static final int USHR = G + 1;
    public static final int SRSHR = G + 2;
    public static final int URSHR = G + 3;
    public static final int SSRA = G + 4;
    public static final int USRA = G + 5;
    public static final int SRSRA = G + 6;
    public static final int URSRA = G + 7;
    public static final int SRI = G + 8;
    public static final int SHL = G + 9;
    public static final int SLI = G + 10;
    public static final int SQSHL_IMM = G + 11;
    public static final int UQSHL_IMM = G + 12;
    public static final int SQSHLU = G + 13;
    // Narrowing shifts:
    public static final int SHRN = G + 14;
    public static final int RSHRN = G + 15;
    public static final int SQSHRN = G + 16;
    public static final int UQSHRN = G + 17;
    public static final int SQRSHRN = G + 18;
    public static final int UQRSHRN = G + 19;
    public static final int SQSHRUN = G + 20;
    public static final int SQRSHRUN = G + 21;
    // Widening (long) forms: result elements twice the size, from half of each source:
    public static final int SSHLL = G + 22;
    public static final int USHLL = G + 23;
    public static final int SADDL = G + 24;
    public static final int UADDL = G + 25;
    public static final int SSUBL = G + 26;
    public static final int USUBL = G + 27;
    public static final int SADDW = G + 28;
    public static final int UADDW = G + 29;
    public static final int SSUBW = G + 30;
    public static final int USUBW = G + 31;
    public static final int SABAL = G + 32;
    public static final int UABAL = G + 33;
    public static final int SABDL = G + 34;
    public static final int UABDL = G + 35;
    public static final int SMLAL = G + 36;
    public static final int UMLAL = G + 37;
    public static final int SMLSL = G + 38;
    public static final int UMLSL = G + 39;
    public static final int SMULL = G + 40;
    public static final int UMULL = G + 41;
    public static final int SQDMLAL = G + 42;
    public static final int SQDMLSL = G + 43;
    public static final int SQDMULL = G + 44;
    public static final int PMULL = G + 45;
    // Narrowing high half of a wide sum/difference:
    public static final int ADDHN = G + 46;
    public static final int RADDHN = G + 47;
    public static final int SUBHN = G + 48;
    public static final int RSUBHN = G + 49;
    /** Same-size ops by element (MUL, MLA, MLS, SQDMULH, SQRDMULH): imm holds the SimdIntExec op. */
    public static final int BY_ELEMENT = G + 50;

    private SimdWideExec() {
    }

    static void execute(Cpu c, Insn i) {
        int op = i.op;
        if (op <= SQSHLU) {
            shiftImmediate(c, i);
        } else if (op <= SQRSHRUN) {
            narrowShift(c, i);
        } else if (op <= PMULL) {
            if (op == PMULL && i.size == 3) {
                pmull64(c, i);
            } else if (op <= USUBW && i.shift == 0 && i.cond != 1) {
                wideningSwar(c, i);
            } else {
                widening(c, i);
            }
        } else if (op <= RSUBHN) {
            narrowHigh(c, i);
        } else if (op == BY_ELEMENT) {
            byElement(c, i);
        } else {
            throw Executor.unknownOp(i);
        }
    }

    private static void shiftImmediate(Cpu c, Insn i) {
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
            long r = (shiftLane(c, i.op, a, d, i.amount, size) & mask) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }

    private static long shiftLane(Cpu c, int op, long a, long d, int shift, int size) {
        long s = SimdIntExec.sx(a, size);
        switch (op) {
            case SSHR:
                return SimdSat.shiftRight(s, shift, false, false);
            case USHR:
                return SimdSat.shiftRight(a, shift, true, false);
            case SRSHR:
                return SimdSat.shiftRight(s, shift, false, true);
            case URSHR:
                return SimdSat.shiftRight(a, shift, true, true);
            case SSRA:
                return d + SimdSat.shiftRight(s, shift, false, false);
            case USRA:
                return d + SimdSat.shiftRight(a, shift, true, false);
            case SRSRA:
                return d + SimdSat.shiftRight(s, shift, false, true);
            case URSRA:
                return d + SimdSat.shiftRight(a, shift, true, true);
            case SRI: {
                long keep = shift >= 64 ? -1L : ~(Vec.MASK[size] >>> shift);
                return (d & keep) | SimdSat.shiftRight(a, shift, true, false);
            }
            case SHL:
                return a << shift;
            case SLI:
                return (d & ((1L << shift) - 1)) | (a << shift);
            case SQSHL_IMM:
                return SimdSat.shiftLeftSat(c, s, shift, size, false, false);
            case UQSHL_IMM:
                return SimdSat.shiftLeftSat(c, a, shift, size, true, true);
            default:
                return SimdSat.shiftLeftSat(c, s, shift, size, false, true);
        }
    }


    /** SHRN and the saturating/rounding narrowing shifts: Vn elements of twice the size, shifted right, narrowed. */
    private static void narrowShift(Cpu c, Insn i) {
        int size = i.size;
        if (i.op == SHRN) {
            // Lane-parallel: after a whole-chunk shift (at most the narrow size), the low half of each wide lane
            // holds exactly the bits the narrowing keeps.
            long lo = Swar.compactEven((c.v[2 * i.rn] >>> i.amount) & Swar.evenMask(size), size);
            long hi = Swar.compactEven((c.v[2 * i.rn + 1] >>> i.amount) & Swar.evenMask(size), size);
            SimdIntExec.writeNarrow(c, i, lo | hi << 32);
            return;
        }
        int src = size + 1;
        int n = i.cond == 1 ? 1 : 8 >> size;
        int op = i.op;
        boolean round = op == RSHRN || op == SQRSHRN || op == UQRSHRN || op == SQRSHRUN;
        boolean unsignedIn = op == UQSHRN || op == UQRSHRN || op == SHRN || op == RSHRN;
        long r = 0;
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, e, src);
            long x = SimdSat.shiftRight(unsignedIn ? a : SimdIntExec.sx(a, src), i.amount, unsignedIn, round);
            switch (op) {
                case SQSHRN:
                case SQRSHRN:
                    x = SimdSat.signed(c, x, size);
                    break;
                case UQSHRN:
                case UQRSHRN:
                    x = SimdSat.unsigned(c, x, size);
                    break;
                case SQSHRUN:
                case SQRSHRUN:
                    x = SimdSat.unsignedOfSigned(c, x, size);
                    break;
                default:
            }
            r |= (x & Vec.MASK[size]) << (e << (3 + size));
        }
        SimdIntExec.writeNarrow(c, i, r);
    }

    private static boolean signedOp(int op) {
        switch (op) {
            case SSHLL:
            case SADDL:
            case SSUBL:
            case SADDW:
            case SSUBW:
            case SABAL:
            case SABDL:
            case SMLAL:
            case SMLSL:
            case SMULL:
            case SQDMLAL:
            case SQDMLSL:
            case SQDMULL:
                return true;
            default:
                return false;
        }
    }

    /**
     * The long forms: each result element (twice the size) from element e of the selected half of Vn and Vm (or
     * Vm's indexed element), and of Vd for the accumulating ones; the wide forms take Vn whole.
     */
    private static void widening(Cpu c, Insn i) {
        int size = i.size;
        int wide = size + 1;
        int op = i.op;
        boolean signed = signedOp(op);
        boolean wideN = op == SADDW || op == UADDW || op == SSUBW || op == USUBW;
        boolean scalar = i.cond == 1;
        int n = scalar ? 1 : 8 >> size;
        long nHalf = c.v[2 * i.rn + (i.is64 ? 1 : 0)];
        long mHalf = c.v[2 * i.rm + (i.is64 ? 1 : 0)];
        long fixedM = i.shift == 1 ? Vec.get(c.v, i.rm, (int) i.imm2, size) : 0;
        long lo = 0;
        long hi = 0;
        int wbits = 16 << size;
        for (int e = 0; e < n; e++) {
            long a = wideN ? Vec.get(c.v, i.rn, e, wide) : Vec.lane(nHalf, e, size);
            long b = i.shift == 1 ? fixedM : Vec.lane(mHalf, e, size);
            if (signed) {
                a = wideN ? SimdIntExec.sx(a, wide) : SimdIntExec.sx(a, size);
                b = SimdIntExec.sx(b, size);
            }
            if (op == SSHLL || op == USHLL) {
                b = i.amount;
            }
            long d = Vec.get(c.v, i.rd, e, wide);
            long r = wideLane(c, op, a, b, d, size) & Vec.MASK[wide];
            int pos = e * wbits;
            if (pos < 64) {
                lo |= size == 2 ? r : r << pos;
            } else {
                hi |= size == 2 ? r : r << (pos - 64);
            }
        }
        if (scalar) {
            Vec.setScalar(c, i.rd, lo);
        } else {
            c.v[2 * i.rd] = lo;
            c.v[2 * i.rd + 1] = hi;
        }
    }

    /**
     * The widening adds, subtracts and shifts on whole chunks: each 32-bit quarter of the source half widens to
     * one 64-bit chunk of the result ({@link Swar#widen}).
     */
    private static void wideningSwar(Cpu c, Insn i) {
        int op = i.op;
        int size = i.size;
        int wide = size + 1;
        boolean signed = signedOp(op);
        long n = c.v[2 * i.rn + (i.is64 ? 1 : 0)];
        long m = c.v[2 * i.rm + (i.is64 ? 1 : 0)];
        long lo;
        long hi;
        switch (op) {
            case SSHLL:
            case USHLL:
                lo = Swar.shiftLeft(Swar.widen(n, size, signed), i.amount, wide);
                hi = Swar.shiftLeft(Swar.widen(n >>> 32, size, signed), i.amount, wide);
                break;
            case SADDW:
            case UADDW:
                lo = Swar.add(c.v[2 * i.rn], Swar.widen(m, size, signed), wide);
                hi = Swar.add(c.v[2 * i.rn + 1], Swar.widen(m >>> 32, size, signed), wide);
                break;
            case SSUBW:
            case USUBW:
                lo = Swar.sub(c.v[2 * i.rn], Swar.widen(m, size, signed), wide);
                hi = Swar.sub(c.v[2 * i.rn + 1], Swar.widen(m >>> 32, size, signed), wide);
                break;
            case SADDL:
            case UADDL:
                lo = Swar.add(Swar.widen(n, size, signed), Swar.widen(m, size, signed), wide);
                hi = Swar.add(Swar.widen(n >>> 32, size, signed), Swar.widen(m >>> 32, size, signed), wide);
                break;
            default:
                lo = Swar.sub(Swar.widen(n, size, signed), Swar.widen(m, size, signed), wide);
                hi = Swar.sub(Swar.widen(n >>> 32, size, signed), Swar.widen(m >>> 32, size, signed), wide);
        }
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = hi;
    }

    private static long wideLane(Cpu c, int op, long a, long b, long d, int size) {
        switch (op) {
            case SSHLL:
            case USHLL:
                return a << b;
            case SADDL:
            case UADDL:
            case SADDW:
            case UADDW:
                return a + b;
            case SSUBL:
            case USUBL:
            case SSUBW:
            case USUBW:
                return a - b;
            case SABAL:
            case UABAL:
                return d + Math.abs(a - b);
            case SABDL:
            case UABDL:
                return Math.abs(a - b);
            case SMLAL:
            case UMLAL:
                return d + a * b;
            case SMLSL:
            case UMLSL:
                return d - a * b;
            case SMULL:
            case UMULL:
                return a * b;
            case SQDMULL:
                return doublingProduct(c, a, b, size);
            case SQDMLAL:
                return SimdSat.addSigned(c, SimdIntExec.sx(d, size + 1), doublingProduct(c, a, b, size), size + 1);
            case SQDMLSL:
                return SimdSat.subSigned(c, SimdIntExec.sx(d, size + 1), doublingProduct(c, a, b, size), size + 1);
            default:
                return SimdIntExec.polyMul(a, b);
        }
    }

    /** 2 * a * b saturated to twice the element size (only min * min saturates). */
    private static long doublingProduct(Cpu c, long a, long b, int size) {
        long min = SimdSat.smin(size);
        if (a == min && b == min) {
            c.fpsr |= FpBits.QC;
            return SimdSat.smax(size + 1);
        }
        return 2 * a * b;
    }

    /** PMULL/PMULL2 with 64-bit elements: the 128-bit carry-less product. */
    private static void pmull64(Cpu c, Insn i) {
        long a = c.v[2 * i.rn + (i.is64 ? 1 : 0)];
        long b = c.v[2 * i.rm + (i.is64 ? 1 : 0)];
        long lo = 0;
        long hi = 0;
        for (int k = 0; k < 64; k++) {
            if ((b >>> k & 1) != 0) {
                lo ^= a << k;
                hi ^= k == 0 ? 0 : a >>> (64 - k);
            }
        }
        c.v[2 * i.rd] = lo;
        c.v[2 * i.rd + 1] = hi;
    }

    /** ADDHN/SUBHN (and rounding): the high half of each wide sum or difference, narrowed. */
    private static void narrowHigh(Cpu c, Insn i) {
        int size = i.size;
        int wide = size + 1;
        int bits = 8 << size;
        int n = 8 >> size;
        long r = 0;
        for (int e = 0; e < n; e++) {
            long a = Vec.get(c.v, i.rn, e, wide);
            long b = Vec.get(c.v, i.rm, e, wide);
            long x = i.op == ADDHN || i.op == RADDHN ? a + b : a - b;
            if (i.op == RADDHN || i.op == RSUBHN) {
                x += 1L << (bits - 1);
            }
            long h = x >>> bits;
            r |= (h & Vec.MASK[size]) << (e * bits);
        }
        SimdIntExec.writeNarrow(c, i, r);
    }

    /** MUL/MLA/MLS/SQDMULH/SQRDMULH by element: each element of Vn with Vm[index]. */
    private static void byElement(Cpu c, Insn i) {
        int n = i.cond;
        int size = i.size;
        int bits = 8 << size;
        long mask = Vec.MASK[size];
        long b = Vec.get(c.v, i.rm, (int) i.imm2, size);
        int op = (int) i.imm;
        long[] v = c.v;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < n; e++) {
            int pos = e * bits;
            int w = pos >>> 6;
            int sh = pos & 63;
            long a = (v[2 * i.rn + w] >>> sh) & mask;
            long d = (v[2 * i.rd + w] >>> sh) & mask;
            long r = (SimdIntExec.lane(c, op, a, b, d, size) & mask) << sh;
            if (w == 0) {
                lo |= r;
            } else {
                hi |= r;
            }
        }
        SimdIntExec.write(c, i, lo, hi);
    }
}
