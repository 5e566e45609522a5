package io.isotrace.trace.util;

/**
 * A set of longs by open addressing with linear probing: no boxing, one array, for counting distinct pages over
 * traces of hundreds of millions of records. Long.MIN_VALUE marks an empty slot, so it cannot be a member.
 */
public final class LongHashSet {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots;
    private int size;
    private int mask;

    public LongHashSet() {
        this(1024);
    }

    public LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap];
        java.util.Arrays.fill(slots, EMPTY);
        mask = cap - 1;
    }

    /** Adds {@code v}; true when it was not yet present. */
    public boolean add(long v) {
        if (v == EMPTY) {
            throw new IllegalArgumentException("Long.MIN_VALUE cannot be stored");
        }
        int i = mix(v) & mask;
        while (true) {
            long s = slots[i];
            if (s == v) {
                return false;
            }
            if (s == EMPTY) {
                slots[i] = v;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long v) {
        int i = mix(v) & mask;
        while (true) {
            long s = slots[i];
            if (s == v) {
                return v != EMPTY;
            }
            if (s == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes {@code v}; true when it was present. Backward-shift deletion keeps probe chains intact. */
    public boolean remove(long v) {
        int i = mix(v) & mask;
        while (true) {
            long s = slots[i];
            if (s == EMPTY) {
                return false;
            }
            if (s == v) {
                break;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long s = slots[j];
            if (s == EMPTY) {
                break;
            }
            int home = mix(s) & mask;
            // Move s into the gap when its home is not cyclically within (gap, j].
            boolean between = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!between) {
                slots[gap] = s;
                gap = j;
            }
        }
        slots[gap] = EMPTY;
        size--;
        return true;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
