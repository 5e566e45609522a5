package io.isotrace.controller.policy;

/**
 * What checking one transaction cost: controller clock cycles, and the memory reads a table walk made (the walk's
 * own reads, at the addresses read, so that a DRAM model can time them). Reused per transaction; never allocated
 * on the hot path. Holds at most {@link #MAX_READS} read addresses; further reads are still counted.
 */
public final class CheckCost {
    public static final int MAX_READS = 8;

    public long cycles;
    public int walkReads;
    /** True when the translation came from the controller's cache (later stages then skip their own walks). */
    public boolean cacheHit;
    public final long[] readPa = new long[MAX_READS];

    public void clear() {
        cycles = 0;
        walkReads = 0;
        cacheHit = false;
    }

    public void read(long pa) {
        if (walkReads < MAX_READS) {
            readPa[walkReads] = pa;
        }
        walkReads++;
    }
}
