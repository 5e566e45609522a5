package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.trace.record.TransactionKind;

/**
 * Loads and stores of general registers: immediate, register-offset and literal addressing, pairs. Exclusives and
 * ordered accesses are {@link ExclusiveExec}'s (ops from G + 32), the LSE atomics {@link AtomicExec}'s (from
 * G + 64). Each access is one transaction (a pair is one transaction of twice the size).
 */
public final class MemExec {
    private static final int G = Ops.GROUP_MEM << Ops.GROUP_SHIFT;

    /** Addressing modes, in {@code Insn.opt}. */
    public static final int OFFSET = 0;
    public static final int PRE = 1;
    public static final int POST = 2;

    public static final int LDR = G;
    public static final int LDRS = G + 1;
    public static final int STR = G + 2;
    public static final int LDP = G + 3;
    public static final int LDPSW = G + 4;
    public static final int STP = G + 5;
    public static final int PRFM = G + 6;
    /** Register offset: address = Xn + (ExtendReg(Rm, opt) << amount). */
    public static final int STR_REG = G + 16;
    public static final int LDR_REG = G + 17;
    public static final int LDRS_REG = G + 18;
    /** PC-relative literal: address in imm. */
    public static final int LDR_LIT = G + 19;
    public static final int LDRSW_LIT = G + 20;

    private MemExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case LDR:
                ldr(c, i);
                break;
            case LDRS:
                ldrs(c, i);
                break;
            case STR:
                str(c, i);
                break;
            case LDP:
                ldp(c, i, false);
                break;
            case LDPSW:
                ldp(c, i, true);
                break;
            case STP:
                stp(c, i);
                break;
            case PRFM:
                break;
            case STR_REG:
                c.mem.write(registerAddress(c, i), i.size, c.x[i.rd]);
                break;
            case LDR_REG:
                c.x[i.rd] = c.mem.read(registerAddress(c, i), i.size);
                break;
            case LDRS_REG:
                c.x[i.rd] = signExtend(c.mem.read(registerAddress(c, i), i.size), i.size, i.is64);
                break;
            case LDR_LIT:
                c.x[i.rd] = c.mem.read(i.imm, i.size);
                break;
            case LDRSW_LIT:
                c.x[i.rd] = (int) c.mem.read32(i.imm);
                break;
            default:
                if (i.op >= AtomicExec.FIRST) {
                    AtomicExec.execute(c, i);
                } else {
                    ExclusiveExec.execute(c, i);
                }
        }
    }

    /** The address an access uses, per addressing mode. */
    static long address(Cpu c, Insn i) {
        return i.opt == POST ? c.x[i.rn] : c.x[i.rn] + i.imm;
    }

    /** Base register write-back of pre/post-indexed forms. */
    static void writeBack(Cpu c, Insn i, long address) {
        if (i.opt == PRE) {
            c.x[i.rn] = address;
        } else if (i.opt == POST) {
            c.x[i.rn] = address + i.imm;
        }
    }

    private static long registerAddress(Cpu c, Insn i) {
        return c.x[i.rn] + IntRegExec.extend(c.x[i.rm], i.opt, i.amount);
    }

    /** A loaded value of {@code size} bytes sign-extended to 64 bits, or to 32 and zero-extended (LDRS* W forms). */
    static long signExtend(long v, int size, boolean is64) {
        int shift = 64 - 8 * size;
        v = (v << shift) >> shift;
        return is64 ? v : v & 0xFFFF_FFFFL;
    }

    private static void ldr(Cpu c, Insn i) {
        long a = address(c, i);
        long v = c.mem.read(a, i.size);
        writeBack(c, i, a);
        c.x[i.rd] = v;
    }

    private static void ldrs(Cpu c, Insn i) {
        long a = address(c, i);
        long v = c.mem.read(a, i.size);
        writeBack(c, i, a);
        c.x[i.rd] = signExtend(v, i.size, i.is64);
    }

    private static void str(Cpu c, Insn i) {
        long a = address(c, i);
        c.mem.write(a, i.size, c.x[i.rd]);
        writeBack(c, i, a);
    }

    private static void ldp(Cpu c, Insn i, boolean signed32) {
        long a = address(c, i);
        long v1 = c.mem.readPair(a, i.size, TransactionKind.READ, false);
        long v2 = c.mem.pairSecond;
        if (signed32) {
            v1 = (int) v1;
            v2 = (int) v2;
        }
        writeBack(c, i, a);
        c.x[i.rd] = v1;
        c.x[i.rt2] = v2;
    }

    private static void stp(Cpu c, Insn i) {
        long a = address(c, i);
        c.mem.writePair(a, i.size, c.x[i.rd], c.x[i.rt2], TransactionKind.WRITE, false);
        writeBack(c, i, a);
    }
}
