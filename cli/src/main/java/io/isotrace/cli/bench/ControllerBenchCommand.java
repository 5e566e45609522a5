package io.isotrace.cli.bench;

import io.isotrace.cli.Directories;
import io.isotrace.cli.UsageException;
import io.isotrace.controller.bench.ControllerBenchmark;
import io.isotrace.controller.bench.ReplayBenchmark;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code isotrace bench controller}: transactions/s and environment-switch cost, as a table; then a replay of a real
 * recorded trace (the whole replay, its parts, and the controller loop alone). Without {@code --trace}, the trace is
 * recorded first from the bundled {@code workloads.elf string} guest (39-bit VAs, as the bundled user-mode policy
 * expects) into a temporary directory.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {"Translated+checked transactions/s (single thread, replay-style, 256 environments, "
                + "100 000 mappings), environment-switch cost against mapping size, and the replay of a recorded "
                + "trace (whole replay, read + answer, read only, controller loop alone)."})
public final class ControllerBenchCommand implements Callable<Integer> {
    private static final String WORKLOADS = "/io/isotrace/cpu/workloads/workloads.elf";

    @Spec
    CommandSpec spec;

    @Option(names = "--transactions", defaultValue = "20000000", paramLabel = "N",
            description = "Transactions per round (default: ${DEFAULT-VALUE}).")
    long transactions;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--trace", paramLabel = "DIR",
            description = "Replay this recorded trace (default: record workloads.elf string into a temporary directory).")
    Path trace;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy for the replay (default: the bundled user-mode policy, examples/user-mode-policy.yaml).")
    Path policy;

    @Option(names = "--replay-runs", defaultValue = "5", paramLabel = "N",
            description = "Replay runs (default: ${DEFAULT-VALUE}).")
    int replayRuns;

    @Option(names = "--replay-scale", defaultValue = "2", paramLabel = "N",
            description = "Work scale of the recorded workloads.elf string run (default: ${DEFAULT-VALUE}: about 15 M records, 700 MB).")
    int replayScale;

    @Option(names = "--no-replay", description = "Only the synthetic workloads and the switch cost.")
    boolean noReplay;

    @Option(names = "--replay-only", description = "Only the replay.")
    boolean replayOnly;

    @Override
    public Integer call() throws IOException {
        if (transactions < 1000 || rounds < 1 || replayRuns < 1 || replayScale < 1) {
            throw new UsageException("--transactions must be at least 1000, --rounds, --replay-runs and --replay-scale at least 1");
        }
        if (noReplay && replayOnly) {
            throw new UsageException("--no-replay and --replay-only exclude each other");
        }
        if (trace != null && !Files.isDirectory(trace)) {
            throw new UsageException(trace + ": not a trace directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!replayOnly) {
            new ControllerBenchmark(out, transactions, rounds).run();
        }
        if (noReplay) {
            return 0;
        }
        Path tmp = Files.createTempDirectory("isotrace-bench-controller");
        try {
            Path p = policy != null ? policy : ReplayBenchmark.writeUserModePolicy(tmp);
            Path t = trace != null ? trace : record(tmp, out);
            out.println();
            new ReplayBenchmark(out, t, p, replayRuns, 2_000_000).run();
        } finally {
            Directories.deleteRecursively(tmp);
        }
        return 0;
    }

    /** Records {@code workloads.elf string SCALE} (identity memory, 39-bit VAs) into {@code tmp/trace}. */
    private Path record(Path tmp, PrintWriter out) throws IOException {
        Path elf = tmp.resolve("workloads.elf");
        try (InputStream in = ControllerBenchCommand.class.getResourceAsStream(WORKLOADS)) {
            Files.copy(in, elf);
        }
        Path dir = tmp.resolve("trace");
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
        long start = System.nanoTime();
        LinuxRun.Result r;
        try (TraceWriter w = TraceWriter.create(dir,
                TraceHeader.builder().producer("isotrace bench controller").build())) {
            r = new LinuxRun(elf).argv(List.of("workloads", "string", Integer.toString(replayScale)))
                    .port(new IdentityMemoryPort(new PhysicalMemory())).config(CpuConfig.defaults()).vaBits(39)
                    .sink(w).io(guestOut, guestErr, new PrintStream(guestErr)).run();
        }
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("workloads.elf string exited " + r.exitStatus() + ": " + guestErr);
        }
        out.printf("recorded workloads.elf string %d: %d transactions in %.1f s%n", replayScale, r.transactions(),
                (System.nanoTime() - start) / 1e9);
        return dir;
    }

}
