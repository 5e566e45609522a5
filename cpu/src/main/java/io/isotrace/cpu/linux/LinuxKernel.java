package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.StopReason;
import io.isotrace.cpu.UnimplementedInstruction;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Reg;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestFault;
import io.isotrace.cpu.sys.Kernel;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.record.TransactionSink;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Linux system-call emulation for user-mode runs (like qemu-aarch64 or gem5's SE mode): the guest's SVCs are
 * answered here, its faults become signals, and its processes are scheduled here.
 *
 * <p><b>Processes.</b> Every guest process has its own {@link Cpu} (registers, decoded code, TLB), its own
 * {@link AddressSpace} and an ASID equal to its pid. They take turns on the one simulated core, cooperatively and
 * deterministically: a process runs until it exits, sleeps in a system call ({@link Blocker}), or uses up a time
 * slice of {@link #SLICE} instructions; then the next runnable process in pid order runs (round robin). A process
 * that execs or forks keeps the core, as the parent keeps it after fork on Linux. Simulated time is one clock for
 * all: a process switched in is brought up to the present by stalling its core, so time only moves forward, and
 * transaction sequence numbers continue across processes. When every live process sleeps and one has a timeout,
 * time jumps to the earliest timeout; if none has, the guest is deadlocked: the run ends, saying so.
 *
 * <p><b>System calls</b> are registered by area in {@link IoSyscalls}, {@link FileSyscalls}, {@link MemorySyscalls},
 * {@link ProcessSyscalls}, {@link SignalSyscalls} and {@link TimeSyscalls}. A call returns its result (a negative
 * errno on failure), or {@link #BLOCK} to sleep and be run again when its {@link Blocker} is ready, or
 * {@link #NO_RESULT} when it has set the registers itself (rt_sigreturn, execve). An unknown system call returns
 * ENOSYS with one warning naming it. With strace on, every call is logged as strace does.
 */
public final class LinuxKernel implements Kernel {
    /** A system call's answer meaning: the process sleeps; run the call again when it can go on. */
    static final long BLOCK = Long.MIN_VALUE;
    /** A system call's answer meaning: registers are already set, leave x0 alone. */
    static final long NO_RESULT = Long.MIN_VALUE + 2;
    /** Instructions a process runs before the next runnable process gets the core. */
    static final long SLICE = 20_000_000L;
    /** The simulated wall clock starts at 2026-01-01T00:00:00Z (CLOCK_REALTIME); CLOCK_MONOTONIC starts at 0. */
    public static final long EPOCH_SEC = 1_767_225_600L;
    /** The sigreturn trampoline: mov x8, #139 (rt_sigreturn); svc #0. */
    private static final int[] TRAMPOLINE = {0xD2801168, 0xD4000001};

    private final SyscallTable table = new SyscallTable();
    private final PrintStream diagnostics;
    private final Strace strace;
    private final Set<Long> warnedUnknown = new HashSet<>();
    private final Set<String> warnings = new HashSet<>();
    private final TreeMap<Integer, GuestProcess> processes = new TreeMap<>();
    private final CpuConfig config;
    private final SharedPort port;
    private final TransactionSink sink;
    private final FramePool pool = new FramePool();
    private final PhysicalFrames frames;
    final GuestFileSystem fs;
    /** Deterministic randomness: getrandom, /dev/urandom, AT_RANDOM. */
    final SplittableRandom random;
    private final long maxInstructions;

    private GuestProcess current;
    /** The core running now (the current process's, or the one it just replaced by execve). */
    private Cpu running;
    private GuestProcess init;
    private int nextPid = LinuxIds.FIRST_PID;
    private long nowPs;
    private long retired;
    private long seq;
    private boolean preempted;
    private int processCount;
    private UnimplementedInstruction unimplemented;
    private boolean limitReached;
    private boolean deadlocked;

    LinuxKernel(CpuConfig config, MemoryPort port, TransactionSink sink, GuestFileSystem.Builder fsBuilder,
                PrintStream diagnostics, boolean straceOn, long seed) {
        this.config = config;
        this.port = new SharedPort(port);
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.maxInstructions = config.maxInstructions();
        this.random = new SplittableRandom(seed);
        this.frames = new PhysicalFrames(port, config.requester());
        this.fs = fsBuilder.build(EPOCH_SEC, random.split(), processes::get);
        this.strace = straceOn ? new Strace(diagnostics) : null;
        new IoSyscalls(this).register(table);
        new FileSyscalls(this).register(table);
        new MemorySyscalls(this).register(table);
        new ProcessSyscalls(this).register(table);
        new SignalSyscalls(this).register(table);
        new TimeSyscalls(this).register(table);
    }

    public SyscallTable table() {
        return table;
    }

    /** Cores still registered for invalidations (those of live processes). */
    int registeredCores() {
        return port.listeners();
    }

    // ------------------------------------------------------------------ process table and cores

    /** A live or zombie process by pid, or null. */
    GuestProcess process(int pid) {
        GuestProcess p = processes.get(pid);
        return p != null && p.state != GuestProcess.State.REAPED ? p : null;
    }

    Iterable<GuestProcess> allProcesses() {
        return new ArrayList<>(processes.values());
    }

    GuestProcess current() {
        return current;
    }

    GuestProcess init() {
        return init;
    }

    int allocatePid() {
        for (int i = 0; i < 32768; i++) {
            int pid = nextPid;
            nextPid = nextPid >= 32767 ? LinuxIds.FIRST_PID : nextPid + 1;
            if (!processes.containsKey(pid)) {
                processCount++;
                return pid;
            }
        }
        throw new SyscallError(Errno.EAGAIN);
    }

    void addProcess(GuestProcess p) {
        processes.put(p.pid, p);
    }

    /** A new address space: identity-mapped for the first process, pool-backed for every other. */
    AddressSpace newAddressSpace(GuestProcess p) {
        return new AddressSpace(pool, frames, p == init || init == null, p.pid & 0xFFFF);
    }

    /** A core for {@code p} in {@code p.mm}, its clock set to now. */
    Cpu newCpu(GuestProcess p) {
        Cpu c = new Cpu(config, p.mm, port);
        c.setKernel(this);
        c.setAsid(p.pid & 0xFFFF);
        if (sink != null) {
            c.mem.setSink(sink);
        }
        c.stall(now());
        p.mm.attach(c);
        return c;
    }

    /** Maps the sigreturn trampoline page into a new address space. */
    void mapSigpage(AddressSpace space) {
        space.map(AddressSpace.SIGPAGE, AddressSpace.SIGPAGE + AddressSpace.PAGE, Prot.READ | Prot.EXEC, "[sigpage]");
        byte[] code = new byte[4 * TRAMPOLINE.length];
        for (int i = 0; i < TRAMPOLINE.length; i++) {
            io.isotrace.trace.port.LittleEndian.putInt(code, 4 * i, TRAMPOLINE[i]);
        }
        space.mem.load(AddressSpace.SIGPAGE, code, 0, code.length);
    }

    /** Simulated time now (ps): the running core's clock, or the scheduler's between runs. */
    long now() {
        return running != null ? Math.max(nowPs, running.timePs()) : nowPs;
    }

    private long nextInode = 1000;
    /** Program files by path, so that a shell starting the same program again does not read it again. */
    private final java.util.Map<java.nio.file.Path, Object[]> programCache = new java.util.HashMap<>();

    /** The bytes of a program file (cached while its size and modification time stay the same). */
    byte[] programBytes(java.nio.file.Path host) throws java.io.IOException {
        java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(host,
                java.nio.file.attribute.BasicFileAttributes.class);
        Object[] c = programCache.get(host);
        if (c != null && (Long) c[0] == a.size() && c[1].equals(a.lastModifiedTime())) {
            return (byte[]) c[2];
        }
        byte[] b = java.nio.file.Files.readAllBytes(host);
        if (programCache.size() > 16) {
            programCache.clear();
        }
        programCache.put(host, new Object[] {a.size(), a.lastModifiedTime(), b});
        return b;
    }

    /** Inode numbers for pipes. */
    long nextInode() {
        return nextInode++;
    }

    /**
     * Starts the first process: {@code exe} with its arguments and environment, the standard streams as
     * descriptors 0-2, working directory {@code cwd}. Throws {@link io.isotrace.trace.BadInputException} when the
     * program cannot be run.
     */
    GuestProcess start(Executable exe, List<byte[]> argv, List<byte[]> envp, String cwd,
                       java.io.InputStream in, java.io.OutputStream out, java.io.OutputStream err) {
        int pid = allocatePid();
        FdTable fds = new FdTable();
        fds.install(StreamFile.input(in, EPOCH_SEC), 0, false);
        fds.install(StreamFile.output(out, 1, EPOCH_SEC), 1, false);
        fds.install(StreamFile.output(err, 2, EPOCH_SEC), 2, false);
        GuestProcess p = new GuestProcess(pid, fds, new SignalState());
        p.ppid = LinuxIds.PARENT_PID;
        p.pgid = pid;
        p.sid = pid;
        p.cwd = cwd;
        p.exe = exe;
        byte[] bytes;
        try {
            bytes = programBytes(exe.host());
        } catch (java.io.IOException e) {
            throw new io.isotrace.trace.BadInputException(exe.host().toString(), "cannot read: " + e.getMessage());
        }
        ElfLoader.parse(exe.host(), bytes);
        ProgramLoader.load(this, p, new ProgramLoader.Prepared(exe, bytes, argv), envp,
                exe.guestPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        addProcess(p);
        init = p;
        return p;
    }

    /** The program {@code path} names for execve: a regular, executable file (or /proc/PID/exe). */
    Executable resolveExecutable(GuestProcess p, long dirfd, String path, boolean follow) {
        GuestFileSystem.Node n = fs.resolve(p, dirfd, path, follow);
        switch (n.kind()) {
            case EXE:
                return new Executable(n.host(), n.guestPath());
            case HOST:
                if (!n.exists()) {
                    throw new SyscallError(Errno.ENOENT);
                }
                if (!java.nio.file.Files.isRegularFile(n.host())
                        || !java.nio.file.Files.isExecutable(n.host())) {
                    throw new SyscallError(Errno.EACCES);
                }
                return new Executable(n.host(), n.guestPath());
            default:
                throw new SyscallError(Errno.EACCES);
        }
    }

    /** A #! interpreter, resolved from the working directory. */
    Executable resolveExecutable(GuestProcess p, String path) {
        return resolveExecutable(p, OpenFlags.AT_FDCWD, path, true);
    }

    // ------------------------------------------------------------------ scheduling

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
            deliverSignals(p);
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
            status = exitCodeOf(init);
        }
        diagnostics.flush();
        return new Outcome(stop, status, retired, seq, nowPs, processCount, message);
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
        if (init.alive() || hasLiveProcess()) {
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
            if (init.alive()) {
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
                        terminate(q, Signals.SIGKILL);
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
    private void fireAlarms() {
        for (GuestProcess q : new ArrayList<>(processes.values())) {
            if (q.alive() && q.alarmAt >= 0 && q.alarmAt <= nowPs) {
                q.alarmAt = q.alarmInterval > 0 ? q.alarmAt + q.alarmInterval * Math.max(1,
                        (nowPs - q.alarmAt) / q.alarmInterval + 1) : -1;
                sendSignal(q, new SigInfo(Signals.SIGALRM, SigInfo.SI_KERNEL, 0, 0, 0, 0));
            }
        }
    }

    /** Puts {@code p} to sleep until {@code b} is ready; the current system call will be run again then. */
    long block(GuestProcess p, Blocker b) {
        p.blocker = b;
        return BLOCK;
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
                complete(p, p.cpu, call);
                return;
            }
            // A signal interrupts the sleep: restart after the handler (SA_RESTART) or fail with EINTR.
            p.restart = null;
            if (call[0] == 101 || call[0] == 115) {
                TimeSyscalls.interrupted(this, p);
            }
            p.deadline = -1;
            long done = p.progress;
            p.progress = 0;
            int sig = p.signals.next();
            SignalAction act = p.signals.action(sig);
            if (done > 0) {
                p.cpu.x[0] = done;
                trace(p, call, done);
            } else if (!act.isDefault() && !act.isIgnore() && act.has(Signals.SA_RESTART) && restartable(call[0])) {
                p.cpu.pc -= 4; // the SVC runs again after the handler returns, with its original x0
                if (strace != null) {
                    strace.interrupted(p, call, true);
                }
            } else {
                p.cpu.x[0] = -Errno.EINTR;
                trace(p, call, -Errno.EINTR);
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

    // ------------------------------------------------------------------ system calls

    @Override
    public void supervisorCall(Cpu cpu, int imm) {
        GuestProcess p = current;
        long[] call = {cpu.x[8], cpu.x[0], cpu.x[1], cpu.x[2], cpu.x[3], cpu.x[4], cpu.x[5]};
        complete(p, cpu, call);
    }

    /** Runs a system call for {@code p} to its end (result in x0, then signals), or puts {@code p} to sleep. */
    private void complete(GuestProcess p, Cpu cpu, long[] call) {
        KernelMemory mem = p.mem;
        String[] args = strace != null ? strace.enter(call, mem) : null;
        long r = invoke(p, call);
        if (r == BLOCK) {
            if (strace != null) {
                strace.cancel();
            }
            p.state = GuestProcess.State.BLOCKED;
            p.restart = call;
            cpu.yieldCpu();
            return;
        }
        p.restart = null;
        p.progress = 0;
        p.deadline = -1;
        if (r != NO_RESULT && p.alive() && p.cpu == cpu) {
            cpu.x[0] = r;
        }
        if (strace != null) {
            strace.log(p, call, args, r, mem);
        }
        if (p.alarmAt >= 0 && p.alarmAt <= now()) {
            nowPs = Math.max(nowPs, now());
            fireAlarms();
        }
        if (p.state == GuestProcess.State.RUNNABLE && p.cpu == cpu) {
            deliverSignals(p);
        }
    }

    private long invoke(GuestProcess p, long[] call) {
        long nr = call[0];
        Syscall s = table.get(nr);
        if (s == null) {
            if (warnedUnknown.add(nr)) {
                diagnostics.printf("isotrace: warning: unimplemented syscall %s (%d) at PC 0x%x returns ENOSYS%n",
                        SyscallNames.of(nr), nr, p.cpu.pc - 4);
            }
            return -Errno.ENOSYS;
        }
        try {
            return s.call(p, call[1], call[2], call[3], call[4], call[5], call[6]);
        } catch (SyscallError e) {
            return -e.errno();
        } catch (KernelMemory.Efault e) {
            return -Errno.EFAULT;
        }
    }

    private void trace(GuestProcess p, long[] call, long r) {
        if (strace != null) {
            strace.log(p, call, strace.enter(call, p.mem), r, p.mem);
        }
    }

    /** Prints a warning once per distinct text (limitations the guest ran into). */
    void warnOnce(String text) {
        if (warnings.add(text)) {
            diagnostics.println("isotrace: warning: " + text);
        }
    }

    PrintStream diagnostics() {
        return diagnostics;
    }

    // ------------------------------------------------------------------ signals

    /**
     * Sends {@code si} to {@code p} (kill, SIGCHLD, SIGPIPE). A signal the process ignores is discarded unless
     * blocked (kernel/signal.c sig_ignored); SIGKILL terminates at once.
     */
    void sendSignal(GuestProcess p, SigInfo si) {
        if (!p.alive()) {
            return;
        }
        int sig = si.signo();
        if (sig == Signals.SIGKILL) {
            terminate(p, Signals.SIGKILL);
            return;
        }
        boolean blocked = (p.signals.blocked & Signals.bit(sig)) != 0;
        if (!blocked && ignored(p, sig)) {
            return;
        }
        p.signals.raise(si);
    }

    private static boolean ignored(GuestProcess p, int sig) {
        SignalAction a = p.signals.action(sig);
        if (a.isIgnore()) {
            return true;
        }
        Signals.DefaultAction d = Signals.defaultAction(sig);
        return a.isDefault() && (d == Signals.DefaultAction.IGNORE || d == Signals.DefaultAction.STOP);
    }

    /**
     * A signal the process cannot refuse (a fault): if blocked or ignored it reverts to the default action and
     * is unblocked (kernel/signal.c force_sig_info_to_task), then it is delivered now.
     */
    void forceSignal(GuestProcess p, SigInfo si, long esr, String why) {
        int sig = si.signo();
        SignalAction a = p.signals.action(sig);
        if (a.isIgnore() || (p.signals.blocked & Signals.bit(sig)) != 0) {
            p.signals.setAction(sig, SignalAction.DEFAULT);
            p.signals.blocked &= ~Signals.bit(sig);
        }
        SignalAction act = p.signals.action(sig);
        if (act.isDefault()) {
            if (strace != null) {
                strace.signal(p, si);
            }
            diagnostics.println("isotrace: " + (p == init ? "guest" : "guest process " + p.pid) + " killed by "
                    + Signals.name(sig) + " at PC 0x" + Long.toHexString(p.cpu.pc) + ": " + why);
            terminate(p, sig);
            return;
        }
        handle(p, sig, si, act, esr);
    }

    /** Delivers the pending signals of {@code p} that may be delivered now (one handler frame at a time). */
    void deliverSignals(GuestProcess p) {
        while (p.alive()) {
            int sig = p.signals.next();
            if (sig == 0) {
                return;
            }
            SigInfo si = p.signals.take(sig);
            SignalAction act = p.signals.action(sig);
            if (act.isIgnore()) {
                continue;
            }
            if (act.isDefault()) {
                Signals.DefaultAction d = Signals.defaultAction(sig);
                if (d == Signals.DefaultAction.IGNORE || d == Signals.DefaultAction.STOP) {
                    continue;
                }
                if (strace != null) {
                    strace.signal(p, si);
                }
                if (p == init) {
                    diagnostics.println("isotrace: guest killed by " + Signals.name(sig));
                }
                terminate(p, sig);
                return;
            }
            handle(p, sig, si, act, 0);
            return;
        }
    }

    private void handle(GuestProcess p, int sig, SigInfo si, SignalAction act, long esr) {
        SignalState ss = p.signals;
        long mask = ss.hasSavedMask ? ss.savedMask : ss.blocked;
        ss.hasSavedMask = false;
        if (strace != null) {
            strace.signal(p, si);
        }
        if (!SignalFrame.setup(p, p.cpu, si, act, mask, esr, AddressSpace.SIGPAGE)) {
            // The frame cannot be written (stack overflow ...): Linux forces SIGSEGV, which then kills.
            p.signals.setAction(Signals.SIGSEGV, SignalAction.DEFAULT);
            diagnostics.println("isotrace: " + (p == init ? "guest" : "guest process " + p.pid)
                    + " killed by SIGSEGV: cannot write the frame for " + Signals.name(sig) + " at SP 0x"
                    + Long.toHexString(p.cpu.x[Reg.SP]));
            terminate(p, Signals.SIGSEGV);
            return;
        }
        ss.blocked |= act.mask() | (act.has(Signals.SA_NODEFER) ? 0 : Signals.bit(sig));
        ss.blocked &= ~Signals.UNBLOCKABLE;
        if (act.has(Signals.SA_RESETHAND)) {
            ss.setAction(sig, SignalAction.DEFAULT);
        }
    }

    @Override
    public void fault(Cpu cpu, GuestFault f) {
        GuestProcess p = current;
        int sig;
        int code;
        long fsc;
        switch (f.kind()) {
            case TRANSLATION:
                sig = Signals.SIGSEGV;
                code = SigInfo.SEGV_MAPERR;
                fsc = 0x07; // translation fault, level 3
                break;
            case PERMISSION:
                sig = Signals.SIGSEGV;
                code = SigInfo.SEGV_ACCERR;
                fsc = 0x0F; // permission fault, level 3
                break;
            case ALIGNMENT:
                sig = Signals.SIGBUS;
                code = SigInfo.BUS_ADRALN;
                fsc = 0x21;
                break;
            default:
                sig = Signals.SIGBUS;
                code = 4; // BUS_OBJERR: arm64's answer to a synchronous external abort
                fsc = 0x10;
                break;
        }
        // ESR_EL1 as Linux reports it to user space: EC data/instruction abort from EL0, IL, WnR, the status code.
        boolean exec = f.access() == Access.EXECUTE;
        long esr = ((exec ? 0x20L : 0x24L) << 26) | (1L << 25) | (f.access() == Access.WRITE ? 1L << 6 : 0) | fsc;
        String why = String.format("%s address 0x%x (%s)", Access.name(f.access()), f.address(),
                f.kind().name().toLowerCase(Locale.ROOT));
        forceSignal(p, SigInfo.fault(sig, code, f.address()), esr, why);
    }

    @Override
    public void undefined(Cpu cpu, Insn insn) {
        forceSignal(current, SigInfo.fault(Signals.SIGILL, SigInfo.ILL_ILLOPC, cpu.pc), (0x00L << 26) | (1L << 25),
                String.format("undefined instruction 0x%08x", insn.word));
    }

    @Override
    public void breakpoint(Cpu cpu, int imm) {
        forceSignal(current, SigInfo.fault(Signals.SIGTRAP, SigInfo.TRAP_BRKPT, cpu.pc),
                (0x3CL << 26) | (1L << 25) | imm, "brk #" + imm);
    }

    // ------------------------------------------------------------------ process life

    /**
     * Ends {@code p}: {@code signal} 0 means exit with {@code status}, else killed by that signal. Closes its files,
     * releases its memory, makes it a zombie for its parent (SIGCHLD), frees a waiting vfork parent.
     */
    void terminate(GuestProcess p, int signal) {
        terminate(p, signal, 0);
    }

    void exit(GuestProcess p, int status) {
        terminate(p, 0, status);
    }

    private void terminate(GuestProcess p, int signal, int status) {
        if (!p.alive()) {
            return;
        }
        p.waitStatus = signal != 0 ? signal & 0x7F : (status & 0xFF) << 8;
        if (strace != null) {
            strace.ended(p, signal, status);
        }
        if (p.clearChildTid != 0 && p.mm.users > 1) {
            try {
                p.mem.write32(p.clearChildTid, 0);
            } catch (KernelMemory.Efault e) {
                // as Linux: ignored
            }
        }
        p.fds.closeAll();
        releaseVforkParent(p);
        releaseMm(p, false);
        p.state = GuestProcess.State.ZOMBIE;
        p.blocker = null;
        p.restart = null;
        if (p.cpu != null) {
            p.cpu.exit(p.waitStatus);
        }
        p.cpu = null; // the core's caches are no longer needed; the loop running it holds it until it returns
        for (GuestProcess c : p.children) {
            // Orphans are adopted by a parent outside the guest's world, which reaps them as they die.
            c.parent = null;
            c.ppid = LinuxIds.PARENT_PID;
            if (c.state == GuestProcess.State.ZOMBIE) {
                forget(c);
            }
        }
        p.children.clear();
        GuestProcess parent = p.parent;
        if (parent == null || !parent.alive()) {
            forget(p);
            return;
        }
        SignalAction a = parent.signals.action(Signals.SIGCHLD);
        if (p.exitSignal == Signals.SIGCHLD && (a.isIgnore() || a.has(Signals.SA_NOCLDWAIT))) {
            // Linux reaps such children at once; wait4 then reports ECHILD.
            parent.children.remove(p);
            forget(p);
            return;
        }
        if (p.exitSignal != 0) {
            int code = signal == 0 ? SigInfo.CLD_EXITED : SigInfo.CLD_KILLED;
            sendSignal(parent, new SigInfo(p.exitSignal, code, 0, p.pid, LinuxIds.UID,
                    signal == 0 ? status & 0xFF : signal));
        }
    }

    void releaseVforkParent(GuestProcess child) {
        if (child.vforkParent != null) {
            child.vforkParent = null;
        }
    }

    /** Drops the process's use of its address space (and its core's): the last user frees the pages. */
    void releaseMm(GuestProcess p) {
        releaseMm(p, true);
    }

    /** @param reused false when the process is exiting (its identity pages need not be cleaned for reuse) */
    void releaseMm(GuestProcess p, boolean reused) {
        AddressSpace mm = p.mm;
        if (mm == null) {
            return;
        }
        if (p.cpu != null) {
            mm.detach(p.cpu);
            port.removeInvalidationListener(p.cpu.mem);
        }
        if (--mm.users == 0) {
            mm.release(reused);
        }
        p.mm = null;
    }

    /** Reaps a zombie child: it disappears from the process table. */
    void reap(GuestProcess parent, GuestProcess child) {
        parent.children.remove(child);
        forget(child);
    }

    private void forget(GuestProcess p) {
        p.state = GuestProcess.State.REAPED;
        processes.remove(p.pid);
    }
}
