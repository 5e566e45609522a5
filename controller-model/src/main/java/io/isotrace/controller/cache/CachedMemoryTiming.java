package io.isotrace.controller.cache;

import io.isotrace.controller.timing.MemoryTiming;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cache hierarchy in front of another {@link MemoryTiming} (usually the DRAM model): private L1I/L1D/L2 per
 * requester and a shared LLC, each optional. Only misses and write-backs reach the memory behind; every access still
 * passed the controller's isolation checks before it got here, and lines are tagged with the environment so no
 * environment hits another's lines.
 *
 * <p>Latency: each level looked up adds its hit latency; a miss everywhere adds the memory's latency for the line.
 * Dirty victims are written back to the next level as posted writes (they load that level and memory, but the
 * requester does not wait for them). A write-through level passes every write on, also posted; a no-write-allocate
 * level passes write misses on without filling.
 */
public final class CachedMemoryTiming implements MemoryTiming {
    private final CacheHierarchyConfig config;
    private final MemoryTiming memory;
    private final Cache llc;
    /** The private levels, indexed L1I, L1D, L2: their configurations (null when absent) and caches by requester. */
    private static final int L1I = 0;
    private static final int L1D = 1;
    private static final int L2 = 2;
    private final CacheLevelConfig[] privateConfig;
    private final Cache[][] privateCaches = {new Cache[0], new Cache[0], new Cache[0]};
    private final int lineBytes;
    /** Scratch: the levels an access walks, private first (at most four). */
    private final Cache[] path = new Cache[4];

    public CachedMemoryTiming(CacheHierarchyConfig config, MemoryTiming memory) {
        this.config = config;
        this.memory = memory;
        this.llc = config.llc() == null ? null : new Cache(config.llc());
        this.privateConfig = new CacheLevelConfig[]{config.l1i(), config.l1d(), config.l2()};
        int line = 0;
        for (CacheLevelConfig c : new CacheLevelConfig[]{config.l1i(), config.l1d(), config.l2(), config.llc()}) {
            if (c != null) {
                if (line != 0 && c.lineBytes() != line) {
                    throw new IllegalArgumentException("all cache levels must use one line size (" + line + " vs "
                            + c.lineBytes() + " in " + c.name() + ")");
                }
                line = c.lineBytes();
            }
        }
        this.lineBytes = line == 0 ? 64 : line;
    }

    @Override
    public long latencyPs(long pa, int size, boolean write, int env, int requester, boolean instruction,
                          long arrivalPs) {
        long first = pa & -lineBytes;
        long last = (pa + Math.max(size, 1) - 1) & -lineBytes;
        long worst = 0;
        for (long line = first; ; line += lineBytes) {
            worst = Math.max(worst, accessLine(line, write, env, requester, instruction, arrivalPs));
            if (line == last) {
                break;
            }
        }
        return worst;
    }

    private long accessLine(long line, boolean write, int env, int requester, boolean instruction, long arrivalPs) {
        int n = 0;
        Cache l1 = privateCache(instruction ? L1I : L1D, requester);
        if (l1 != null) {
            path[n++] = l1;
        }
        Cache mid = privateCache(L2, requester);
        if (mid != null) {
            path[n++] = mid;
        }
        if (llc != null) {
            path[n++] = llc;
        }
        long latency = 0;
        for (int i = 0; i < n; i++) {
            Cache c = path[i];
            CacheLevelConfig cc = c.config();
            latency += cc.hitLatencyPs();
            // The first level sees the write itself; the levels below see the fill of a write-allocate miss: a read.
            boolean w = write && i == 0;
            boolean allocate = !w || cc.writeAllocate();
            boolean hit = c.access(line, env, allocate, w && cc.writeBack());
            if (c.victimDirty) {
                writeBack(i + 1, n, c.victimAddress, c.victimEnv, requester, arrivalPs + latency);
            }
            if (w && (!cc.writeBack() || (!hit && !allocate))) {
                // Write-through, or a write miss that does not allocate: the write goes on, posted.
                writeBack(i + 1, n, line, env, requester, arrivalPs + latency);
                return latency;
            }
            if (hit) {
                return latency;
            }
        }
        // Missed everywhere: the line comes from memory (a read even for a write-allocate fill).
        return latency + memory.latencyPs(line, lineBytes, false, env, requester, instruction, arrivalPs + latency);
    }

    /** Writes a line into the levels from {@code from} on (a posted write: its latency is not the requester's). */
    private void writeBack(int from, int n, long line, int env, int requester, long atPs) {
        for (int i = from; i < n; i++) {
            Cache c = path[i];
            CacheLevelConfig cc = c.config();
            boolean hit = c.access(line, env, cc.writeAllocate(), cc.writeBack());
            if (c.victimDirty) {
                writeBack(i + 1, n, c.victimAddress, c.victimEnv, requester, atPs);
            }
            if (cc.writeBack() && (hit || cc.writeAllocate())) {
                return; // absorbed here
            }
        }
        memory.latencyPs(line, lineBytes, true, env, requester, false, atPs);
    }

    /** A requester's cache at a private level, made on its first access; null when the level is absent. */
    private Cache privateCache(int level, int requester) {
        CacheLevelConfig cfg = privateConfig[level];
        if (cfg == null) {
            return null;
        }
        Cache[] caches = privateCaches[level];
        if (requester >= caches.length) {
            caches = Arrays.copyOf(caches, Math.max(requester + 1, caches.length * 2));
            privateCaches[level] = caches;
        }
        if (caches[requester] == null) {
            caches[requester] = new Cache(cfg);
        }
        return caches[requester];
    }

    /** Hits, misses and write-backs per level (private levels summed over requesters). */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int level = L1I; level <= L2; level++) {
            put(m, privateConfig[level], privateCaches[level]);
        }
        if (llc != null) {
            put(m, config.llc(), new Cache[]{llc});
        }
        return m;
    }

    private static void put(Map<String, Object> m, CacheLevelConfig cfg, Cache[] caches) {
        if (cfg == null) {
            return;
        }
        long h = 0;
        long mi = 0;
        long wb = 0;
        for (Cache c : caches) {
            if (c != null) {
                h += c.hits();
                mi += c.misses();
                wb += c.writebacks();
            }
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("hits", h);
        one.put("misses", mi);
        one.put("writebacks", wb);
        one.put("hit_rate", h + mi == 0 ? 0.0 : Math.round(1e4 * h / (double) (h + mi)) / 1e4);
        m.put(cfg.name(), one);
    }

    /** The private cache of a requester at a level ("L1I", "L1D", "L2"), or the LLC; null when absent. */
    public Cache level(String name, int requester) {
        switch (name) {
            case "L1I":
                return privateCache(L1I, requester);
            case "L1D":
                return privateCache(L1D, requester);
            case "L2":
                return privateCache(L2, requester);
            default:
                return llc;
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (CacheLevelConfig c : new CacheLevelConfig[]{config.l1i(), config.l1d(), config.l2(), config.llc()}) {
            if (c != null) {
                sb.append(c.name()).append(' ').append(c.sizeBytes() >> 10).append("KiB/").append(c.ways())
                        .append("w, ");
            }
        }
        return sb + memory.describe();
    }
}
