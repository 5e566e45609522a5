package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.StopReason;
import io.isotrace.cpu.UnimplementedInstruction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.TreeMap;

/**
 * Who runs next, and the one clock. Guest processes take turns on the one simulated core, cooperatively and
 * deterministically: a process runs until it exits, sleeps in a system call ({@link Blocker}), or uses up a slice
 * of {@link #SLICE} instructions (or reaches its ITIMER_REAL alarm); then the next process in pid order that can run
 * gets the core (round robin). A process that execs or forks keeps the core, as the parent keeps it after fork on
 * Linux.
 *
 * <p>Simulated time is one clock for all: a process switched in is brought up to the present by stalling its core,
 * so time only moves forward, and transaction sequence numbers continue across processes. When every live process
 * sleeps and one has a timeout (or an alarm), time jumps to the earliest; if none has, the guest is deadlocked and
 * the run ends, saying so. {@code --max-instructions} is one budget for all processes.
 *
 * <p>A sleeping process wakes when its blocker is ready (its system call runs again), when its deadline passes, or
 * when a signal is pending: then the call is interrupted - restarted after the handler if the handler has
 * SA_RESTART and the call is one Linux restarts, else failed with EINTR (a partial write reports its progress).
 */
final class Scheduler {
    /** Instructions a process runs before the next runnable process gets the core. */
    static final long SLICE = 20_000_000L;

    private final LinuxKernel k;
    private final TreeMap<Integer, GuestProcess> processes;
    private final CpuConfig config;
    private final PrintStream diagnostics;
    private final long maxInstructions;

    private GuestProcess current;
    /** The core running now (the current process's, or the one it just replaced by execve). */
    private Cpu running;
    private long nowPs;
    private long retired;
    private long seq;
    private boolean preempted;
    private UnimplementedInstruction unimplemented;
    private boolean limitReached;
    private boolean deadlocked;

    Scheduler(LinuxKernel k, TreeMap<Integer, GuestProcess> processes, CpuConfig config, PrintStream diagnostics) {
        this.k = k;
        this.processes = processes;
        this.config = config;
        this.diagnostics = diagnostics;
        this.maxInstructions = config.maxInstructions();
    }

    /** The process whose system call or fault is being handled. */
    GuestProcess current() {
        return current;
    }

    /** Simulated time now (ps): the running core's clock, or the scheduler's between runs. */
    long now() {
        return running != null ? Math.max(nowPs, running.timePs()) : nowPs;
    }

    /** Moves the scheduler's clock up to the running core's (an alarm found due in a system call). */
    void catchUp() {
        nowPs = Math.max(nowPs, now());
    }

    /** What {@link #run} leaves behind. */
    record Outcome(StopReason stop, int exitStatus, long instructions, long transactions, long simulatedPs,
                   int processes, String message) {
    }

    /** Runs the guest's processes until the first one exits (and the others that can still run have finished). */
    Outcome run() {
        GuestProcess last = null;
        while (true) {
            GuestProcess p = pickNext(last);
            if (p == null) {
                break;
            }
            if (p.state == GuestProcess.State.BLOCKED) {
                wake(p);
                if (p.state != GuestProcess.State.RUNNABLE) {
                    last = p;
                    continue;
                }
            }
            k.deliverSignals(p);
            if (p.state != GuestProcess.State.RUNNABLE) {
                last = p;
                continue;
            }
            StopReason r = runSlice(p);
            last = p;
            fireAlarms();
            if (unimplemented != null) {
                break;
            }
            if (r == StopReason.INSTRUCTION_LIMIT) {
                if (retired >= maxInstructions) {
                    limitReached = true;
                    break;
                }
                preempted = true;
            }
        }
        return outcome();
    }

    private Outcome outcome() {
        StopReason stop;
        int status;
        String message = null;
        if (unimplemented != null) {
            stop = StopReason.UNIMPLEMENTED;
            status = LinuxRun.EXIT_UNIMPLEMENTED;
            message = unimplemented.getMessage();
            diagnostics.println("isotrace: " + message);
        } else if (limitReached) {
            stop = StopReason.INSTRUCTION_LIMIT;
            status = LinuxRun.EXIT_INSTRUCTION_LIMIT;
            message = "stopped after " + retired + " instructions (--max-instructions)";
            diagnostics.println("isotrace: " + message);
        } else if (deadlocked) {
            stop = StopReason.EXITED;
            status = 128 + Signals.SIGKILL;
            message = "every guest process is asleep and none can wake (deadlock)";
        } else {
            stop = StopReason.EXITED;
            status = exitCodeOf(k.init());
        }
        diagnostics.flush();
        return new Outcome(stop, status, retired, seq, nowPs, k.processCount(), message);
    }

    /** The shell-style exit code of a finished process: its exit status, or 128 + the signal that killed it. */
    static int exitCodeOf(GuestProcess p) {
        int ws = p.waitStatus;
        return (ws & 0x7F) == 0 ? (ws >> 8) & 0xFF : 128 + (ws & 0x7F);
    }

    private StopReason runSlice(GuestProcess p) {
        Cpu c = p.cpu;
        long lag = nowPs - c.timePs();
        if (lag > 0) {
            c.stall(lag);
        }
        c.mem.setTransactionCount(seq);
        long start = c.instructions();
        long budget = maxInstructions - retired;
        long slice = SLICE;
        if (p.alarmAt >= 0) {
            // End the slice when the alarm is due, so that SIGALRM interrupts even a loop without system calls.
            long cycles = config.clock().psToCycles(Math.max(0, p.alarmAt - c.timePs()));
            slice = Math.max(1, Math.min(slice, cycles + 1));
        }
        c.setInstructionLimit(start + Math.min(budget, slice));
        current = p;
        running = c;
        preempted = false;
        StopReason r;
        try {
            r = c.run();
        } catch (UnimplementedInstruction u) {
            unimplemented = u;
            r = StopReason.UNIMPLEMENTED;
        } finally {
            retired += c.instructions() - start;
            nowPs = Math.max(nowPs, c.timePs());
            seq = c.mem.transactions();
            running = null;
        }
        if (p.cpu != c && p.alive()) {
            // execve replaced the core: the new one starts at the present and continues the sequence
            p.cpu.mem.setTransactionCount(seq);
        }
        return r;
    }

    /**
     * The process to run next: the one that just ran if it can go on and was not preempted (it forked or
     * execed), else round robin in pid order over processes that are runnable or can wake. Null when none can run:
     * all done, or (while the first process lives) a deadlock.
     */
    private GuestProcess pickNext(GuestProcess last) {
        if (k.init().alive() || hasLiveProcess()) {
            if (last != null && last.state == GuestProcess.State.RUNNABLE && !preempted) {
                return last;
            }
            GuestProcess p = roundRobin(last);
            if (p != null) {
                return p;
            }
            // Everyone sleeps: jump to the earliest timeout or alarm, if any.
            long earliest = Blocker.NEVER;
            for (GuestProcess q : processes.values()) {
                if (q.state == GuestProcess.State.BLOCKED && q.blocker != null) {
                    earliest = Math.min(earliest, q.blocker.deadlinePs());
                }
                if (q.alive() && q.alarmAt >= 0) {
                    earliest = Math.min(earliest, q.alarmAt);
                }
            }
            if (earliest != Blocker.NEVER) {
                nowPs = Math.max(nowPs, earliest);
                fireAlarms();
                return roundRobin(last);
            }
            if (k.init().alive()) {
                deadlocked = true;
                StringBuilder sb = new StringBuilder("isotrace: every guest process is asleep and none can wake:");
                for (GuestProcess q : processes.values()) {
                    if (q.alive()) {
                        sb.append(' ').append(q.pid).append(" (").append(q.exe.guestPath()).append(')');
                    }
                }
                diagnostics.println(sb);
                for (GuestProcess q : new ArrayList<>(processes.values())) {
                    if (q.alive()) {
                        k.terminate(q, Signals.SIGKILL);
                    }
                }
            }
        }
        return null;
    }

    private boolean hasLiveProcess() {
        for (GuestProcess q : processes.values()) {
            if (q.alive()) {
                return true;
            }
        }
        return false;
    }

    private GuestProcess roundRobin(GuestProcess last) {
        int after = last == null ? Integer.MIN_VALUE : last.pid;
        GuestProcess first = null;
        for (GuestProcess q : processes.values()) {
            if (!canRun(q)) {
                continue;
            }
            if (q.pid > after) {
                return q;
            }
            if (first == null) {
                first = q;
            }
        }
        return first;
    }

    private boolean canRun(GuestProcess q) {
        if (q.state == GuestProcess.State.RUNNABLE) {
            return true;
        }
        if (q.state != GuestProcess.State.BLOCKED) {
            return false;
        }
        Blocker b = q.blocker;
        return b == null || b.ready() || b.deadlinePs() <= nowPs
                || (!(b instanceof VforkWait) && q.signals.next() != 0);
    }

    /** Raises SIGALRM in every process whose ITIMER_REAL has run out (and reloads periodic ones). */
    void fireAlarms() {
        for (GuestProcess q : new ArrayList<>(processes.values())) {
            if (q.alive() && q.alarmAt >= 0 && q.alarmAt <= nowPs) {
                q.alarmAt = q.alarmInterval > 0 ? q.alarmAt + q.alarmInterval * Math.max(1,
                        (nowPs - q.alarmAt) / q.alarmInterval + 1) : -1;
                k.sendSignal(q, new SigInfo(Signals.SIGALRM, SigInfo.SI_KERNEL, 0, 0, 0, 0));
            }
        }
    }

    /** A vfork parent's wait: not interrupted by signals (Linux waits killably). */
    record VforkWait(GuestProcess child) implements Blocker {
        @Override
        public boolean ready() {
            return child.vforkParent == null;
        }
    }

    /** Wakes a sleeping process: runs its system call again, or interrupts it for a signal. */
    private void wake(GuestProcess p) {
        Blocker b = p.blocker;
        p.state = GuestProcess.State.RUNNABLE;
        p.blocker = null;
        long[] call = p.restart;
        if (call == null) {
            return; // vfork parent: it just continues
        }
        boolean due = b == null || b.ready() || b.deadlinePs() <= nowPs;
        current = p;
        running = p.cpu;
        try {
            if (due) {
                k.complete(p, p.cpu, call);
                return;
            }
            // A signal interrupts the sleep: restart after the handler (SA_RESTART) or fail with EINTR.
            p.restart = null;
            if (call[0] == 101 || call[0] == 115) {
                TimeSyscalls.interrupted(k, p);
            }
            p.deadline = -1;
            long done = p.progress;
            p.progress = 0;
            int sig = p.signals.next();
            SignalAction act = p.signals.action(sig);
            if (done > 0) {
                p.cpu.x[0] = done;
                k.trace(p, call, done);
            } else if (!act.isDefault() && !act.isIgnore() && act.has(Signals.SA_RESTART) && restartable(call[0])) {
                p.cpu.pc -= 4; // the SVC runs again after the handler returns, with its original x0
                k.traceRestart(p, call);
            } else {
                p.cpu.x[0] = -Errno.EINTR;
                k.trace(p, call, -Errno.EINTR);
            }
        } finally {
            running = null;
        }
    }

    /** Calls Linux restarts after a handler with SA_RESTART (those returning -ERESTARTSYS when interrupted). */
    private static boolean restartable(long nr) {
        // rt_sigsuspend, the poll family (-ERESTARTNOHAND) and the sleeps (-ERESTART_RESTARTBLOCK) return EINTR to a
        // handler whatever its SA_RESTART.
        return nr != 133 && nr != 73 && nr != 72 && nr != 101 && nr != 115;
    }

}
