package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.sys.SystemRegister;

/** Branches, exception generation, hints, barriers and system register moves. */
public final class BranchExec {
    private static final int G = Ops.GROUP_BRANCH_SYS << Ops.GROUP_SHIFT;

    public static final int B = G;
    public static final int BL = G + 1;
    public static final int B_COND = G + 2;
    public static final int CBZ = G + 3;
    public static final int CBNZ = G + 4;
    public static final int TBZ = G + 5;
    public static final int TBNZ = G + 6;
    public static final int BR = G + 7;
    public static final int BLR = G + 8;
    public static final int RET = G + 9;
    public static final int SVC = G + 10;
    public static final int BRK = G + 11;
    public static final int NOP = G + 12;
    public static final int CLREX = G + 13;
    public static final int ISB = G + 14;
    public static final int MRS = G + 15;
    public static final int MSR = G + 16;
    // System instructions (DC, IC, ...) are numbered from G + 32 (see SysExec).

    private BranchExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case B:
                c.pc = i.imm;
                break;
            case BL:
                c.x[30] = i.pc + 4;
                c.pc = i.imm;
                break;
            case B_COND:
                c.pc = Conditions.holds(i.cond, c.nzcv) ? i.imm : i.pc + 4;
                break;
            case CBZ:
                c.pc = (i.is64 ? c.x[i.rn] : (int) c.x[i.rn]) == 0 ? i.imm : i.pc + 4;
                break;
            case CBNZ:
                c.pc = (i.is64 ? c.x[i.rn] : (int) c.x[i.rn]) != 0 ? i.imm : i.pc + 4;
                break;
            case TBZ:
                c.pc = ((c.x[i.rn] >>> i.amount) & 1) == 0 ? i.imm : i.pc + 4;
                break;
            case TBNZ:
                c.pc = ((c.x[i.rn] >>> i.amount) & 1) != 0 ? i.imm : i.pc + 4;
                break;
            case BR:
            case RET:
                c.pc = c.x[i.rn];
                break;
            case BLR: {
                long target = c.x[i.rn]; // read before writing x30: BLR x30 branches to the old value
                c.x[30] = i.pc + 4;
                c.pc = target;
                break;
            }
            case SVC:
                c.pc = i.pc + 4;
                c.kernel().supervisorCall(c, (int) i.imm);
                break;
            case BRK:
                c.pc = i.pc;
                c.kernel().breakpoint(c, (int) i.imm);
                break;
            case NOP:
                break;
            case CLREX:
                c.exclusiveAddress = -1;
                break;
            case ISB:
                c.pc = i.pc + 4;
                break;
            case MRS:
                c.x[i.rd] = SystemRegister.byOrdinal(i.opt).read(c);
                break;
            case MSR:
                SystemRegister.byOrdinal(i.opt).write(c, c.x[i.rn]);
                c.pc = i.pc + 4;
                break;
            default:
                SysExec.execute(c, i);
        }
    }
}
