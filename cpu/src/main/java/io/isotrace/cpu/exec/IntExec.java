package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

/**
 * Integer data processing: the semantics behind the DP-immediate and DP-register tables. One small static method
 * per operation keeps each JIT-compiled unit small (HotSpot will not compile methods over 8000 bytecodes, and a
 * giant switch body runs an order of magnitude slower).
 */
public final class IntExec {
    private static final int G = Ops.GROUP_INT << Ops.GROUP_SHIFT;

    public static final int MOV_IMM = G;
    public static final int ADD_IMM = G + 1;
    public static final int ADDS_IMM = G + 2;
    public static final int SUB_IMM = G + 3;
    public static final int SUBS_IMM = G + 4;
    public static final int AND_IMM = G + 5;
    public static final int ORR_IMM = G + 6;
    public static final int EOR_IMM = G + 7;
    public static final int ANDS_IMM = G + 8;
    public static final int MOVK = G + 9;
    public static final int SBFM = G + 10;
    public static final int BFM = G + 11;
    public static final int UBFM = G + 12;
    public static final int EXTR = G + 13;
    // Preferred aliases of the bitfield moves, each cheaper than the general form (see DpImmediateTable).
    public static final int LSL_IMM = G + 14;
    public static final int LSR_IMM = G + 15;
    public static final int ASR_IMM = G + 16;
    public static final int UBFX = G + 17;
    public static final int SBFX = G + 18;
    public static final int UBFIZ = G + 19;
    public static final int SBFIZ = G + 20;
    public static final int BFI = G + 21;
    public static final int BFXIL = G + 22;
    // Data processing - register ops are numbered from G + 64 (see DpRegisterTable).

    private IntExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case MOV_IMM:
                c.x[i.rd] = i.imm;
                break;
            case ADD_IMM:
                c.x[i.rd] = i.is64 ? c.x[i.rn] + i.imm : (c.x[i.rn] + i.imm) & 0xFFFF_FFFFL;
                break;
            case ADDS_IMM:
                addFlags(c, i, c.x[i.rn], i.imm, 0);
                break;
            case SUB_IMM:
                c.x[i.rd] = i.is64 ? c.x[i.rn] - i.imm : (c.x[i.rn] - i.imm) & 0xFFFF_FFFFL;
                break;
            case SUBS_IMM:
                addFlags(c, i, c.x[i.rn], ~i.imm, 1);
                break;
            case AND_IMM:
                c.x[i.rd] = c.x[i.rn] & i.imm;
                break;
            case ORR_IMM:
                result(c, i, c.x[i.rn] | i.imm);
                break;
            case EOR_IMM:
                result(c, i, c.x[i.rn] ^ i.imm);
                break;
            case ANDS_IMM:
                IntRegExec.logicalFlags(c, i, c.x[i.rn] & i.imm);
                break;
            case MOVK:
                // ra holds the destination as a source: MOVK keeps the other halfwords (mask in imm2).
                result(c, i, (c.x[i.ra] & i.imm2) | (i.imm << i.amount));
                break;
            case SBFM:
                bitfieldMove(c, i, true, true);
                break;
            case BFM:
                bitfieldMove(c, i, false, false);
                break;
            case UBFM:
                bitfieldMove(c, i, true, false);
                break;
            case EXTR:
                extr(c, i);
                break;
            case LSL_IMM:
                result(c, i, c.x[i.rn] << i.amount);
                break;
            case LSR_IMM:
                c.x[i.rd] = i.is64 ? c.x[i.rn] >>> i.amount : (c.x[i.rn] & W) >>> i.amount;
                break;
            case ASR_IMM:
                c.x[i.rd] = i.is64 ? c.x[i.rn] >> i.amount : ((int) c.x[i.rn] >> i.amount) & W;
                break;
            case UBFX:
                c.x[i.rd] = (c.x[i.rn] >>> i.amount) & i.imm;
                break;
            case SBFX:
                sbfx(c, i);
                break;
            case UBFIZ:
                result(c, i, (c.x[i.rn] & i.imm) << i.amount);
                break;
            case SBFIZ:
                result(c, i, ((c.x[i.rn] << (64 - i.opt)) >> (64 - i.opt)) << i.amount);
                break;
            case BFI:
                result(c, i, (c.x[i.ra] & ~(i.imm << i.amount)) | ((c.x[i.rn] & i.imm) << i.amount));
                break;
            case BFXIL:
                result(c, i, (c.x[i.ra] & ~i.imm) | ((c.x[i.rn] >>> i.amount) & i.imm));
                break;
            default:
                IntRegExec.execute(c, i);
        }
    }

    private static final long W = 0xFFFF_FFFFL;

    /** Writes a result at the operation's width. */
    static void result(Cpu c, Insn i, long r) {
        c.x[i.rd] = i.is64 ? r : r & W;
    }

    /** SBFX (and SXTB/SXTH/SXTW): the field of opt bits at amount, sign-extended. */
    private static void sbfx(Cpu c, Insn i) {
        result(c, i, (c.x[i.rn] << (64 - i.amount - i.opt)) >> (64 - i.opt));
    }

    /** ADDS/SUBS/CMP/CMN: subtraction is x + ~y + 1. */
    static void addFlags(Cpu c, Insn i, long x, long y, int carry) {
        long r = x + y + carry;
        if (i.is64) {
            c.nzcv = Flags.add64(x, y, r);
            c.x[i.rd] = r;
        } else {
            c.nzcv = Flags.add32(x, y, r);
            c.x[i.rd] = r & W;
        }
    }

    /** Arm ARM SBFM/BFM/UBFM: rotate the source into place, merge under wmask, extend under tmask. */
    private static void bitfieldMove(Cpu c, Insn i, boolean inzero, boolean extend) {
        int width = i.is64 ? 64 : 32;
        long src = c.x[i.rn];
        long dst = inzero ? 0 : c.x[i.ra]; // BFM merges into the old destination value
        long rot;
        if (i.is64) {
            rot = Long.rotateRight(src, i.amount);
        } else {
            rot = Integer.rotateRight((int) src, i.amount) & 0xFFFF_FFFFL;
        }
        long wmask = i.imm;
        long tmask = i.imm2;
        long bot = (dst & ~wmask) | (rot & wmask);
        long top;
        if (extend) {
            top = ((src >>> i.opt) & 1) != 0 ? -1L : 0;
        } else {
            top = dst;
        }
        long r = (top & ~tmask) | (bot & tmask);
        c.x[i.rd] = width == 64 ? r : r & 0xFFFF_FFFFL;
    }

    private static void extr(Cpu c, Insn i) {
        long n = c.x[i.rn];
        long m = c.x[i.rm];
        int lsb = i.amount;
        if (i.is64) {
            c.x[i.rd] = lsb == 0 ? m : (m >>> lsb) | (n << (64 - lsb));
        } else {
            long concat = ((n & 0xFFFF_FFFFL) << 32) | (m & 0xFFFF_FFFFL);
            c.x[i.rd] = (concat >>> lsb) & 0xFFFF_FFFFL;
        }
    }
}
