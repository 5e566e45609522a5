package io.isotrace.controller.dram.sim;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.DramSystem;
import io.isotrace.controller.dram.ctrl.ChannelController;

/**
 * Drives a {@link DramSystem} from a stream of requests, as DRAMSim3's trace-based CPU does: requests enter in
 * trace order, at most one per DRAM cycle, each at its trace cycle ({@link IssueMode#SPACED}) or as soon as the
 * controller accepts it ({@link IssueMode#ASAP}); a full queue holds back the request and everything behind it.
 * Queueing and reordering then happen inside the controllers.
 */
public final class TraceSimulation {
    private final DramConfig config;
    private final IssueMode mode;
    private final long windowCycles;

    /**
     * @param windowCycles stop after this many DRAM cycles and count only what finished before (DRAMSim3's
     *                     {@code -c}); 0 to run until every request is served
     */
    public TraceSimulation(DramConfig config, IssueMode mode, long windowCycles) {
        this.config = config;
        this.mode = mode;
        this.windowCycles = windowCycles;
    }

    public SimulationResult run(RequestSource source) {
        long start = System.nanoTime();
        DramSystem sys = new DramSystem(config);
        long limit = windowCycles > 0 ? windowCycles : Long.MAX_VALUE;
        if (windowCycles > 0) {
            sys.stats().setWindowEnd(windowCycles);
        }
        long last = -1;
        long n = 0;
        while (source.next()) {
            long addr = source.address();
            boolean write = source.isWrite();
            long c = mode == IssueMode.SPACED ? Math.max(source.cycle(), last + 1) : last + 1;
            if (c >= limit) {
                break;
            }
            ChannelController ch = sys.channelOf(addr);
            ch.advanceTo(c);
            while (!ch.canAccept(write)) {
                if (!ch.step()) {
                    throw new IllegalStateException("DRAM channel stalled with a full queue");
                }
                c = Math.max(c, ch.now() + 1);
            }
            if (c >= limit) {
                break;
            }
            last = ch.admit(addr, write, n, c);
            n++;
        }
        long cycles;
        if (windowCycles > 0) {
            sys.advanceTo(limit);
            for (int i = 0; i < sys.channels(); i++) {
                sys.channel(i).closeAccounting(limit);
            }
            cycles = limit;
        } else {
            cycles = sys.finish();
        }
        return new SimulationResult(sys.stats(), cycles, n, System.nanoTime() - start);
    }
}
