package io.isotrace.controller.cache;

/**
 * Which levels exist in front of memory; any may be null (absent). L1I, L1D and L2 are private to each requester
 * (core); the LLC is shared by all.
 */
public record CacheHierarchyConfig(CacheLevelConfig l1i, CacheLevelConfig l1d, CacheLevelConfig l2,
                                   CacheLevelConfig llc) {
    /**
     * A Cortex-A-class hierarchy for examples and tests: 32 KiB 4-way L1I and L1D (1 ns), 256 KiB 8-way L2 (4 ns),
     * 2 MiB 16-way shared LLC (12 ns), 64-byte lines, write-back and write-allocate throughout.
     */
    public static CacheHierarchyConfig typical() {
        return new CacheHierarchyConfig(
                new CacheLevelConfig("L1I", 32 << 10, 4, 64, 1000, true, true),
                new CacheLevelConfig("L1D", 32 << 10, 4, 64, 1000, true, true),
                new CacheLevelConfig("L2", 256 << 10, 8, 64, 4000, true, true),
                new CacheLevelConfig("LLC", 2 << 20, 16, 64, 12000, true, true));
    }
}
