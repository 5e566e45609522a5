package io.isotrace.cli;

import io.isotrace.cli.bench.BenchCommand;
import io.isotrace.cli.dram.DramCommand;
import io.isotrace.cli.replay.ControllerCommand;
import io.isotrace.cli.replay.ReplayCommand;
import io.isotrace.cli.run.RunCommand;
import io.isotrace.cli.trace.TraceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root of the command tree: {@code isotrace <noun> <verb>}. */
@Command(name = "isotrace",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Trace-driven co-simulation of an AArch64 CPU and an isolation-enforcing memory controller.",
        subcommands = {RunCommand.class, TraceCommand.class, ReplayCommand.class, ControllerCommand.class,
                DramCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:findings (isolation violations, failed validation)",
                "2:usage error",
                "3:bad input (not a trace, corrupt file, bad CSV line, bad configuration or ELF)",
                "4:environment error (I/O, missing JVM flags)",
                "70:internal error (please report it)"},
        footer = {"", "'isotrace run' exits with the guest program's own status."})
public final class IsotraceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private boolean verbose;
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say more; on errors, print the stack trace.")
    void setVerbose(boolean v) {
        root().verbose = v;
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only results and errors.")
    void setQuiet(boolean q) {
        root().quiet = q;
    }

    private IsotraceCommand root() {
        return spec == null ? this : (IsotraceCommand) spec.root().userObject();
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
