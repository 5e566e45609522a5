package io.isotrace.trace.record;

/** Where a requester sends each answered transaction for recording (a trace writer, a counter, a test probe). */
@FunctionalInterface
public interface TransactionSink {
    /** Takes the transaction; must copy what it keeps, as the caller reuses the object. */
    void accept(Transaction t);
}
