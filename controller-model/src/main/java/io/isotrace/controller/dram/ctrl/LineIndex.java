package io.isotrace.controller.dram.ctrl;

import java.util.Arrays;

/**
 * Which queued write holds a line: an open-addressing map from line address to request slot, fixed capacity, no
 * allocation after construction (linear probing, deletion by backward shift so no tombstones accumulate). Lets
 * writes to a queued line merge and reads of a queued line be answered from the write queue, as DRAMSim3's and
 * gem5's controllers do.
 */
final class LineIndex {
    private static final long EMPTY = -1L;
    private final long[] keys;
    private final int[] values;
    private final int mask;

    LineIndex(int maxEntries) {
        int size = Integer.highestOneBit(Math.max(4, maxEntries * 4 - 1)) << 1;
        keys = new long[size];
        values = new int[size];
        mask = size - 1;
        Arrays.fill(keys, EMPTY);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** The slot stored for {@code key}, or -1. */
    int get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    void put(long key, int value) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key || k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key} if it maps to {@code value}. */
    void remove(long key, int value) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                return;
            }
            if (k == key) {
                if (values[i] != value) {
                    return;
                }
                break;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later entries of the probe run into the hole.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == EMPTY) {
                break;
            }
            int home = slot(k);
            boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                keys[hole] = k;
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
    }
}
