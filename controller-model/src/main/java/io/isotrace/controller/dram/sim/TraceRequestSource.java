package io.isotrace.controller.dram.sim;

import io.isotrace.trace.convert.DramRequests;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.Transaction;

/**
 * An Isotrace trace as DRAM requests: each transaction becomes one request per 64-byte line it touches, by the same
 * rule the DRAMSim3 exporter uses ({@link DramRequests}: an atomic reads then writes, cache maintenance and refused
 * accesses move nothing), at its issue time converted to cycles of the DRAM clock.
 */
public final class TraceRequestSource implements RequestSource, DramRequests.Consumer {
    private final TraceReader reader;
    private final DramRequests.AddressSource addressSource;
    private final ClockDomain dramClock;
    private final Transaction t = new Transaction();
    private final long[] addr = new long[64];
    private final boolean[] wr = new boolean[64];
    private final long[] cyc = new long[64];
    private int count;
    private int pos;

    public TraceRequestSource(TraceReader reader, DramRequests.AddressSource addressSource, ClockDomain dramClock) {
        this.reader = reader;
        this.addressSource = addressSource;
        this.dramClock = dramClock;
    }

    @Override
    public boolean next() {
        while (++pos >= count) {
            pos = -1;
            count = 0;
            if (!reader.next(t)) {
                return false;
            }
            DramRequests.expand(t, addressSource, this);
        }
        return true;
    }

    @Override
    public void request(long lineAddress, boolean write, long timePs) {
        if (count == addr.length) {
            return; // a single access spanning more than 2 KiB: the rest is beyond any real access size
        }
        addr[count] = lineAddress;
        wr[count] = write;
        cyc[count] = dramClock.psToCycles(timePs);
        count++;
    }

    @Override
    public long address() {
        return addr[pos];
    }

    @Override
    public boolean isWrite() {
        return wr[pos];
    }

    @Override
    public long cycle() {
        return cyc[pos];
    }
}
