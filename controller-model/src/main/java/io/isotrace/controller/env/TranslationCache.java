package io.isotrace.controller.env;

/**
 * The controller's translation cache (its TLB): set-associative, tagged with the environment, so switching the
 * active environment needs no flush. It caches, per 4 KiB IPA page, the {@link Translation} of the block holding
 * it: PA, block size, permissions and access rule, so a hit needs nothing else. Every change of translation or
 * permission drops the entries it covers (the controller wires {@link #invalidate} to the environments' change
 * notifications), so a cached entry is never stale. Victims are chosen round-robin per set.
 *
 * <p>Entries are interleaved in one {@code long[]} (tag, translation), the ways of a set adjacent: a lookup reads
 * one or two cache lines.
 */
public final class TranslationCache {
    private static final long PAGE_MASK = (1L << 40) - 1;

    private final int ways;
    private final int setMask;
    /** Entry i: {@code entries[2i]} tag (0 = empty), {@code entries[2i + 1]} translation. */
    private final long[] entries;
    private final byte[] victim;
    /** Per set, the entry index (into {@link #entries}) of the last hit: looked at first. Only a search order. */
    private final int[] mru;
    private long hits;
    private long misses;

    /** @param entries total entries (power of two, at least {@code ways}); @param ways 1..16 */
    public TranslationCache(int entries, int ways) {
        if (Integer.bitCount(entries) != 1 || ways < 1 || ways > 16 || entries < ways || entries % ways != 0
                || Integer.bitCount(entries / ways) != 1) {
            throw new IllegalArgumentException("cache: entries must be a power of two and a multiple of ways (1..16)");
        }
        this.ways = ways;
        this.setMask = entries / ways - 1;
        this.entries = new long[2 * entries];
        this.victim = new byte[entries / ways];
        this.mru = new int[entries / ways];
        for (int s = 0; s < mru.length; s++) {
            mru[s] = 2 * s * ways;
        }
    }

    private static long tag(int env, long ipa) {
        return ((long) (env + 1) << 40) | (ipa >>> 12);
    }

    private int set(long tag) {
        long h = tag * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & setMask;
    }

    /**
     * The cached translation for the page of {@code ipa} in {@code env}, or {@link Translation#NONE} on a miss.
     * The set's most recently hit way is compared first: with locality that one predictable compare decides, where
     * a scan over the ways would mispredict on which way holds the page.
     */
    public long lookup(int env, long ipa) {
        long tag = tag(env, ipa);
        long[] e = entries;
        int s = set(tag);
        int m = mru[s];
        if (e[m] == tag) {
            hits++;
            return e[m + 1];
        }
        return lookupWays(tag, s, e);
    }

    private long lookupWays(long tag, int s, long[] e) {
        int base = 2 * s * ways;
        int end = base + 2 * ways;
        for (int i = base; i < end; i += 2) {
            if (e[i] == tag) {
                hits++;
                mru[s] = i;
                return e[i + 1];
            }
        }
        misses++;
        return Translation.NONE;
    }

    /** Caches {@code translation} for the page of {@code ipa}: over the same page's entry, else over the set's victim. */
    public void fill(int env, long ipa, long translation) {
        long tag = tag(env, ipa);
        int s = set(tag);
        int base = 2 * s * ways;
        for (int i = base; i < base + 2 * ways; i += 2) {
            if (entries[i] == tag) {
                entries[i + 1] = translation;
                return;
            }
        }
        int w = victim[s];
        victim[s] = (byte) (w + 1 == ways ? 0 : w + 1);
        int i = 2 * (s * ways + w);
        entries[i] = tag;
        entries[i + 1] = translation;
    }

    /** Drops entries of {@code env} (or of every environment when env is -1) for pages in [ipaLo, ipaHi). */
    public void invalidate(int env, long ipaLo, long ipaHi) {
        long pLo = ipaLo >>> 12;
        long pHi = (ipaHi + 4095) >>> 12;
        for (int i = 0; i < entries.length; i += 2) {
            long t = entries[i];
            if (t == 0) {
                continue;
            }
            int e = (int) (t >>> 40) - 1;
            long page = t & PAGE_MASK;
            if ((env < 0 || e == env) && page >= pLo && page < pHi) {
                entries[i] = 0;
                entries[i + 1] = 0;
            }
        }
    }

    public void invalidateAll() {
        java.util.Arrays.fill(entries, 0);
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public int entries() {
        return entries.length / 2;
    }

    public int ways() {
        return ways;
    }
}
