package io.isotrace.controller.env;

import io.isotrace.controller.policy.CheckCost;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open-addressing table against a {@link HashMap} under random inserts, replacements, removals and lookups. */
class BlockTableTest {
    private static final long BASE = 0x10_0000_0000L;

    /** Keys as the environments make them: a few IPAs in many environments, at every block size. */
    private static long randomKey(SplittableRandom rnd) {
        int env = rnd.nextInt(rnd.nextBoolean() ? 4 : 300);
        int level = rnd.nextInt(BlockSize.ALL.length);
        long ipa = rnd.nextBoolean() ? (long) rnd.nextInt(64) << 12 : rnd.nextLong(1L << 48);
        return BlockTable.key(env, level, ipa);
    }

    @Test
    void agreesWithAHashMap() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            BlockTable t = new BlockTable(1 + rnd.nextInt(64)); // small: forces growth
            Map<Long, Long> ref = new HashMap<>();
            List<Long> keys = new ArrayList<>();
            CheckCost cost = new CheckCost();
            for (int op = 0; op < 20_000; op++) {
                int what = rnd.nextInt(10);
                long key = !keys.isEmpty() && rnd.nextInt(3) > 0 ? keys.get(rnd.nextInt(keys.size())) : randomKey(rnd);
                if (what < 4) {
                    long v = 1 + rnd.nextLong(Long.MAX_VALUE - 1);
                    t.put(key, v);
                    if (ref.put(key, v) == null) {
                        keys.add(key);
                    }
                } else if (what < 7) {
                    boolean had = ref.remove(key) != null;
                    assertEquals(had, t.remove(key), "remove " + Long.toHexString(key));
                    if (had) {
                        keys.remove(key);
                    }
                } else {
                    long expected = ref.getOrDefault(key, Translation.NONE);
                    assertEquals(expected, t.get(key), "get " + Long.toHexString(key) + " seed " + seed);
                    cost.clear();
                    assertEquals(expected, t.walk(key, cost, BASE));
                    int probes = t.probes(key);
                    assertEquals(probes, cost.walkReads, "a walk reads each slot it probes");
                    assertTrue(probes >= 1);
                    // The slots read are consecutive (wrapping) 16-byte entries from the home slot.
                    for (int i = 1; i < Math.min(probes, CheckCost.MAX_READS); i++) {
                        long step = cost.readPa[i] - cost.readPa[i - 1];
                        assertTrue(step == 16 || cost.readPa[i] == BASE, "probe " + i + " steps " + step);
                    }
                    for (int i = 0; i < Math.min(probes, CheckCost.MAX_READS); i++) {
                        assertTrue(cost.readPa[i] >= BASE && cost.readPa[i] < BASE + 16L * t.capacity());
                    }
                }
                assertEquals(ref.size(), t.size());
                assertTrue(t.size() * 2 <= t.capacity(), "at most half full");
            }
            for (Map.Entry<Long, Long> e : ref.entrySet()) {
                assertEquals(e.getValue(), t.get(e.getKey()));
            }
            for (long k : keys) {
                assertTrue(t.remove(k));
            }
            assertEquals(0, t.size());
            for (long k : keys) {
                assertEquals(Translation.NONE, t.get(k));
                assertFalse(t.remove(k));
            }
        }
    }

    @Test
    void theSamePageInManyEnvironmentsDoesNotPileUp() {
        // 256 environments mapping the same 400 IPA pages: the shape that defeated a hash ignoring the env field.
        BlockTable t = new BlockTable(256 * 400);
        for (int e = 0; e < 256; e++) {
            for (int p = 0; p < 400; p++) {
                t.put(BlockTable.key(e, 0, 0x4000_0000L + p * 0x3000L), 1);
            }
        }
        long total = 0;
        for (int e = 0; e < 256; e++) {
            for (int p = 0; p < 400; p++) {
                total += t.probes(BlockTable.key(e, 0, 0x4000_0000L + p * 0x3000L));
            }
        }
        double mean = total / (256.0 * 400);
        assertTrue(mean < 2.0, "mean probes per hit " + mean);
    }

    @Test
    void refusesZero() {
        BlockTable t = new BlockTable(16);
        assertThrows(IllegalArgumentException.class, () -> t.put(0, 1));
        assertThrows(IllegalArgumentException.class, () -> t.put(BlockTable.key(0, 0, 0), Translation.NONE));
    }

    @Test
    void translationsPackAndUnpack() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            BlockSize b = BlockSize.ALL[rnd.nextInt(BlockSize.ALL.length)];
            long pa = rnd.nextLong(1L << 48) & ~b.mask();
            int perms = rnd.nextInt(16);
            int rule = rnd.nextInt(RuleTable.MAX_RULES);
            long v = Translation.of(pa, b, perms, rule);
            assertTrue(v != Translation.NONE);
            assertEquals(pa, Translation.blockPa(v));
            assertEquals(b, Translation.size(v));
            assertEquals(b.mask(), Translation.mask(v));
            assertEquals(perms, Translation.perms(v));
            assertEquals(rule, Translation.rule(v));
            long off = rnd.nextLong(b.bytes());
            assertEquals(pa + off, Translation.pa(v, (rnd.nextLong(1L << 16) << b.shift()) + off));
            int p2 = rnd.nextInt(16);
            int r2 = rnd.nextInt(RuleTable.MAX_RULES);
            long w = Translation.withAttributes(v, p2, r2);
            assertEquals(pa, Translation.blockPa(w));
            assertEquals(b, Translation.size(w));
            assertEquals(p2, Translation.perms(w));
            assertEquals(r2, Translation.rule(w));
        }
        assertThrows(IllegalArgumentException.class, () -> Translation.of(1L << 48, BlockSize.PAGE_4K, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Translation.of(0x800, BlockSize.PAGE_4K, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Translation.of(0, BlockSize.PAGE_4K, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> Translation.of(0, BlockSize.PAGE_4K, 0, 1 << 16));
    }
}
