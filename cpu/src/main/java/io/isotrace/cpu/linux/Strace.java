package io.isotrace.cpu.linux;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * --strace: one line per system call in strace's style, {@code name(arguments) = result}, with failures as
 * {@code = -1 ENOENT (No such file or directory)}, and one line per signal delivered. Lines of processes other than
 * the first start with {@code [pid N]}, as with strace -f.
 *
 * <p>Arguments are decoded by a per-call signature, one letter per argument: {@code d} int, {@code u} unsigned,
 * {@code x} hex, {@code f} descriptor (AT_FDCWD by name), {@code s} string, {@code b} buffer written (its bytes, up
 * to 32), {@code B} buffer read (its bytes after the call), {@code o} open flags, {@code m} octal mode, {@code p}
 * protection, {@code M} mmap flags, {@code S} signal, {@code a} string array. Calls without a signature show three
 * hex arguments.
 */
final class Strace {
    private static final Map<String, String> SIGNATURES = new HashMap<>();

    static {
        String[][] s = {
            {"read", "fBu"}, {"write", "fbu"}, {"readv", "fxd"}, {"writev", "fxd"}, {"pread64", "fBud"},
            {"pwrite64", "fbud"}, {"openat", "fsom"}, {"close", "f"}, {"lseek", "fdd"}, {"newfstatat", "fsxx"},
            {"fstat", "fx"}, {"statx", "fsxxx"}, {"readlinkat", "fsxu"}, {"faccessat", "fsd"},
            {"faccessat2", "fsdx"}, {"getdents64", "fxu"}, {"getcwd", "xu"}, {"chdir", "s"}, {"fchdir", "f"},
            {"unlinkat", "fsx"}, {"renameat", "fsfs"}, {"renameat2", "fsfsx"},
            {"symlinkat", "sfs"}, {"fchmodat", "fsm"}, {"truncate", "sd"}, {"ftruncate", "fd"},
            {"ioctl", "fxx"}, {"fcntl", "fdx"}, {"dup", "f"}, {"dup3", "ffO"}, {"pipe2", "xO"}, {"setuid", "d"}, {"setgid", "d"},
            {"setitimer", "dxx"}, {"getitimer", "dx"}, {"sched_setaffinity", "dux"}, {"fchmod", "fm"},
            {"fchownat", "fsddx"}, {"utimensat", "fsxx"}, {"mkdirat", "fsm"}, {"statfs", "sx"}, {"fstatfs", "fx"},
            {"ppoll", "xdxxu"}, {"pselect6", "dxxxxx"}, {"sendfile", "ffxu"}, {"brk", "x"},
            {"mmap", "xupMfx"}, {"munmap", "xu"}, {"mprotect", "xup"}, {"mremap", "xuuxx"}, {"madvise", "xud"},
            {"exit", "d"}, {"exit_group", "d"}, {"clone", "xxxxx"}, {"execve", "saa"}, {"wait4", "dxxx"},
            {"waitid", "ddxxx"}, {"getpid", ""}, {"getppid", ""}, {"gettid", ""}, {"getuid", ""},
            {"geteuid", ""}, {"getgid", ""}, {"getegid", ""}, {"setpgid", "dd"}, {"getpgid", "d"},
            {"set_tid_address", "x"}, {"set_robust_list", "xu"}, {"rseq", "xuxx"}, {"prlimit64", "ddxx"},
            {"uname", "x"}, {"getrandom", "xux"}, {"rt_sigaction", "Sxxu"}, {"rt_sigprocmask", "dxxu"},
            {"rt_sigreturn", ""}, {"sigaltstack", "xx"}, {"kill", "dS"}, {"tkill", "dS"}, {"tgkill", "ddS"},
            {"rt_sigsuspend", "xu"}, {"clock_gettime", "dx"}, {"gettimeofday", "xx"}, {"nanosleep", "xx"},
            {"clock_nanosleep", "ddxx"}, {"sched_getaffinity", "dux"}, {"sched_yield", ""}, {"futex", "xdddxd"},
            {"umask", "m"}, {"prctl", "dxxxx"}, {"sysinfo", "x"}, {"getrusage", "dx"},
        };
        for (String[] e : s) {
            SIGNATURES.put(e[0], e[1]);
        }
    }

    private final PrintStream out;

    Strace(PrintStream out) {
        this.out = out;
    }

    /**
     * Renders the arguments as the call sees them on entry (before execve replaces the memory they live in); the
     * buffers a call fills ({@code B}) are left for {@link #log}.
     */
    String[] enter(long[] call, KernelMemory mem) {
        inCall = true;
        String sig = SIGNATURES.getOrDefault(SyscallNames.of(call[0]), "xxx");
        String[] args = new String[sig.length()];
        for (int i = 0; i < args.length; i++) {
            if (sig.charAt(i) != 'B') {
                args[i] = arg(sig.charAt(i), call, i, 0, mem);
            }
        }
        return args;
    }

    void log(GuestProcess p, long[] call, String[] args, long result, KernelMemory mem) {
        String name = SyscallNames.of(call[0]);
        StringBuilder sb = new StringBuilder(prefix(p)).append(name).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(args[i] != null ? args[i] : arg('B', call, i, result, mem));
        }
        sb.append(") = ");
        if (result == LinuxKernel.NO_RESULT) {
            sb.append('?');
        } else if (result < 0 && result >= -4095) {
            int e = (int) -result;
            sb.append("-1 ").append(Errno.name(e)).append(" (").append(Errno.message(e)).append(')');
        } else if (name.equals("mmap") || name.equals("brk") || name.equals("mremap")) {
            sb.append("0x").append(Long.toHexString(result));
        } else {
            sb.append(result);
        }
        out.println(sb);
        inCall = false;
        if (deferred != null) {
            out.println(deferred);
            deferred = null;
        }
    }

    void interrupted(GuestProcess p, long[] call, boolean restart) {
        out.println(prefix(p) + SyscallNames.of(call[0]) + "(...) = ? "
                + (restart ? "ERESTARTSYS (To be restarted if SA_RESTART is set)" : "EINTR"));
    }

    void signal(GuestProcess p, SigInfo si) {
        out.println(prefix(p) + "--- " + Signals.name(si.signo()) + " {si_signo=" + Signals.name(si.signo())
                + ", si_code=" + si.code() + (si.isFault() && si.code() > 0 ? ", si_addr=0x"
                + Long.toHexString(si.addr()) : ", si_pid=" + si.pid()) + "} ---");
    }

    private String deferred;
    private boolean inCall;

    /** The end of a process, as strace -f reports it: after the line of the call that ended it, if any. */
    void ended(GuestProcess p, int signal, int status) {
        String line = prefix(p) + (signal != 0 ? "+++ killed by " + Signals.name(signal) + " +++"
                : "+++ exited with " + (status & 0xFF) + " +++");
        if (inCall) {
            deferred = deferred == null ? line : deferred + "\n" + line;
        } else {
            out.println(line);
        }
    }

    /** The call entered did not finish (it sleeps): nothing to print yet. */
    void cancel() {
        inCall = false;
        if (deferred != null) {
            out.println(deferred);
            deferred = null;
        }
    }

    private static String prefix(GuestProcess p) {
        return p.pid == LinuxIds.FIRST_PID ? "" : "[pid " + p.pid + "] ";
    }

    private static String arg(char kind, long[] call, int i, long result, KernelMemory mem) {
        long v = call[i + 1];
        try {
            switch (kind) {
                case 'd':
                    return Integer.toString((int) v);
                case 'u':
                    return Long.toUnsignedString(v);
                case 'f':
                    return (int) v == OpenFlags.AT_FDCWD ? "AT_FDCWD" : Integer.toString((int) v);
                case 's':
                    return v == 0 ? "NULL" : quote(mem.readCBytes(v, 4096));
                case 'b':
                    return v == 0 ? "NULL" : quote(mem.read(v, (int) Math.min(32, call[i + 2])))
                            + (call[i + 2] > 32 ? "..." : "");
                case 'B':
                    return result <= 0 || v == 0 ? "0x" + Long.toHexString(v)
                            : quote(mem.read(v, (int) Math.min(32, result))) + (result > 32 ? "..." : "");
                case 'o':
                    return openFlags((int) v);
                case 'O':
                    return v == 0 ? "0" : openFlags((int) v).replace("O_RDONLY|", "");
                case 'm':
                    return "0" + Long.toOctalString(v & 07777);
                case 'p':
                    return prot((int) v);
                case 'M':
                    return mapFlags((int) v);
                case 'S':
                    return Signals.valid(v) ? Signals.name((int) v) : Long.toString(v);
                case 'a':
                    return v == 0 ? "NULL" : array(mem, v);
                default:
                    return "0x" + Long.toHexString(v);
            }
        } catch (KernelMemory.Efault | SyscallError e) {
            return "0x" + Long.toHexString(v);
        }
    }

    private static String array(KernelMemory mem, long v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 32; i++) {
            long ptr = mem.read64(v + 8L * i);
            if (ptr == 0) {
                return sb.append(']').toString();
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(mem.readCBytes(ptr, 4096)));
        }
        return sb.append(", ...]").toString();
    }

    static String quote(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xFF;
            switch (c) {
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                default:
                    if (c >= 0x20 && c < 0x7F) {
                        sb.append((char) c);
                    } else {
                        sb.append(String.format("\\%o", c));
                    }
            }
        }
        return sb.append('"').toString();
    }

    private static String openFlags(int f) {
        StringBuilder sb = new StringBuilder();
        int acc = f & OpenFlags.O_ACCMODE;
        sb.append(acc == OpenFlags.O_RDONLY ? "O_RDONLY" : acc == OpenFlags.O_WRONLY ? "O_WRONLY" : "O_RDWR");
        Object[][] bits = {{OpenFlags.O_CREAT, "O_CREAT"}, {OpenFlags.O_EXCL, "O_EXCL"},
            {OpenFlags.O_NOCTTY, "O_NOCTTY"}, {OpenFlags.O_TRUNC, "O_TRUNC"}, {OpenFlags.O_APPEND, "O_APPEND"},
            {OpenFlags.O_NONBLOCK, "O_NONBLOCK"}, {OpenFlags.O_DIRECTORY, "O_DIRECTORY"},
            {OpenFlags.O_NOFOLLOW, "O_NOFOLLOW"}, {OpenFlags.O_LARGEFILE, "O_LARGEFILE"},
            {OpenFlags.O_CLOEXEC, "O_CLOEXEC"}, {OpenFlags.O_PATH, "O_PATH"}};
        int rest = f & ~OpenFlags.O_ACCMODE;
        for (Object[] b : bits) {
            int bit = (Integer) b[0];
            if ((rest & bit) != 0) {
                sb.append('|').append(b[1]);
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            sb.append("|0").append(Integer.toOctalString(rest));
        }
        return sb.toString();
    }

    private static String prot(int p) {
        if (p == 0) {
            return "PROT_NONE";
        }
        StringBuilder sb = new StringBuilder();
        String[] n = {"PROT_READ", "PROT_WRITE", "PROT_EXEC"};
        for (int i = 0; i < 3; i++) {
            if ((p & (1 << i)) != 0) {
                sb.append(sb.length() > 0 ? "|" : "").append(n[i]);
            }
        }
        return sb.toString();
    }

    private static String mapFlags(int f) {
        StringBuilder sb = new StringBuilder((f & 3) == 1 ? "MAP_SHARED" : (f & 3) == 2 ? "MAP_PRIVATE"
                : "MAP_SHARED_VALIDATE");
        Object[][] bits = {{0x10, "MAP_FIXED"}, {0x20, "MAP_ANONYMOUS"}, {0x100, "MAP_GROWSDOWN"},
            {0x800, "MAP_DENYWRITE"}, {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"}, {0x20000, "MAP_STACK"},
            {0x100000, "MAP_FIXED_NOREPLACE"}};
        for (Object[] b : bits) {
            if ((f & (Integer) b[0]) != 0) {
                sb.append('|').append(b[1]);
            }
        }
        return sb.toString();
    }
}
