package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;

/**
 * One guest process: its core state, address space and kernel-side view of its memory, and what Linux keeps per
 * process (pid, program break, ...).
 */
public final class GuestProcess {
    public final int pid;
    public final Cpu cpu;
    public final AddressSpace space;
    public final KernelMemory mem;
    public final LinuxKernel kernel;
    /** Start of the heap and current program break. */
    public long brkStart;
    public long brk;
    public boolean exited;
    public int exitStatus;

    public GuestProcess(int pid, Cpu cpu, AddressSpace space, KernelMemory mem, LinuxKernel kernel) {
        this.pid = pid;
        this.cpu = cpu;
        this.space = space;
        this.mem = mem;
        this.kernel = kernel;
    }
}
