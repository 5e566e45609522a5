package io.isotrace.controller.cache;

import java.util.Objects;

/**
 * One cache level's geometry and policies.
 *
 * @param name          for reports: L1I, L1D, L2, LLC
 * @param sizeBytes     capacity
 * @param ways          associativity
 * @param lineBytes     line size
 * @param hitLatencyPs  time to answer a hit (and to look up before a miss goes on)
 * @param writeBack     write-back (dirty lines written on eviction) rather than write-through
 * @param writeAllocate a write miss fetches the line (rather than writing around the cache)
 */
public record CacheLevelConfig(String name, long sizeBytes, int ways, int lineBytes, long hitLatencyPs,
                               boolean writeBack, boolean writeAllocate) {
    public CacheLevelConfig {
        Objects.requireNonNull(name, "name");
        if (lineBytes <= 0 || Integer.bitCount(lineBytes) != 1) {
            throw new IllegalArgumentException(name + ": line size must be a power of two, got " + lineBytes);
        }
        if (ways <= 0) {
            throw new IllegalArgumentException(name + ": ways must be positive, got " + ways);
        }
        if (sizeBytes <= 0 || sizeBytes % ((long) ways * lineBytes) != 0) {
            throw new IllegalArgumentException(name + ": size " + sizeBytes + " is not a multiple of ways x line ("
                    + ways + " x " + lineBytes + ")");
        }
        long sets = sizeBytes / ((long) ways * lineBytes);
        if (Long.bitCount(sets) != 1 || sets > (1 << 24)) {
            throw new IllegalArgumentException(name + ": size / (ways x line) = " + sets
                    + " sets; it must be a power of two up to 2^24");
        }
        if (hitLatencyPs < 0) {
            throw new IllegalArgumentException(name + ": hit latency must not be negative");
        }
    }

    public int sets() {
        return (int) (sizeBytes / ((long) ways * lineBytes));
    }
}
