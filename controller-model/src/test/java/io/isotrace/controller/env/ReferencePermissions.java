package io.isotrace.controller.env;

import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.record.TransactionKind;

/**
 * The property tests' own statement of which permission each kind of transaction needs, written from the issue's
 * rules rather than taken from the controller, so that a mistake there is caught rather than copied.
 */
final class ReferencePermissions {
    private ReferencePermissions() {
    }

    static int needed(TransactionKind k) {
        return switch (k) {
            case READ, EXCL_LOAD, CACHE_MAINT -> PageGrant.READ;
            case WRITE, EXCL_STORE, ZERO_BLOCK -> PageGrant.WRITE;
            case IFETCH -> PageGrant.EXECUTE;
            case PTW -> PageGrant.WALK;
            case ATOMIC -> PageGrant.READ | PageGrant.WRITE;
        };
    }
}
