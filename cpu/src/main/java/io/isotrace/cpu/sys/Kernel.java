package io.isotrace.cpu.sys;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.mmu.GuestFault;

/**
 * What the CPU hands to whatever plays the privileged software above the emulated EL: in user mode the Linux
 * emulation (syscalls, signals), in system mode the exception-entry logic. On return the CPU continues at
 * {@code cpu.pc}, so a handler that wants the next instruction sets it.
 */
public interface Kernel {
    /** SVC #imm at {@code cpu.pc}; {@code cpu.pc} already points after it. */
    void supervisorCall(Cpu cpu, int imm);

    /** A synchronous data or instruction abort; {@code cpu.pc} is the faulting instruction. */
    void fault(Cpu cpu, GuestFault fault);

    /** An UNDEFINED instruction at {@code cpu.pc} (Linux: SIGILL). */
    void undefined(Cpu cpu, Insn insn);

    /** BRK #imm at {@code cpu.pc} (Linux: SIGTRAP). */
    void breakpoint(Cpu cpu, int imm);
}
