package io.isotrace.cli;

/**
 * The exit codes of every {@code isotrace} command. {@code isotrace run} is the exception: it exits with the guest
 * program's own status, as {@code qemu-aarch64} does, and uses these only when the emulator itself stops the run.
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The command ran and found something: isolation violations, a failed validation. */
    public static final int FINDINGS = 1;
    /** The command line is wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** An input is unusable: not a trace, a corrupt file, a bad CSV line, a malformed configuration or ELF. */
    public static final int BAD_INPUT = 3;
    /** The environment failed us: I/O error, disk full, a JVM started without the flags Chronicle needs. */
    public static final int ENVIRONMENT = 4;
    /** A bug in Isotrace (an unexpected exception); the message asks for a report. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
