package io.isotrace.controller.dram.device;

/**
 * The history the rolling-window rows of a timing table need (tFAW: at most four ACTs in any tFAW): per window and
 * node, the last {@code size} issue times, in a ring, all windows in two flat arrays.
 *
 * <p>Rings start full of {@link #NOT_ISSUED}, an issue time far in the past, so a window that has not yet seen
 * {@code size} issues "opens" long ago: the engine takes the maximum with it and needs no test.
 */
final class RollingWindows {
    static final long NOT_ISSUED = -(1L << 60);
    private final int[] size;
    private final int[] latency;
    /** Ring capacity - 1 (a power of two): no division on the issue path. */
    private final int[] mask;
    private final int[] timesBase;
    private final int[] countBase;
    private final long[] times;
    private final int[] count;
    private final int spare;

    /**
     * @param nodes    per window: how many nodes keep a history (1 for a channel, ranks for a rank window, ...)
     * @param sizes    per window: how many issues it counts
     * @param latencies per window: how long after the oldest of them the next may issue
     */
    RollingWindows(int[] nodes, int[] sizes, int[] latencies) {
        int n = nodes.length + 1;
        spare = nodes.length;
        size = new int[n];
        latency = new int[n];
        mask = new int[n];
        timesBase = new int[n];
        countBase = new int[n];
        int timesSize = 0;
        int countSize = 0;
        for (int w = 0; w < n; w++) {
            int nodesOf = w == spare ? 1 : nodes[w];
            size[w] = w == spare ? 1 : sizes[w];
            latency[w] = w == spare ? 0 : latencies[w];
            mask[w] = Integer.highestOneBit(Math.max(1, size[w] * 2 - 1)) - 1;
            timesBase[w] = timesSize;
            countBase[w] = countSize;
            timesSize += nodesOf * (mask[w] + 1);
            countSize += nodesOf;
        }
        times = new long[timesSize];
        java.util.Arrays.fill(times, NOT_ISSUED);
        count = new int[countSize];
    }

    /** The window that constrains nothing (node 0 only), for padding. */
    int spare() {
        return spare;
    }

    /** Enters an issue at {@code now} into window {@code w}'s history at {@code node}. */
    void record(int w, int node, long now) {
        int ci = countBase[w] + node;
        int c = count[ci];
        times[timesBase[w] + node * (mask[w] + 1) + (c & mask[w])] = now;
        count[ci] = c + 1;
    }

    /**
     * The cycle window {@code w} next opens at {@code node}: {@code latency} after the oldest of the last
     * {@code size} issues (far in the past while fewer have been issued).
     */
    long opens(int w, int node) {
        int c = count[countBase[w] + node];
        return times[timesBase[w] + node * (mask[w] + 1) + ((c - size[w]) & mask[w])] + latency[w];
    }
}
