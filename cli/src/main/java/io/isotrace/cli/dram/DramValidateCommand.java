package io.isotrace.cli.dram;

import io.isotrace.cli.ExitCode;
import io.isotrace.cli.UsageException;
import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.config.DramConfigLoader;
import io.isotrace.controller.dram.sim.IssueMode;
import io.isotrace.controller.dram.sim.RequestArrays;
import io.isotrace.controller.dram.sim.SimulationResult;
import io.isotrace.controller.dram.sim.TraceSimulation;
import io.isotrace.controller.dram.stats.DramStats;
import io.isotrace.controller.dram.workload.DramSim3Trace;
import io.isotrace.controller.dram.workload.Workload;
import io.isotrace.controller.dram.workload.WorkloadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code isotrace dram validate}: the same workloads through DRAMSim3 and Isotrace with aligned configurations, and
 * the comparison table. Both run for the same number of cycles and count the same way (see {@link DramSim3Run}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compare Isotrace with a DRAMSim3 build on stream, random, mix and strided workloads, spaced and "
                + "as fast as accepted: average read latency, bandwidth and row-buffer hit rate (tolerance +-10 %%). "
                + "Exit code 1 when a value is outside the tolerance or a run exceeds the peak bandwidth.")
public final class DramValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dramsim3", required = true, paramLabel = "BINARY", description = "DRAMSim3's dramsim3main.")
    Path dramsim3;

    @Option(names = "--ini", required = true, paramLabel = "FILE",
            description = "DRAMSim3's own configs/DDR4_8Gb_x8_3200.ini, unchanged.")
    Path ini;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The aligned Isotrace configuration (default: validation/isotrace-ddr4-3200-dramsim3.yaml's "
                    + "content, built in).")
    Path config;

    @Option(names = "--requests", defaultValue = "400000", description = "Requests per workload (default: "
            + "${DEFAULT-VALUE}); enough that no run reaches the end of its trace within --cycles.")
    int requests;

    @Option(names = "--cycles", defaultValue = "1000000", description = "DRAM cycles each run lasts (default: "
            + "${DEFAULT-VALUE}).")
    long cycles;

    @Option(names = "--interval", defaultValue = "10", description = "Cycles between arrivals in the spaced runs "
            + "(default: ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--tolerance", defaultValue = "0.10", description = "Relative tolerance (default: "
            + "${DEFAULT-VALUE}); hit rates also pass within 1 percentage point.")
    double tolerance;

    @Option(names = "--work", paramLabel = "DIR", description = "Where traces and DRAMSim3 output go (default: a new "
            + "temporary directory).")
    Path work;

    @Override
    public Integer call() throws IOException {
        if (!Files.isExecutable(dramsim3)) {
            throw new UsageException(dramsim3 + " is not an executable DRAMSim3 binary");
        }
        if (!Files.isRegularFile(ini)) {
            throw new UsageException(ini + " is not a file");
        }
        DramConfig cfg = config == null ? AlignedConfig.ddr4_3200() : DramConfigLoader.load(config).dram();
        Path dir = work == null ? Files.createTempDirectory("isotrace-validate") : Files.createDirectories(work);
        PrintWriter out = spec.commandLine().getOut();
        double peak = cfg.device().peakBytesPerSecond() / 1e9;
        out.printf("Isotrace: %s, tCK %.4f ns; DRAMSim3: %s; %d cycles per run; spaced = one request every %d "
                + "cycles%n%n", cfg.describe(), 1e3 / (cfg.device().timing().clockHz() / 1e6), ini, cycles, interval);
        out.println("| workload | issue | avg read latency (cycles) DRAMSim3 / Isotrace / diff | bandwidth (GB/s) "
                + "DRAMSim3 / Isotrace / diff | row hit rate DRAMSim3 / Isotrace / diff | within |");
        out.println("|---|---|---|---|---|---|");
        boolean allOk = true;
        for (Workload w : Workload.values()) {
            for (IssueMode mode : IssueMode.values()) {
                long iv = mode == IssueMode.SPACED ? interval : 0;
                RequestArrays req = new WorkloadGenerator(w, iv).generate(requests);
                Path trace = dir.resolve(w.key() + "-" + mode.key() + ".trace");
                DramSim3Trace.write(req, trace);
                DramSim3Run d = DramSim3Run.run(dramsim3, ini, trace, cycles, dir.resolve(w.key() + "-" + mode.key()));
                SimulationResult r = new TraceSimulation(cfg, mode, cycles).run(req.rewind());
                DramStats s = r.stats();
                double lat = s.averageReadLatencyCycles();
                double bw = s.dramsim3Bandwidth(r.cycles()) / 1e9;
                double hit = s.rowHitRate();
                boolean latOk = within(d.averageReadLatency(), lat);
                boolean bwOk = within(d.bandwidthGBps(), bw);
                boolean hitOk = within(d.rowHitRate(), hit) || Math.abs(d.rowHitRate() - hit) <= 0.01;
                boolean peakOk = bw <= peak && d.bandwidthGBps() <= peak && s.bandwidth(r.cycles()) / 1e9 <= peak;
                boolean ok = latOk && bwOk && hitOk && peakOk;
                allOk &= ok;
                out.printf("| %s | %s | %.1f / %.1f / %+.1f %% | %.3f / %.3f / %+.1f %% | %.2f %% / %.2f %% / %+.2f pp "
                                + "| %s |%n", w.key(), mode == IssueMode.SPACED ? "spaced " + interval : "as fast as accepted",
                        d.averageReadLatency(), lat, pct(d.averageReadLatency(), lat), d.bandwidthGBps(), bw,
                        pct(d.bandwidthGBps(), bw), 100 * d.rowHitRate(), 100 * hit, 100 * (hit - d.rowHitRate()),
                        ok ? "yes" : "NO" + (peakOk ? "" : " (above peak)"));
                out.flush();
            }
        }
        out.printf("%nPeak bandwidth of the aligned clock: %.2f GB/s; every run above stays at or below it: %s%n", peak,
                allOk ? "yes" : "see the table");
        out.println("Work directory: " + dir);
        out.flush();
        return allOk ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private boolean within(double reference, double value) {
        return Math.abs(value - reference) <= tolerance * Math.abs(reference);
    }

    private static double pct(double reference, double value) {
        return reference == 0 ? 0 : 100 * (value - reference) / reference;
    }
}
