package io.isotrace.controller.env;

import io.isotrace.controller.policy.CheckCost;

import java.util.Arrays;

/**
 * The translation entries of every environment in one open-addressing hash: key (environment, block size, block
 * number) to a packed {@link Translation}. Linear probing with backward-shift deletion, so there are no tombstones.
 *
 * <p>Slots are interleaved in one {@code long[]}: slot i is {@code slots[2i]} (key) and {@code slots[2i + 1]} (its
 * translation), 16 bytes, so a hit reads one cache line and the walk needs nothing else (the modelled hardware
 * entry is 16 bytes too). Keys are never 0 (the size field is stored plus one), so 0 marks an empty slot. At most
 * half the slots are used.
 */
public final class BlockTable {
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private long[] slots;
    private int mask;
    private int shift;
    private int size;

    public BlockTable(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int cap) {
        slots = new long[2 * cap];
        mask = cap - 1;
        shift = 64 - Integer.numberOfTrailingZeros(cap);
        size = 0;
    }

    /** The key of the block of size {@code level} holding {@code ipa} in {@code env} (IPA below 2^48). */
    public static long key(int env, int level, long ipa) {
        return ((long) (level + 1) << 61) | ((long) env << 44) | (ipa >>> SHIFT[level]);
    }

    private static final int[] SHIFT = new int[BlockSize.ALL.length];

    static {
        for (BlockSize b : BlockSize.ALL) {
            SHIFT[b.ordinal()] = b.shift();
        }
    }

    /**
     * The home slot of {@code key}: the top bits of a Fibonacci (multiplicative) hash, which depend on every bit of
     * the key. (Masking the low bits of the product would ignore the environment field entirely, so the same IPA in
     * many environments would pile into one probe run.)
     */
    private int home(long key) {
        return (int) ((key * PHI) >>> shift);
    }

    /** The translation stored under {@code key}, or {@link Translation#NONE}. */
    public long get(long key) {
        long[] s = slots;
        int m = mask;
        int i = home(key);
        while (true) {
            long k = s[2 * i];
            if (k == key) {
                return s[2 * i + 1];
            }
            if (k == 0) {
                return Translation.NONE;
            }
            i = (i + 1) & m;
        }
    }

    /**
     * {@link #get}, counting each slot probed as one 16-byte walk read at {@code tablesBase + 16 * slot} (the slots
     * actually read: from the home slot to the hit or the empty slot that ends the run).
     */
    public long walk(long key, CheckCost cost, long tablesBase) {
        long[] s = slots;
        int m = mask;
        int i = home(key);
        while (true) {
            cost.read(tablesBase + 16L * i);
            long k = s[2 * i];
            if (k == key) {
                return s[2 * i + 1];
            }
            if (k == 0) {
                return Translation.NONE;
            }
            i = (i + 1) & m;
        }
    }

    /** Slots read to find {@code key} (a walk's memory reads); at least 1. */
    public int probes(long key) {
        int i = home(key);
        int n = 1;
        while (slots[2 * i] != key && slots[2 * i] != 0) {
            i = (i + 1) & mask;
            n++;
        }
        return n;
    }

    /** Stores {@code value} (not {@link Translation#NONE}) under {@code key}, replacing what was there. */
    public void put(long key, long value) {
        if (key == 0 || value == Translation.NONE) {
            throw new IllegalArgumentException("key and value must not be 0");
        }
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int i = home(key);
        while (slots[2 * i] != 0 && slots[2 * i] != key) {
            i = (i + 1) & mask;
        }
        if (slots[2 * i] == 0) {
            size++;
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
    }

    /** Removes {@code key}; returns whether it was there. */
    public boolean remove(long key) {
        int i = home(key);
        while (slots[2 * i] != key) {
            if (slots[2 * i] == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward shift: move later entries of the same probe run into the hole.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = slots[2 * j];
            if (k == 0) {
                break;
            }
            int h = home(k);
            boolean between = hole <= j ? (h > hole && h <= j) : (h > hole || h <= j);
            if (!between) {
                slots[2 * hole] = k;
                slots[2 * hole + 1] = slots[2 * j + 1];
                hole = j;
            }
        }
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
        return true;
    }

    public int size() {
        return size;
    }

    /** Slots (each 16 bytes). */
    public int capacity() {
        return mask + 1;
    }

    private void grow() {
        long[] old = slots;
        allocate(2 * (mask + 1));
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                put(old[i], old[i + 1]);
            }
        }
    }

    public void clear() {
        Arrays.fill(slots, 0);
        size = 0;
    }
}
