package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;

/** System instructions: data and instruction cache maintenance, DC ZVA. */
final class SysExec {
    private SysExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            default:
                throw Executor.unknownOp(i);
        }
    }
}
