package io.isotrace.controller.cache;

/**
 * One set-associative cache with LRU replacement whose lines are tagged with the environment that filled them: a
 * lookup hits only a line of the same physical address <em>and</em> the same environment, so one environment can
 * never hit (or time-probe) another's lines. Lines are plain arrays indexed set x ways + way; nothing is allocated
 * per access.
 *
 * <p>{@link #access} answers hit or miss and, on a miss, fills the line, leaving what it displaced in
 * {@link #victimAddress}/{@link #victimEnv} when that line was dirty (the caller writes it back).
 */
public final class Cache {
    private final CacheLevelConfig config;
    private final int ways;
    private final int setMask;
    private final int lineShift;
    private final long[] tags;
    private final int[] envs;
    private final long[] lastUse;
    private final boolean[] valid;
    private final boolean[] dirty;
    private long clock;

    private long hits;
    private long misses;
    private long writebacks;

    /** After a miss that evicted a dirty line: that line's address and environment. */
    public boolean victimDirty;
    public long victimAddress;
    public int victimEnv;

    public Cache(CacheLevelConfig config) {
        this.config = config;
        this.ways = config.ways();
        int sets = config.sets();
        this.setMask = sets - 1;
        this.lineShift = Integer.numberOfTrailingZeros(config.lineBytes());
        int lines = sets * ways;
        tags = new long[lines];
        envs = new int[lines];
        lastUse = new long[lines];
        valid = new boolean[lines];
        dirty = new boolean[lines];
    }

    public CacheLevelConfig config() {
        return config;
    }

    /**
     * Looks up the line holding {@code address} for {@code env}; on a miss with {@code allocate}, fills it (evicting
     * the least recently used way). {@code markDirty} marks the line written (write-back caches).
     *
     * @return true on a hit
     */
    public boolean access(long address, int env, boolean allocate, boolean markDirty) {
        victimDirty = false;
        long line = address >>> lineShift;
        int base = (int) (line & setMask) * ways;
        long now = ++clock;
        for (int i = base; i < base + ways; i++) {
            if (valid[i] && tags[i] == line && envs[i] == env) {
                lastUse[i] = now;
                if (markDirty) {
                    dirty[i] = true;
                }
                hits++;
                return true;
            }
        }
        misses++;
        if (!allocate) {
            return false;
        }
        int victim = base;
        for (int i = base; i < base + ways; i++) {
            if (!valid[i]) {
                victim = i;
                break;
            }
            if (lastUse[i] < lastUse[victim]) {
                victim = i;
            }
        }
        if (valid[victim] && dirty[victim]) {
            victimDirty = true;
            victimAddress = tags[victim] << lineShift;
            victimEnv = envs[victim];
            writebacks++;
        }
        valid[victim] = true;
        tags[victim] = line;
        envs[victim] = env;
        dirty[victim] = markDirty;
        lastUse[victim] = now;
        return false;
    }

    /** True when the line is present for {@code env} (no state change; for tests and reports). */
    public boolean contains(long address, int env) {
        long line = address >>> lineShift;
        int base = (int) (line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (valid[i] && tags[i] == line && envs[i] == env) {
                return true;
            }
        }
        return false;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long writebacks() {
        return writebacks;
    }
}
