package io.isotrace.cpu.linux;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.decode.Insn;
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
 * answered here, its faults become signals, and here its processes are born and die.
 *
 * <p><b>Processes.</b> Every guest process has its own {@link Cpu} (registers, decoded code, TLB), its own
 * {@link AddressSpace} and an ASID equal to its pid; {@link Scheduler} decides which runs and keeps the one clock,
 * {@link SignalDelivery} delivers their signals. The first process is identity-mapped (VA = IPA); every other gets
 * its pages from the {@link FramePool} (see the package documentation).
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
    private final VaLayout layout;
    private final FramePool pool;
    private final PhysicalFrames frames;
    final GuestFileSystem fs;
    /** Deterministic randomness: getrandom, /dev/urandom, AT_RANDOM. */
    final SplittableRandom random;
    private final Scheduler scheduler;
    private final SignalDelivery signals;

    private GuestProcess init;
    private int nextPid = LinuxIds.FIRST_PID;
    private int processCount;

    LinuxKernel(CpuConfig config, MemoryPort port, TransactionSink sink, GuestFileSystem.Builder fsBuilder,
                PrintStream diagnostics, boolean straceOn, long seed, VaLayout layout) {
        this.config = config;
        this.layout = layout;
        this.pool = new FramePool(layout);
        this.port = new SharedPort(port);
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.random = new SplittableRandom(seed);
        this.frames = new PhysicalFrames(port, config.requester());
        this.fs = fsBuilder.build(EPOCH_SEC, random.split(), processes::get, this::now);
        this.strace = straceOn ? new Strace(diagnostics) : null;
        this.scheduler = new Scheduler(this, processes, config, diagnostics);
        this.signals = new SignalDelivery(this, strace, diagnostics);
        new IoSyscalls(this).register(table);
        new FileSyscalls(this).register(table);
        new MemorySyscalls(this).register(table);
        new ProcessSyscalls(this).register(table);
        new SignalSyscalls(this).register(table);
        new TimeSyscalls(this).register(table);
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
        return scheduler.current();
    }

    int processCount() {
        return processCount;
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
        return new AddressSpace(layout, pool, frames, p == init || init == null, p.pid & 0xFFFF);
    }

    /** A core for {@code p} in {@code p.mm}, its clock set to now. */
    Cpu newCpu(GuestProcess p) {
        Cpu c = new Cpu(config, p.mm, port);
        c.setKernel(this);
        // The ASID is the address space's (its first owner's pid): a vfork child borrowing its parent's space shares
        // its ASID, as an mm's ASID is shared on arm64 Linux.
        c.setAsid(p.mm.asid());
        if (sink != null) {
            c.mem.setSink(sink);
        }
        c.stall(now());
        p.mm.attach(c);
        return c;
    }

    /** Maps the sigreturn trampoline page into a new address space. */
    void mapSigpage(AddressSpace space) {
        long page = space.layout().sigpage();
        space.map(page, page + AddressSpace.PAGE, Prot.READ | Prot.EXEC, "[sigpage]");
        byte[] code = new byte[4 * TRAMPOLINE.length];
        for (int i = 0; i < TRAMPOLINE.length; i++) {
            io.isotrace.trace.port.LittleEndian.putInt(code, 4 * i, TRAMPOLINE[i]);
        }
        space.mem.load(page, code, 0, code.length);
    }

    /** Simulated time now (ps). */
    long now() {
        return scheduler.now();
    }

    /** Runs the guest's processes until the first one exits and the others that can still run have finished. */
    Scheduler.Outcome run() {
        return scheduler.run();
    }

    /** Puts {@code p} to sleep until {@code b} is ready; the current system call will be run again then. */
    long block(GuestProcess p, Blocker b) {
        p.blocker = b;
        return BLOCK;
    }

    void sendSignal(GuestProcess p, SigInfo si) {
        signals.send(p, si);
    }

    void forceSignal(GuestProcess p, SigInfo si, long esr, String why) {
        signals.force(p, si, esr, why);
    }

    void deliverSignals(GuestProcess p) {
        signals.deliver(p);
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
        ProgramLoader.Prepared prog = new ProgramLoader.Prepared(exe, bytes, ElfLoader.parse(exe.host(), bytes), argv);
        ProgramLoader.load(this, p, prog, envp, exe.guestPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    // ------------------------------------------------------------------ system calls

    @Override
    public void supervisorCall(Cpu cpu, int imm) {
        GuestProcess p = scheduler.current();
        long[] call = {cpu.x[8], cpu.x[0], cpu.x[1], cpu.x[2], cpu.x[3], cpu.x[4], cpu.x[5]};
        complete(p, cpu, call);
    }

    /** Runs a system call for {@code p} to its end (result in x0, then signals), or puts {@code p} to sleep. */
    void complete(GuestProcess p, Cpu cpu, long[] call) {
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
            scheduler.catchUp();
            scheduler.fireAlarms();
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

    /** Logs a call that ended without being run again (interrupted by a signal). */
    void trace(GuestProcess p, long[] call, long r) {
        if (strace != null) {
            strace.log(p, call, strace.enter(call, p.mem), r, p.mem);
        }
    }

    /** Logs a call interrupted by a signal, to be restarted after the handler. */
    void traceRestart(GuestProcess p, long[] call) {
        if (strace != null) {
            strace.interrupted(p, call, true);
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

    @Override
    public void fault(Cpu cpu, GuestFault f) {
        GuestProcess p = scheduler.current();
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
        forceSignal(scheduler.current(), SigInfo.fault(Signals.SIGILL, SigInfo.ILL_ILLOPC, cpu.pc), (0x00L << 26) | (1L << 25),
                String.format("undefined instruction 0x%08x", insn.word));
    }

    @Override
    public void breakpoint(Cpu cpu, int imm) {
        forceSignal(scheduler.current(), SigInfo.fault(Signals.SIGTRAP, SigInfo.TRAP_BRKPT, cpu.pc),
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
