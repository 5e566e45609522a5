package io.isotrace.cpu.linux;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.StopReason;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.TransactionSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a static AArch64 Linux program in user mode, with the processes it starts: the options of a run and the
 * facade the command line ({@code isotrace run}) and the tests use.
 *
 * <pre>{@code
 * LinuxRun.Result r = new LinuxRun(Path.of("busybox"))
 *         .argv(List.of("busybox", "sh", "-c", "echo hi | wc -c"))
 *         .root(fixtureDir).writable(List.of(outDir)).strace(true)
 *         .io(stdin, stdout, stderr, diagnostics)
 *         .maxInstructions(1_000_000_000L).sink(recorder)
 *         .run();
 * }</pre>
 *
 * <p>Defaults: argv is the program's path alone; the environment is {@link #DEFAULT_ENV}, not the host's; the host's
 * files are visible read-only with the host's current directory as the working directory; nothing is writable but
 * the standard streams; memory is the identity memory system over a fresh 48-bit {@link PhysicalMemory} (a port
 * given instead must accept IPAs up to 2^48: the first process's stack is just below 2^47 and the other processes
 * live in [2^47, 2^48), see {@link VaLayout}; {@link #vaBits} 39 brings every IPA below 2^39).
 *
 * <p>With {@link #root} the guest sees only that directory, as its "/", and starts in "/" (or where the host's current
 * directory lies inside the root). The program may lie outside the root: it is loaded from the host, and the guest
 * knows it by its path inside the root, or else by its host path (what /proc/self/exe says).
 *
 * <p>Exit status: the first process's exit status, or 128 + the signal that killed it; {@link #EXIT_INSTRUCTION_LIMIT}
 * when {@link #maxInstructions} stopped the run, {@link #EXIT_UNIMPLEMENTED} when an instruction Isotrace does not
 * implement was reached (the diagnostics say which), 128 + SIGKILL when every process was asleep with none able to
 * wake (a deadlock).
 */
public final class LinuxRun {
    /** A deterministic environment, not the host's, so runs reproduce anywhere. */
    public static final List<String> DEFAULT_ENV = List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/", "LANG=C");
    /** The exit status when the instruction limit ended the run (as timeout(1) reports a timeout). */
    public static final int EXIT_INSTRUCTION_LIMIT = 124;
    /** The exit status when the guest reached an instruction Isotrace does not implement. */
    public static final int EXIT_UNIMPLEMENTED = 125;
    /** The seed of the run's randomness (AT_RANDOM, getrandom, /dev/urandom) unless {@link #seed} says otherwise. */
    public static final long DEFAULT_SEED = 0x1507_7ACEL;

    private final Path program;
    private List<String> argv;
    private List<String> env = DEFAULT_ENV;
    private Path root;
    private final List<Path> writable = new ArrayList<>();
    private String cwd;
    private boolean strace;
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;
    private PrintStream diagnostics = System.err;
    private MemoryPort port;
    private CpuConfig config = CpuConfig.defaults();
    private long maxInstructions = -1;
    private TransactionSink sink;
    private long seed = DEFAULT_SEED;
    private VaLayout layout = VaLayout.VA48;

    /** A run of {@code program} with the defaults above. */
    public LinuxRun(Path program) {
        this.program = program;
        this.argv = List.of(program.toString());
    }

    /** A run with arguments, environment, memory system and core configuration given. */
    public LinuxRun(Path program, List<String> argv, List<String> envp, MemoryPort port, CpuConfig config) {
        this(program);
        argv(argv);
        env(envp);
        port(port);
        config(config);
    }

    /** The program's arguments, argv[0] included. */
    public LinuxRun argv(List<String> a) {
        this.argv = List.copyOf(a);
        return this;
    }

    /** The environment ("NAME=value" strings). */
    public LinuxRun env(List<String> e) {
        this.env = List.copyOf(e);
        return this;
    }

    /** The host directory the guest sees as "/" (null: the host's "/"). */
    public LinuxRun root(Path dir) {
        this.root = dir;
        return this;
    }

    /** Host directories below which the guest may create, change and remove files. */
    public LinuxRun writable(List<Path> dirs) {
        this.writable.addAll(dirs);
        return this;
    }

    /** The guest's initial working directory, a path inside the guest's tree (default: see the class comment). */
    public LinuxRun cwd(String guestPath) {
        this.cwd = guestPath;
        return this;
    }

    /** Logs every system call to the diagnostics stream, as strace does. */
    public LinuxRun strace(boolean on) {
        this.strace = on;
        return this;
    }

    /** The guest's stdout and stderr, and where Isotrace's own messages go. */
    public LinuxRun io(OutputStream out, OutputStream err, PrintStream diag) {
        this.stdout = out;
        this.stderr = err;
        this.diagnostics = diag;
        return this;
    }

    /** The guest's stdin, stdout and stderr, and where Isotrace's own messages go. */
    public LinuxRun io(InputStream in, OutputStream out, OutputStream err, PrintStream diag) {
        this.stdin = in;
        return io(out, err, diag);
    }

    /** The memory system behind the cores (default: identity over a fresh physical memory). */
    public LinuxRun port(MemoryPort p) {
        this.port = p;
        return this;
    }

    /** The core configuration (requester id, clock; its instruction limit unless {@link #maxInstructions} is set). */
    public LinuxRun config(CpuConfig c) {
        this.config = c;
        return this;
    }

    /** Stops the run after this many instructions over all its processes. */
    public LinuxRun maxInstructions(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("the instruction limit must be positive");
        }
        this.maxInstructions = n;
        return this;
    }

    /** Receives every transaction of every process (null: none). */
    public LinuxRun sink(TransactionSink s) {
        this.sink = s;
        return this;
    }

    /**
     * The guest's virtual-address bits, 39 to 48 (default 48, as Linux on arm64). The memory system must accept
     * IPAs up to 2^bits (see {@link VaLayout}): 39 keeps every IPA below 512 GiB.
     */
    public LinuxRun vaBits(int bits) {
        this.layout = VaLayout.of(bits);
        return this;
    }

    /** Seeds the guest's randomness; the same seed gives the same run. */
    public LinuxRun seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * The outcome of a run.
     *
     * @param stop         why the run ended
     * @param exitStatus   the status for the shell (see the class comment)
     * @param instructions instructions executed by all processes
     * @param transactions transactions made by all processes
     * @param simulatedPs  simulated time at the end
     * @param processes    processes created, the first included
     * @param message      what stopped the run when not the program itself (limit, unimplemented, deadlock)
     */
    public record Result(StopReason stop, int exitStatus, long instructions, long transactions, long simulatedPs,
                         int processes, String message) {
    }

    /** Loads the program and runs it to the end. {@link BadInputException} when it cannot be loaded. */
    public Result run() {
        Path rootReal = realDirectory(root == null ? Path.of("/") : root, "--root");
        List<Path> writableReal = new ArrayList<>();
        for (Path w : writable) {
            writableReal.add(realDirectory(w, "--writable"));
        }
        Path prog = program.toAbsolutePath().normalize();
        if (!Files.isRegularFile(prog)) {
            throw new BadInputException(program.toString(), Files.exists(prog) ? "not a regular file"
                    : "no such file");
        }
        CpuConfig cfg = maxInstructions > 0 ? config.withMaxInstructions(maxInstructions) : config;
        MemoryPort p = port != null ? port : new IdentityMemoryPort(new PhysicalMemory());
        LinuxKernel kernel = new LinuxKernel(cfg, p, sink, new GuestFileSystem.Builder(rootReal, writableReal),
                diagnostics, strace, seed, layout);
        String guestProgram = kernel.fs.guestPathOf(prog);
        if (guestProgram == null) {
            guestProgram = prog.toString();
        }
        kernel.start(new Executable(prog, guestProgram), bytes(argv), bytes(env), initialCwd(kernel, rootReal),
                stdin, stdout, stderr);
        Scheduler.Outcome o = kernel.run();
        return new Result(o.stop(), o.exitStatus(), o.instructions(), o.transactions(), o.simulatedPs(),
                o.processes(), o.message());
    }

    private String initialCwd(LinuxKernel kernel, Path rootReal) {
        if (cwd != null) {
            return GuestPaths.join(GuestPaths.split(cwd));
        }
        String here = kernel.fs.guestPathOf(Path.of("").toAbsolutePath());
        return here != null ? here : "/";
    }

    private static Path realDirectory(Path p, String what) {
        try {
            Path r = p.toRealPath();
            if (!Files.isDirectory(r)) {
                throw new BadInputException(p.toString(), what + " must be a directory");
            }
            return r;
        } catch (IOException e) {
            throw new BadInputException(p.toString(), what + ": no such directory");
        }
    }

    private static List<byte[]> bytes(List<String> l) {
        List<byte[]> out = new ArrayList<>();
        for (String s : l) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
