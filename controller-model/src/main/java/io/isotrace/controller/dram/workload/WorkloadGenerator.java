package io.isotrace.controller.dram.workload;

import io.isotrace.controller.dram.sim.RequestArrays;

import java.util.SplittableRandom;

/**
 * Generates the validation workloads deterministically (a seeded {@link SplittableRandom}): the same arguments
 * always give the same requests, so Isotrace and DRAMSim3 see identical traces.
 */
public final class WorkloadGenerator {
    /** The span random and strided addresses cover: 4 GiB. */
    public static final long SPAN = 4L << 30;
    private static final long LINE = 64;
    private static final long ARRAY_GAP = 1L << 30;

    private final Workload workload;
    private final long interval;
    private final long stride;
    private final long seed;

    /**
     * @param interval DRAM cycles between consecutive requests' arrival times (the spacing of a spaced trace)
     * @param stride   bytes between strided accesses (a multiple of 64)
     */
    public WorkloadGenerator(Workload workload, long interval, long stride, long seed) {
        if (interval < 0) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        if (stride <= 0 || stride % LINE != 0) {
            throw new IllegalArgumentException("stride must be a positive multiple of 64 bytes");
        }
        this.workload = workload;
        this.interval = interval;
        this.stride = stride;
        this.seed = seed;
    }

    public WorkloadGenerator(Workload workload, long interval) {
        this(workload, interval, 2048, 42);
    }

    /** Generates {@code n} requests. */
    public RequestArrays generate(int n) {
        RequestArrays out = new RequestArrays(n);
        SplittableRandom rnd = new SplittableRandom(seed);
        long streamOffset = 0;
        int streamPhase = 0;
        long strideAddr = 0;
        for (int i = 0; i < n; i++) {
            long cycle = i * interval;
            Workload w = workload;
            if (w == Workload.MIX) {
                w = rnd.nextBoolean() ? Workload.STREAM : Workload.RANDOM;
            }
            switch (w) {
                case STREAM:
                    out.add(streamPhase * ARRAY_GAP + streamOffset, streamPhase == 2, cycle);
                    if (++streamPhase == 3) {
                        streamPhase = 0;
                        streamOffset = (streamOffset + LINE) % ARRAY_GAP;
                    }
                    break;
                case RANDOM:
                    out.add(rnd.nextLong(SPAN / LINE) * LINE, rnd.nextInt(3) == 0, cycle);
                    break;
                default:
                    out.add(strideAddr, rnd.nextInt(3) == 0, cycle);
                    strideAddr = (strideAddr + stride) % SPAN;
                    break;
            }
        }
        return out;
    }
}
