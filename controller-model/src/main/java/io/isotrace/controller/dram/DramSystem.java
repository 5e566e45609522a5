package io.isotrace.controller.dram;

import io.isotrace.controller.dram.ctrl.ChannelController;
import io.isotrace.controller.dram.ctrl.RequestListener;
import io.isotrace.controller.dram.mapping.AddressMapping;
import io.isotrace.controller.dram.stats.DramStats;
import io.isotrace.trace.record.ClockDomain;

/**
 * A whole memory: the address mapping, one controller per channel, and the statistics they share. Channels are
 * independent, so each advances lazily to the time its next request needs; {@link #finish} brings them all level.
 */
public final class DramSystem {
    private final DramConfig config;
    private final AddressMapping mapping;
    private final DramStats stats;
    private final ChannelController[] channels;

    public DramSystem(DramConfig config) {
        this.config = config;
        this.mapping = new AddressMapping(config.device().organization(), config.mapping(), config.xorBanks());
        this.stats = new DramStats(config.device(), config.controller().epochCycles());
        int n = config.device().organization().channels();
        channels = new ChannelController[n];
        for (int ch = 0; ch < n; ch++) {
            channels[ch] = new ChannelController(ch, config.device(), config.controller(), mapping, stats);
        }
    }

    public DramConfig config() {
        return config;
    }

    public AddressMapping mapping() {
        return mapping;
    }

    public DramStats stats() {
        return stats;
    }

    public ClockDomain clock() {
        return stats.clock();
    }

    public int channels() {
        return channels.length;
    }

    public ChannelController channel(int ch) {
        return channels[ch];
    }

    /** The controller of the channel {@code addr} maps to. */
    public ChannelController channelOf(long addr) {
        return channels[mapping.channel(addr)];
    }

    public void setListener(RequestListener l) {
        for (ChannelController c : channels) {
            c.setListener(l);
        }
    }

    public int pendingRequests() {
        int n = 0;
        for (ChannelController c : channels) {
            n += c.pendingRequests();
        }
        return n;
    }

    /** Processes every channel's decisions before {@code cycle}. */
    public void advanceTo(long cycle) {
        for (ChannelController c : channels) {
            c.advanceTo(cycle);
        }
    }

    /**
     * Serves every queued request (writes drained), and returns the cycle after the last data beat; channels stop at
     * their last request, refreshes that fall after it are not simulated.
     */
    public long finish() {
        for (ChannelController c : channels) {
            c.flush();
            while (c.pendingRequests() > 0) {
                if (!c.step()) {
                    throw new IllegalStateException("DRAM channel stalled with requests queued");
                }
            }
        }
        long end = stats.lastDataCycle() + 1;
        for (ChannelController c : channels) {
            c.closeAccounting(end);
        }
        return end;
    }
}
