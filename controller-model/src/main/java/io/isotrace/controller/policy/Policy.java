package io.isotrace.controller.policy;

import io.isotrace.trace.record.Transaction;

/**
 * One check the controller applies to every transaction. Policies are stacked (remap, then MPC, TZC or GPC); each
 * sees the transaction with {@code t.pa} holding the address the previous stage produced, so a translating stage
 * (the environment remapper) must come first and a filtering stage (MPC, TZC-400, GPC) reads {@code t.pa} only.
 *
 * <p>{@link #check} is the hot path: it must not allocate. A stage that keeps fault registers (MPC INT_INFO, TZC
 * FAIL_*, GPC fault syndrome) latches them itself when it refuses an access.
 */
public interface Policy {
    /** A short name for reports: {@code remap}, {@code mpc}, {@code tzc}, {@code gpc}. */
    String name();

    /**
     * Checks (and, for a translating stage, translates) {@code t}. Returns {@link Verdict#ALLOW} or a denial; may
     * add to {@code cost} the cycles and memory reads the check took.
     */
    int check(Transaction t, CheckCost cost);

    /**
     * The accesses ({@link io.isotrace.trace.port.PageGrant} READ/WRITE/EXECUTE/WALK bits) this stage allows on the
     * whole 4 KiB page at {@code probe.pa} for the requester, security state and exception level in {@code probe};
     * 0 when any part of the page needs a per-access check. A translating stage sets {@code probe.pa}/{@code env}
     * and returns -1 when the page is not mapped. Called on the grant path, not per access: may be slower than
     * {@link #check} but still must not allocate.
     */
    int pagePermissions(Transaction probe);

    /** Puts the stage's registers and fault state back to their reset values (configuration is kept). */
    default void resetFaults() {
    }
}
