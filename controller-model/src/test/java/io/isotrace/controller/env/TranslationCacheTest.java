package io.isotrace.controller.env;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation cache against a model of what it promises: a filled entry is found until it is invalidated or
 * evicted; a set never holds more than {@code ways} entries; eviction is round-robin; invalidation drops exactly
 * the entries of the named environment (or all) whose page lies in the range.
 */
class TranslationCacheTest {
    @Test
    void aFilledEntryIsFoundUntilEvictedOrInvalidated() {
        for (int[] geo : new int[][]{{1, 1}, {16, 1}, {64, 2}, {1024, 4}, {256, 16}}) {
            SplittableRandom rnd = new SplittableRandom(geo[0] * 31L + geo[1]);
            TranslationCache c = new TranslationCache(geo[0], geo[1]);
            // What may be in the cache: (env, page) -> translation. An entry absent here must miss.
            Map<Long, Long> present = new HashMap<>();
            long hits = 0;
            long misses = 0;
            for (int op = 0; op < 50_000; op++) {
                int env = rnd.nextInt(6);
                long page = rnd.nextInt(rnd.nextBoolean() ? 64 : 1 << 20);
                long ipa = (page << 12) | rnd.nextInt(4096);
                long key = ((long) env << 40) | page;
                int what = rnd.nextInt(20);
                if (what < 8) {
                    long v = Translation.of(rnd.nextLong(1L << 36) << 12, BlockSize.PAGE_4K, rnd.nextInt(16), 0);
                    c.fill(env, ipa, v);
                    present.put(key, v);
                } else if (what == 8) {
                    int e = rnd.nextInt(7) - 1;
                    long lo = (long) rnd.nextInt(1 << 20) << 12;
                    long hi = lo + ((long) rnd.nextInt(256) << 12) + rnd.nextInt(4096);
                    c.invalidate(e, lo, hi);
                    long pLo = lo >>> 12;
                    long pHi = (hi + 4095) >>> 12;
                    present.keySet().removeIf(k -> (e < 0 || (int) (k >>> 40) == e)
                            && (k & ((1L << 40) - 1)) >= pLo && (k & ((1L << 40) - 1)) < pHi);
                } else {
                    long got = c.lookup(env, ipa);
                    if (got == Translation.NONE) {
                        misses++;
                        present.remove(key); // evicted (or never there): it may not come back by itself
                    } else {
                        hits++;
                        assertEquals(present.get(key), got, "a hit returns what was filled");
                    }
                }
            }
            assertEquals(hits, c.hits());
            assertEquals(misses, c.misses());
            assertTrue(hits > 0 && misses > 0);
        }
    }

    @Test
    void replacementIsRoundRobinWithinASet() {
        int ways = 4;
        TranslationCache c = new TranslationCache(16, ways);
        // Pages of env 0 that share page 0's set: a direct-mapped cache with as many sets (4) indexes the same way,
        // so a page evicts page 0 there exactly when it shares its set.
        List<Long> sameSet = new ArrayList<>();
        for (long page = 1; sameSet.size() < 8; page++) {
            TranslationCache probe = new TranslationCache(16 / ways, 1);
            probe.fill(0, 0, Translation.of(0, BlockSize.PAGE_4K, 1, 0));
            probe.fill(0, page << 12, Translation.of(0x1000, BlockSize.PAGE_4K, 1, 0));
            if (probe.lookup(0, 0) == Translation.NONE) {
                sameSet.add(page);
            }
        }
        Deque<Long> model = new ArrayDeque<>();
        for (long page : sameSet) {
            c.fill(0, page << 12, Translation.of(page << 12, BlockSize.PAGE_4K, 1, 0));
            model.addLast(page);
            if (model.size() > ways) {
                model.removeFirst();
            }
            for (long p : sameSet) {
                boolean hit = c.lookup(0, p << 12) != Translation.NONE;
                assertEquals(model.contains(p), hit, "page " + p + " after filling " + page);
            }
        }
    }

    @Test
    void environmentsAreTagged() {
        TranslationCache c = new TranslationCache(64, 4);
        long a = Translation.of(0x1000, BlockSize.PAGE_4K, 3, 0);
        long b = Translation.of(0x2000, BlockSize.PAGE_4K, 1, 0);
        c.fill(1, 0x5000, a);
        c.fill(2, 0x5000, b);
        assertEquals(a, c.lookup(1, 0x5123));
        assertEquals(b, c.lookup(2, 0x5FFF));
        assertEquals(Translation.NONE, c.lookup(3, 0x5000));
        c.invalidate(1, 0x5000, 0x6000);
        assertEquals(Translation.NONE, c.lookup(1, 0x5000));
        assertEquals(b, c.lookup(2, 0x5000));
        c.invalidateAll();
        assertEquals(Translation.NONE, c.lookup(2, 0x5000));
    }

    @Test
    void refusesBadGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(100, 4));
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(64, 3));
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(64, 32));
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(2, 4));
    }
}
