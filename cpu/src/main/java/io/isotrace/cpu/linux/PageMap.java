package io.isotrace.cpu.linux;

import java.util.Arrays;

/**
 * A process's page table as a map from virtual page number to IPA page number (open addressing, linear probing,
 * backward-shift deletion; no boxing). Only pages the process has touched are present: a page is entered when
 * stage 1 first translates it, which is when its frame is first used.
 */
final class PageMap {
    private static final long EMPTY = -1;

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    PageMap() {
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    /** The IPA page number of {@code vpn}, or -1. */
    long get(long vpn) {
        int mask = keys.length - 1;
        for (int i = slot(vpn, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == vpn) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    void put(long vpn, long ipn) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(vpn, mask); ; i = (i + 1) & mask) {
            if (keys[i] == vpn) {
                values[i] = ipn;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = vpn;
                values[i] = ipn;
                size++;
                return;
            }
        }
    }

    /** Removes {@code vpn}; returns its IPA page number or -1. */
    long remove(long vpn) {
        int mask = keys.length - 1;
        int i = slot(vpn, mask);
        while (keys[i] != vpn) {
            if (keys[i] == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        long v = values[i];
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        size--;
        return v;
    }

    /** The virtual page numbers present, in ascending order (a deterministic order for fork and teardown). */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] oldK = keys;
        long[] oldV = values;
        keys = new long[oldK.length * 2];
        values = new long[oldK.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldK.length; i++) {
            if (oldK[i] != EMPTY) {
                put(oldK[i], oldV[i]);
            }
        }
    }

    private static int slot(long vpn, int mask) {
        long h = vpn * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }
}
