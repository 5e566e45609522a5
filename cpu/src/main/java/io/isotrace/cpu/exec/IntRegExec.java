package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/** Data processing - register: shifted/extended add/sub and logical, carries, conditional ops, multiply/divide, 1- and 2-source ops. */
final class IntRegExec {
    private IntRegExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            default:
                throw Executor.unknownOp(i);
        }
    }
}
