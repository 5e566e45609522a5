package io.isotrace.cpu.linux;

import io.isotrace.trace.port.LittleEndian;

/**
 * Time, all of it simulated: CLOCK_MONOTONIC (and BOOTTIME, the CPU-time clocks) is the simulated time of the run,
 * CLOCK_REALTIME the same offset from {@link LinuxKernel#EPOCH_SEC}. Runs are therefore deterministic. nanosleep and
 * clock_nanosleep sleep in simulated time: other processes run meanwhile, and when none can, simulated time jumps
 * to the end of the sleep (the core is stalled by the difference), so sleeping costs no host time.
 */
final class TimeSyscalls {
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    static final int CLOCK_THREAD_CPUTIME_ID = 3;
    static final int CLOCK_MONOTONIC_RAW = 4;
    static final int CLOCK_REALTIME_COARSE = 5;
    static final int CLOCK_MONOTONIC_COARSE = 6;
    static final int CLOCK_BOOTTIME = 7;
    static final int TIMER_ABSTIME = 1;
    private static final long PS_PER_NS = 1000;
    private static final long NS_PER_S = 1_000_000_000L;

    private final LinuxKernel k;

    TimeSyscalls(LinuxKernel k) {
        this.k = k;
    }

    void register(SyscallTable t) {
        t.add(113, "clock_gettime", (p, clock, tp, a2, a3, a4, a5) -> clockGettime(p, clock, tp));
        t.add(114, "clock_getres", (p, clock, res, a2, a3, a4, a5) -> {
            checkClock(clock);
            if (res != 0) {
                writeTimespec(p, res, 0, 1);
            }
            return 0;
        });
        t.add(169, "gettimeofday", (p, tv, tz, a2, a3, a4, a5) -> {
            long ns = realtimeNs();
            if (tv != 0) {
                p.mem.write64(tv, ns / NS_PER_S);
                p.mem.write64(tv + 8, (ns % NS_PER_S) / 1000);
            }
            if (tz != 0) {
                p.mem.write64(tz, 0);
            }
            return 0;
        });
        t.add(101, "nanosleep", (p, req, rem, a2, a3, a4, a5) -> sleep(p, CLOCK_MONOTONIC, 0, req, rem));
        t.add(115, "clock_nanosleep", (p, clock, flags, req, rem, a4, a5) -> sleep(p, clock, flags, req, rem));
        t.add(103, "setitimer", (p, which, nv, old, a3, a4, a5) -> setitimer(p, which, nv, old));
        t.add(102, "getitimer", (p, which, cur, a2, a3, a4, a5) -> {
            checkTimer(which);
            writeItimer(p, cur, which);
            return 0;
        });
        t.add(153, "times", (p, buf, a1, a2, a3, a4, a5) -> {
            long ticks = k.now() / (PS_PER_NS * NS_PER_S / 100);
            if (buf != 0) {
                byte[] b = new byte[32];
                LittleEndian.putLong(b, 0, ticks);
                p.mem.write(buf, b);
            }
            return ticks;
        });
    }

    private static void checkClock(long clock) {
        if (clock < 0 || clock > 11) {
            throw new SyscallError(Errno.EINVAL);
        }
    }

    private long monotonicNs() {
        return k.now() / PS_PER_NS;
    }

    private long realtimeNs() {
        return LinuxKernel.EPOCH_SEC * NS_PER_S + monotonicNs();
    }

    private long clockNs(long clock) {
        checkClock(clock);
        switch ((int) clock) {
            case CLOCK_REALTIME:
            case CLOCK_REALTIME_COARSE:
            case 8: // CLOCK_REALTIME_ALARM
            case 11: // CLOCK_TAI
                return realtimeNs();
            default:
                return monotonicNs();
        }
    }

    private long clockGettime(GuestProcess p, long clock, long tp) {
        long ns = clockNs(clock);
        writeTimespec(p, tp, ns / NS_PER_S, ns % NS_PER_S);
        return 0;
    }

    private static void writeTimespec(GuestProcess p, long va, long sec, long nsec) {
        byte[] b = new byte[16];
        LittleEndian.putLong(b, 0, sec);
        LittleEndian.putLong(b, 8, nsec);
        p.mem.write(va, b);
    }

    /**
     * The timespec at {@code va} in nanoseconds (EINVAL when malformed), clamped so that a "forever" such as
     * INT_MAX seconds stays in the far future instead of overflowing simulated time in picoseconds.
     */
    static long timespecNs(GuestProcess p, long va) {
        long sec = p.mem.read64(va);
        long nsec = p.mem.read64(va + 8);
        if (sec < 0 || nsec < 0 || nsec >= NS_PER_S) {
            throw new SyscallError(Errno.EINVAL);
        }
        return sec > Long.MAX_VALUE / NS_PER_S / PS_PER_NS / 2 ? Long.MAX_VALUE / PS_PER_NS / 2 : sec * NS_PER_S + nsec;
    }

    /**
     * nanosleep/clock_nanosleep: the process sleeps until simulated time reaches the deadline, and other processes
     * run meanwhile; when none can, time jumps to the deadline (see {@link LinuxKernel}). Alone, the effect is a
     * stall of the core for the duration. A signal with a handler ends the sleep early with EINTR and the time left
     * in *rem (Linux does not restart it, even with SA_RESTART).
     */
    private long sleep(GuestProcess p, long clock, long flags, long req, long rem) {
        if (p.deadline < 0) {
            long ns = timespecNs(p, req);
            checkClock(clock);
            if ((flags & TIMER_ABSTIME) != 0) {
                ns = Math.max(0, ns - clockNs(clock));
            }
            p.deadline = k.now() + ns * PS_PER_NS;
            p.sleepRem = (flags & TIMER_ABSTIME) == 0 ? rem : 0;
        }
        long deadline = p.deadline;
        if (k.now() >= deadline) {
            p.deadline = -1;
            return 0;
        }
        return k.block(p, new Blocker() {
            @Override
            public boolean ready() {
                return false;
            }

            @Override
            public long deadlinePs() {
                return deadline;
            }
        });
    }

    /**
     * setitimer: ITIMER_REAL counts simulated time and raises SIGALRM when it runs out (the scheduler stops the
     * process's slice there, so a busy loop is interrupted on time); ITIMER_VIRTUAL and ITIMER_PROF are accepted and
     * never fire, with a warning.
     */
    private long setitimer(GuestProcess p, long which, long nv, long old) {
        checkTimer(which);
        if (old != 0) {
            writeItimer(p, old, which);
        }
        if (nv == 0) {
            return 0;
        }
        long[] v = new long[4];
        for (int i = 0; i < 4; i++) {
            v[i] = p.mem.read64(nv + 8L * i);
        }
        if (v[1] < 0 || v[1] >= 1_000_000 || v[3] < 0 || v[3] >= 1_000_000 || v[0] < 0 || v[2] < 0) {
            return -Errno.EINVAL;
        }
        if (which != 0) {
            k.warnOnce("ITIMER_VIRTUAL and ITIMER_PROF timers are accepted but never fire");
            return 0;
        }
        long interval = usToPs(v[0], v[1]);
        long value = usToPs(v[2], v[3]);
        p.alarmInterval = interval;
        p.alarmAt = value == 0 ? -1 : k.now() + value;
        return 0;
    }

    private static long usToPs(long sec, long usec) {
        long s = Math.min(sec, 1L << 30);
        return s * NS_PER_S * PS_PER_NS + usec * 1_000_000L;
    }

    private static void checkTimer(long which) {
        if (which < 0 || which > 2) {
            throw new SyscallError(Errno.EINVAL);
        }
    }

    /** struct itimerval: interval then value, each {tv_sec, tv_usec}. */
    private void writeItimer(GuestProcess p, long va, long which) {
        long left = which == 0 && p.alarmAt >= 0 ? Math.max(1_000_000L, p.alarmAt - k.now()) : 0;
        long interval = which == 0 ? p.alarmInterval : 0;
        byte[] b = new byte[32];
        LittleEndian.putLong(b, 0, interval / 1_000_000_000_000L);
        LittleEndian.putLong(b, 8, interval % 1_000_000_000_000L / 1_000_000L);
        LittleEndian.putLong(b, 16, left / 1_000_000_000_000L);
        LittleEndian.putLong(b, 24, left % 1_000_000_000_000L / 1_000_000L);
        p.mem.write(va, b);
    }

    /** An interrupted sleep: the time left goes to *rem, as nanosleep reports it. */
    static void interrupted(LinuxKernel k, GuestProcess p) {
        if (p.deadline >= 0 && p.sleepRem != 0) {
            long left = Math.max(0, p.deadline - k.now()) / PS_PER_NS;
            try {
                writeTimespec(p, p.sleepRem, left / NS_PER_S, left % NS_PER_S);
            } catch (KernelMemory.Efault e) {
                // the result is EINTR anyway
            }
        }
        p.deadline = -1;
        p.sleepRem = 0;
    }
}
