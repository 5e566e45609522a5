package io.isotrace.controller.timing;

/**
 * How long memory takes to serve an access that passed the controller's checks: the seam between the isolation
 * logic and whatever models time behind it (a fixed latency, a cache hierarchy, a DRAM model, or a stack of them).
 *
 * <p>Calls arrive in non-decreasing {@code arrivalPs} order per requester; a model that sees an arrival earlier
 * than its own clock treats it as arriving now. Implementations must not allocate per call.
 */
public interface MemoryTiming {
    /**
     * Serves one access and returns its latency in picoseconds, from {@code arrivalPs} to the moment the data is
     * returned (reads) or the write is accepted (writes).
     *
     * @param pa          physical address of the first byte
     * @param size        bytes accessed
     * @param write       true for writes (stores, DC ZVA, the write half of an atomic)
     * @param env         environment that owns the translation (caches tag lines with it)
     * @param requester   core or device id
     * @param instruction true for instruction fetches (an L1I rather than an L1D)
     * @param arrivalPs   when the access reaches memory, in picoseconds
     */
    long latencyPs(long pa, int size, boolean write, int env, int requester, boolean instruction, long arrivalPs);

    /** A short description for reports, e.g. {@code fixed 50ns} or {@code DDR4-3200 8Gb x8, FR-FCFS}. */
    String describe();
}
