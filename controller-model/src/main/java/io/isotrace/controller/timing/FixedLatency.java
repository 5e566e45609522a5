package io.isotrace.controller.timing;

/**
 * Memory that always answers in the same time: the stand-in until the DRAM model plugs in behind the same
 * {@link MemoryTiming} seam. Separate read and write latencies, because a posted write is usually accepted sooner
 * than a read returns.
 */
public final class FixedLatency implements MemoryTiming {
    private final long readPs;
    private final long writePs;

    public FixedLatency(long readPs, long writePs) {
        if (readPs < 0 || writePs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.readPs = readPs;
        this.writePs = writePs;
    }

    public FixedLatency(long ps) {
        this(ps, ps);
    }

    @Override
    public long latencyPs(long pa, int size, boolean write, int env, int requester, boolean instruction, long arrivalPs) {
        return write ? writePs : readPs;
    }

    @Override
    public String describe() {
        return readPs == writePs ? "fixed " + readPs + " ps" : "fixed read " + readPs + " ps, write " + writePs + " ps";
    }
}
