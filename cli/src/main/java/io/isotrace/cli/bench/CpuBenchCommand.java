package io.isotrace.cli.bench;

import io.isotrace.cli.Directories;
import io.isotrace.cli.FormatOption;
import io.isotrace.cli.UsageException;
import io.isotrace.controller.ControllerPort;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code isotrace bench cpu}: guest MIPS on the bundled workloads in three modes - no trace, every transaction
 * recorded, and a zero-latency controller answering every transaction in lockstep - beside qemu-aarch64's wall
 * time on the same binary when it is installed. Each cell is the best of {@code --runs} (the JIT warms up in the
 * first run; the table says how many were taken).
 */
@Command(name = "cpu", mixinStandardHelpOptions = true,
        description = "Guest MIPS on the bundled workloads (int, string, chase, sort, crc): no trace, trace recorded, "
                + "zero-latency controller in the path; and qemu-aarch64's wall time when installed.")
public final class CpuBenchCommand implements Callable<Integer> {
    private static final String RESOURCE = "/io/isotrace/cpu/workloads/workloads.elf";
    /** A controller with no policy stages and no latency: every transaction goes through it, nothing is refused. */
    private static final String ZERO_LATENCY_POLICY = "controller:\n  memory: 1TiB\n  memoryLatency: 0ns\n"
            + "  hitCycles: 0\n  walkCycles: 0\n";

    @Spec
    CommandSpec spec;

    @Option(names = "--workloads", split = ",", paramLabel = "W",
            description = "Which workloads (default: int,string,chase,sort,crc).")
    List<String> workloads = new ArrayList<>(List.of("int", "string", "chase", "sort", "crc"));

    @Option(names = "--scale", defaultValue = "1", description = "Work multiplier passed to each workload (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--runs", defaultValue = "2", description = "Runs per cell; the best is shown (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-qemu", description = "Do not time qemu-aarch64 even if it is installed.")
    boolean noQemu;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || scale < 1) {
            throw new UsageException("--runs and --scale must be at least 1");
        }
        Path tmp = Files.createTempDirectory("isotrace-bench-cpu");
        try {
            Path elf = tmp.resolve("workloads.elf");
            try (InputStream in = CpuBenchCommand.class.getResourceAsStream(RESOURCE)) {
                Files.copy(in, elf);
            }
            elf.toFile().setExecutable(true); // qemu-aarch64 execs it like a program
            Path policy = Files.writeString(tmp.resolve("zero-latency.yaml"), ZERO_LATENCY_POLICY);
            String qemu = noQemu ? null : findQemu();
            BenchTable table = new BenchTable("workload", "instructions", "no trace MIPS", "recorded MIPS",
                    "transactions", "lockstep MIPS", "qemu-aarch64 s", "isotrace s (no trace)");
            for (String w : workloads) {
                Measured plain = best(() -> runOnce(elf, w, null, null, tmp));
                Measured rec = best(() -> runOnce(elf, w, tmp.resolve("trace"), null, tmp));
                Measured lock = best(() -> runOnce(elf, w, null, policy, tmp));
                if (!plain.output.equals(rec.output) || !plain.output.equals(lock.output)) {
                    throw new IllegalStateException(w + ": the modes disagree on the guest's output");
                }
                String q = qemu == null ? "-" : String.format("%.2f", qemuSeconds(qemu, elf, w, plain.output));
                table.row(w, plain.instructions, plain.mips(), rec.mips(), rec.transactions, lock.mips(), q,
                        String.format("%.2f", plain.seconds));
            }
            spec.commandLine().getOut().printf("best of %d run(s) per cell; scale %d; load average now %s%n", runs,
                    scale, LoadAverage.oneMinute());
            table.print(spec.commandLine().getOut(), format.get());
        } finally {
            Directories.deleteRecursively(tmp);
        }
        return 0;
    }

    private record Measured(long instructions, long transactions, double seconds, String output) {
        double mips() {
            return instructions / seconds / 1e6;
        }
    }

    private interface Run {
        Measured run() throws Exception;
    }

    private Measured best(Run r) throws Exception {
        Measured best = null;
        for (int i = 0; i < runs; i++) {
            Measured m = r.run();
            if (best == null || m.seconds < best.seconds) {
                best = m;
            }
        }
        return best;
    }

    private Measured runOnce(Path elf, String workload, Path traceDir, Path policy, Path tmp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MemoryPort port = policy == null ? new IdentityMemoryPort(new PhysicalMemory())
                : new ControllerPort(PolicyLoader.load(policy).controller());
        TraceWriter writer = traceDir == null ? null
                : TraceWriter.create(traceDir, TraceHeader.builder().producer("isotrace bench cpu").build());
        long start = System.nanoTime();
        LinuxRun.Result r;
        try {
            r = new LinuxRun(elf).argv(List.of("workloads", workload, Integer.toString(scale)))
                    .port(port).config(CpuConfig.defaults()).vaBits(policy == null ? 48 : 39).sink(writer)
                    .io(out, err, new PrintStream(err)).run();
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (traceDir != null) {
            Directories.deleteRecursively(traceDir);
        }
        if (r.exitStatus() != 0) {
            throw new IllegalStateException(workload + " exited " + r.exitStatus() + ": " + err);
        }
        return new Measured(r.instructions(), r.transactions(), seconds, out.toString(StandardCharsets.UTF_8));
    }

    private double qemuSeconds(String qemu, Path elf, String workload, String expected) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(qemu, "-cpu", "cortex-a53", elf.toString(), workload,
                    Integer.toString(scale)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !out.equals(expected)) {
                throw new IllegalStateException(workload + ": qemu-aarch64 printed '" + out.strip() + "', Isotrace '"
                        + expected.strip() + "'");
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static String findQemu() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path q = Path.of(dir, "qemu-aarch64");
            if (Files.isExecutable(q)) {
                return q.toString();
            }
        }
        return null;
    }
}
