package io.isotrace.cpu.linux;

/**
 * Linux signal numbers, names and default actions (include/uapi/asm-generic/signal.h, kernel/signal.c
 * sig_kernel_*), and the sigaction flags arm64 uses. A signal set is a 64-bit mask, bit {@code sig - 1}.
 */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGSTKFLT = 16;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGURG = 23;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGVTALRM = 26;
    public static final int SIGPROF = 27;
    public static final int SIGWINCH = 28;
    public static final int SIGIO = 29;
    public static final int SIGPWR = 30;
    public static final int SIGSYS = 31;
    /** Highest signal number (_NSIG). */
    public static final int NSIG = 64;

    /** sa_handler values. */
    public static final long SIG_DFL = 0;
    public static final long SIG_IGN = 1;

    /** sa_flags (asm-generic/signal-defs.h; SA_RESTORER from arch/arm64/include/uapi/asm/signal.h). */
    public static final long SA_NOCLDSTOP = 0x1;
    public static final long SA_NOCLDWAIT = 0x2;
    public static final long SA_SIGINFO = 0x4;
    public static final long SA_RESTORER = 0x0400_0000L;
    public static final long SA_ONSTACK = 0x0800_0000L;
    public static final long SA_RESTART = 0x1000_0000L;
    public static final long SA_NODEFER = 0x4000_0000L;
    public static final long SA_RESETHAND = 0x8000_0000L;

    /** rt_sigprocmask "how". */
    public static final int SIG_BLOCK = 0;
    public static final int SIG_UNBLOCK = 1;
    public static final int SIG_SETMASK = 2;

    /** sigaltstack flags. */
    public static final int SS_ONSTACK = 1;
    public static final int SS_DISABLE = 2;
    /** MINSIGSTKSZ of arch/arm64/include/uapi/asm/signal.h. */
    public static final long MINSIGSTKSZ = 5120;

    /** What happens to a process that neither handles nor ignores a signal. */
    public enum DefaultAction { TERMINATE, CORE, IGNORE, STOP }

    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    /** The signals SIGKILL and SIGSTOP, which can be neither blocked, caught nor ignored. */
    public static final long UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);

    private Signals() {
    }

    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    public static boolean valid(long sig) {
        return sig >= 1 && sig <= NSIG;
    }

    public static String name(int sig) {
        if (sig > 0 && sig < NAMES.length) {
            return NAMES[sig];
        }
        return sig >= 32 && sig <= NSIG ? "SIGRT_" + (sig - 32) : "signal " + sig;
    }

    public static DefaultAction defaultAction(int sig) {
        switch (sig) {
            case SIGQUIT:
            case SIGILL:
            case SIGTRAP:
            case SIGABRT:
            case SIGBUS:
            case SIGFPE:
            case SIGSEGV:
            case SIGXCPU:
            case SIGXFSZ:
            case SIGSYS:
                return DefaultAction.CORE;
            case SIGCHLD:
            case SIGCONT:
            case SIGURG:
            case SIGWINCH:
                return DefaultAction.IGNORE;
            case SIGSTOP:
            case SIGTSTP:
            case SIGTTIN:
            case SIGTTOU:
                return DefaultAction.STOP;
            default:
                return DefaultAction.TERMINATE;
        }
    }
}
