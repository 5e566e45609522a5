package io.isotrace.controller.env;

/**
 * The controller's translation cache (its TLB): set-associative, tagged with the environment, so switching the
 * active environment needs no flush. It caches which mapping translates a 4 KiB IPA page; permissions are read
 * from the mapping on every access, so a change of permission takes effect at once (and still drops the entries,
 * for the timing to stay honest). Victims are chosen round-robin per set.
 */
public final class TranslationCache {
    private final int ways;
    private final int setMask;
    private final long[] tags;
    private final int[] ids;
    private final byte[] victim;
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
        this.tags = new long[entries];
        this.ids = new int[entries];
        this.victim = new byte[entries / ways];
    }

    private static long tag(int env, long ipa) {
        return ((long) (env + 1) << 40) | (ipa >>> 12);
    }

    private int set(long tag) {
        long h = tag * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & setMask;
    }

    /** The cached mapping id for the page of {@code ipa} in {@code env}, or -1 on a miss. */
    public int lookup(int env, long ipa) {
        long tag = tag(env, ipa);
        int base = set(tag) * ways;
        for (int w = 0; w < ways; w++) {
            if (tags[base + w] == tag) {
                hits++;
                return ids[base + w];
            }
        }
        misses++;
        return -1;
    }

    public void fill(int env, long ipa, int id) {
        long tag = tag(env, ipa);
        int s = set(tag);
        int w = victim[s];
        victim[s] = (byte) ((w + 1) % ways);
        tags[s * ways + w] = tag;
        ids[s * ways + w] = id;
    }

    /** Drops entries of {@code env} (or of every environment when env is -1) for pages in [ipaLo, ipaHi). */
    public void invalidate(int env, long ipaLo, long ipaHi) {
        long pLo = ipaLo >>> 12;
        long pHi = (ipaHi + 4095) >>> 12;
        for (int i = 0; i < tags.length; i++) {
            long t = tags[i];
            if (t == 0) {
                continue;
            }
            int e = (int) (t >>> 40) - 1;
            long page = t & ((1L << 40) - 1);
            if ((env < 0 || e == env) && page >= pLo && page < pHi) {
                tags[i] = 0;
            }
        }
    }

    public void invalidateAll() {
        java.util.Arrays.fill(tags, 0);
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public int entries() {
        return tags.length;
    }

    public int ways() {
        return ways;
    }
}
