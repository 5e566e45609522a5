package io.isotrace.cli.dram;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isotrace dram …}: the DRAM timing model on its own. */
@Command(name = "dram", mixinStandardHelpOptions = true,
        description = "Simulate DRAM timing from a trace, list presets, generate validation workloads, measure speed "
                + "and compare with DRAMSim3.",
        subcommands = {DramSimulateCommand.class, DramPresetsCommand.class, DramGenerateCommand.class,
                DramValidateCommand.class})
public final class DramCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
