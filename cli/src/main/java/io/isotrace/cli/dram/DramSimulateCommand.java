package io.isotrace.cli.dram;

import io.isotrace.cli.FormatOption;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.cli.UsageException;
import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.config.LoadedConfig;
import io.isotrace.controller.dram.sim.DramSim3TextSource;
import io.isotrace.controller.dram.sim.IssueMode;
import io.isotrace.controller.dram.sim.SimulationResult;
import io.isotrace.controller.dram.sim.TraceRequestSource;
import io.isotrace.controller.dram.sim.TraceSimulation;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.convert.DramRequests;
import io.isotrace.trace.queue.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code isotrace dram simulate TRACE}: a trace through the DRAM model, with full queueing and reordering. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a DRAMSim3 trace file or an Isotrace trace directory through the DRAM model and print "
                + "latency, row-buffer, bandwidth, queue, refresh and per-bank statistics.")
public final class DramSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE",
            description = "A DRAMSim3 trace file (0xADDR READ|WRITE cycle, cycles of the DRAM clock) or an Isotrace "
                    + "trace directory (each transaction becomes one request per 64-byte line).")
    Path trace;

    @Mixin
    DramConfigOptions config;

    @Option(names = "--issue", defaultValue = "spaced", paramLabel = "spaced|asap",
            description = "spaced: each request at its trace cycle (or when the queue has room); asap: as fast as the "
                    + "controller accepts them, one per cycle (default: ${DEFAULT-VALUE}).")
    String issue;

    @Option(names = "--cycles", defaultValue = "0", paramLabel = "N",
            description = "Stop after N DRAM cycles and count what finished before (DRAMSim3's -c); 0 runs until "
                    + "every request is served (default).")
    long cycles;

    @Option(names = "--address", defaultValue = "PA", paramLabel = "pa|ipa",
            description = "For Isotrace traces: the controller's PA (IPA where no controller answered) or the IPA.")
    DramRequests.AddressSource address;

    @Option(names = "--lockstep",
            description = "Isotrace traces only: replay one transaction at a time through the MemoryTiming stack the "
                    + "controller uses (the configuration's cache hierarchy, then DRAM), as in lockstep co-simulation, "
                    + "and report per-transaction latency and cache hit rates too.")
    boolean lockstep;

    @Option(names = "--hgrm", paramLabel = "FILE",
            description = "Also write the read-latency percentile distribution (HdrHistogram .hgrm, in DRAM cycles).")
    Path hgrm;

    @Mixin
    FormatOption format;

    private int lockstep(LoadedConfig loaded) {
        if (!Files.isDirectory(trace)) {
            throw new UsageException("--lockstep replays an Isotrace trace directory, not a DRAMSim3 file");
        }
        if (cycles != 0 || hgrm != null || !"spaced".equals(issue)) {
            throw new UsageException("--lockstep takes neither --cycles, --hgrm nor --issue");
        }
        Map<String, Object> m;
        try (TraceReader reader = TraceReader.open(trace)) {
            m = LockstepReplay.run(reader, loaded, address);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.get() == OutputFormat.json) {
            out.println(Json.pretty(m));
        } else {
            printNested(out, m, "");
        }
        out.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void printNested(PrintWriter out, Map<String, Object> m, String indent) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                out.println(indent + e.getKey() + ":");
                printNested(out, (Map<String, Object>) v, indent + "  ");
            } else if (v instanceof long[] || v instanceof double[]) {
                continue; // per-bank and per-epoch series: JSON output
            } else {
                out.printf("%s%-22s %s%n", indent, e.getKey() + ":", v);
            }
        }
    }

    @Override
    public Integer call() {
        IssueMode mode = IssueMode.parse(issue);
        if (mode == null) {
            throw new UsageException("--issue must be spaced or asap, got '" + issue + "'");
        }
        if (cycles < 0) {
            throw new UsageException("--cycles must not be negative");
        }
        LoadedConfig loaded = config.load();
        DramConfig dram = loaded.dram();
        if (lockstep) {
            return lockstep(loaded);
        }
        TraceSimulation sim = new TraceSimulation(dram, mode, cycles);
        SimulationResult r;
        if (Files.isDirectory(trace)) {
            try (TraceReader reader = TraceReader.open(trace)) {
                r = sim.run(new TraceRequestSource(reader, address, dram.device().timing().clock()));
            }
        } else if (Files.isRegularFile(trace)) {
            try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.US_ASCII)) {
                r = sim.run(new DramSim3TextSource(in, trace.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(trace + ": " + e.getMessage(), e);
            }
        } else {
            throw new BadInputException(trace.toString(), "no such trace file or directory");
        }
        if (hgrm != null) {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(hgrm), true, StandardCharsets.UTF_8)) {
                r.stats().readLatency().outputPercentileDistribution(ps, 1.0);
            } catch (IOException e) {
                throw new UncheckedIOException(hgrm + ": " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.get() == OutputFormat.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace", trace.toString());
            m.put("config", dram.describe());
            m.put("issue", mode.key());
            m.put("requests", r.requests());
            m.put("host_seconds", r.wallNanos() / 1e9);
            m.putAll(r.stats().toMap(r.cycles()));
            out.println(Json.pretty(m));
        } else {
            out.println("trace         " + trace + " (" + mode.key() + ")");
            DramReport.text(out, dram, r.stats(), r.cycles(), r.requests(), r.wallNanos() / 1e9);
        }
        out.flush();
        return 0;
    }
}
