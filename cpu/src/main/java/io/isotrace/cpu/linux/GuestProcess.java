package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * One guest process: its core (registers and the interpreter's caches), address space, descriptors, signal state,
 * working directory and family, and where it stands in its life (running, asleep in a system call, a zombie
 * waiting to be reaped).
 */
public final class GuestProcess {
    public enum State { RUNNABLE, BLOCKED, ZOMBIE, REAPED }

    public final int pid;
    public int ppid;
    public int pgid;
    public int sid;
    public Cpu cpu;
    public AddressSpace mm;
    public KernelMemory mem;
    final FdTable fds;
    public final SignalState signals;
    public Executable exe;
    /** Canonical guest path of the working directory. */
    public String cwd;
    public int umask = 022;
    public State state = State.RUNNABLE;
    /** The wait status (wait4's *wstatus) once a zombie. */
    public int waitStatus;
    /** The signal sent to the parent on exit (clone's low byte; SIGCHLD for fork). */
    public int exitSignal = Signals.SIGCHLD;
    final List<GuestProcess> children = new ArrayList<>();
    GuestProcess parent;
    /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed (and futex-woken) on exit. */
    public long clearChildTid;
    /** A vfork parent waits while this is set on its child. */
    GuestProcess vforkParent;

    /** Why it sleeps (when BLOCKED). */
    Blocker blocker;
    /** The system call to run again when it wakes (number and arguments), or null to just continue. */
    long[] restart;
    /** Progress a restarted call keeps across sleeps (bytes already written by a large pipe write). */
    long progress;
    /** The deadline (simulated ps) a sleeping call with a timeout set on its first attempt, or -1. */
    long deadline = -1;
    /** ITIMER_REAL: when SIGALRM is due (simulated ps), or -1 when disarmed; and its reload interval (ps). */
    long alarmAt = -1;
    long alarmInterval;
    /** Where an interrupted nanosleep writes the time left (0: nowhere). */
    long sleepRem;
    /** argv as /proc/PID/cmdline shows it: each argument followed by a NUL. */
    byte[] cmdline;
    /** The name prctl(PR_SET_NAME) set, or null for the program's file name. */
    String comm;

    GuestProcess(int pid, FdTable fds, SignalState signals) {
        this.pid = pid;
        this.fds = fds;
        this.signals = signals;
    }

    public boolean alive() {
        return state == State.RUNNABLE || state == State.BLOCKED;
    }

    /** Attaches an address space (its kernel view follows). */
    void setMm(AddressSpace space) {
        this.mm = space;
        this.mem = space.mem;
    }

    /** The process's name (what PR_GET_NAME and /proc/PID/comm report): at most 15 bytes. */
    public String comm() {
        if (comm != null) {
            return comm;
        }
        String path = exe == null ? "" : exe.guestPath();
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.length() > 15 ? base.substring(0, 15) : base;
    }

    @Override
    public String toString() {
        return "process " + pid + " (" + (exe == null ? "?" : exe.guestPath()) + ", " + state + ")";
    }
}
