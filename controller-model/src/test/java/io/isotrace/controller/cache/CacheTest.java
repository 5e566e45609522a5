package io.isotrace.controller.cache;

import io.isotrace.controller.timing.MemoryTiming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheTest {
    /** Memory that answers in a fixed 50 ns and remembers what reached it. */
    static final class Recorder implements MemoryTiming {
        final List<String> seen = new ArrayList<>();

        @Override
        public long latencyPs(long pa, int size, boolean write, int env, int requester, boolean instruction,
                              long arrivalPs) {
            seen.add((write ? "W " : "R ") + Long.toHexString(pa) + " env" + env);
            return 50_000;
        }

        @Override
        public String describe() {
            return "recorder";
        }
    }

    private static CacheLevelConfig level(String name, long size, int ways, long hitPs, boolean wb, boolean wa) {
        return new CacheLevelConfig(name, size, ways, 64, hitPs, wb, wa);
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedWay() {
        Cache c = new Cache(level("T", 2 * 64, 2, 0, true, true)); // one set, two ways
        assertFalse(c.access(0x000, 0, true, false));
        assertFalse(c.access(0x040, 0, true, false));
        assertTrue(c.access(0x000, 0, true, false)); // 0x000 now most recent
        assertFalse(c.access(0x080, 0, true, false)); // evicts 0x040
        assertTrue(c.contains(0x000, 0));
        assertFalse(c.contains(0x040, 0));
        assertTrue(c.contains(0x080, 0));
    }

    @Test
    void environmentsNeverHitEachOthersLines() {
        Cache c = new Cache(level("T", 32 << 10, 4, 0, true, true));
        c.access(0x1000, 1, true, false);
        assertTrue(c.contains(0x1000, 1));
        assertFalse(c.access(0x1000, 2, true, false), "same PA, other environment: a miss");
        assertTrue(c.contains(0x1000, 1), "both copies held");
        assertTrue(c.contains(0x1000, 2));
    }

    @Test
    void dirtyVictimsAreWrittenBack() {
        Cache c = new Cache(level("T", 64, 1, 0, true, true));
        c.access(0x000, 3, true, true); // dirty
        c.access(0x040, 0, true, false);
        assertTrue(c.victimDirty);
        assertEquals(0x000, c.victimAddress);
        assertEquals(3, c.victimEnv);
        assertEquals(1, c.writebacks());
    }

    @Test
    void onlyMissesAndWriteBacksReachMemory() {
        Recorder mem = new Recorder();
        CachedMemoryTiming h = new CachedMemoryTiming(new CacheHierarchyConfig(
                level("L1I", 4 << 10, 2, 1000, true, true),
                level("L1D", 4 << 10, 2, 1000, true, true),
                level("L2", 16 << 10, 4, 4000, true, true),
                level("LLC", 64 << 10, 8, 12000, true, true)), mem);
        long miss = h.latencyPs(0x10000, 8, false, 0, 0, false, 0);
        assertEquals(1000 + 4000 + 12000 + 50_000, miss);
        long hit = h.latencyPs(0x10008, 8, false, 0, 0, false, 100_000);
        assertEquals(1000, hit, "L1D hit");
        assertEquals(List.of("R 10000 env0"), mem.seen);
        // A store hits L1D and makes the line dirty: nothing reaches memory yet.
        h.latencyPs(0x10000, 8, true, 0, 0, false, 200_000);
        assertEquals(1, mem.seen.size());
        // The other environment misses all the way down although the PA is cached.
        h.latencyPs(0x10000, 8, false, 7, 0, false, 300_000);
        assertEquals("R 10000 env7", mem.seen.get(1));
        // Instruction fetches use L1I: a miss there, an L2 hit.
        long fetch = h.latencyPs(0x10000, 4, false, 0, 0, true, 400_000);
        assertEquals(1000 + 4000, fetch);
        assertEquals(2, mem.seen.size());
    }

    @Test
    void writeBackHappensWhenADirtyLineLeavesTheLastLevel() {
        Recorder mem = new Recorder();
        CachedMemoryTiming h = new CachedMemoryTiming(new CacheHierarchyConfig(null,
                level("L1D", 64, 1, 1000, true, true), null, null), mem);
        h.latencyPs(0x0, 8, true, 0, 0, false, 0); // write miss: allocate (fetch), then dirty
        h.latencyPs(0x40, 8, false, 0, 0, false, 10_000); // evicts the dirty line
        assertEquals(List.of("R 0 env0", "W 0 env0", "R 40 env0"), mem.seen);
    }

    @Test
    void writeThroughAndNoWriteAllocate() {
        Recorder mem = new Recorder();
        CachedMemoryTiming wt = new CachedMemoryTiming(new CacheHierarchyConfig(null,
                level("L1D", 4 << 10, 2, 1000, false, false), null, null), mem);
        long w = wt.latencyPs(0x100, 8, true, 0, 0, false, 0);
        assertEquals(1000, w, "a posted write costs the lookup only");
        assertEquals(List.of("W 100 env0"), mem.seen, "no allocate: written around the cache");
        wt.latencyPs(0x100, 8, false, 0, 0, false, 5000);
        wt.latencyPs(0x100, 8, true, 0, 0, false, 60_000); // write hit, write-through
        assertEquals(List.of("W 100 env0", "R 100 env0", "W 100 env0"), mem.seen);
    }

    @Test
    void privateLevelsArePerRequesterAndTheLlcIsShared() {
        Recorder mem = new Recorder();
        CachedMemoryTiming h = new CachedMemoryTiming(new CacheHierarchyConfig(null,
                level("L1D", 4 << 10, 2, 1000, true, true), null, level("LLC", 64 << 10, 8, 10_000, true, true)),
                mem);
        h.latencyPs(0x8000, 8, false, 0, 0, false, 0);
        long other = h.latencyPs(0x8000, 8, false, 0, 1, false, 100_000);
        assertEquals(1000 + 10_000, other, "core 1 misses its own L1D and hits the shared LLC");
        assertEquals(1, mem.seen.size());
    }

    @Test
    void badGeometriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> level("X", 3000, 4, 0, true, true));
        assertThrows(IllegalArgumentException.class, () -> new CacheLevelConfig("X", 4096, 4, 48, 0, true, true));
        assertThrows(IllegalArgumentException.class, () -> level("X", 3 * 64 * 4, 4, 0, true, true));
    }
}
