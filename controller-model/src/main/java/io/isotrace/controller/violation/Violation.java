package io.isotrace.controller.violation;

import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.record.Transaction;

/** One refused access: the whole transaction as answered, and the verdict that refused it. */
public record Violation(Transaction transaction, int verdict) {
    public Violation {
        transaction = new Transaction().copyFrom(transaction);
    }

    @Override
    public String toString() {
        return Verdict.describe(verdict) + " | " + transaction;
    }
}
