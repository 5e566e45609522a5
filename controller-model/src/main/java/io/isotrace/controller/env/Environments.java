package io.isotrace.controller.env;

import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.PageGrant;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environments (isolated worlds) and their IPA to PA mappings, the requesters' active environments and the
 * shared regions: the state the environment remapper translates with and the register block programs.
 *
 * <p>Translation state is kept in primitive arrays indexed by mapping id and one {@link BlockTable} keyed by
 * (environment, block size, block number). A mapping of 4 GiB is one entry, so holding it, looking it up and
 * switching to its environment cost what a 4 KiB page costs; switching is one store into {@code active}.
 *
 * <p>Control operations (create, destroy, map, unmap, protect, share, switch) validate first and change nothing
 * when they refuse ({@link ControlException}); every change tells the {@link EnvChangeListener} exactly which IPA
 * range of which environment changed, for which requesters.
 */
public final class Environments {
    /** The environment id of "none": a requester with no active environment. Fits the record's 16-bit env field. */
    public static final int NO_ENV = 0xFFFF;
    public static final int MAX_REQUESTERS = 256;
    /** IPAs and PAs the remapper handles: 48 bits (256 TiB), as the record's PA field. */
    public static final long ADDRESS_LIMIT = 1L << 48;
    public static final int PAGE = 4096;

    private final int capacity;
    private final String[] names;
    private final boolean[] exists;
    private final int[] levels;
    private final int[] counts;
    private final int[] defaultRule;
    private final long[] extentLo;
    private final long[] extentHi;
    private final List<TreeMap<Long, Integer>> byIpa;
    private final int[] active = new int[MAX_REQUESTERS];

    private final int maxMappings;
    private final long[] mIpa;
    private final long[] mPa;
    private final int[] mEnv;
    private final byte[] mLevel;
    private final int[] mAttr;
    private final int[] free;
    private int freeTop;
    private int liveMappings;

    private final BlockTable table;
    private final RuleTable rules = new RuleTable();
    private final PaOwnership owners = new PaOwnership();
    private final List<SharedRegion> shared = new ArrayList<>();
    private final List<Reserved> reserved = new ArrayList<>();
    private final long memoryLimit;
    private EnvChangeListener listener = (m, e, lo, hi, c) -> { };

    private record Reserved(String what, long lo, long hi, ControlError error) {
    }

    /**
     * @param capacity    environments (ids 0..capacity-1), at most 65535
     * @param maxMappings translation entries across all environments
     * @param memoryLimit bytes of physical address space; mappings beyond it are refused
     */
    public Environments(int capacity, int maxMappings, long memoryLimit) {
        if (capacity < 1 || capacity > NO_ENV) {
            throw new IllegalArgumentException("environments must be 1.." + NO_ENV);
        }
        this.capacity = capacity;
        this.names = new String[capacity];
        this.exists = new boolean[capacity];
        this.levels = new int[capacity];
        this.counts = new int[capacity];
        this.defaultRule = new int[capacity];
        this.extentLo = new long[capacity];
        this.extentHi = new long[capacity];
        this.byIpa = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            byIpa.add(null);
        }
        java.util.Arrays.fill(active, NO_ENV);
        this.maxMappings = maxMappings;
        this.mIpa = new long[maxMappings];
        this.mPa = new long[maxMappings];
        this.mEnv = new int[maxMappings];
        this.mLevel = new byte[maxMappings];
        this.mAttr = new int[maxMappings];
        this.free = new int[maxMappings];
        for (int i = 0; i < maxMappings; i++) {
            free[i] = maxMappings - 1 - i;
        }
        this.freeTop = maxMappings;
        this.table = new BlockTable(maxMappings);
        this.memoryLimit = Math.min(memoryLimit, ADDRESS_LIMIT);
    }

    public void setListener(EnvChangeListener listener) {
        this.listener = listener;
    }

    /** Declares [lo, hi) off limits to every mapping, by IPA and by PA (the register block, the controller's tables). */
    public void reserve(String what, long lo, long hi, ControlError error) {
        reserved.add(new Reserved(what, lo, hi, error));
    }

    // ------------------------------------------------------------------ hot path

    /** The active environment of {@code requester}, or {@link #NO_ENV}. */
    public int activeEnv(int requester) {
        return active[requester & 0xFF];
    }

    /**
     * The translation of {@code ipa} in {@code env} ({@link Translation}), or {@link Translation#NONE}: probes only
     * the block sizes the environment uses, smallest first. Counts each probed table slot as one walk read at
     * {@code tablesBase + 16 * slot}.
     */
    public long walk(int env, long ipa, io.isotrace.controller.policy.CheckCost cost, long tablesBase) {
        int lv = levels[env];
        while (lv != 0) {
            int level = Integer.numberOfTrailingZeros(lv);
            lv &= lv - 1;
            long v = table.walk(BlockTable.key(env, level, ipa), cost, tablesBase);
            if (v != Translation.NONE) {
                return v;
            }
        }
        return Translation.NONE;
    }

    public long mappingIpa(int id) {
        return mIpa[id];
    }

    public long mappingPa(int id) {
        return mPa[id];
    }

    public long mappingBytes(int id) {
        return 1L << BlockSize.ALL[mLevel[id]].shift();
    }

    /** Permission bits ({@link PageGrant} READ/WRITE/EXECUTE/WALK) of the mapping. */
    public int mappingPerms(int id) {
        return mAttr[id] & 0xF;
    }

    public int mappingRule(int id) {
        return mAttr[id] >>> 8;
    }

    public RuleTable rules() {
        return rules;
    }

    // ------------------------------------------------------------------ queries

    public int capacity() {
        return capacity;
    }

    public boolean exists(int env) {
        return env >= 0 && env < capacity && exists[env];
    }

    public String name(int env) {
        return exists(env) ? names[env] : null;
    }

    /** The id of the environment called {@code name}, or -1. */
    public int byName(String name) {
        for (int i = 0; i < capacity; i++) {
            if (exists[i] && names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public int mappingCount(int env) {
        return exists(env) ? counts[env] : 0;
    }

    public int liveMappings() {
        return liveMappings;
    }

    public int maxMappings() {
        return maxMappings;
    }

    public long memoryLimit() {
        return memoryLimit;
    }

    public List<SharedRegion> sharedRegions() {
        return List.copyOf(shared);
    }

    /** The requesters (as an {@link InvalidationListener} mask) whose active environment is {@code env}. */
    public long requestersOf(int env) {
        long m = 0;
        for (int r = 0; r < MAX_REQUESTERS; r++) {
            if (active[r] == env) {
                m |= InvalidationListener.requesterBit(r);
            }
        }
        return m;
    }

    /** A mapping as seen from outside (tests, dumps). */
    public record Mapping(int env, long ipa, long pa, long bytes, int perms, AccessRule rule) {
    }

    /** Every translation entry of {@code env}, in IPA order. */
    public List<Mapping> mappings(int env) {
        List<Mapping> out = new ArrayList<>();
        TreeMap<Long, Integer> m = exists(env) ? byIpa.get(env) : null;
        if (m != null) {
            for (int id : m.values()) {
                out.add(new Mapping(env, mIpa[id], mPa[id], mappingBytes(id), mappingPerms(id), rules.get(mappingRule(id))));
            }
        }
        return out;
    }

    /** The mapping id translating {@code ipa} in {@code env}, or -1 (control path; no timing). */
    public int find(int env, long ipa) {
        if (!exists(env) || ipa < 0 || ipa >= ADDRESS_LIMIT) {
            return -1;
        }
        Map.Entry<Long, Integer> e = byIpa.get(env) == null ? null : byIpa.get(env).floorEntry(ipa);
        if (e == null) {
            return -1;
        }
        int id = e.getValue();
        return ipa < mIpa[id] + mappingBytes(id) ? id : -1;
    }

    /** Calls {@code visitor(env, ipaLo, ipaHi)} for every IPA range whose translation points into [paLo, paHi). */
    public void forEachIpaOf(long paLo, long paHi, IpaRangeVisitor visitor) {
        BitSet seen = new BitSet();
        owners.forEachOverlap(paLo, paHi, id -> {
            if (seen.get(id)) {
                return;
            }
            seen.set(id);
            long lo = Math.max(paLo, mPa[id]);
            long hi = Math.min(paHi, mPa[id] + mappingBytes(id));
            if (lo < hi) {
                visitor.visit(mEnv[id], mIpa[id] + (lo - mPa[id]), mIpa[id] + (hi - mPa[id]));
            }
        });
    }

    /** Receives one IPA range of one environment. */
    @FunctionalInterface
    public interface IpaRangeVisitor {
        void visit(int env, long ipaLo, long ipaHi);
    }

    // ------------------------------------------------------------------ control operations

    /** Creates an environment; {@code id} -1 takes the lowest free id. Returns the id. */
    public int create(int id, String name, AccessRule rule) {
        if (id < 0) {
            for (int i = 0; i < capacity; i++) {
                if (!exists[i]) {
                    id = i;
                    break;
                }
            }
            if (id < 0) {
                throw new ControlException(ControlError.NO_FREE_ENVIRONMENT, "all " + capacity + " environments exist");
            }
        }
        if (id >= capacity) {
            throw new ControlException(ControlError.BAD_ARGUMENT, "environment id " + id + " is not below " + capacity);
        }
        if (exists[id]) {
            throw new ControlException(ControlError.ENVIRONMENT_EXISTS, "environment " + id + " (" + names[id] + ") exists");
        }
        String n = name == null ? "env" + id : name;
        if (byName(n) >= 0) {
            throw new ControlException(ControlError.ENVIRONMENT_EXISTS, "an environment is already called '" + n + "'");
        }
        int r = rules.intern(rule == null ? AccessRule.ANYONE : rule);
        if (r < 0) {
            throw new ControlException(ControlError.TABLE_FULL, "too many distinct access rules");
        }
        exists[id] = true;
        names[id] = n;
        levels[id] = 0;
        counts[id] = 0;
        defaultRule[id] = r;
        extentLo[id] = Long.MAX_VALUE;
        extentHi[id] = Long.MIN_VALUE;
        byIpa.set(id, new TreeMap<>());
        return id;
    }

    /** Removes an environment and all its mappings; requesters on it are left with no environment. */
    public void destroy(int env) {
        requireEnv(env);
        for (Mapping m : mappings(env)) {
            unmap(env, m.ipa(), m.bytes());
        }
        long lo = extentLo[env];
        long hi = extentHi[env];
        for (int r = 0; r < MAX_REQUESTERS; r++) {
            if (active[r] == env) {
                active[r] = NO_ENV;
                if (lo < hi) {
                    listener.changed(InvalidationListener.requesterBit(r), env, lo, hi, false);
                }
            }
        }
        exists[env] = false;
        names[env] = null;
        byIpa.set(env, null);
        for (SharedRegion s : shared) {
            s.environments().clear(env);
        }
    }

    /**
     * Maps [ipa, ipa + bytes) of {@code env} to [pa, pa + bytes) with {@code perms}, using the largest blocks the
     * alignment of both addresses allows. {@code rule} -1 means the environment's default rule.
     */
    public void map(int env, long ipa, long pa, long bytes, int perms, AccessRule rule) {
        requireEnv(env);
        checkRange("IPA", ipa, bytes);
        checkRange("PA", pa, bytes);
        if (pa + bytes > memoryLimit) {
            throw new ControlException(ControlError.OUTSIDE_MEMORY, String.format(
                    "PA 0x%x..0x%x is outside physical memory (0x%x bytes)", pa, pa + bytes - 1, memoryLimit));
        }
        if (ipa + bytes > ADDRESS_LIMIT) {
            throw new ControlException(ControlError.OUTSIDE_MEMORY, String.format(
                    "IPA 0x%x..0x%x is beyond the 48-bit IPA space", ipa, ipa + bytes - 1));
        }
        for (Reserved r : reserved) {
            if (pa < r.hi && r.lo < pa + bytes) {
                throw new ControlException(r.error, String.format("PA 0x%x..0x%x overlaps %s at 0x%x..0x%x",
                        pa, pa + bytes - 1, r.what, r.lo, r.hi - 1));
            }
            if (ipa < r.hi && r.lo < ipa + bytes) {
                throw new ControlException(r.error, String.format("IPA 0x%x..0x%x overlaps %s at 0x%x..0x%x",
                        ipa, ipa + bytes - 1, r.what, r.lo, r.hi - 1));
            }
        }
        TreeMap<Long, Integer> m = byIpa.get(env);
        Map.Entry<Long, Integer> below = m.lowerEntry(ipa + bytes);
        if (below != null && mIpa[below.getValue()] + mappingBytes(below.getValue()) > ipa) {
            int id = below.getValue();
            throw new ControlException(ControlError.OVERLAPS_MAPPING, String.format(
                    "IPA 0x%x..0x%x of '%s' overlaps its mapping at IPA 0x%x..0x%x",
                    ipa, ipa + bytes - 1, names[env], mIpa[id], mIpa[id] + mappingBytes(id) - 1));
        }
        checkOwnership(env, pa, pa + bytes);
        int ruleIdx = rule == null ? defaultRule[env] : rules.intern(rule);
        if (ruleIdx < 0) {
            throw new ControlException(ControlError.TABLE_FULL, "too many distinct access rules");
        }
        int blocks = 0;
        for (long off = 0; off < bytes; blocks++) {
            off += BlockSize.largestFitting(ipa + off, pa + off, bytes - off).bytes();
        }
        if (blocks > freeTop) {
            throw new ControlException(ControlError.TABLE_FULL, "the translation table holds " + maxMappings
                    + " entries; " + blocks + " more do not fit");
        }
        for (long off = 0; off < bytes; ) {
            BlockSize b = BlockSize.largestFitting(ipa + off, pa + off, bytes - off);
            insert(env, ipa + off, pa + off, b, (perms & PageGrant.ALL) | (ruleIdx << 8));
            off += b.bytes();
        }
        extentLo[env] = Math.min(extentLo[env], ipa);
        extentHi[env] = Math.max(extentHi[env], ipa + bytes);
        listener.changed(requestersOf(env), env, ipa, ipa + bytes, true);
    }

    private void insert(int env, long ipa, long pa, BlockSize b, int attr) {
        int id = free[--freeTop];
        mIpa[id] = ipa;
        mPa[id] = pa;
        mEnv[id] = env;
        mLevel[id] = (byte) b.ordinal();
        mAttr[id] = attr;
        table.put(BlockTable.key(env, b.ordinal(), ipa), Translation.of(pa, b, attr & 0xF, attr >>> 8));
        byIpa.get(env).put(ipa, id);
        owners.add(pa, pa + b.bytes(), id);
        counts[env]++;
        liveMappings++;
        recomputeLevels(env, b.ordinal(), +1);
    }

    private final int[][] levelCounts = new int[BlockSize.ALL.length][];

    private void recomputeLevels(int env, int level, int delta) {
        if (levelCounts[level] == null) {
            levelCounts[level] = new int[capacity];
        }
        levelCounts[level][env] += delta;
        if (levelCounts[level][env] > 0) {
            levels[env] |= 1 << level;
        } else {
            levels[env] &= ~(1 << level);
        }
    }

    /** Unmaps every mapping inside [ipa, ipa + bytes); a mapping only partly inside is refused, not split. */
    public void unmap(int env, long ipa, long bytes) {
        List<Integer> ids = mappingsWithin(env, ipa, bytes);
        for (int id : ids) {
            table.remove(BlockTable.key(env, mLevel[id], mIpa[id]));
            byIpa.get(env).remove(mIpa[id]);
            owners.remove(mPa[id], mPa[id] + mappingBytes(id), id);
            counts[env]--;
            liveMappings--;
            recomputeLevels(env, mLevel[id], -1);
            free[freeTop++] = id;
        }
        listener.changed(requestersOf(env), env, ipa, ipa + bytes, true);
    }

    /** Changes the permissions (and, when {@code rule} is not null, the access rule) of mappings inside the range. */
    public void protect(int env, long ipa, long bytes, int perms, AccessRule rule) {
        List<Integer> ids = mappingsWithin(env, ipa, bytes);
        int ruleIdx = rule == null ? -1 : rules.intern(rule);
        if (rule != null && ruleIdx < 0) {
            throw new ControlException(ControlError.TABLE_FULL, "too many distinct access rules");
        }
        for (int id : ids) {
            int r = ruleIdx < 0 ? mAttr[id] >>> 8 : ruleIdx;
            mAttr[id] = (perms & PageGrant.ALL) | (r << 8);
            long key = BlockTable.key(env, mLevel[id], mIpa[id]);
            table.put(key, Translation.withAttributes(table.get(key), perms & PageGrant.ALL, r));
        }
        listener.changed(requestersOf(env), env, ipa, ipa + bytes, true);
    }

    private List<Integer> mappingsWithin(int env, long ipa, long bytes) {
        requireEnv(env);
        checkRange("IPA", ipa, bytes);
        TreeMap<Long, Integer> m = byIpa.get(env);
        List<Integer> ids = new ArrayList<>();
        Map.Entry<Long, Integer> first = m.lowerEntry(ipa);
        if (first != null && mIpa[first.getValue()] + mappingBytes(first.getValue()) > ipa) {
            throw partial(env, first.getValue());
        }
        for (int id : m.subMap(ipa, true, ipa + bytes, false).values()) {
            if (mIpa[id] + mappingBytes(id) > ipa + bytes) {
                throw partial(env, id);
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new ControlException(ControlError.NOT_MAPPED, String.format(
                    "nothing of '%s' is mapped in IPA 0x%x..0x%x", names[env], ipa, ipa + bytes - 1));
        }
        return ids;
    }

    private ControlException partial(int env, int id) {
        return new ControlException(ControlError.PARTIAL_MAPPING, String.format(
                "the range cuts the mapping of '%s' at IPA 0x%x..0x%x (mappings are changed whole, never split)",
                names[env], mIpa[id], mIpa[id] + mappingBytes(id) - 1));
    }

    /** Declares [paLo, paHi) shareable by the environments in {@code envs}. */
    public void share(String name, long paLo, long paHi, BitSet envs) {
        checkRange("PA", paLo, paHi - paLo);
        for (int e = envs.nextSetBit(0); e >= 0; e = envs.nextSetBit(e + 1)) {
            requireEnv(e);
        }
        shared.add(new SharedRegion(name, paLo, paHi, (BitSet) envs.clone()));
    }

    /** Makes {@code env} (or {@link #NO_ENV}) the active environment of {@code requester}: O(1) whatever its size. */
    public void switchTo(int requester, int env) {
        if (requester < 0 || requester >= MAX_REQUESTERS) {
            throw new ControlException(ControlError.BAD_REQUESTER, "requester " + requester + " is not 0..255");
        }
        if (env != NO_ENV) {
            requireEnv(env);
        }
        int old = active[requester];
        if (old == env) {
            return;
        }
        active[requester] = env;
        // The requester's view changes wherever either environment maps something: name that hull, for this
        // requester only. Keeping the extents makes this O(1) however many mappings either holds.
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        if (old != NO_ENV && exists[old]) {
            lo = extentLo[old];
            hi = extentHi[old];
        }
        if (env != NO_ENV) {
            lo = Math.min(lo, extentLo[env]);
            hi = Math.max(hi, extentHi[env]);
        }
        if (lo < hi) {
            listener.changed(InvalidationListener.requesterBit(requester), env, lo, hi, false);
        }
    }

    private void requireEnv(int env) {
        if (!exists(env)) {
            throw new ControlException(ControlError.NO_SUCH_ENVIRONMENT, "no environment " + env);
        }
    }

    private static void checkRange(String what, long addr, long bytes) {
        if (bytes <= 0 || (bytes & (PAGE - 1)) != 0) {
            throw new ControlException(ControlError.BAD_SIZE, "size 0x" + Long.toHexString(bytes)
                    + " is not a positive multiple of 4 KiB");
        }
        if ((addr & (PAGE - 1)) != 0 || addr < 0) {
            throw new ControlException(ControlError.MISALIGNED, what + " 0x" + Long.toHexString(addr)
                    + " is not 4 KiB aligned");
        }
    }

    /** Refuses a PA range another environment maps unless one shared region admits both. */
    private void checkOwnership(int env, long lo, long hi) {
        owners.forEachOverlap(lo, hi, id -> {
            int other = mEnv[id];
            if (other == env) {
                return;
            }
            long olo = Math.max(lo, mPa[id]);
            long ohi = Math.min(hi, mPa[id] + mappingBytes(id));
            if (olo >= ohi) {
                return;
            }
            for (SharedRegion s : shared) {
                if (s.covers(olo, ohi, env, other)) {
                    return;
                }
            }
            throw new ControlException(ControlError.NOT_SHARED, String.format(
                    "PA 0x%x..0x%x is already mapped by '%s' (IPA 0x%x) and no shared region admits both '%s' and '%s'",
                    olo, ohi - 1, names[other], mIpa[id] + (olo - mPa[id]), names[other], names[env]));
        });
    }
}
