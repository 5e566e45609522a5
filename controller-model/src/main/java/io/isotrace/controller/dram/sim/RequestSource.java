package io.isotrace.controller.dram.sim;

/**
 * A stream of DRAM requests in arrival order, read one at a time into fields without allocating: a generated
 * workload, a DRAMSim3 trace file, or an Isotrace trace expanded to 64-byte lines.
 */
public interface RequestSource {
    /** Advances to the next request; false at the end. */
    boolean next();

    /** The current request's physical address. */
    long address();

    boolean isWrite();

    /** The current request's arrival, in DRAM cycles. */
    long cycle();
}
