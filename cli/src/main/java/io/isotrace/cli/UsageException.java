package io.isotrace.cli;

/** A command line that parsed but does not make sense (conflicting options, a bad range): exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
