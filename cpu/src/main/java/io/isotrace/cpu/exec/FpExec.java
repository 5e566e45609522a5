package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

import static io.isotrace.cpu.exec.FpBits.D;

/**
 * Scalar floating point (Arm ARM C4.1.96: FP data-processing 1/2/3 source, compare, conditional compare and select,
 * immediate, conversions to and from integers and fixed point). Operands: {@code rd rn rm ra} are V register
 * numbers (or general register indices for the integer side of conversions and FMOV), {@code size} the format
 * (1 H, 2 S, 3 D). The arithmetic itself is in {@link FpArith} and {@link FpConvert}.
 */
public final class FpExec {
    private static final int G = Ops.GROUP_FP << Ops.GROUP_SHIFT;

    public static final int FMOV = G;
    public static final int FMOV_TO_W = G + 1;
    public static final int FMOV_TO_X = G + 2;
    public static final int FMOV_TO_X_TOP = G + 3;
    public static final int FMOV_FROM_W = G + 4;
    public static final int FMOV_FROM_X = G + 5;
    public static final int FMOV_FROM_X_TOP = G + 6;
    public static final int FMOV_IMM = G + 7;
    public static final int FABS = G + 8;
    public static final int FNEG = G + 9;
    public static final int FSQRT_S = G + 10;
    public static final int FSQRT_D = G + 11;
    /** FCVT between formats: size is the source, opt the destination. */
    public static final int FCVT = G + 12;
    /** FRINT*: opt the rounding mode (-1: FPCR), amount 1 for FRINTX (signals Inexact). */
    public static final int FRINT = G + 13;
    public static final int FADD_S = G + 14;
    public static final int FADD_D = G + 15;
    public static final int FSUB_S = G + 16;
    public static final int FSUB_D = G + 17;
    public static final int FMUL_S = G + 18;
    public static final int FMUL_D = G + 19;
    public static final int FDIV_S = G + 20;
    public static final int FDIV_D = G + 21;
    public static final int FNMUL = G + 22;
    public static final int FMAX = G + 23;
    public static final int FMIN = G + 24;
    public static final int FMAXNM = G + 25;
    public static final int FMINNM = G + 26;
    /** FMADD family: imm bit 0 negates the product operand Rn, bit 1 the addend Ra. */
    public static final int FMADD_S = G + 27;
    public static final int FMADD_D = G + 28;
    /** FCMP/FCMPE: amount 1 signals on quiet NaNs (E), rm = -1 compares with zero. */
    public static final int FCMP = G + 29;
    /** FCCMP/FCCMPE: cond, the NZCV to set when false in imm. */
    public static final int FCCMP = G + 30;
    public static final int FCSEL = G + 31;
    /** FP to integer: opt rounding mode, shift 1 unsigned, is64 64-bit destination, amount fbits. */
    public static final int FCVT_TO_INT = G + 32;
    /** Integer to FP: shift 1 unsigned, is64 64-bit source, amount fbits. */
    public static final int CVT_FROM_INT = G + 33;

    private FpExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case FMOV:
                Vec.setScalar(c, i.rd, c.v[2 * i.rn] & FpBits.mask(i.size));
                break;
            case FMOV_TO_W:
                c.x[i.rd] = c.v[2 * i.rn] & 0xFFFF_FFFFL;
                break;
            case FMOV_TO_X:
                c.x[i.rd] = c.v[2 * i.rn];
                break;
            case FMOV_TO_X_TOP:
                c.x[i.rd] = c.v[2 * i.rn + 1];
                break;
            case FMOV_FROM_W:
                Vec.setScalar(c, i.rd, c.x[i.rn] & 0xFFFF_FFFFL);
                break;
            case FMOV_FROM_X:
                Vec.setScalar(c, i.rd, c.x[i.rn]);
                break;
            case FMOV_FROM_X_TOP:
                c.v[2 * i.rd + 1] = c.x[i.rn];
                break;
            case FMOV_IMM:
                Vec.setScalar(c, i.rd, i.imm);
                break;
            case FABS:
                Vec.setScalar(c, i.rd, c.v[2 * i.rn] & (FpBits.mask(i.size) >>> 1));
                break;
            case FNEG:
                Vec.setScalar(c, i.rd, (c.v[2 * i.rn] ^ FpBits.signBit(i.size)) & FpBits.mask(i.size));
                break;
            case FSQRT_S:
                Vec.setScalar(c, i.rd, FpArith.sqrtS(c, c.v[2 * i.rn] & 0xFFFF_FFFFL));
                break;
            case FSQRT_D:
                Vec.setScalar(c, i.rd, FpArith.sqrtD(c, c.v[2 * i.rn]));
                break;
            case FCVT:
                fcvt(c, i);
                break;
            case FRINT:
                frint(c, i);
                break;
            case FADD_S:
                Vec.setScalar(c, i.rd, FpArith.addS(c, s(c, i.rn), s(c, i.rm)));
                break;
            case FADD_D:
                Vec.setScalar(c, i.rd, FpArith.addD(c, c.v[2 * i.rn], c.v[2 * i.rm]));
                break;
            case FSUB_S:
                Vec.setScalar(c, i.rd, FpArith.subS(c, s(c, i.rn), s(c, i.rm)));
                break;
            case FSUB_D:
                Vec.setScalar(c, i.rd, FpArith.subD(c, c.v[2 * i.rn], c.v[2 * i.rm]));
                break;
            case FMUL_S:
                Vec.setScalar(c, i.rd, FpArith.mulS(c, s(c, i.rn), s(c, i.rm)));
                break;
            case FMUL_D:
                Vec.setScalar(c, i.rd, FpArith.mulD(c, c.v[2 * i.rn], c.v[2 * i.rm]));
                break;
            case FDIV_S:
                Vec.setScalar(c, i.rd, FpArith.divS(c, s(c, i.rn), s(c, i.rm)));
                break;
            case FDIV_D:
                Vec.setScalar(c, i.rd, FpArith.divD(c, c.v[2 * i.rn], c.v[2 * i.rm]));
                break;
            case FNMUL:
                fnmul(c, i);
                break;
            case FMAX:
                Vec.setScalar(c, i.rd, FpArith.max(c, op(c, i.rn, i.size), op(c, i.rm, i.size), i.size));
                break;
            case FMIN:
                Vec.setScalar(c, i.rd, FpArith.min(c, op(c, i.rn, i.size), op(c, i.rm, i.size), i.size));
                break;
            case FMAXNM:
                Vec.setScalar(c, i.rd, FpArith.maxNum(c, op(c, i.rn, i.size), op(c, i.rm, i.size), i.size));
                break;
            case FMINNM:
                Vec.setScalar(c, i.rd, FpArith.minNum(c, op(c, i.rn, i.size), op(c, i.rm, i.size), i.size));
                break;
            case FMADD_S:
                fmaddS(c, i);
                break;
            case FMADD_D:
                fmaddD(c, i);
                break;
            case FCMP:
                fcmp(c, i);
                break;
            case FCCMP:
                fccmp(c, i);
                break;
            case FCSEL:
                Vec.setScalar(c, i.rd, Conditions.holds(i.cond, c.nzcv) ? op(c, i.rn, i.size) : op(c, i.rm, i.size));
                break;
            case FCVT_TO_INT:
                c.x[i.rd] = FpConvert.toInt(c, op(c, i.rn, i.size), i.size, i.opt, i.shift != 0, i.is64 ? 64 : 32,
                        i.amount);
                break;
            case CVT_FROM_INT:
                Vec.setScalar(c, i.rd, FpConvert.fromInt(c, c.x[i.rn], i.shift != 0, i.is64 ? 64 : 32, i.size,
                        i.amount, FpBits.rmode(c)));
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }

    /** The low {@code size} bits of register {@code r}. */
    static long op(Cpu c, int r, int size) {
        return c.v[2 * r] & FpBits.mask(size);
    }

    private static long s(Cpu c, int r) {
        return c.v[2 * r] & 0xFFFF_FFFFL;
    }

    private static void fcvt(Cpu c, Insn i) {
        Vec.setScalar(c, i.rd, FpConvert.convert(c, op(c, i.rn, i.size), i.size, i.opt, FpBits.rmode(c)));
    }

    private static void frint(Cpu c, Insn i) {
        int mode = i.opt < 0 ? FpBits.rmode(c) : i.opt;
        Vec.setScalar(c, i.rd, FpConvert.roundToIntegral(c, op(c, i.rn, i.size), i.size, mode, i.amount != 0));
    }

    /** FNMUL: the product, then negated (a NaN result too: FPNeg is a sign flip). */
    private static void fnmul(Cpu c, Insn i) {
        long r = i.size == D ? FpArith.mulD(c, c.v[2 * i.rn], c.v[2 * i.rm]) : FpArith.mulS(c, s(c, i.rn), s(c, i.rm));
        Vec.setScalar(c, i.rd, r ^ FpBits.signBit(i.size));
    }

    /** FMADD, FMSUB, FNMADD, FNMSUB: FPMulAdd(±Ra, ±Rn, Rm) with the negations applied first (sign flips). */
    private static void fmaddS(Cpu c, Insn i) {
        long n = s(c, i.rn) ^ ((i.imm & 1) != 0 ? 0x8000_0000L : 0);
        long a = s(c, i.ra) ^ ((i.imm & 2) != 0 ? 0x8000_0000L : 0);
        Vec.setScalar(c, i.rd, FpArith.fmaS(c, a, n, s(c, i.rm)));
    }

    private static void fmaddD(Cpu c, Insn i) {
        long n = c.v[2 * i.rn] ^ ((i.imm & 1) != 0 ? Long.MIN_VALUE : 0);
        long a = c.v[2 * i.ra] ^ ((i.imm & 2) != 0 ? Long.MIN_VALUE : 0);
        Vec.setScalar(c, i.rd, FpArith.fmaD(c, a, n, c.v[2 * i.rm]));
    }

    private static void fcmp(Cpu c, Insn i) {
        long b = i.rm < 0 ? 0 : op(c, i.rm, i.size);
        c.nzcv = FpArith.compare(c, op(c, i.rn, i.size), b, i.size, i.amount != 0);
    }

    private static void fccmp(Cpu c, Insn i) {
        if (Conditions.holds(i.cond, c.nzcv)) {
            c.nzcv = FpArith.compare(c, op(c, i.rn, i.size), op(c, i.rm, i.size), i.size, i.amount != 0);
        } else {
            c.nzcv = (int) i.imm << 28;
        }
    }
}
