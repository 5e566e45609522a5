package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/** Advanced SIMD, including SIMD&FP loads and stores. */
final class SimdExec {
    private SimdExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            default:
                throw Executor.unknownOp(i);
        }
    }
}
