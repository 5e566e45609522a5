package io.isotrace.cli.dram;

import io.isotrace.cli.UsageException;
import io.isotrace.controller.dram.sim.RequestArrays;
import io.isotrace.controller.dram.workload.DramSim3Trace;
import io.isotrace.controller.dram.workload.Workload;
import io.isotrace.controller.dram.workload.WorkloadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code isotrace dram generate}: the validation workloads as a DRAMSim3 trace. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a validation workload as a DRAMSim3 trace (0xADDR READ|WRITE cycle).")
public final class DramGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "stream|random|mix|strided",
            description = "stream: STREAM add over 3 arrays 1 GiB apart; random: uniform lines over 4 GiB, 1/3 "
                    + "writes; mix: each request from one or the other; strided: lines --stride bytes apart.")
    String workload;

    @Option(names = "--requests", defaultValue = "1000000", description = "Requests (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--interval", defaultValue = "0",
            description = "DRAM cycles between arrivals; 0 puts every request at cycle 0 (default: ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--stride", defaultValue = "2048", description = "Bytes between strided lines (default: "
            + "${DEFAULT-VALUE}).")
    long stride;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(index = "0", paramLabel = "OUT", description = "The trace file to write (not overwritten).")
    Path out;

    @Override
    public Integer call() {
        Workload w = Workload.parse(workload);
        if (w == null) {
            throw new UsageException("unknown workload '" + workload + "': stream, random, mix or strided");
        }
        if (requests <= 0 || interval < 0) {
            throw new UsageException("--requests must be positive and --interval not negative");
        }
        if (Files.exists(out)) {
            throw new UsageException(out + " exists; not overwriting it");
        }
        RequestArrays r;
        try {
            r = new WorkloadGenerator(w, interval, stride, seed).generate(requests);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DramSim3Trace.write(r, out);
        spec.commandLine().getOut().println(out + ": " + requests + " " + w.key() + " requests");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
