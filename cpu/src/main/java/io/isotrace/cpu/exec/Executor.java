package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.UnimplementedInstruction;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;

/** Dispatches a decoded instruction to its group's executor. */
public final class Executor {
    private Executor() {
    }

    public static void execute(Cpu c, Insn i) {
        switch (i.op >>> Ops.GROUP_SHIFT) {
            case Ops.GROUP_INT:
                IntExec.execute(c, i);
                break;
            case Ops.GROUP_BRANCH_SYS:
                BranchExec.execute(c, i);
                break;
            case Ops.GROUP_MEM:
                MemExec.execute(c, i);
                break;
            case Ops.GROUP_FP:
                FpExec.execute(c, i);
                break;
            case Ops.GROUP_SIMD:
                SimdExec.execute(c, i);
                break;
            default:
                special(c, i);
        }
    }

    private static void special(Cpu c, Insn i) {
        if (i.op == Ops.UNIMPLEMENTED) {
            throw new UnimplementedInstruction(i, i.encoding.name());
        }
        // UNDEFINED: the kernel decides (Linux raises SIGILL at the instruction).
        c.pc = i.pc;
        c.kernel().undefined(c, i);
    }

    /** For executors meeting an op they do not know: a table/executor mismatch, which is a bug. */
    static IllegalStateException unknownOp(Insn i) {
        return new IllegalStateException("no executor for op " + i.op + " (" + i.encoding.name() + ")");
    }
}
