package io.isotrace.cli.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isotrace bench …}: measurements (not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Isotrace components on this machine.",
        subcommands = {BenchControllerCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
