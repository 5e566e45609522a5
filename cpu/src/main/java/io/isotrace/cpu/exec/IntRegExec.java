package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

/**
 * Data processing - register: shifted/extended add/sub and logical, carries, conditional compare and select,
 * multiply/divide, and the 1- and 2-source operations (Arm ARM C6.2, each operation's "Operation" pseudocode).
 *
 * <p>Results of 32-bit operations are zero-extended into the 64-bit register, as writes to a W register do.
 */
public final class IntRegExec {
    private static final int G = (Ops.GROUP_INT << Ops.GROUP_SHIFT) + 64;
    private static final long W = 0xFFFF_FFFFL;

    public static final int MOV_REG = G;
    public static final int AND = G + 1;
    public static final int BIC = G + 2;
    public static final int ORR = G + 3;
    public static final int ORN = G + 4;
    public static final int EOR = G + 5;
    public static final int EON = G + 6;
    public static final int ANDS = G + 7;
    public static final int BICS = G + 8;
    public static final int ADD_SR = G + 9;
    public static final int ADDS_SR = G + 10;
    public static final int SUB_SR = G + 11;
    public static final int SUBS_SR = G + 12;
    /** Unshifted second operand. */
    public static final int ADD_RR = G + 13;
    public static final int SUB_RR = G + 14;
    public static final int SUBS_RR = G + 15;
    public static final int ADD_ER = G + 16;
    public static final int ADDS_ER = G + 17;
    public static final int SUB_ER = G + 18;
    public static final int SUBS_ER = G + 19;
    public static final int ADC = G + 20;
    public static final int ADCS = G + 21;
    public static final int SBC = G + 22;
    public static final int SBCS = G + 23;
    public static final int CCMN_REG = G + 24;
    public static final int CCMP_REG = G + 25;
    public static final int CCMN_IMM = G + 26;
    public static final int CCMP_IMM = G + 27;
    public static final int CSEL = G + 28;
    public static final int CSINC = G + 29;
    public static final int CSINV = G + 30;
    public static final int CSNEG = G + 31;
    public static final int CSET = G + 32;
    public static final int CSETM = G + 33;
    public static final int CINC = G + 34;
    public static final int CINV = G + 35;
    public static final int CNEG = G + 36;
    public static final int RBIT = G + 37;
    public static final int REV16 = G + 38;
    public static final int REV32 = G + 39;
    public static final int REV = G + 40;
    public static final int CLZ = G + 41;
    public static final int CLS = G + 42;
    public static final int UDIV = G + 43;
    public static final int SDIV = G + 44;
    public static final int LSLV = G + 45;
    public static final int LSRV = G + 46;
    public static final int ASRV = G + 47;
    public static final int RORV = G + 48;
    public static final int CRC32 = G + 49;
    public static final int CRC32C = G + 50;
    public static final int MUL = G + 51;
    public static final int MADD = G + 52;
    public static final int MSUB = G + 53;
    public static final int SMADDL = G + 54;
    public static final int SMSUBL = G + 55;
    public static final int UMADDL = G + 56;
    public static final int UMSUBL = G + 57;
    public static final int SMULH = G + 58;
    public static final int UMULH = G + 59;

    private IntRegExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case MOV_REG: c.x[i.rd] = i.is64 ? c.x[i.rm] : c.x[i.rm] & W; break;
            case AND: IntExec.result(c, i, c.x[i.rn] & operand2(c, i)); break;
            case BIC: IntExec.result(c, i, c.x[i.rn] & ~operand2(c, i)); break;
            case ORR: IntExec.result(c, i, c.x[i.rn] | operand2(c, i)); break;
            case ORN: IntExec.result(c, i, c.x[i.rn] | ~operand2(c, i)); break;
            case EOR: IntExec.result(c, i, c.x[i.rn] ^ operand2(c, i)); break;
            case EON: IntExec.result(c, i, c.x[i.rn] ^ ~operand2(c, i)); break;
            case ANDS: logicalFlags(c, i, c.x[i.rn] & operand2(c, i)); break;
            case BICS: logicalFlags(c, i, c.x[i.rn] & ~operand2(c, i)); break;
            case ADD_SR: IntExec.result(c, i, c.x[i.rn] + operand2(c, i)); break;
            case SUB_SR: IntExec.result(c, i, c.x[i.rn] - operand2(c, i)); break;
            case ADDS_SR: IntExec.addFlags(c, i, c.x[i.rn], operand2(c, i), 0); break;
            case SUBS_SR: IntExec.addFlags(c, i, c.x[i.rn], ~operand2(c, i), 1); break;
            case ADD_RR: IntExec.result(c, i, c.x[i.rn] + c.x[i.rm]); break;
            case SUB_RR: IntExec.result(c, i, c.x[i.rn] - c.x[i.rm]); break;
            case SUBS_RR: IntExec.addFlags(c, i, c.x[i.rn], ~c.x[i.rm], 1); break;
            case ADD_ER: IntExec.result(c, i, c.x[i.rn] + extended(c, i)); break;
            case SUB_ER: IntExec.result(c, i, c.x[i.rn] - extended(c, i)); break;
            case ADDS_ER: IntExec.addFlags(c, i, c.x[i.rn], extended(c, i), 0); break;
            case SUBS_ER: IntExec.addFlags(c, i, c.x[i.rn], ~extended(c, i), 1); break;
            case ADC: IntExec.result(c, i, c.x[i.rn] + c.x[i.rm] + carry(c)); break;
            case SBC: IntExec.result(c, i, c.x[i.rn] + ~c.x[i.rm] + carry(c)); break;
            case ADCS: IntExec.addFlags(c, i, c.x[i.rn], c.x[i.rm], carry(c)); break;
            case SBCS: IntExec.addFlags(c, i, c.x[i.rn], ~c.x[i.rm], carry(c)); break;
            case CCMN_REG: condCompare(c, i, c.x[i.rm], 0); break;
            case CCMP_REG: condCompare(c, i, ~c.x[i.rm], 1); break;
            case CCMN_IMM: condCompare(c, i, i.imm2, 0); break;
            case CCMP_IMM: condCompare(c, i, ~i.imm2, 1); break;
            case CSEL: IntExec.result(c, i, holds(c, i) ? c.x[i.rn] : c.x[i.rm]); break;
            case CSINC: IntExec.result(c, i, holds(c, i) ? c.x[i.rn] : c.x[i.rm] + 1); break;
            case CSINV: IntExec.result(c, i, holds(c, i) ? c.x[i.rn] : ~c.x[i.rm]); break;
            case CSNEG: IntExec.result(c, i, holds(c, i) ? c.x[i.rn] : -c.x[i.rm]); break;
            case CSET: c.x[i.rd] = holds(c, i) ? 1 : 0; break;
            case CSETM: IntExec.result(c, i, holds(c, i) ? -1L : 0); break;
            case CINC: IntExec.result(c, i, holds(c, i) ? c.x[i.rn] + 1 : c.x[i.rn]); break;
            case CINV: IntExec.result(c, i, holds(c, i) ? ~c.x[i.rn] : c.x[i.rn]); break;
            case CNEG: IntExec.result(c, i, holds(c, i) ? -c.x[i.rn] : c.x[i.rn]); break;
            case RBIT: rbit(c, i); break;
            case REV16: IntExec.result(c, i, rev16(c.x[i.rn])); break;
            case REV32: c.x[i.rd] = Long.rotateLeft(Long.reverseBytes(c.x[i.rn]), 32); break;
            case REV: rev(c, i); break;
            case CLZ: clz(c, i); break;
            case CLS: cls(c, i); break;
            case UDIV: udiv(c, i); break;
            case SDIV: sdiv(c, i); break;
            case LSLV: shiftVariable(c, i, 0); break;
            case LSRV: shiftVariable(c, i, 1); break;
            case ASRV: shiftVariable(c, i, 2); break;
            case RORV: shiftVariable(c, i, 3); break;
            case CRC32: c.x[i.rd] = Crc32.update(Crc32.IEEE, (int) c.x[i.rn], c.x[i.rm], i.size) & W; break;
            case CRC32C: c.x[i.rd] = Crc32.update(Crc32.CASTAGNOLI, (int) c.x[i.rn], c.x[i.rm], i.size) & W; break;
            case MUL: IntExec.result(c, i, c.x[i.rn] * c.x[i.rm]); break;
            case MADD: IntExec.result(c, i, c.x[i.ra] + c.x[i.rn] * c.x[i.rm]); break;
            case MSUB: IntExec.result(c, i, c.x[i.ra] - c.x[i.rn] * c.x[i.rm]); break;
            case SMADDL: c.x[i.rd] = c.x[i.ra] + (long) (int) c.x[i.rn] * (int) c.x[i.rm]; break;
            case SMSUBL: c.x[i.rd] = c.x[i.ra] - (long) (int) c.x[i.rn] * (int) c.x[i.rm]; break;
            case UMADDL: c.x[i.rd] = c.x[i.ra] + (c.x[i.rn] & W) * (c.x[i.rm] & W); break;
            case UMSUBL: c.x[i.rd] = c.x[i.ra] - (c.x[i.rn] & W) * (c.x[i.rm] & W); break;
            case SMULH: c.x[i.rd] = Math.multiplyHigh(c.x[i.rn], c.x[i.rm]); break;
            case UMULH: c.x[i.rd] = unsignedMultiplyHigh(c.x[i.rn], c.x[i.rm]); break;
            default:
                throw Executor.unknownOp(i);
        }
    }


    private static boolean holds(Cpu c, Insn i) {
        return Conditions.holds(i.cond, c.nzcv);
    }

    private static int carry(Cpu c) {
        return (c.nzcv >>> 29) & 1;
    }

    /** ShiftReg(m, shift_type, amount) at the operation's width. */
    static long operand2(Cpu c, Insn i) {
        return shifted(c.x[i.rm], i.shift, i.amount, i.is64);
    }

    static long shifted(long v, int type, int amount, boolean is64) {
        if (is64) {
            switch (type) {
                case 0: return v << amount;
                case 1: return v >>> amount;
                case 2: return v >> amount;
                default: return Long.rotateRight(v, amount);
            }
        }
        int w = (int) v;
        switch (type) {
            case 0: return w << amount;
            case 1: return w >>> amount;
            case 2: return w >> amount;
            default: return Integer.rotateRight(w, amount);
        }
    }

    /** ExtendReg(m, option, shift): UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX, then shift left. */
    static long extend(long v, int option, int shift) {
        switch (option) {
            case 0: return (v & 0xFF) << shift;
            case 1: return (v & 0xFFFF) << shift;
            case 2: return (v & W) << shift;
            case 4: return (long) (byte) v << shift;
            case 5: return (long) (short) v << shift;
            case 6: return (long) (int) v << shift;
            default: return v << shift;
        }
    }

    private static long extended(Cpu c, Insn i) {
        return extend(c.x[i.rm], i.opt, i.amount);
    }

    /** ANDS/BICS (and ANDS immediate): N and Z from the result, C and V cleared. */
    static void logicalFlags(Cpu c, Insn i, long r) {
        if (i.is64) {
            c.nzcv = Flags.logical64(r);
            c.x[i.rd] = r;
        } else {
            c.nzcv = Flags.logical32(r);
            c.x[i.rd] = r & W;
        }
    }

    /** CCMP/CCMN: the comparison's flags when the condition holds, else the immediate nzcv (held in opt). */
    private static void condCompare(Cpu c, Insn i, long operand, int carryIn) {
        if (!Conditions.holds(i.cond, c.nzcv)) {
            c.nzcv = i.opt;
            return;
        }
        long x = c.x[i.rn];
        long r = x + operand + carryIn;
        c.nzcv = i.is64 ? Flags.add64(x, operand, r) : Flags.add32(x, operand, r);
    }

    private static void rbit(Cpu c, Insn i) {
        long v = c.x[i.rn];
        c.x[i.rd] = i.is64 ? Long.reverse(v) : Integer.reverse((int) v) & W;
    }

    /** Bytes swapped within each halfword. */
    private static long rev16(long v) {
        return ((v & 0x00FF_00FF_00FF_00FFL) << 8) | ((v >>> 8) & 0x00FF_00FF_00FF_00FFL);
    }

    private static void rev(Cpu c, Insn i) {
        long v = c.x[i.rn];
        c.x[i.rd] = i.is64 ? Long.reverseBytes(v) : Integer.reverseBytes((int) v) & W;
    }

    private static void clz(Cpu c, Insn i) {
        long v = c.x[i.rn];
        c.x[i.rd] = i.is64 ? Long.numberOfLeadingZeros(v) : Integer.numberOfLeadingZeros((int) v);
    }

    /** CountLeadingSignBits(x) = CountLeadingZeroBits(x[N-1:1] EOR x[N-2:0]). */
    private static void cls(Cpu c, Insn i) {
        long v = c.x[i.rn];
        if (i.is64) {
            c.x[i.rd] = Long.numberOfLeadingZeros((v ^ (v << 1)) >>> 1) - 1;
        } else {
            int w = (int) v;
            c.x[i.rd] = Integer.numberOfLeadingZeros((w ^ (w << 1)) >>> 1) - 1;
        }
    }

    /** Division by zero gives zero (no trap on A64). */
    private static void udiv(Cpu c, Insn i) {
        if (i.is64) {
            long m = c.x[i.rm];
            c.x[i.rd] = m == 0 ? 0 : Long.divideUnsigned(c.x[i.rn], m);
        } else {
            int m = (int) c.x[i.rm];
            c.x[i.rd] = m == 0 ? 0 : Integer.divideUnsigned((int) c.x[i.rn], m) & W;
        }
    }

    /** Division by zero gives zero; INT_MIN / -1 gives INT_MIN (Java's division agrees: it wraps). */
    private static void sdiv(Cpu c, Insn i) {
        if (i.is64) {
            long m = c.x[i.rm];
            c.x[i.rd] = m == 0 ? 0 : c.x[i.rn] / m;
        } else {
            int m = (int) c.x[i.rm];
            c.x[i.rd] = m == 0 ? 0 : ((int) c.x[i.rn] / m) & W;
        }
    }

    /** LSLV/LSRV/ASRV/RORV: the amount is Rm modulo the width (Java's shifts mask the same way). */
    private static void shiftVariable(Cpu c, Insn i, int type) {
        int amount = (int) c.x[i.rm] & (i.is64 ? 63 : 31);
        c.x[i.rd] = i.is64 ? shifted(c.x[i.rn], type, amount, true) : shifted(c.x[i.rn], type, amount, false) & W;
    }

    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
