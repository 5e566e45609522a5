package io.isotrace.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code isotrace bench …}: speed benchmarks that print a table. They are measurements, not tests: run them on a
 * quiet machine, several times, and read the ranges.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed: trace storage, the CPU, the controller, the DRAM model.",
        subcommands = {CpuBenchCommand.class, ControllerBenchCommand.class, DramBenchCommand.class, TraceBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
