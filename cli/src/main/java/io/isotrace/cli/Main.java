package io.isotrace.cli;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.queue.ChronicleSupport;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Entry point. Maps what goes wrong to the documented exit codes ({@link ExitCode}) with one line on stderr; the
 * stack trace only with {@code --verbose}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ChronicleSupport.disableAnalytics(); // before anything can load Chronicle
        java.util.List<String> missing = ChronicleSupport.missingJvmFlags();
        if (!missing.isEmpty()) {
            // Chronicle would fail later or fall back to slow generated-code proxies with only a log warning.
            System.err.println("isotrace: this JVM lacks flags Chronicle Queue needs; run 'java -jar isotrace.jar' or "
                    + "bin/isotrace, or add: " + String.join(" ", missing));
            System.exit(ExitCode.ENVIRONMENT);
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the tests call this in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        ChronicleSupport.disableAnalytics();
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IsotraceCommand());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleUsage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Everything after the guest program belongs to the guest, options included (isotrace run sort -n f).
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("isotrace: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCode.USAGE;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        IsotraceCommand root = (IsotraceCommand) cl.getCommandSpec().root().userObject();
        int code;
        String message;
        if (e instanceof BadInputException) {
            code = ExitCode.BAD_INPUT;
            message = e.getMessage();
        } else if (e instanceof UsageException) {
            code = ExitCode.USAGE;
            message = e.getMessage();
        } else if (e instanceof UncheckedIOException || e instanceof IOException) {
            code = ExitCode.ENVIRONMENT;
            message = e.getMessage();
        } else if (e instanceof IllegalStateException && e.getMessage() != null
                && e.getMessage().startsWith("Chronicle Queue needs JVM flags")) {
            code = ExitCode.ENVIRONMENT;
            message = e.getMessage();
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + e + " (please report it; run with --verbose for the stack trace)";
        }
        err.println("isotrace: " + message);
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
