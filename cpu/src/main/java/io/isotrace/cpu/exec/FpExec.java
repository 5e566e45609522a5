package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/** Scalar floating point. */
final class FpExec {
    private FpExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            default:
                throw Executor.unknownOp(i);
        }
    }
}
