package io.isotrace.cpu.linux;

/**
 * The siginfo_t a handler with SA_SIGINFO receives: 128 bytes on arm64, {@code si_signo, si_errno, si_code} then
 * the union at offset 16 (the offsets arch/arm64/kernel/signal.c asserts). Which union fields mean something
 * depends on the signal: fault address for SIGSEGV/SIGBUS/SIGILL/SIGTRAP/SIGFPE, pid/uid for kill, pid/uid/status
 * for SIGCHLD.
 */
public record SigInfo(int signo, int code, long addr, int pid, int uid, int status) {
    public static final int SIZE = 128;

    /** si_code values (include/uapi/asm-generic/siginfo.h). */
    public static final int SI_USER = 0;
    public static final int SI_KERNEL = 0x80;
    public static final int SI_TKILL = -6;
    public static final int SEGV_MAPERR = 1;
    public static final int SEGV_ACCERR = 2;
    public static final int BUS_ADRALN = 1;
    public static final int BUS_ADRERR = 2;
    public static final int ILL_ILLOPC = 1;
    public static final int TRAP_BRKPT = 1;
    public static final int CLD_EXITED = 1;
    public static final int CLD_KILLED = 2;
    public static final int CLD_DUMPED = 3;

    public static SigInfo fault(int signo, int code, long addr) {
        return new SigInfo(signo, code, addr, 0, 0, 0);
    }

    public static SigInfo user(int signo, int code, int pid) {
        return new SigInfo(signo, code, 0, pid, LinuxIds.UID, 0);
    }

    public static SigInfo child(int code, int pid, int status) {
        return new SigInfo(Signals.SIGCHLD, code, 0, pid, LinuxIds.UID, status);
    }

    /** True for the signals whose union holds a fault address. */
    public boolean isFault() {
        return signo == Signals.SIGSEGV || signo == Signals.SIGBUS || signo == Signals.SIGILL
                || signo == Signals.SIGTRAP || signo == Signals.SIGFPE;
    }

    byte[] toBytes() {
        byte[] b = new byte[SIZE];
        io.isotrace.trace.port.LittleEndian.putInt(b, 0, signo);
        io.isotrace.trace.port.LittleEndian.putInt(b, 8, code);
        if (isFault() && code > 0) {
            io.isotrace.trace.port.LittleEndian.putLong(b, 16, addr);
        } else {
            io.isotrace.trace.port.LittleEndian.putInt(b, 16, pid);
            io.isotrace.trace.port.LittleEndian.putInt(b, 20, uid);
            if (signo == Signals.SIGCHLD) {
                io.isotrace.trace.port.LittleEndian.putInt(b, 24, status);
            }
        }
        return b;
    }
}
