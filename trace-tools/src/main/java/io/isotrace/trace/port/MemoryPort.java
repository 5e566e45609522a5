package io.isotrace.trace.port;

import io.isotrace.trace.record.Transaction;

/**
 * The one interface between a requester (the CPU) and the memory system behind it (a controller, or the identity
 * default). The CPU knows nothing else of the controller, so an in-process controller, a queue-backed remote one and
 * the identity default are interchangeable.
 *
 * <p>Two paths, as in QEMU's softmmu:
 * <ul>
 *   <li>{@link #grant} hands the requester the physical frame behind an IPA page and the kinds of access it may
 *       make there, so the CPU can cache the frame and reach RAM with a lookup and an array access.</li>
 *   <li>{@link #access} answers one transaction: PA, status, latency, environment. The CPU calls it for every
 *       access when it records a trace or runs in lockstep, and always for pages that were not granted (devices,
 *       the controller's register block, denied pages).</li>
 * </ul>
 * A port that changes a translation or permission tells its {@link InvalidationListener}s exactly which IPA ranges
 * of which requesters went stale; the CPU drops only those cached frames.
 */
public interface MemoryPort {
    /**
     * Answers {@code t} in place: sets {@code pa}, {@code status}, {@code latencyPs} and {@code env}. For a page that
     * was not granted, also performs the access: a read leaves the value in {@code t.data}, a write takes it from
     * there. Must not allocate.
     */
    void access(Transaction t);

    /**
     * Tries to grant the requester of {@code probe} direct access to the frame holding {@code probe.ipa}, for the
     * attributes in {@code probe} (requester, security state, EL, privilege). Fills {@code out} and returns true, or
     * returns false when accesses to that page must each go through {@link #access} (device memory, register
     * block, a page the policy denies).
     */
    boolean grant(Transaction probe, PageGrant out);

    /** Registers a listener for stale translations. */
    void addInvalidationListener(InvalidationListener listener);

    /**
     * True when {@link #access} would only repeat what {@link #grant} already told (identity translation, no
     * latency, nothing observed), so a requester that is not recording may skip it. The fast path relies on it.
     */
    default boolean isTransparent() {
        return false;
    }
}
