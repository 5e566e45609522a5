package io.isotrace.controller.dram.ctrl;

/**
 * An indexed binary min-heap of banks keyed by the earliest cycle each bank's next command could issue. The
 * controller pops only banks whose key has come due, so a decision looks at the banks that may be ready rather
 * than at every bank with queued requests. Fixed size, no allocation.
 */
final class BankHeap {
    private final int[] heap;
    private final int[] pos;
    private final long[] key;
    private int size;

    BankHeap(int banks) {
        heap = new int[banks];
        pos = new int[banks];
        key = new long[banks];
        java.util.Arrays.fill(pos, -1);
    }

    int size() {
        return size;
    }

    boolean contains(int b) {
        return pos[b] >= 0;
    }

    /** The smallest key, or {@code none} when empty. */
    long minKey(long none) {
        return size == 0 ? none : key[heap[0]];
    }

    long key(int b) {
        return key[b];
    }

    /** Inserts {@code b} or changes its key. */
    void put(int b, long k) {
        int i = pos[b];
        if (i < 0) {
            i = size++;
            heap[i] = b;
            pos[b] = i;
            key[b] = k;
            siftUp(i);
            return;
        }
        long old = key[b];
        key[b] = k;
        if (k < old) {
            siftUp(i);
        } else if (k > old) {
            siftDown(i);
        }
    }

    /** Removes and returns the bank with the smallest key (the caller checks {@link #size} first). */
    int pop() {
        int b = heap[0];
        remove(b);
        return b;
    }

    void remove(int b) {
        int i = pos[b];
        if (i < 0) {
            return;
        }
        pos[b] = -1;
        int last = heap[--size];
        if (i == size) {
            return;
        }
        heap[i] = last;
        pos[last] = i;
        siftDown(i);
        siftUp(pos[last]);
    }

    private void siftUp(int i) {
        int b = heap[i];
        long k = key[b];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            int pb = heap[p];
            if (key[pb] <= k) {
                break;
            }
            heap[i] = pb;
            pos[pb] = i;
            i = p;
        }
        heap[i] = b;
        pos[b] = i;
    }

    private void siftDown(int i) {
        int b = heap[i];
        long k = key[b];
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int cb = heap[c];
            int r = c + 1;
            if (r < size && key[heap[r]] < key[cb]) {
                c = r;
                cb = heap[c];
            }
            if (k <= key[cb]) {
                break;
            }
            heap[i] = cb;
            pos[cb] = i;
            i = c;
        }
        heap[i] = b;
        pos[b] = i;
    }
}
