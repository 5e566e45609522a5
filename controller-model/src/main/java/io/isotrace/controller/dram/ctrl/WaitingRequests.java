package io.isotrace.controller.dram.ctrl;

/**
 * The first level of two-level queueing (DRAMSim3's transaction queues): requests accepted but not yet moved into
 * their bank's queue, per kind (read, write). The controller moves the oldest waiting request whose bank queue has
 * room.
 *
 * <p>Requests wait in one FIFO per kind and bank, linked by request slot, so finding that request looks at one head
 * per bank with room instead of walking past every request held back by a full bank queue. Within a bank the
 * oldest is always the head; across banks the admission order decides. Nothing allocates after construction.
 */
final class WaitingRequests {
    private final int banks;
    private final int bankBits;
    /** Per kind and bank ({@code kind * banks + bank}): the oldest and newest waiting request, -1 when none. */
    private final int[] head;
    private final int[] tail;
    /** Per request slot: the next request of its FIFO, and the order in which it was admitted. */
    private final int[] next;
    private final long[] admitted;
    /** Per kind: the banks with a waiting request, one bit each. */
    private final long[][] waiting = new long[2][];
    private final int[] count = new int[2];
    private long admissions;

    WaitingRequests(int banks, int slots) {
        this.banks = banks;
        this.bankBits = Integer.numberOfTrailingZeros(banks);
        head = new int[2 * banks];
        tail = new int[2 * banks];
        java.util.Arrays.fill(head, -1);
        java.util.Arrays.fill(tail, -1);
        next = new int[slots];
        admitted = new long[slots];
        waiting[0] = new long[(banks + 63) >>> 6];
        waiting[1] = new long[(banks + 63) >>> 6];
    }

    /** Requests of this kind waiting. */
    int count(int kind) {
        return count[kind];
    }

    /** Queues request {@code req} of this kind for {@code bank}, behind every request admitted before it. */
    void add(int kind, int bank, int req) {
        int list = kind * banks + bank;
        next[req] = -1;
        admitted[req] = admissions++;
        if (tail[list] >= 0) {
            next[tail[list]] = req;
        } else {
            head[list] = req;
            waiting[kind][bank >>> 6] |= 1L << bank;
        }
        tail[list] = req;
        count[kind]++;
    }

    /**
     * Removes and returns the oldest waiting request of this kind whose bank is not set in {@code fullBanks}, or
     * returns -1 when there is none.
     */
    int takeOldest(int kind, long[] fullBanks) {
        long[] w = waiting[kind];
        long best = Long.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            long bits = w[i] & ~fullBanks[i];
            while (bits != 0) {
                int b = (i << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                // Admission order in the high bits, the bank below: one comparison without a branch per bank.
                best = Math.min(best, admitted[head[kind * banks + b]] << bankBits | b);
            }
        }
        if (best == Long.MAX_VALUE) {
            return -1;
        }
        int b = (int) (best & (banks - 1));
        int list = kind * banks + b;
        int req = head[list];
        head[list] = next[req];
        if (head[list] < 0) {
            tail[list] = -1;
            w[b >>> 6] &= ~(1L << b);
        }
        count[kind]--;
        return req;
    }
}
