package io.isotrace.controller.env;

import java.util.Arrays;

/**
 * The translation entries of every environment in one open-addressing hash: key (environment, block size, block
 * number) to mapping id. Linear probing with backward-shift deletion, so there are no tombstones and a lookup reads
 * a handful of adjacent longs. Keys are never 0 (the size field is stored plus one), so 0 marks an empty slot.
 */
public final class BlockTable {
    private long[] keys;
    private int[] ids;
    private int mask;
    private int shift;
    private int size;

    public BlockTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        ids = new int[cap];
        mask = cap - 1;
        shift = 64 - Integer.numberOfTrailingZeros(cap);
    }

    /** The key of the block of size {@code level} holding {@code ipa} in {@code env} (IPA below 2^48). */
    public static long key(int env, int level, long ipa) {
        return ((long) (level + 1) << 61) | ((long) env << 44) | (ipa >>> BlockSize.ALL[level].shift());
    }

    /**
     * The home slot of {@code key}: the top bits of a Fibonacci (multiplicative) hash, which depend on every bit of
     * the key. (Masking the low bits of the product would ignore the environment field entirely, so the same IPA in
     * many environments would pile into one probe run.)
     */
    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The slot holding {@code key}, or -1. Also the walk's read position, for timing. */
    public int slotOf(long key) {
        int i = home(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Slots read to find {@code key} (a walk's memory reads); at least 1. */
    public int probes(long key) {
        int i = home(key);
        int n = 1;
        while (keys[i] != key && keys[i] != 0) {
            i = (i + 1) & mask;
            n++;
        }
        return n;
    }

    public int idAt(int slot) {
        return ids[slot];
    }

    public int get(long key) {
        int s = slotOf(key);
        return s < 0 ? -1 : ids[s];
    }

    public void put(long key, int id) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = home(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        ids[i] = id;
    }

    public void remove(long key) {
        int i = slotOf(key);
        if (i < 0) {
            return;
        }
        size--;
        // Backward shift: move later entries of the same probe run into the hole.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == 0) {
                break;
            }
            int home = home(k);
            boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                keys[hole] = k;
                ids[hole] = ids[j];
                hole = j;
            }
        }
        keys[hole] = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return keys.length;
    }

    private void grow() {
        long[] ok = keys;
        int[] oi = ids;
        keys = new long[ok.length * 2];
        ids = new int[ok.length * 2];
        mask = keys.length - 1;
        shift = 64 - Integer.numberOfTrailingZeros(keys.length);
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], oi[i]);
            }
        }
    }

    public void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }
}
