package io.isotrace.cli.bench;

import io.isotrace.cli.UsageException;
import io.isotrace.controller.bench.ControllerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code isotrace bench controller}: transactions/s and environment-switch cost, as a table. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {"Translated+checked transactions/s (single thread, replay-style, 256 environments, "
                + "100 000 mappings) and environment-switch cost against mapping size."})
public final class ControllerBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--transactions", defaultValue = "20000000", paramLabel = "N",
            description = "Transactions per round (default: ${DEFAULT-VALUE}).")
    long transactions;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        if (transactions < 1000 || rounds < 1) {
            throw new UsageException("--transactions must be at least 1000 and --rounds at least 1");
        }
        new ControllerBenchmark(spec.commandLine().getOut(), transactions, rounds).run();
        return 0;
    }
}
