package io.isotrace.cli.trace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isotrace trace …}: look at and convert recorded traces. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Inspect and convert recorded transaction traces.",
        subcommands = {TraceDumpCommand.class, TraceStatsCommand.class, TraceConvertCommand.class})
public final class TraceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
