package io.isotrace.controller.dram.stats;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.trace.record.ClockDomain;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a DRAM run measured, for all channels together: per-request latency histograms (in DRAM cycles, reported in
 * cycles and picoseconds), row-buffer outcomes, commands, per-bank activity, bandwidth over time, queue occupancy,
 * refresh and power-down time. Recording never allocates (the bandwidth series grows by doubling, once per
 * thousands of epochs).
 *
 * <p>Counting follows DRAMSim3 where it has a counterpart, so the two can be compared directly: a row hit is a
 * column command to a row that has already served one since its activation; read latency runs from acceptance by
 * the controller to the last data beat; only events before {@link #windowEnd()} count.
 */
public final class DramStats {
    private final DeviceSpec spec;
    private final ClockDomain clock;
    private final int channels;
    private final int banksPerChannel;
    private final int burstBytes;
    private final long epochCycles;
    private long windowEnd = Long.MAX_VALUE;

    private final Histogram readLatency = new Histogram(1L << 40, 3);
    private final Histogram writeLatency = new Histogram(1L << 40, 3);
    /**
     * The per-request records below are indexed by kind (0 read, 1 write) and row outcome (0 hit, 1 miss,
     * 2 conflict) rather than chosen by tests: which way such a test goes is data, and mispredicted.
     */
    private final Histogram[] latencyOf = {readLatency, writeLatency};
    private final long[] completed = new long[2];
    private final long[] rowOutcomes = new long[3];
    private long readsAccepted;
    private long writesAccepted;
    private long readsForwarded;
    private long writesMerged;
    private final long[] commands = new long[Command.COUNT];
    private final long[] bankActivates;
    /** Per kind, per channel and bank: column commands. */
    private final long[][] bankColumns = new long[2][];
    private long refreshStallCycles;
    private long powerDownCycles;
    private long[] epochBytes = new long[64];
    private int epochs;
    private long lastDataCycle;

    private final long[] occLast;
    private final long[] occRead;
    private final long[] occWrite;
    /** Per channel: queue occupancy summed over cycles (exact integers; the averages divide once at the end). */
    private final long[] readIntegral;
    private final long[] writeIntegral;
    private long maxRead;
    private long maxWrite;

    public DramStats(DeviceSpec spec, long epochCycles) {
        this.spec = spec;
        this.clock = spec.timing().clock();
        this.channels = spec.organization().channels();
        this.banksPerChannel = spec.organization().banksPerChannel();
        this.burstBytes = spec.organization().burstBytes();
        this.epochCycles = epochCycles;
        bankActivates = new long[channels * banksPerChannel];
        bankColumns[0] = new long[channels * banksPerChannel];
        bankColumns[1] = new long[channels * banksPerChannel];
        occLast = new long[channels];
        occRead = new long[channels];
        occWrite = new long[channels];
        readIntegral = new long[channels];
        writeIntegral = new long[channels];
    }

    /** Events at or after this cycle are not counted (DRAMSim3's fixed-length runs: {@code -c CYCLES}). */
    public void setWindowEnd(long cycle) {
        windowEnd = cycle;
    }

    public long windowEnd() {
        return windowEnd;
    }

    // ---- recording (called by the channel controllers) ----

    public void accepted(boolean write, long cycle) {
        if (cycle < windowEnd) {
            if (write) {
                writesAccepted++;
            } else {
                readsAccepted++;
            }
        }
    }

    public void readForwarded(long arrival, long done) {
        if (done < windowEnd) {
            readsForwarded++;
            completed[0]++;
            readLatency.recordValue(done - arrival);
        }
    }

    public void writeMerged(long cycle) {
        if (cycle < windowEnd) {
            writesMerged++;
        }
    }

    public void command(Command c, int channel, int bank, long cycle) {
        if (cycle >= windowEnd) {
            return;
        }
        commands[c.ordinal()]++;
        bankActivates[channel * banksPerChannel + bank] += c == Command.ACT ? 1 : 0;
    }

    /** A column command for one request; {@code outcome} 0 hit, 1 miss, 2 conflict. */
    public void column(int channel, int bank, boolean write, int outcome, long arrival, long issue, long done) {
        int kind = write ? 1 : 0;
        if (issue < windowEnd) {
            rowOutcomes[outcome]++;
            bankColumns[kind][channel * banksPerChannel + bank]++;
        }
        if (done < windowEnd) {
            completed[kind]++;
            latencyOf[kind].recordValue(done - arrival);
            long epoch = done / epochCycles;
            if (epoch >= epochBytes.length) {
                epochBytes = Arrays.copyOf(epochBytes, (int) Math.max(epoch + 1, epochBytes.length * 2L));
            }
            epochBytes[(int) epoch] += burstBytes;
            if (epoch + 1 > epochs) {
                epochs = (int) epoch + 1;
            }
            lastDataCycle = Math.max(lastDataCycle, done);
        }
    }

    public void refreshStall(long cycles) {
        refreshStallCycles += cycles;
    }

    public void poweredDown(long cycles) {
        powerDownCycles += cycles;
    }

    /** Queue occupancy of one channel changed at {@code cycle} to the given counts. */
    public void occupancy(int channel, long cycle, int reads, int writes) {
        // Called on every arrival and completion: integer arithmetic and maxima, no branches on the data.
        long c = Math.min(cycle, windowEnd);
        long dt = Math.max(0, c - occLast[channel]);
        readIntegral[channel] += occRead[channel] * dt;
        writeIntegral[channel] += occWrite[channel] * dt;
        occLast[channel] = Math.max(occLast[channel], c);
        occRead[channel] = reads;
        occWrite[channel] = writes;
        maxRead = Math.max(maxRead, reads);
        maxWrite = Math.max(maxWrite, writes);
    }

    // ---- results ----

    public DeviceSpec spec() {
        return spec;
    }

    public Histogram readLatency() {
        return readLatency;
    }

    public Histogram writeLatency() {
        return writeLatency;
    }

    public long readsCompleted() {
        return completed[0];
    }

    public long writesCompleted() {
        return completed[1];
    }

    public long readsAccepted() {
        return readsAccepted;
    }

    public long writesAccepted() {
        return writesAccepted;
    }

    public long rowHits() {
        return rowOutcomes[0];
    }

    public long rowMisses() {
        return rowOutcomes[1];
    }

    public long rowConflicts() {
        return rowOutcomes[2];
    }

    public long commands(Command c) {
        return commands[c.ordinal()];
    }

    /** Row hits over column commands (DRAMSim3: (num_read_row_hits + num_write_row_hits) / column commands). */
    public double rowHitRate() {
        long col = rowHits() + rowMisses() + rowConflicts();
        return col == 0 ? 0 : (double) rowHits() / col;
    }

    public double averageReadLatencyCycles() {
        return readLatency.getTotalCount() == 0 ? 0 : readLatency.getMean();
    }

    /** The cycle of the last data beat counted. */
    public long lastDataCycle() {
        return lastDataCycle;
    }

    /** Bytes moved on the data buses by completed requests over {@code cycles} DRAM cycles, in bytes per second. */
    public double bandwidth(long cycles) {
        if (cycles <= 0) {
            return 0;
        }
        return (double) (readsCompleted() - readsForwarded + writesCompleted()) * burstBytes * clock.hz() / cycles;
    }

    /**
     * Bandwidth as DRAMSim3 computes {@code average_bandwidth}: reads returned plus writes accepted (DRAMSim3 returns
     * writes as soon as it buffers them), times the request size, over the run's cycles; in bytes per second.
     */
    public double dramsim3Bandwidth(long cycles) {
        if (cycles <= 0) {
            return 0;
        }
        return (double) (readsCompleted() + writesAccepted) * burstBytes * clock.hz() / cycles;
    }

    public double peakBandwidth() {
        return spec.peakBytesPerSecond();
    }

    /** Bytes moved in each epoch, in order (the bandwidth-over-time series). */
    public long[] epochBytes() {
        return Arrays.copyOf(epochBytes, epochs);
    }

    public long epochCycles() {
        return epochCycles;
    }

    public long refreshStallCycles() {
        return refreshStallCycles;
    }

    public long powerDownCycles() {
        return powerDownCycles;
    }

    public long bankActivates(int channel, int bank) {
        return bankActivates[channel * banksPerChannel + bank];
    }

    public long bankReads(int channel, int bank) {
        return bankColumns[0][channel * banksPerChannel + bank];
    }

    public long bankWrites(int channel, int bank) {
        return bankColumns[1][channel * banksPerChannel + bank];
    }

    /** Time-averaged read-queue occupancy over all channels (sum over channels) up to {@code cycles}. */
    public double averageReadOccupancy(long cycles) {
        long s = 0;
        for (long v : readIntegral) {
            s += v;
        }
        return cycles <= 0 ? 0 : (double) s / cycles;
    }

    public double averageWriteOccupancy(long cycles) {
        long s = 0;
        for (long v : writeIntegral) {
            s += v;
        }
        return cycles <= 0 ? 0 : (double) s / cycles;
    }

    /** Brings every channel's occupancy integral up to {@code cycle} (call before reading the averages). */
    public void closeOccupancy(long cycle) {
        for (int ch = 0; ch < channels; ch++) {
            occupancy(ch, cycle, (int) occRead[ch], (int) occWrite[ch]);
        }
    }

    public long maxReadOccupancy() {
        return maxRead;
    }

    public long maxWriteOccupancy() {
        return maxWrite;
    }

    public ClockDomain clock() {
        return clock;
    }

    /** A nested map of every statistic, for JSON and text reports; {@code cycles} is the run length. */
    public Map<String, Object> toMap(long cycles) {
        closeOccupancy(cycles);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", spec.name());
        m.put("clock_hz", clock.hz());
        m.put("cycles", cycles);
        m.put("time_ps", clock.cyclesToPs(cycles));
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("reads_accepted", readsAccepted);
        req.put("writes_accepted", writesAccepted);
        req.put("reads_completed", readsCompleted());
        req.put("writes_completed", writesCompleted());
        req.put("reads_forwarded_from_write_queue", readsForwarded);
        req.put("writes_merged", writesMerged);
        m.put("requests", req);
        m.put("read_latency", latencyMap(readLatency));
        m.put("write_latency", latencyMap(writeLatency));
        Map<String, Object> rb = new LinkedHashMap<>();
        rb.put("hits", rowHits());
        rb.put("misses", rowMisses());
        rb.put("conflicts", rowConflicts());
        rb.put("hit_rate", round(rowHitRate()));
        m.put("row_buffer", rb);
        Map<String, Object> bw = new LinkedHashMap<>();
        bw.put("bytes_per_s", round(bandwidth(cycles)));
        bw.put("gb_per_s", round(bandwidth(cycles) / 1e9));
        bw.put("dramsim3_style_gb_per_s", round(dramsim3Bandwidth(cycles) / 1e9));
        bw.put("peak_gb_per_s", round(peakBandwidth() / 1e9));
        bw.put("utilisation", round(bandwidth(cycles) / peakBandwidth()));
        bw.put("epoch_cycles", epochCycles);
        long[] eb = epochBytes();
        double[] gbps = new double[eb.length];
        for (int i = 0; i < eb.length; i++) {
            gbps[i] = round((double) eb[i] * clock.hz() / epochCycles / 1e9);
        }
        bw.put("gb_per_s_by_epoch", gbps);
        m.put("bandwidth", bw);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("read_average", round(averageReadOccupancy(cycles)));
        q.put("read_max", maxRead);
        q.put("write_average", round(averageWriteOccupancy(cycles)));
        q.put("write_max", maxWrite);
        m.put("queue_occupancy", q);
        Map<String, Object> cmd = new LinkedHashMap<>();
        for (Command c : Command.ALL) {
            cmd.put(c.name(), commands[c.ordinal()]);
        }
        m.put("commands", cmd);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("refresh_commands", commands[Command.REF.ordinal()] + commands[Command.REFPB.ordinal()]);
        ref.put("stall_cycles", refreshStallCycles);
        m.put("refresh", ref);
        m.put("power_down_cycles", powerDownCycles);
        Map<String, Object> banks = new LinkedHashMap<>();
        for (int ch = 0; ch < channels; ch++) {
            long[] act = new long[banksPerChannel];
            long[] rd = new long[banksPerChannel];
            long[] wr = new long[banksPerChannel];
            for (int b = 0; b < banksPerChannel; b++) {
                act[b] = bankActivates(ch, b);
                rd[b] = bankReads(ch, b);
                wr[b] = bankWrites(ch, b);
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("activates", act);
            one.put("reads", rd);
            one.put("writes", wr);
            banks.put("channel_" + ch, one);
        }
        m.put("per_bank", banks);
        return m;
    }

    private Map<String, Object> latencyMap(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return m;
        }
        m.put("mean_cycles", round(h.getMean()));
        m.put("mean_ps", round(h.getMean() * 1e12 / clock.hz()));
        for (double p : new double[]{50, 90, 99, 99.9}) {
            long v = h.getValueAtPercentile(p);
            String k = "p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p).replace('.', '_'));
            m.put(k + "_cycles", v);
            m.put(k + "_ps", clock.cyclesToPs(v));
        }
        m.put("min_cycles", h.getMinValue());
        m.put("max_cycles", h.getMaxValue());
        m.put("max_ps", clock.cyclesToPs(h.getMaxValue()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
