package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.trace.record.TransactionKind;

/** Loads and stores of general registers, exclusives and atomics. */
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
    // Further load/store operations (register offset, literal, exclusives, acquire/release, atomics) from G + 16.

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
            default:
                throw Executor.unknownOp(i);
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

    private static void ldr(Cpu c, Insn i) {
        long a = address(c, i);
        long v = c.mem.read(a, i.size);
        writeBack(c, i, a);
        c.x[i.rd] = v;
    }

    private static void ldrs(Cpu c, Insn i) {
        long a = address(c, i);
        long v = c.mem.read(a, i.size);
        int shift = 64 - 8 * i.size;
        v = (v << shift) >> shift;
        writeBack(c, i, a);
        c.x[i.rd] = i.is64 ? v : v & 0xFFFF_FFFFL;
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
