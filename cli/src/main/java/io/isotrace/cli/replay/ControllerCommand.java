package io.isotrace.cli.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isotrace controller …}: work with controller policies. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = "Inspect isolation-controller policy files.",
        subcommands = {CheckConfigCommand.class})
public final class ControllerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
