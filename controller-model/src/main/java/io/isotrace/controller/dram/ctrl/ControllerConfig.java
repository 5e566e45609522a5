package io.isotrace.controller.dram.ctrl;

import java.util.Objects;

/**
 * How a channel controller queues and schedules, one record so a configuration file maps onto it field by field.
 *
 * @param readQueue        read requests the controller accepts before it refuses more
 * @param writeQueue       write requests (the write buffer)
 * @param bankQueue        per-bank command-queue depth; 0 means one level: every accepted request is schedulable at
 *                         once (Ramulator 2, gem5). With {@code n > 0}, accepted requests wait in the read/write
 *                         queues and move to their bank's queue of {@code n} when it has room, as in DRAMSim3
 *                         ({@code trans_queue_size}, {@code cmd_queue_size})
 * @param transfersPerCycle two-level mode: requests moved from the read/write queues into bank queues per cycle
 *                         (DRAMSim3 moves one); 0 for no limit
 * @param writeHigh        start draining writes when this many are queued
 * @param writeLow         drain down to this many
 * @param writeIdle        also drain when no read is waiting and more than this many writes are queued
 * @param pagePolicy       when rows close
 * @param scheduler        FR-FCFS or FCFS
 * @param arbitration      among banks with ready commands: oldest first, or round-robin (DRAMSim3)
 * @param rowHitCap        FR-FCFS: accesses an open row may serve while an older request waits for another row of the
 *                         bank (0: no cap)
 * @param rowHitCapStrict  true: once the cap is reached only the older request's precharge may go (FR-FCFS-Cap);
 *                         false: a younger hit that is ready before that precharge still goes first (DRAMSim3)
 * @param refresh          refresh scheme
 * @param powerDown        enter precharge/active power-down when a rank has been idle {@code powerDownIdle} cycles
 * @param powerDownIdle    idle cycles before power-down entry
 * @param frontendLatency  cycles from acceptance until a request can be scheduled
 * @param backendLatency   cycles added to every read's return (PHY, return path)
 * @param epochCycles      width of one bandwidth-over-time bucket, in cycles
 */
public record ControllerConfig(int readQueue, int writeQueue, int bankQueue, int transfersPerCycle, int writeHigh, int writeLow,
                               int writeIdle, PagePolicy pagePolicy, SchedulerPolicy scheduler, Arbitration arbitration,
                               int rowHitCap, boolean rowHitCapStrict,
                               RefreshMode refresh, boolean powerDown, int powerDownIdle, int frontendLatency,
                               int backendLatency, int epochCycles) {
    public ControllerConfig {
        Objects.requireNonNull(pagePolicy, "pagePolicy");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(arbitration, "arbitration");
        Objects.requireNonNull(refresh, "refresh");
        if (readQueue < 1 || writeQueue < 1) {
            throw new IllegalArgumentException("queues need at least one entry");
        }
        if (transfersPerCycle < 0) {
            throw new IllegalArgumentException("transfersPerCycle must be 0 (no limit) or positive");
        }
        if (bankQueue < 0) {
            throw new IllegalArgumentException("bankQueue must be 0 (one level) or positive");
        }
        if (writeHigh < 1 || writeHigh > writeQueue) {
            throw new IllegalArgumentException("write high watermark must be in 1.." + writeQueue + ", got " + writeHigh);
        }
        if (writeLow < 0 || writeLow >= writeHigh) {
            throw new IllegalArgumentException("write low watermark must be in 0.." + (writeHigh - 1) + ", got "
                    + writeLow);
        }
        if (writeIdle < 0 || rowHitCap < 0 || powerDownIdle < 0 || frontendLatency < 0 || backendLatency < 0) {
            throw new IllegalArgumentException("counts and latencies must not be negative");
        }
        if (epochCycles < 1) {
            throw new IllegalArgumentException("epochCycles must be positive");
        }
    }

    /**
     * The defaults: one-level 32+32 queues, writes drained between 80 % and 20 % (Ramulator 2's watermarks), open
     * pages, FR-FCFS with a strict cap of 16 hits (gem5's max_accesses_per_row), all-bank refresh, no power-down,
     * one frontend cycle.
     */
    public static ControllerConfig defaults() {
        return new ControllerConfig(32, 32, 0, 0, 26, 6, 0, PagePolicy.OPEN, SchedulerPolicy.FRFCFS,
                Arbitration.OLDEST_FIRST, 16, true, RefreshMode.ALL_BANK, false, 100, 1, 0, 100_000);
    }

    /**
     * DRAMSim3's controller as its DDR4 ini files configure it: 32-entry read and write queues feeding per-bank
     * command queues of 8 (one request moved per cycle), writes drained when the buffer is full or when more than 8 wait and nothing else does,
     * open page, FR-FCFS with a row-hit cap of 4 within each bank and round-robin across banks, rank-staggered
     * refresh.
     */
    public static ControllerConfig dramsim3() {
        return new ControllerConfig(32, 32, 8, 1, 32, 0, 8, PagePolicy.OPEN, SchedulerPolicy.FRFCFS,
                Arbitration.ROUND_ROBIN, 4, false, RefreshMode.ALL_BANK, false, 100, 1, 0, 100_000);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters over a starting configuration, for configuration files and tests. */
    public static final class Builder {
        private int readQueue, writeQueue, bankQueue, transfersPerCycle, writeHigh, writeLow, writeIdle, rowHitCap;
        private boolean rowHitCapStrict;
        private PagePolicy pagePolicy;
        private SchedulerPolicy scheduler;
        private Arbitration arbitration;
        private RefreshMode refresh;
        private boolean powerDown;
        private int powerDownIdle, frontendLatency, backendLatency, epochCycles;

        private Builder(ControllerConfig c) {
            readQueue = c.readQueue;
            writeQueue = c.writeQueue;
            bankQueue = c.bankQueue;
            transfersPerCycle = c.transfersPerCycle;
            writeHigh = c.writeHigh;
            writeLow = c.writeLow;
            writeIdle = c.writeIdle;
            pagePolicy = c.pagePolicy;
            scheduler = c.scheduler;
            arbitration = c.arbitration;
            rowHitCap = c.rowHitCap;
            rowHitCapStrict = c.rowHitCapStrict;
            refresh = c.refresh;
            powerDown = c.powerDown;
            powerDownIdle = c.powerDownIdle;
            frontendLatency = c.frontendLatency;
            backendLatency = c.backendLatency;
            epochCycles = c.epochCycles;
        }

        public Builder readQueue(int v) { readQueue = v; return this; }
        public Builder writeQueue(int v) { writeQueue = v; return this; }
        public Builder bankQueue(int v) { bankQueue = v; return this; }
        public Builder transfersPerCycle(int v) { transfersPerCycle = v; return this; }
        public Builder writeHigh(int v) { writeHigh = v; return this; }
        public Builder writeLow(int v) { writeLow = v; return this; }
        public Builder writeIdle(int v) { writeIdle = v; return this; }
        public Builder pagePolicy(PagePolicy v) { pagePolicy = v; return this; }
        public Builder scheduler(SchedulerPolicy v) { scheduler = v; return this; }
        public Builder arbitration(Arbitration v) { arbitration = v; return this; }
        public Builder rowHitCap(int v) { rowHitCap = v; return this; }
        public Builder rowHitCapStrict(boolean v) { rowHitCapStrict = v; return this; }
        public Builder refresh(RefreshMode v) { refresh = v; return this; }
        public Builder powerDown(boolean v) { powerDown = v; return this; }
        public Builder powerDownIdle(int v) { powerDownIdle = v; return this; }
        public Builder frontendLatency(int v) { frontendLatency = v; return this; }
        public Builder backendLatency(int v) { backendLatency = v; return this; }
        public Builder epochCycles(int v) { epochCycles = v; return this; }

        public int readQueue() { return readQueue; }
        public int writeQueue() { return writeQueue; }
        public int writeHigh() { return writeHigh; }
        public int writeLow() { return writeLow; }
        public int writeIdle() { return writeIdle; }
        public int bankQueue() { return bankQueue; }
        public int transfersPerCycle() { return transfersPerCycle; }

        public ControllerConfig build() {
            return new ControllerConfig(readQueue, writeQueue, bankQueue, transfersPerCycle, writeHigh, writeLow,
                    writeIdle, pagePolicy, scheduler, arbitration, rowHitCap, rowHitCapStrict, refresh, powerDown,
                    powerDownIdle,
                    frontendLatency, backendLatency, epochCycles);
        }
    }
}
