package io.isotrace.cpu.linux;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text files of Isotrace's /proc, made when opened, in the formats of Linux's fs/proc (what busybox ps, free,
 * df and uptime parse): per process {@code cmdline}, {@code comm}, {@code maps}, {@code stat}, {@code status};
 * system-wide {@code cpuinfo} (the advertised core: a Cortex-A53 with exactly the HWCAP features), {@code meminfo}
 * (the 4 GiB sysinfo reports), {@code mounts} (one read-only root), {@code uptime}, {@code loadavg},
 * {@code version}. Everything in them is simulated, so they read the same on every host.
 */
final class ProcFiles {
    static final List<String> GLOBAL = List.of("cpuinfo", "loadavg", "meminfo", "mounts", "uptime", "version");
    static final List<String> PER_PROCESS = List.of("cmdline", "comm", "maps", "stat", "status");
    private static final long PS_PER_TICK = 10_000_000_000L; // USER_HZ = 100

    private ProcFiles() {
    }

    /** A system-wide file's text at simulated time {@code nowPs}, with {@code procs} the live processes. */
    static byte[] global(String name, long nowPs, List<GuestProcess> procs) {
        switch (name) {
            case "cpuinfo":
                return ascii("processor\t: 0\nBogoMIPS\t: 2000.00\nFeatures\t: " + Hwcap.features()
                        + "\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd03\n"
                        + "CPU revision\t: 4\n\n");
            case "meminfo":
                return ascii("MemTotal:        4194304 kB\nMemFree:         3145728 kB\nMemAvailable:    3145728 kB\n"
                        + "Buffers:               0 kB\nCached:                0 kB\nSwapTotal:             0 kB\n"
                        + "SwapFree:              0 kB\n");
            case "mounts":
                return ascii("/dev/root / ext4 ro,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec 0 0\n");
            case "uptime": {
                long cs = nowPs / PS_PER_TICK;
                return ascii(String.format("%d.%02d 0.00%n", cs / 100, cs % 100));
            }
            case "loadavg": {
                int last = procs.isEmpty() ? 0 : procs.get(procs.size() - 1).pid;
                return ascii("0.00 0.00 0.00 1/" + procs.size() + " " + last + "\n");
            }
            default:
                return ascii("Linux version " + ProcessSyscalls.UTS_RELEASE + " (isotrace) "
                        + ProcessSyscalls.UTS_VERSION + "\n");
        }
    }

    /** A file of process {@code q}. */
    static byte[] of(String name, GuestProcess q) {
        switch (name) {
            case "cmdline":
                return q.cmdline == null ? new byte[0] : q.cmdline;
            case "comm":
                return ascii(q.comm() + "\n");
            case "maps":
                return maps(q);
            case "stat":
                return ascii(stat(q));
            default:
                return ascii(status(q));
        }
    }

    private static char state(GuestProcess q) {
        switch (q.state) {
            case RUNNABLE:
                return 'R';
            case BLOCKED:
                return 'S';
            default:
                return 'Z';
        }
    }

    /** /proc/PID/stat: the 52 fields of fs/proc/array.c do_task_stat (times and counters zero). */
    private static String stat(GuestProcess q) {
        long vsize = 0;
        long rss = 0;
        if (q.mm != null) {
            for (Vma v : q.mm.all()) {
                vsize += v.end() - v.start();
            }
            rss = q.mm.residentPages();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(q.pid).append(" (").append(q.comm()).append(") ").append(state(q)).append(' ').append(q.ppid)
                .append(' ').append(q.pgid).append(' ').append(q.sid).append(" 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ")
                .append("0 ").append(vsize).append(' ').append(rss).append(" 18446744073709551615");
        for (int i = 26; i <= 52; i++) {
            sb.append(i == 38 ? " 17" : " 0"); // field 38: exit_signal
        }
        return sb.append('\n').toString();
    }

    private static String status(GuestProcess q) {
        char s = state(q);
        String name = s == 'R' ? "R (running)" : s == 'S' ? "S (sleeping)" : "Z (zombie)";
        return "Name:\t" + q.comm() + "\nUmask:\t" + String.format("%04o", q.umask) + "\nState:\t" + name
                + "\nTgid:\t" + q.pid + "\nPid:\t" + q.pid + "\nPPid:\t" + q.ppid + "\nUid:\t" + uidLine(LinuxIds.UID)
                + "Gid:\t" + uidLine(LinuxIds.GID) + "Threads:\t1\nSigBlk:\t" + String.format("%016x",
                q.signals.blocked) + "\n";
    }

    private static String uidLine(int id) {
        return id + "\t" + id + "\t" + id + "\t" + id + "\n";
    }

    /** /proc/PID/maps: start-end perms offset dev inode name, one mapping a line. */
    private static byte[] maps(GuestProcess q) {
        StringBuilder sb = new StringBuilder();
        if (q.mm != null) {
            for (Vma v : q.mm.all()) {
                int pr = v.prot();
                sb.append(String.format("%08x-%08x %c%c%cp %08x 00:00 0", v.start(), v.end(),
                        (pr & Prot.READ) != 0 ? 'r' : '-', (pr & Prot.WRITE) != 0 ? 'w' : '-',
                        (pr & Prot.EXEC) != 0 ? 'x' : '-', v.file() == null ? 0 : Math.max(0, v.file().offset())));
                if (!v.name().isEmpty()) {
                    sb.append(" ".repeat(Math.max(1, 73 - sb.length() + sb.lastIndexOf("\n") + 1))).append(v.name());
                }
                sb.append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
