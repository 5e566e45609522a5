package io.isotrace.controller.dram;

import io.isotrace.controller.dram.ctrl.ChannelController;
import io.isotrace.controller.dram.ctrl.RequestListener;
import io.isotrace.controller.dram.stats.DramStats;
import io.isotrace.controller.timing.MemoryTiming;
import io.isotrace.trace.record.ClockDomain;

/**
 * The DRAM model behind the controller's isolation checks, one access at a time (lockstep): each access is split
 * into the bursts it touches, enters the channel's queues at its arrival time, and the model runs until the data
 * is back. Writes are posted: the access completes when the controller accepts it (after waiting for queue room if
 * the write queue is full), and the write reaches DRAM later, competing with the reads that follow.
 *
 * <p>Time crosses the boundary in picoseconds: an arrival is rounded up to the next DRAM clock edge (the DRAM clock
 * is its own domain, independent of the CPU's), and the latency returned runs from the arrival to the clock edge of
 * the last data beat. {@link #lastLatencyCycles()} gives the same latency in DRAM cycles.
 *
 * <p>No allocation per access: completions arrive through a listener into fields.
 */
public final class DramMemoryTiming implements MemoryTiming, RequestListener {
    private final DramSystem system;
    private final ClockDomain clock;
    private final long burstBytes;
    private long tagCounter;
    private long waitingTag = -1;
    private long waitingDone = -1;
    private long lastLatencyCycles;
    private long maxDoneCycle;

    public DramMemoryTiming(DramConfig config) {
        this.system = new DramSystem(config);
        this.clock = system.clock();
        this.burstBytes = config.device().organization().burstBytes();
        system.setListener(this);
    }

    @Override
    public long latencyPs(long pa, int size, boolean write, int env, int requester, boolean instruction,
                          long arrivalPs) {
        long arrival = ceilCycle(arrivalPs);
        long first = pa & -burstBytes;
        long last = (pa + Math.max(size, 1) - 1) & -burstBytes;
        long done = arrival;
        for (long line = first; ; line += burstBytes) {
            long d = write ? postWrite(line, arrival) : read(line, arrival);
            if (d > done) {
                done = d;
            }
            if (line == last) {
                break;
            }
        }
        lastLatencyCycles = done - arrival;
        if (done > maxDoneCycle) {
            maxDoneCycle = done;
        }
        return Math.max(0, clock.cyclesToPs(done) - arrivalPs);
    }

    /** The latency of the last access in DRAM cycles (arrival edge to data edge). */
    public long lastLatencyCycles() {
        return lastLatencyCycles;
    }

    /** Reads one burst: returns the cycle its data is back. */
    private long read(long line, long arrival) {
        ChannelController ch = system.channelOf(line);
        long c = accept(ch, false, arrival);
        long tag = tagCounter++;
        waitingTag = tag;
        waitingDone = -1;
        ch.admit(line, false, tag, c);
        while (waitingDone < 0) {
            if (!ch.step()) {
                throw new IllegalStateException("DRAM channel stopped before a read completed");
            }
        }
        waitingTag = -1;
        return waitingDone;
    }

    /** Posts one burst write: returns the cycle the controller accepted it. */
    private long postWrite(long line, long arrival) {
        ChannelController ch = system.channelOf(line);
        long c = accept(ch, true, arrival);
        return ch.admit(line, true, tagCounter++, c);
    }

    /** Advances the channel to the arrival and, while its queue is full, until it has room; returns the cycle. */
    private static long accept(ChannelController ch, boolean write, long arrival) {
        long c = Math.max(arrival, ch.now() + 1);
        ch.advanceTo(c);
        while (!ch.canAccept(write)) {
            if (!ch.step()) {
                throw new IllegalStateException("DRAM channel stalled with a full queue");
            }
            c = Math.max(c, ch.now() + 1);
        }
        return c;
    }

    private long ceilCycle(long ps) {
        long c = clock.psToCycles(Math.max(0, ps));
        return clock.cyclesToPs(c) < ps ? c + 1 : c;
    }

    @Override
    public void readDone(long tag, long arrivalCycle, long doneCycle) {
        if (tag == waitingTag) {
            waitingDone = doneCycle;
        }
    }

    @Override
    public void writeDone(long tag, long arrivalCycle, long doneCycle) {
        // Posted: the requester was answered at acceptance.
    }

    public DramStats stats() {
        return system.stats();
    }

    public DramSystem system() {
        return system;
    }

    /** The DRAM cycle of the latest data returned so far (the run's length for statistics). */
    public long lastCycle() {
        return maxDoneCycle;
    }

    @Override
    public String describe() {
        return system.config().describe();
    }
}
