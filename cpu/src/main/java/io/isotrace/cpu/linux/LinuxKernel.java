package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.cpu.sys.Kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Linux system-call emulation for user-mode runs (like qemu-aarch64 or gem5's SE mode): the guest's SVCs are
 * answered here, its faults become signals.
 */
public final class LinuxKernel implements Kernel {
    /** Signals (asm-generic/signal.h). */
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGBUS = 7;
    public static final int SIGSEGV = 11;

    private final SyscallTable table = new SyscallTable();
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final PrintStream diagnostics;
    private final Set<Long> warnedUnknown = new HashSet<>();
    private GuestProcess current;

    /**
     * @param stdout      the guest's file descriptor 1
     * @param stderr      the guest's file descriptor 2
     * @param diagnostics where the emulator's own messages go (warnings, fatal signals)
     */
    public LinuxKernel(OutputStream stdout, OutputStream stderr, PrintStream diagnostics) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.diagnostics = diagnostics;
        registerSyscalls();
    }

    private void registerSyscalls() {
        table.add(64, "write", this::write);
        table.add(93, "exit", (p, status, a1, a2, a3, a4, a5) -> exit(p, (int) status));
        table.add(94, "exit_group", (p, status, a1, a2, a3, a4, a5) -> exit(p, (int) status));
    }

    public SyscallTable table() {
        return table;
    }

    public void setCurrent(GuestProcess p) {
        this.current = p;
    }

    @Override
    public void supervisorCall(Cpu cpu, int imm) {
        long nr = cpu.x[8];
        Syscall call = table.get(nr);
        long result;
        if (call == null) {
            if (warnedUnknown.add(nr)) {
                diagnostics.println("isotrace: warning: unimplemented syscall " + nr + " at PC 0x"
                        + Long.toHexString(cpu.pc - 4) + " returns ENOSYS");
            }
            result = -Errno.ENOSYS;
        } else {
            try {
                result = call.call(current, cpu.x[0], cpu.x[1], cpu.x[2], cpu.x[3], cpu.x[4], cpu.x[5]);
            } catch (KernelMemory.Efault e) {
                result = -Errno.EFAULT;
            }
        }
        if (!current.exited) {
            cpu.x[0] = result;
        }
    }

    private long write(GuestProcess p, long fd, long buf, long count, long a3, long a4, long a5) {
        OutputStream out = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (out == null) {
            return -Errno.EBADF;
        }
        int n = (int) Math.min(count, 1 << 20);
        byte[] data = p.mem.read(buf, n);
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            return -Errno.EIO;
        }
        return n;
    }

    private long exit(GuestProcess p, int status) {
        p.exited = true;
        p.exitStatus = status & 0xFF;
        p.cpu.exit(status & 0xFF);
        return 0;
    }

    @Override
    public void fault(Cpu cpu, GuestFault f) {
        int sig = f.kind() == GuestFault.Kind.EXTERNAL_ABORT || f.kind() == GuestFault.Kind.ALIGNMENT ? SIGBUS : SIGSEGV;
        fatal(cpu, sig, String.format("%s at PC 0x%x: %s address 0x%x (%s)", signalName(sig), cpu.pc,
                Access.name(f.access()), f.address(), f.kind().name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void undefined(Cpu cpu, Insn insn) {
        fatal(cpu, SIGILL, String.format("SIGILL at PC 0x%x: undefined instruction 0x%08x", cpu.pc, insn.word));
    }

    @Override
    public void breakpoint(Cpu cpu, int imm) {
        fatal(cpu, SIGTRAP, String.format("SIGTRAP at PC 0x%x: brk #%d", cpu.pc, imm));
    }

    /** Ends the process as an unhandled signal would: status 128 + signal, and one line saying why. */
    private void fatal(Cpu cpu, int sig, String line) {
        diagnostics.println("isotrace: guest killed by " + line);
        current.exited = true;
        current.exitStatus = 128 + sig;
        cpu.exit(128 + sig);
    }

    static String signalName(int sig) {
        switch (sig) {
            case SIGILL:
                return "SIGILL";
            case SIGTRAP:
                return "SIGTRAP";
            case SIGBUS:
                return "SIGBUS";
            case SIGSEGV:
                return "SIGSEGV";
            default:
                return "signal " + sig;
        }
    }
}
