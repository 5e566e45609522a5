package io.isotrace.controller.violation;

import io.isotrace.trace.record.Transaction;

/** Streams violations out as they happen (the replay writes them to a file). {@code t} is reused: copy it. */
@FunctionalInterface
public interface ViolationListener {
    void violation(Transaction t, int verdict);
}
