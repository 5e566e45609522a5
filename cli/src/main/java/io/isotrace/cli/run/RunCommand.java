package io.isotrace.cli.run;

import io.isotrace.cli.IsotraceCommand;
import io.isotrace.cli.UsageException;
import io.isotrace.cli.VersionProvider;
import io.isotrace.controller.ControllerPort;
import io.isotrace.controller.config.LoadedPolicy;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ClockDomain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code isotrace run [OPTIONS] PROGRAM [ARGS...]}: runs a static AArch64 Linux program in user mode with the
 * caller's standard streams and exits with its status. Everything after PROGRAM belongs to the guest. With
 * {@code --record} every memory transaction goes into a trace; with {@code --policy} the isolation controller sits
 * in the path in lockstep, answering each transaction (translation, permission, latency).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a static AArch64 Linux program (user mode) and optionally record every memory transaction.",
                "Everything after PROGRAM is passed to the guest: isotrace run busybox sort -n -k2 f."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "N:the guest's own exit status (128+signal if a signal killed it)",
                "3:the program or an option's file is unusable (not an AArch64 static ELF, bad policy)",
                "124:--max-instructions stopped the run",
                "125:the guest reached an instruction Isotrace does not implement (the message names it)"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--record", paramLabel = "DIR", description = "Record every transaction into a new trace directory.")
    Path record;

    @Option(names = "--trace-encoding", paramLabel = "compact|fixed", defaultValue = "COMPACT",
            description = "Records as differences (about 9 bytes each) or fixed 48-byte records (default: ${DEFAULT-VALUE}).")
    TraceWriter.Encoding traceEncoding;

    @Option(names = "--trace-writer", paramLabel = "direct|background", defaultValue = "DIRECT",
            description = "Write the trace in the simulating thread or in a thread of its own (default: ${DEFAULT-VALUE}).")
    TraceWriter.Threading traceWriter;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Put the isolation controller configured by FILE (YAML/JSON) in the path, in lockstep.")
    Path policy;

    @Option(names = "--max-instructions", paramLabel = "N", description = "Stop after N instructions (exit 124).")
    long maxInstructions;

    @Option(names = "--root", paramLabel = "DIR", description = "Confine the guest's file system to DIR (its /).")
    Path root;

    @Option(names = "--writable", paramLabel = "DIR", description = "Allow writes below DIR (repeatable).")
    List<Path> writable = new ArrayList<>();

    @Option(names = "--cwd", paramLabel = "PATH", description = "The guest's working directory (a guest path).")
    String cwd;

    @Option(names = {"-E", "--env"}, paramLabel = "NAME=VALUE",
            description = "Set an environment variable for the guest (repeatable); the default environment is fixed, "
                    + "not the host's, so runs reproduce.")
    List<String> env = new ArrayList<>();

    @Option(names = "--strace", description = "Log every system call to stderr, as strace does.")
    boolean strace;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the guest's randomness (AT_RANDOM, getrandom).")
    Long seed;

    @Option(names = "--clock", paramLabel = "FREQ", defaultValue = "2GHz",
            description = "Core clock (default: ${DEFAULT-VALUE}); one instruction per cycle plus memory stalls in lockstep.")
    String clock;

    @Option(names = "--va-bits", paramLabel = "N",
            description = "Guest virtual-address bits, 39-48 (default 48; 39 with --policy, so IPAs fit a 1 TiB controller).")
    Integer vaBits;

    @Option(names = "--stats", description = "Print instructions, transactions, speed and simulated time to stderr at the end.")
    boolean stats;

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "The static AArch64 ELF to run.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ClockDomain cpuClock;
        try {
            cpuClock = ClockDomain.parse("cpu", clock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--clock: " + e.getMessage());
        }
        if (record != null && Files.exists(record)) {
            throw new UsageException(record + ": already exists (a trace is never overwritten)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(args);
        List<String> envp = new ArrayList<>(LinuxRun.DEFAULT_ENV);
        for (String e : env) {
            if (!e.contains("=")) {
                throw new UsageException("--env: expected NAME=VALUE, got '" + e + "'");
            }
            String name = e.substring(0, e.indexOf('=') + 1);
            envp.removeIf(x -> x.startsWith(name));
            envp.add(e);
        }

        LoadedPolicy loaded = policy == null ? null : PolicyLoader.load(policy);
        MemoryPort port = loaded == null ? new IdentityMemoryPort(new PhysicalMemory())
                : new ControllerPort(loaded.controller());
        int bits = vaBits != null ? vaBits : (loaded != null ? 39 : 48);

        PrintStream diagnostics = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);

        TraceWriter writer = null;
        if (record != null) {
            TraceHeader.Builder h = TraceHeader.builder()
                    .producer("isotrace " + VersionProvider.version() + " run")
                    .program(program.toString()).arguments(argv).clock(cpuClock)
                    .property("vaBits", Integer.toString(bits))
                    .property("env", String.join("\u0000", envp))
                    .property("mode", loaded == null ? "identity" : "lockstep");
            if (loaded != null) {
                h.digest("policy", loaded.digest());
            }
            writer = TraceWriter.create(record, h.build(), 64, traceEncoding, traceWriter);
        }
        LinuxRun run = new LinuxRun(program).argv(argv).env(envp).port(port)
                .config(new CpuConfig(0, cpuClock, Long.MAX_VALUE)).strace(strace).vaBits(bits).sink(writer)
                .io(System.in, stdout, stderr, diagnostics);
        if (root != null) {
            run.root(root);
        }
        run.writable(writable);
        if (cwd != null) {
            run.cwd(cwd);
        }
        if (maxInstructions > 0) {
            run.maxInstructions(maxInstructions);
        }
        if (seed != null) {
            run.seed(seed);
        }
        long start = System.nanoTime();
        LinuxRun.Result r;
        try {
            r = run.run();
        } finally {
            // Whatever happened, what was recorded stays readable.
            if (writer != null) {
                writer.close();
            }
            stdout.flush();
            stderr.flush();
        }
        long wall = System.nanoTime() - start;
        PrintWriter err = spec.commandLine().getErr(); // what stopped the run, if not the guest, the run already said
        if (stats && !root().quiet()) {
            err.printf("isotrace: %d instructions, %d transactions, %d processes; %.3f s wall, %.1f MIPS; "
                            + "simulated %.6f s%n", r.instructions(), r.transactions(), r.processes(), wall / 1e9,
                    r.instructions() * 1e3 / Math.max(1, wall), r.simulatedPs() / 1e12);
            if (loaded != null) {
                err.println("isotrace: controller: " + io.isotrace.cli.Json.line(loaded.controller().stats().toMap()));
            }
            if (record != null) {
                err.println("isotrace: trace written to " + record);
            }
        }
        err.flush();
        return r.exitStatus();
    }

    private IsotraceCommand root() {
        return (IsotraceCommand) spec.root().userObject();
    }
}
