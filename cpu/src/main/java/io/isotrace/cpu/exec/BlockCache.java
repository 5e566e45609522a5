package io.isotrace.cpu.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded blocks by entry address. A direct-mapped array answers most lookups with one compare; a map holds every
 * block so that an evicted slot is refilled without decoding again. Blocks are also listed by code page so that a
 * store to code, an munmap or an mprotect drops exactly the blocks affected.
 */
public final class BlockCache {
    private static final int SLOTS = 1 << 16;

    private final Block[] slots = new Block[SLOTS];
    private final Map<Long, Block> all = new HashMap<>();
    private final Map<Long, List<Block>> byPage = new HashMap<>();
    private long invalidations;

    public Block lookup(long pc) {
        int s = (int) (pc >>> 2) & (SLOTS - 1);
        Block b = slots[s];
        if (b != null && b.pc == pc) {
            return b;
        }
        b = all.get(pc);
        if (b != null) {
            slots[s] = b;
        }
        return b;
    }

    public void put(Block b) {
        all.put(b.pc, b);
        byPage.computeIfAbsent(b.ipaPage, k -> new ArrayList<>()).add(b);
        slots[(int) (b.pc >>> 2) & (SLOTS - 1)] = b;
    }

    /** Drops every block decoded from IPA pages in {@code [lo, hi)}. */
    public void invalidateIpa(long lo, long hi) {
        if (byPage.isEmpty()) {
            return;
        }
        List<Long> pages = new ArrayList<>();
        for (Long p : byPage.keySet()) {
            if (Long.compareUnsigned(p, hi) < 0 && Long.compareUnsigned(p + 4096, lo) > 0) {
                pages.add(p);
            }
        }
        for (Long p : pages) {
            for (Block b : byPage.remove(p)) {
                b.valid = false;
                all.remove(b.pc);
                int s = (int) (b.pc >>> 2) & (SLOTS - 1);
                if (slots[s] == b) {
                    slots[s] = null;
                }
                invalidations++;
            }
        }
    }

    /** Drops everything. */
    public void clear() {
        for (Block b : all.values()) {
            b.valid = false;
        }
        all.clear();
        byPage.clear();
        java.util.Arrays.fill(slots, null);
    }

    public int size() {
        return all.size();
    }

    public long invalidations() {
        return invalidations;
    }
}
