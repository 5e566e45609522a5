package io.isotrace.cli.bench;

import io.isotrace.cli.UsageException;
import io.isotrace.cli.dram.AlignedConfig;
import io.isotrace.cli.dram.DramSim3Run;
import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.DramMemoryTiming;
import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.sim.IssueMode;
import io.isotrace.controller.dram.sim.RequestArrays;
import io.isotrace.controller.dram.sim.SimulationResult;
import io.isotrace.controller.dram.sim.TraceSimulation;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code isotrace bench dram}: requests simulated per second on one mixed trace, by Isotrace and (given its binary)
 * by DRAMSim3, and the ratio. Isotrace runs in this JVM after a warm-up run; DRAMSim3 runs as a process.
 */
@Command(name = "dram", mixinStandardHelpOptions = true,
        description = "Measure simulation speed in requests per second on a mixed trace (Isotrace, and DRAMSim3 when "
                + "--dramsim3 is given), several runs each, and print the ranges and the ratio.")
public final class DramBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--requests", defaultValue = "1000000", description = "Requests in the trace (default: "
            + "${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--workload", defaultValue = "mix", description = "stream, random, mix or strided (default: "
            + "${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--interval", defaultValue = "10", description = "Cycles between arrivals; 0 for as fast as "
            + "accepted (default: ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per simulator (default: "
            + "${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--dramsim3", paramLabel = "BINARY", description = "DRAMSim3's dramsim3main, to time it too.")
    Path dramsim3;

    @Option(names = "--ini", paramLabel = "FILE", description = "DRAMSim3's configs/DDR4_8Gb_x8_3200.ini.")
    Path ini;

    @Override
    public Integer call() throws IOException {
        Workload w = Workload.parse(workload);
        if (w == null || requests <= 0 || runs <= 0 || interval < 0) {
            throw new UsageException("need a known --workload, positive --requests and --runs, --interval >= 0");
        }
        if ((dramsim3 == null) != (ini == null)) {
            throw new UsageException("--dramsim3 and --ini go together");
        }
        PrintWriter out = spec.commandLine().getOut();
        RequestArrays req = new WorkloadGenerator(w, interval).generate(requests);
        IssueMode mode = interval == 0 ? IssueMode.ASAP : IssueMode.SPACED;
        out.printf("trace: %d %s requests, %s; load average before: %s%n%n", requests, w.key(),
                interval == 0 ? "as fast as accepted" : "one every " + interval + " DRAM cycles", LoadAverage.oneMinute());
        out.println("| simulator | configuration | runs | wall seconds (min-max) | M requests/s by wall time "
                + "(min / median / max) | M requests/s by CPU time (median) |");
        out.println("|---|---|---|---|---|---|");
        long simulatedCycles = 0;
        List<double[]> rows = new ArrayList<>();
        DramConfig[] configs = {AlignedConfig.ddr4_3200(), DramConfig.of(io.isotrace.controller.dram.spec.Preset.DDR4_3200)
                .withController(ControllerConfig.defaults())};
        String[] names = {"DDR4-3200, DRAMSim3-aligned controller", "DDR4-3200, default controller"};
        double isoMedian = 0;
        double isoCpuMedian = 0;
        for (int k = 0; k < configs.length; k++) {
            new TraceSimulation(configs[k], mode, 0).run(req.rewind()); // warm-up: JIT compilation
            List<Double> secs = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                SimulationResult r = new TraceSimulation(configs[k], mode, 0).run(req.rewind());
                cpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
                secs.add(r.wallNanos() / 1e9);
                simulatedCycles = Math.max(simulatedCycles, r.cycles());
            }
            double med = row(out, "Isotrace", names[k], secs, cpu);
            if (k == 0) {
                isoMedian = med;
                isoCpuMedian = lastCpuMedian;
            }
        }
        // Lockstep: the MemoryTiming adapter the controller uses, one access at a time (reads wait for their data).
        DramConfig lock = configs[1];
        List<Double> lockSecs = new ArrayList<>();
        List<Double> lockCpu = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            DramMemoryTiming m = new DramMemoryTiming(lock);
            long period = lock.device().timing().clock().periodPs();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long at = 0;
            for (int k = 0; k < req.size(); k++) {
                at = Math.max(at, req.cycle(k) * period);
                at += m.latencyPs(req.address(k), 64, req.isWrite(k), 0, 0, false, at);
            }
            if (i > 0) {
                lockSecs.add((System.nanoTime() - t0) / 1e9); // run 0 warms up the JIT
                lockCpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            }
        }
        row(out, "Isotrace", "DDR4-3200, default controller, lockstep MemoryTiming (one access at a time)", lockSecs,
                lockCpu);
        if (dramsim3 != null) {
            Path dir = Files.createTempDirectory("isotrace-bench");
            Path trace = dir.resolve("bench.trace");
            // As fast as accepted: the generator gave every request cycle 0, as DRAMSim3 expects.
            DramSim3Trace.write(req, trace);
            List<Double> secs = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            long cycles = simulatedCycles + 1000;
            for (int i = 0; i < runs; i++) {
                DramSim3Run d = DramSim3Run.run(dramsim3, ini, trace, cycles, dir.resolve("run" + i));
                secs.add(d.wallSeconds());
                cpu.add(d.cpuSeconds());
                if (i == 0 && d.readsDone() + d.writesDone() < requests * 0.99) {
                    out.printf("(DRAMSim3 finished only %d of %d requests in %d cycles)%n",
                            d.readsDone() + d.writesDone(), requests, cycles);
                }
            }
            double med = row(out, "DRAMSim3", "configs/DDR4_8Gb_x8_3200.ini, " + cycles + " cycles", secs, cpu);
            out.printf("%nIsotrace (DRAMSim3-aligned controller) / DRAMSim3, median requests/s: %.1f x by wall time, "
                    + "%.1f x by CPU time%n", isoMedian / med, isoCpuMedian / lastCpuMedian);
        }
        out.println("load average after: " + LoadAverage.oneMinute() + " (the machine is shared: compare runs made together)");
        out.flush();
        return 0;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** The CPU-time median of the last row printed, in requests per second. */
    private double lastCpuMedian;

    private double row(PrintWriter out, String sim, String cfg, List<Double> secs, List<Double> cpuSecs) {
        List<Double> s = new ArrayList<>(secs);
        Collections.sort(s);
        List<Double> c = new ArrayList<>(cpuSecs);
        Collections.sort(c);
        double min = s.get(0);
        double max = s.get(s.size() - 1);
        double med = s.get(s.size() / 2);
        double cpuMed = c.get(c.size() / 2);
        lastCpuMedian = cpuMed > 0 ? requests / cpuMed : 0;
        out.printf("| %s | %s | %d | %.3f-%.3f | %.2f / %.2f / %.2f | %.2f |%n", sim, cfg, s.size(), min, max,
                requests / max / 1e6, requests / med / 1e6, requests / min / 1e6, lastCpuMedian / 1e6);
        out.flush();
        return requests / med;
    }
}
