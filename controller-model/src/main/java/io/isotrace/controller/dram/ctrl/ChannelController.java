package io.isotrace.controller.dram.ctrl;

import io.isotrace.controller.dram.device.TimingEngine;
import io.isotrace.controller.dram.mapping.AddressMapping;
import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.TimingParameters;
import io.isotrace.controller.dram.stats.DramStats;

/**
 * The memory controller of one channel: it accepts read and write requests into bounded queues, schedules them into
 * DRAM commands under the device's timing (a {@link TimingEngine}), refreshes, optionally powers ranks down, and
 * reports each request's completion.
 *
 * <p><b>Event-driven.</b> Time advances from one decision to the next: after each decision the controller computes
 * the earliest cycle at which any candidate command, arrival, refresh or power-down timer could act, and jumps
 * there. Idle cycles cost nothing. Timing constraints only ever push a command later, so the minimum over the other
 * candidates stays a valid lower bound after a command issues; only the bank that issued, and events that add or
 * change candidates (arrivals, a write-drain switch, rank-wide commands), need looking at again.
 *
 * <p>Each bank keeps its candidate (cached until its queue or state changes) and a lower bound on when it could
 * issue; a decision evaluates only the banks whose bound has come due, and only banks holding the kind of request
 * the current read/write mode schedules.
 *
 * <p><b>Scheduling.</b> Each bank's candidate is the next command its queued requests need: ACT when the bank is
 * closed; the column command when the oldest request hits the open row; under FR-FCFS a younger hit while the row
 * has served fewer than {@code rowHitCap} accesses (with a soft cap, also after, if it is ready before the
 * precharge); else PRE. Across banks, refresh and power-down exit go first; then, oldest-first: ready column commands
 * before ready row commands (FR-FCFS) or simply the oldest (FCFS); round-robin: the next bank in turn with a ready
 * command (DRAMSim3). Power-down entry goes last. One command per cycle per command bus.
 *
 * <p><b>No allocation per request.</b> Requests live in a fixed pool of parallel arrays linked into per-bank FIFO
 * lists by index.
 */
public final class ChannelController {
    private static final long NEVER = TimingEngine.NEVER;
    private static final int READ = 0;
    private static final int WRITE = 1;

    private final int channel;
    private final ControllerConfig cfg;
    private final TimingEngine dev;
    private final AddressMapping map;
    private final DramStats stats;
    private RequestListener listener = RequestListener.NONE;
    private final int banks;
    private final int ranks;
    private final int banksPerRank;
    /** log2(banksPerRank): bank to rank by a shift (all counts are powers of two). */
    private final int rankShift;
    private final boolean twoLevel;
    private final boolean dualBus;
    private final boolean frfcfs;
    private final boolean roundRobin;
    /** Round-robin arbitration: the bank that issued last; the search starts after it. */
    private int rrLast = -1;
    private final PagePolicy page;
    private final long readDone;
    private final long writeDone;
    private final long lineMask;
    private final TimingParameters t;

    // ---- request pool (parallel arrays) ----
    private final long[] rAddr;
    private final long[] rTag;
    private final long[] rArrival;
    private final long[] rEligible;
    private final long[] rSeq;
    private final int[] rBank;
    private final int[] rRow;
    private final int[] rType;
    private final int[] rNext;
    private final int[] rPrev;
    private final int[] freeSlots;
    private int freeTop;
    private long seqCounter;

    // ---- queues ----
    /** Two-level mode: requests accepted but not yet in a bank queue. */
    private final WaitingRequests waiting;
    /** Two-level mode: the banks whose queue is full, one bit each. */
    private final long[] fullBanks;
    /** Per bank and type (index bank * 2 + type): FIFO list of queued requests, its length, and its row hits. */
    private final int[] bHead;
    private final int[] bTail;
    private final int[] bCount;
    private final int[] bHits;
    /**
     * Banks with queued reads and with queued writes, one bit each. With one queue level a scan walks only the
     * banks of the kind the current mode schedules, so writes waiting for a drain cost reads' decisions nothing.
     */
    private final long[] activeReads;
    private final long[] activeWrites;
    /**
     * Per bank: a lower bound on when its next command could issue. Constraints only grow, so a bound stays valid
     * until the bank's candidate changes, when it is recomputed; a decision skips banks whose bound lies ahead.
     */
    private final long[] bound;
    /** Requests in the controller (transaction queues and bank queues), per type, and per rank. */
    private final int[] pending = new int[2];
    /** Requests in bank queues (both kinds). */
    private int bankQueued;
    private final int[] rankPending;
    private final LineIndex writeIndex;

    // ---- bank bookkeeping for statistics and the row-hit cap ----
    private final int[] rowAccesses;
    private final boolean[] closedForConflict;
    private final boolean[] openedByConflict;

    // ---- write drain ----
    private boolean draining;
    private int drainQuota;
    private boolean flushing;
    /** Two-level mode: the next cycle something may move from the read/write queues into bank queues. */
    private long transferAt = NEVER;

    // ---- refresh ----
    private final long[] refreshDue;
    private final boolean[] refreshPending;
    private final long[] refreshSince;
    private final int[] nextRefreshBank;
    private final boolean[] bankRefreshPending;
    private final int[] rankBankRefreshes;
    private final boolean perBank;
    private final boolean refreshOn;

    // ---- power-down ----
    private final long[] lastActivity;
    private final long[] downSince;

    // ---- time ----
    /** The cycle of the last decision made (-1 before the first). */
    private long now = -1;
    /**
     * A lower bound on the next cycle a command may issue: the minimum ready time over all candidates at the last
     * scan, lowered whenever a candidate is added or changed. Scans happen only from this cycle on.
     */
    private long scanAt = NEVER;

    // ---- per bank: its candidate, the next command its queued requests need ----
    /** The candidate's command and request (-1: none, nothing the current mode schedules). */
    private final int[] candCmd;
    private final int[] candReq;
    /** A second option: a younger row hit that may go while the capped precharge is not yet ready (else -1). */
    private final int[] altCmd;
    private final int[] altReq;
    /** The banks whose candidate still holds (their queue and state unchanged since it was computed), one bit each. */
    private final long[] candidateHolds;
    /** Scratch of a scan: the banks found ready, one bit each, and the command each would issue. */
    private final long[] readyMask;
    private final int[] selReq;
    private final int[] selCmd;
    /**
     * Per command ordinal: the least number of cycles after it that its bank's next command can follow, by the
     * timing table ({@link TimingEngine#sameBankGap}), over every command the bank may need next: a column command
     * or PRE while its row is open, ACT once it is closed.
     */
    private final int[] gapAfter = new int[Command.COUNT];
    /** The same for a bank whose row is open and no queued request hits it: its next command is PRE. */
    private final int[] gapToPrecharge = new int[Command.COUNT];
    /** log2(banks): the bank's bits in a {@link #priority} key. */
    private final int bankBits;
    private static final int[] BUS_OF = new int[Command.COUNT];
    private static final boolean[] IS_COLUMN = new boolean[Command.COUNT];

    static {
        for (Command c : Command.ALL) {
            BUS_OF[c.ordinal()] = c.bus().ordinal();
            IS_COLUMN[c.ordinal()] = c.isColumn();
        }
    }

    public ChannelController(int channel, DeviceSpec spec, ControllerConfig cfg, AddressMapping map, DramStats stats) {
        this.channel = channel;
        this.cfg = cfg;
        this.dev = new TimingEngine(spec);
        this.map = map;
        this.stats = stats;
        this.t = spec.timing();
        this.banks = dev.banks();
        this.ranks = spec.organization().ranks();
        this.banksPerRank = dev.banksPerRank();
        this.rankShift = Integer.numberOfTrailingZeros(banksPerRank);
        this.twoLevel = cfg.bankQueue() > 0;
        this.dualBus = spec.standard().dualCommandBus();
        this.frfcfs = cfg.scheduler() == SchedulerPolicy.FRFCFS;
        this.roundRobin = cfg.arbitration() == Arbitration.ROUND_ROBIN;
        this.page = cfg.pagePolicy();
        this.readDone = t.readDelay() + cfg.backendLatency();
        this.writeDone = t.writeDelay();
        this.lineMask = ~((long) spec.organization().burstBytes() - 1);
        int cap = cfg.readQueue() + cfg.writeQueue() + (twoLevel ? cfg.bankQueue() * banks : 0);
        rAddr = new long[cap];
        rTag = new long[cap];
        rArrival = new long[cap];
        rEligible = new long[cap];
        rSeq = new long[cap];
        rBank = new int[cap];
        rRow = new int[cap];
        rType = new int[cap];
        rNext = new int[cap];
        rPrev = new int[cap];
        freeSlots = new int[cap];
        for (int i = 0; i < cap; i++) {
            freeSlots[i] = cap - 1 - i;
        }
        freeTop = cap;
        bHead = new int[banks * 2];
        bTail = new int[banks * 2];
        java.util.Arrays.fill(bHead, -1);
        java.util.Arrays.fill(bTail, -1);
        bCount = new int[banks * 2];
        bHits = new int[banks * 2];
        activeReads = new long[(banks + 63) >>> 6];
        waiting = new WaitingRequests(banks, cap);
        fullBanks = new long[(banks + 63) >>> 6];
        activeWrites = new long[(banks + 63) >>> 6];
        bound = new long[banks];
        rankPending = new int[ranks];
        writeIndex = new LineIndex(cap);
        rowAccesses = new int[banks];
        candidateHolds = new long[(banks + 63) >>> 6];
        candCmd = new int[banks];
        candReq = new int[banks];
        altCmd = new int[banks];
        altReq = new int[banks];
        readyMask = new long[(banks + 63) >>> 6];
        selReq = new int[banks];
        selCmd = new int[banks];
        bankBits = Integer.numberOfTrailingZeros(banks);
        for (Command p : Command.ALL) {
            boolean open = p == Command.ACT || p == Command.RD || p == Command.WR;
            Command[] next = open ? new Command[]{Command.RD, Command.WR, Command.RDA, Command.WRA, Command.PRE}
                    : new Command[]{Command.ACT};
            int gap = Integer.MAX_VALUE;
            for (Command f : next) {
                gap = Math.min(gap, dev.sameBankGap(p, f));
            }
            gapAfter[p.ordinal()] = gap;
            gapToPrecharge[p.ordinal()] = open ? dev.sameBankGap(p, Command.PRE) : gap;
        }
        closedForConflict = new boolean[banks];
        openedByConflict = new boolean[banks];
        refreshOn = cfg.refresh() != RefreshMode.NONE;
        perBank = cfg.refresh() == RefreshMode.PER_BANK;
        if (perBank && !t.perBankRefresh()) {
            throw new IllegalArgumentException(spec.standard().name() + " has no per-bank refresh in this preset"
                    + " (tRFCpb is 0); use refresh: all-bank");
        }
        refreshDue = new long[ranks];
        refreshPending = new boolean[ranks];
        refreshSince = new long[ranks];
        nextRefreshBank = new int[ranks];
        bankRefreshPending = new boolean[banks];
        rankBankRefreshes = new int[ranks];
        for (int r = 0; r < ranks; r++) {
            // Staggered: rank r first refreshes at (r + 1) * interval / ranks (DRAMSim3 RANK_LEVEL_STAGGERED).
            long interval = perBank ? t.refiPb() : t.refi();
            refreshDue[r] = refreshOn ? (r + 1) * interval / ranks : NEVER;
        }
        lastActivity = new long[ranks];
        downSince = new long[ranks];
        scanAt = refreshOn ? minDue() : NEVER;
        nextRefreshDue = scanAt;
    }

    /**
     * Test aid: decide at every cycle instead of jumping to the next possible event. The event-driven schedule must
     * make exactly the same decisions; tests compare the two.
     */
    void setCycleByCycle(boolean on) {
        cycleByCycle = on;
    }

    private boolean cycleByCycle;
    /** The earliest refresh due time over all ranks (NEVER without refresh). */
    private long nextRefreshDue = NEVER;
    /** True while some rank has a refresh pending or is powered down: the rank-wide pass is needed. */
    private boolean attention;
    private CommandObserver observer;

    /** Sets (or with null, removes) the observer of every issued command. */
    public void setCommandObserver(CommandObserver o) {
        observer = o;
    }

    public void setListener(RequestListener l) {
        this.listener = l == null ? RequestListener.NONE : l;
    }

    public TimingEngine device() {
        return dev;
    }

    /** The cycle of the last decision made. */
    public long now() {
        return now;
    }

    /** Requests waiting in the controller (not yet served). */
    public int pendingRequests() {
        return pending[READ] + pending[WRITE];
    }

    /** True when a request of this kind would be accepted now. */
    public boolean canAccept(boolean write) {
        int type = write ? WRITE : READ;
        int limit = write ? cfg.writeQueue() : cfg.readQueue();
        return (twoLevel ? waiting.count(type) : pending[type]) < limit;
    }

    /**
     * Accepts a request at {@code cycle} (moved to just after the last decision if earlier). The caller checks
     * {@link #canAccept} first. Returns the acceptance cycle.
     */
    public long admit(long addr, boolean write, long tag, long cycle) {
        long c = Math.max(cycle, now + 1);
        // Time has reached c: settle every decision before it, then stand at c - 1, so that whatever this arrival
        // changes (a drain starting, a new candidate) takes effect at c and never in the past.
        advanceTo(c);
        now = c - 1;
        int type = write ? WRITE : READ;
        stats.accepted(write, c);
        long line = addr & lineMask;
        int queued = pending[WRITE] == 0 ? -1 : writeIndex.get(line);
        if (queued >= 0) {
            if (write) {
                stats.writeMerged(c); // the queued write will carry the newer data
                listener.writeDone(tag, c, c);
            } else {
                long done = c + Math.max(1, cfg.frontendLatency());
                stats.readForwarded(c, done);
                listener.readDone(tag, c, done);
            }
            return c;
        }
        if (freeTop == 0 || !canAccept(write)) {
            throw new IllegalStateException("channel " + channel + " queue full; check canAccept first");
        }
        int i = freeSlots[--freeTop];
        rAddr[i] = addr;
        rTag[i] = tag;
        rArrival[i] = c;
        rEligible[i] = c + cfg.frontendLatency();
        int bank = map.bankInChannel(addr);
        rBank[i] = bank;
        rRow[i] = map.row(addr);
        rType[i] = type;
        pending[type]++;
        int rank = (bank >> rankShift);
        rankPending[rank]++;
        if (c > lastActivity[rank]) {
            lastActivity[rank] = c;
        }
        if (write) {
            writeIndex.put(line, i);
        }
        if (twoLevel) {
            waiting.add(type, bank, i);
            updateDrain();
            transferAt(c);
        } else {
            appendToBank(i);
            updateDrain();
        }
        if (dev.poweredDown(rank)) {
            wakeAt(c);
        }
        stats.occupancy(channel, c, pending[READ], pending[WRITE]);
        return c;
    }

    /**
     * End of the input: from now on queued writes drain as soon as no read waits, whatever the watermarks, so that
     * every request completes.
     */
    public void flush() {
        flushing = true;
        updateDrain();
        transferAt(now + 1);
        wakeAt(now + 1);
    }

    /** Processes every decision at cycles before {@code limit}. */
    public void advanceTo(long limit) {
        while (true) {
            long n = Math.min(scanAt, transferAt);
            if (n >= limit) {
                return;
            }
            decideAt(n);
        }
    }

    /** Processes the next decision; false when nothing will ever happen (no requests, no refresh). */
    public boolean step() {
        long n = Math.min(scanAt, transferAt);
        if (n >= NEVER) {
            return false;
        }
        decideAt(n);
        return true;
    }

    /**
     * The decision at cycle {@code n}: issue the best ready command (if a scan is due), then move requests into bank
     * queues (two-level mode), in that order as DRAMSim3 issues before it schedules transactions.
     */
    private void decideAt(long n) {
        now = n;
        if (n >= scanAt) {
            scanAt = NEVER;
            long next = decide(n);
            if (cycleByCycle && (pendingRequests() > 0 || next < NEVER)) {
                next = n + 1;
            }
            if (next < scanAt) {
                scanAt = next;
            }
        }
        if (transferAt <= n) {
            transfer(n);
        }
    }

    /** Something may be ready to issue at cycle {@code c}: scan then. */
    private void wakeAt(long c) {
        if (c < scanAt) {
            scanAt = c;
        }
    }

    /** Two-level mode: requests may move into bank queues at cycle {@code c} (if any wait: else nothing would). */
    private void transferAt(long c) {
        if (twoLevel && c < transferAt && waiting.count(READ) + waiting.count(WRITE) > 0) {
            transferAt = c;
        }
    }

    // ---- queues ----

    private void linkLast(int[] head, int[] tail, int list, int i) {
        rNext[i] = -1;
        rPrev[i] = tail[list];
        if (tail[list] >= 0) {
            rNext[tail[list]] = i;
        } else {
            head[list] = i;
        }
        tail[list] = i;
    }

    private void unlink(int[] head, int[] tail, int list, int i) {
        int p = rPrev[i];
        int n = rNext[i];
        if (p >= 0) {
            rNext[p] = n;
        } else {
            head[list] = n;
        }
        if (n >= 0) {
            rPrev[n] = p;
        } else {
            tail[list] = p;
        }
    }

    private void appendToBank(int i) {
        // Age is the order requests enter the bank queues: arrival order with one level, transfer order with two
        // (a write moved in by a drain queues behind reads already there, as in DRAMSim3's per-bank queues).
        rSeq[i] = seqCounter++;
        int b = rBank[i];
        int type = rType[i];
        int list = b * 2 + type;
        boolean schedulable = twoLevel || (type == WRITE) == draining;
        int before = twoLevel ? bankLoad(b) : bCount[list];
        boolean wasIdle = bankLoad(b) == 0;
        (type == WRITE ? activeWrites : activeReads)[b >>> 6] |= 1L << b;
        linkLast(bHead, bTail, list, i);
        bCount[list]++;
        bankQueued++;
        if (twoLevel && bankLoad(b) >= cfg.bankQueue()) {
            fullBanks[b >>> 6] |= 1L << b;
        }
        boolean hit = dev.openRow(b) == rRow[i];
        if (hit) {
            bHits[list]++;
        }
        // A request joining the tail changes the bank's next command only if it is the first the current mode can
        // schedule, a row hit, or (open-adaptive) a reason to close the row; otherwise its bound stands.
        if ((schedulable && before == 0) || hit || page == PagePolicy.OPEN_ADAPTIVE || wasIdle) {
            candidateChanged(b);
            reschedule(b);
        }
    }

    private int bankLoad(int b) {
        return bCount[b * 2] + bCount[b * 2 + 1];
    }

    /**
     * Two-level mode: moves waiting requests of the current mode (reads, or writes while draining) into bank queues
     * with room, oldest first, at most {@code transfersPerCycle} per cycle; they can be scheduled from the next cycle.
     */
    private void transfer(long c) {
        transferAt = NEVER;
        int limit = cfg.transfersPerCycle() == 0 ? Integer.MAX_VALUE : cfg.transfersPerCycle();
        int moved = 0;
        int type = draining ? WRITE : READ;
        while (moved < limit) {
            int i = waiting.takeOldest(type, fullBanks);
            if (i < 0) {
                break;
            }
            if (rEligible[i] < c + 1) {
                rEligible[i] = c + 1;
            }
            appendToBank(i);
            moved++;
            if (type == WRITE && --drainQuota <= 0) {
                draining = false;
                updateDrain();
                break;
            }
        }
        if (moved > 0 && (waiting.count(READ) > 0 || waiting.count(WRITE) > 0)) {
            transferAt(c + 1); // more may move next cycle
        }
    }

    /**
     * Write-drain mode: entered when the write queue reaches the high watermark, or holds more than {@code writeIdle}
     * writes while no read waits; it then drains the writes present down to the low watermark.
     */
    private void updateDrain() {
        int writes = twoLevel ? waiting.count(WRITE) : pending[WRITE];
        if (draining) {
            if (writes == 0) {
                draining = false;
                modeChanged();
            }
            return;
        }
        boolean start = writes >= cfg.writeHigh()
                || (writes > cfg.writeIdle() && (twoLevel ? bankQueued == 0 : pending[READ] == 0))
                || (flushing && writes > 0 && pending[READ] == 0);
        if (start) {
            draining = true;
            // At the watermark: down to the low watermark. With no read waiting: every write queued (as DRAMSim3),
            // rather than one at a time while the reads stay away.
            boolean idle = writes < cfg.writeHigh();
            drainQuota = Math.max(1, idle || flushing ? writes : writes - cfg.writeLow());
            modeChanged();
        }
    }

    /**
     * The read/write mode changed: with one level it changes which requests are candidates; with two, which queue
     * feeds the bank queues.
     */
    private void modeChanged() {
        if (twoLevel) {
            transferAt(now + 1);
        } else {
            // Only the banks holding the kind now scheduled matter; the others are not scanned until it flips back
            // (then they are invalidated here) or until a request of this kind joins them (appendToBank).
            long[] mask = draining ? activeWrites : activeReads;
            for (int w = 0; w < mask.length; w++) {
                long bits = mask[w];
                while (bits != 0) {
                    int b = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    candidateChanged(b);
                    reschedule(b);
                }
            }
            wakeAt(now + 1);
        }
    }

    // ---- decisions ----

    /** Makes the decision at cycle {@code c}; returns the next cycle anything may happen. */
    private long decide(long c) {
        if (c >= nextRefreshDue) {
            markRefreshes(c);
        }
        long next;
        if (dualBus) {
            next = Math.min(selectAndIssue(c, Command.Bus.ROW), selectAndIssue(c, Command.Bus.COLUMN));
        } else {
            next = selectAndIssue(c, null);
        }
        return Math.max(c + 1, next);
    }

    private void markRefreshes(long c) {
        attention = true;
        for (int r = 0; r < ranks; r++) {
            if (refreshDue[r] > c) {
                continue;
            }
            if (perBank) {
                if (rankBankRefreshes[r] > 0) {
                    continue; // one per-bank refresh at a time per rank
                }
                int b = r * banksPerRank + nextRefreshBank[r];
                nextRefreshBank[r] = (nextRefreshBank[r] + 1) % banksPerRank;
                bankRefreshPending[b] = true;
                rankBankRefreshes[r]++;
                refreshSince[r] = refreshDue[r];
                refreshDue[r] += t.refiPb();
            } else if (!refreshPending[r]) {
                refreshPending[r] = true;
                refreshSince[r] = refreshDue[r];
                refreshDue[r] += t.refi();
            }
        }
        nextRefreshDue = minDue();
    }

    private long minDue() {
        long m = NEVER;
        for (long d : refreshDue) {
            m = Math.min(m, d);
        }
        return m;
    }

    /**
     * Refresh and power-down exit, rank by rank: issues the first ready one and returns -1, else returns the
     * earliest cycle one could go.
     */
    private long rankWide(long c) {
        long next = NEVER;
        attention = false;
        for (int r = 0; r < ranks; r++) {
            int first = r * banksPerRank;
            if (refreshPending[r] || rankBankRefreshes[r] > 0 || dev.poweredDown(r)) {
                attention = true; // still something rank-wide to finish
            }
            if (dev.poweredDown(r)) {
                if (rankPending[r] > 0 || refreshPending[r] || rankBankRefreshes[r] > 0) {
                    long e = dev.earliest(Command.PDX, first);
                    if (e <= c) {
                        issueRankCommand(Command.PDX, r, c);
                        return -1;
                    }
                    next = Math.min(next, e);
                }
            } else if (refreshPending[r]) {
                Command cmd = dev.anyOpen(r) ? Command.PREA : Command.REF;
                long e = dev.earliest(cmd, first);
                if (e <= c) {
                    issueRankCommand(cmd, r, c);
                    return -1;
                }
                next = Math.min(next, e);
            } else if (rankBankRefreshes[r] > 0) {
                for (int b = first; b < first + banksPerRank; b++) {
                    if (bankRefreshPending[b]) {
                        Command cmd = dev.isOpen(b) ? Command.PRE : Command.REFPB;
                        long e = dev.earliest(cmd, b);
                        if (e <= c) {
                            issueBankRefresh(cmd, b, c);
                            return -1;
                        }
                        next = Math.min(next, e);
                    }
                }
            }
        }
        return next;
    }

    /**
     * Evaluates the banks whose lower bound has come due at {@code c}: marks the ready ones in {@link #readyMask},
     * keeps each ready bank's command in {@link #selReq}/{@link #selCmd}, refreshes the bounds of the others, and
     * returns the best ready candidate's priority key ({@link #priority}; {@code Long.MAX_VALUE} when none). The
     * earliest bound of the banks not ready goes to {@link #scanNext}.
     */
    private long scanBanks(long c, Command.Bus bus) {
        long next = NEVER;
        long best = Long.MAX_VALUE;
        long[] reads = twoLevel || !draining ? activeReads : null;
        long[] writes = twoLevel || draining ? activeWrites : null;
        long[] bnd = bound;
        int busIdx = bus == null ? -1 : bus.ordinal();
        boolean blockedCheck = attention; // no rank is refreshing or powered down otherwise
        for (int w = 0; w < readyMask.length; w++) {
            long bits = (reads == null ? 0 : reads[w]) | (writes == null ? 0 : writes[w]);
            // First, without branches, which banks are due and the earliest bound of the others: most active banks
            // are not due, and a mispredicted branch per bank cost more than the evaluation of the due ones.
            long due = 0;
            while (bits != 0) {
                int i = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long lb = bnd[(w << 6) + i];
                long later = (c - lb) >> 63; // all ones when lb > c
                due |= (~later & 1L) << i;
                next = Math.min(next, (lb & later) | (Long.MAX_VALUE & ~later));
            }
            long ready = 0;
            while (due != 0) {
                int i = Long.numberOfTrailingZeros(due);
                due &= due - 1;
                int b = (w << 6) + i;
                int r = b >> rankShift;
                if (blockedCheck && (refreshPending[r] || bankRefreshPending[b] || dev.poweredDown(r))) {
                    bnd[b] = BLOCKED; // looked at again when the refresh or power-down ends
                    continue;
                }
                if ((candidateHolds[w] >>> i & 1) == 0) {
                    updateCandidate(b);
                }
                int req = candReq[b];
                if (req < 0) {
                    bnd[b] = BLOCKED; // nothing this mode schedules; looked at again when the mode changes
                    continue;
                }
                int cmdIdx = candCmd[b];
                if (busIdx >= 0 && BUS_OF[cmdIdx] != busIdx) {
                    continue; // the other command bus's pass takes it this cycle
                }
                long at = readyTime(b, cmdIdx, req);
                int alt = altReq[b];
                if (alt >= 0 && at > c) {
                    long altAt = readyTime(b, altCmd[b], alt);
                    if (altAt <= c || altAt < at) {
                        req = alt;
                        cmdIdx = altCmd[b];
                        at = altAt;
                    }
                }
                bnd[b] = at;
                selReq[b] = req;
                selCmd[b] = cmdIdx;
                // Ready or not, and the best so far, without branches (which way they go is data).
                long later = (c - at) >> 63; // all ones when at > c
                next = Math.min(next, (at & later) | (Long.MAX_VALUE & ~later));
                ready |= (~later & 1L) << i;
                best = Math.min(best, priority(b, req, cmdIdx) | (Long.MAX_VALUE & later));
            }
            readyMask[w] = ready;
        }
        scanNext = next;
        return best;
    }

    /** The earliest bound, found by the last {@link #scanBanks}, of the banks that were not ready. */
    private long scanNext;

    /**
     * A ready candidate's rank in the arbitration as one number, smaller first, with the bank in the low bits:
     * round-robin, the distance from the bank that issued last; FR-FCFS, column commands before row commands, then
     * age; FCFS, age.
     */
    private long priority(int b, int req, int cmd) {
        if (roundRobin) {
            return (long) ((b - rrLast - 1) & (banks - 1)) << bankBits | b;
        }
        long key = rSeq[req] << bankBits | b;
        return frfcfs && !IS_COLUMN[cmd] ? key | ROW_CLASS : key;
    }

    /** In a {@link #priority} key: a row command, which FR-FCFS ranks after every ready column command. */
    private static final long ROW_CLASS = 1L << 62;

    /**
     * Finds the best command ready at {@code c} (on {@code bus}, or any bus when null), issues it, and returns a
     * lower bound on the next cycle a decision may issue something.
     */
    private long selectAndIssue(long c, Command.Bus bus) {
        long next = nextRefreshDue > c ? nextRefreshDue : NEVER;
        boolean rowBus = bus == null || bus == Command.Bus.ROW;
        // 1. Refresh and power-down exit first (DRAMSim3 finishes a pending refresh before anything else).
        if (rowBus && attention) {
            long r = rankWide(c);
            if (r < 0) {
                return c + 1;
            }
            next = Math.min(next, r);
        }
        // 2. Requests: only banks whose lower bound has come due are evaluated.
        long best = scanBanks(c, bus);
        next = Math.min(next, scanNext);
        // 3. Power-down entry when a rank has nothing to do.
        int downRank = -1;
        if (cfg.powerDown() && rowBus) {
            for (int r = 0; r < ranks; r++) {
                if (dev.poweredDown(r) || rankPending[r] > 0 || refreshPending[r] || rankBankRefreshes[r] > 0) {
                    continue;
                }
                long e = Math.max(lastActivity[r] + cfg.powerDownIdle(), dev.earliest(Command.PDE, r * banksPerRank));
                if (e <= c && downRank < 0) {
                    downRank = r;
                } else {
                    next = Math.min(next, Math.max(e, c + 1));
                }
            }
        }
        int issuedBank = -1;
        if (best != Long.MAX_VALUE) {
            issuedBank = (int) (best & (banks - 1));
            rrLast = issuedBank;
            issueForRequest(Command.ALL[selCmd[issuedBank]], selReq[issuedBank], c);
        } else if (downRank >= 0) {
            issueRankCommand(Command.PDE, downRank, c);
        }
        // The banks that were ready and did not issue can go no earlier than the next cycle (one command per bus
        // per cycle) and may well go then; the one that issued was rescheduled by the issue itself.
        for (int w = 0; w < readyMask.length; w++) {
            long ready = readyMask[w];
            if (issuedBank >> 6 == w) {
                ready &= ~(1L << issuedBank);
            }
            if (ready != 0) {
                wakeAt(c + 1);
                while (ready != 0) {
                    int o = (w << 6) + Long.numberOfTrailingZeros(ready);
                    ready &= ready - 1;
                    bound[o] = Math.max(bound[o], c + 1);
                }
            }
        }
        if (cfg.powerDown() && (issuedBank >= 0 || downRank >= 0)) {
            // The command just issued may have left its rank idle: its power-down entry is a new event.
            next = Math.min(next, powerDownTimers(c));
        }
        return issuedBank >= 0 || downRank >= 0 ? Math.max(c + 1, next) : next;
    }

    /** The earliest cycle after {@code c} at which an idle rank may enter power-down (NEVER when none). */
    private long powerDownTimers(long c) {
        long next = NEVER;
        for (int r = 0; r < ranks; r++) {
            if (dev.poweredDown(r) || rankPending[r] > 0 || refreshPending[r] || rankBankRefreshes[r] > 0) {
                continue;
            }
            long e = Math.max(lastActivity[r] + cfg.powerDownIdle(), dev.earliest(Command.PDE, r * banksPerRank));
            next = Math.min(next, Math.max(e, c + 1));
        }
        return next;
    }

    /** Computes bank {@code b}'s candidate, which then holds until its queue or state changes. */
    private void updateCandidate(int b) {
        computeCandidate(b);
        candidateHolds[b >>> 6] |= 1L << b;
    }

    /**
     * When bank {@code b} could issue {@code cmd} for request {@code req}: the device's timing and the request's
     * eligibility. Read from the engine each time, a few loads: cheaper than caching parts of it and tracking when
     * they go stale.
     */
    private long readyTime(int b, int cmd, int req) {
        return Math.max(dev.bankCommandEarliest(cmd, b), rEligible[req]);
    }

    /**
     * Bank {@code b}'s candidate: ACT when the bank is closed; the column command when the oldest request hits the
     * open row; under FR-FCFS a younger hit while the row-hit cap allows; else PRE. None when no queued request is
     * of a kind the current mode schedules.
     */
    private void computeCandidate(int b) {
        altReq[b] = -1;
        candReq[b] = -1;
        boolean reads;
        boolean writes;
        if (twoLevel) {
            reads = bCount[b * 2] > 0;
            writes = bCount[b * 2 + 1] > 0;
        } else {
            reads = !draining && bCount[b * 2] > 0;
            writes = draining && bCount[b * 2 + 1] > 0;
        }
        if (!reads && !writes) {
            return;
        }
        int hr = reads ? bHead[b * 2] : -1;
        int hw = writes ? bHead[b * 2 + 1] : -1;
        int head = hr < 0 ? hw : (hw < 0 || rSeq[hr] < rSeq[hw] ? hr : hw);
        int open = dev.openRow(b);
        if (open < 0) {
            candCmd[b] = ACT;
            candReq[b] = head;
            return;
        }
        if (rRow[head] == open) {
            candReq[b] = head;
            candCmd[b] = columnCommand(head, b).ordinal();
            return;
        }
        int hits = (reads ? bHits[b * 2] : 0) + (writes ? bHits[b * 2 + 1] : 0);
        if (frfcfs && hits > 0) {
            int best = -1;
            if (reads) {
                best = firstHit(bHead[b * 2], open);
            }
            if (writes) {
                int w = firstHit(bHead[b * 2 + 1], open);
                if (w >= 0 && (best < 0 || rSeq[w] < rSeq[best])) {
                    best = w;
                }
            }
            if (cfg.rowHitCap() == 0 || rowAccesses[b] < cfg.rowHitCap()) {
                candReq[b] = best;
                candCmd[b] = columnCommand(best, b).ordinal();
                return;
            }
            // Cap reached: the oldest request's precharge may now go. Strict: only it. Otherwise a younger hit that
            // is ready first still goes first (first-ready, as DRAMSim3's per-bank queue scan does).
            if (!cfg.rowHitCapStrict()) {
                altReq[b] = best;
                altCmd[b] = columnCommand(best, b).ordinal();
            }
        }
        candCmd[b] = PRE;
        candReq[b] = head;
    }

    /** The earliest cycle bank {@code b}'s candidate (or its alternative) could issue; NEVER when it has none. */
    private long candidateTime(int b) {
        if ((candidateHolds[b >>> 6] & 1L << b) == 0) {
            updateCandidate(b);
        }
        int req = candReq[b];
        if (req < 0) {
            return NEVER;
        }
        long e = readyTime(b, candCmd[b], req);
        if (altReq[b] >= 0) {
            e = Math.min(e, readyTime(b, altCmd[b], altReq[b]));
        }
        return e;
    }

    /** Recomputes bank {@code b}'s lower bound on its next command, and wakes the scan then. */
    private void reschedule(int b) {
        if (bankLoad(b) == 0) {
            return;
        }
        long e = candidateTime(b);
        bound[b] = e;
        if (e < NEVER) {
            wakeAt(Math.max(e, now + 1));
        }
    }

    /** Banks that cannot act until an event (refresh end, power-up, a mode change) reschedules them. */
    private static final long BLOCKED = NEVER;

    private static final int ACT = Command.ACT.ordinal();
    private static final int PRE = Command.PRE.ordinal();
    private static final int RD = Command.RD.ordinal();
    private static final int WR = Command.WR.ordinal();
    private static final int RDA = Command.RDA.ordinal();
    private static final int WRA = Command.WRA.ordinal();

    /** Bank {@code b}'s queue or state changed: its candidate no longer holds. */
    private void candidateChanged(int b) {
        candidateHolds[b >>> 6] &= ~(1L << b);
    }

    private int firstHit(int from, int row) {
        for (int i = from; i >= 0; i = rNext[i]) {
            if (rRow[i] == row) {
                return i;
            }
        }
        return -1;
    }

    /** RD/WR or, when the page policy closes the row with this access, RDA/WRA. */
    private Command columnCommand(int req, int b) {
        boolean write = rType[req] == WRITE;
        boolean close;
        switch (page) {
            case CLOSE:
                close = true;
                break;
            case CLOSE_ADAPTIVE:
                close = bHits[b * 2] + bHits[b * 2 + 1] <= 1;
                break;
            case OPEN_ADAPTIVE:
                int hitsAll = bHits[b * 2] + bHits[b * 2 + 1];
                close = hitsAll <= 1 && bankLoad(b) - hitsAll > 0;
                break;
            default:
                close = false;
        }
        if (write) {
            return close ? Command.WRA : Command.WR;
        }
        return close ? Command.RDA : Command.RD;
    }

    // ---- issuing ----

    private void issueForRequest(Command cmd, int req, long c) {
        int b = rBank[req];
        int rank = (b >> rankShift);
        int openBefore = dev.openRow(b);
        assert dev.legal(cmd, b, rRow[req]) == null && dev.earliest(cmd, b) <= c
                : cmd + " to bank " + b + " at " + c + ": " + dev.legal(cmd, b, rRow[req]) + ", earliest "
                + dev.earliest(cmd, b);
        dev.issueUnchecked(cmd, b, rRow[req], c);
        if (observer != null) {
            observer.issued(channel, cmd, b, rRow[req], c);
        }
        candidateChanged(b);
        stats.command(cmd, channel, b, c);
        lastActivity[rank] = c;
        switch (cmd) {
            case ACT:
                openedByConflict[b] = closedForConflict[b];
                closedForConflict[b] = false;
                rowAccesses[b] = 0;
                recountHits(b);
                break;
            case PRE:
                closedForConflict[b] = true;
                bankClosed(b);
                break;
            default:
                completeColumn(cmd, req, b, openBefore, c);
                break;
        }
        // The bank's next command is looked at when it can first go: not sooner than the table's least gap after
        // this command to any command the bank may need next. Its candidate is computed then, once; computing it and
        // its exact time here too was a second evaluation of nearly every command.
        if (bankLoad(b) > 0) {
            // With no queued request hitting the open row, the next command can only be its precharge.
            boolean noHits = bHits[b * 2] + bHits[b * 2 + 1] == 0;
            long e = c + (noHits ? gapToPrecharge : gapAfter)[cmd.ordinal()];
            bound[b] = e;
            wakeAt(Math.max(e, c + 1));
        }
    }

    private void completeColumn(Command cmd, int req, int b, int openBefore, long c) {
        int type = rType[req];
        int list = b * 2 + type;
        int outcome = rowAccesses[b] > 0 ? 0 : (openedByConflict[b] ? 2 : 1);
        rowAccesses[b]++;
        unlink(bHead, bTail, list, req);
        bCount[list]--;
        bankQueued--;
        fullBanks[b >>> 6] &= ~(1L << b); // a bank queue with a request taken out has room
        if (rRow[req] == openBefore) {
            bHits[list]--;
        }
        if (cmd.autoPrecharge()) {
            closedForConflict[b] = false;
            bankClosed(b);
        }
        if (bCount[list] == 0) {
            (type == WRITE ? activeWrites : activeReads)[b >>> 6] &= ~(1L << b);
        }
        long arrival = rArrival[req];
        long done = c + (type == WRITE ? writeDone : readDone);
        stats.column(channel, b, type == WRITE, outcome, arrival, c, done);
        pending[type]--;
        rankPending[(b >> rankShift)]--;
        if (type == WRITE) {
            writeIndex.remove(rAddr[req] & lineMask, req);
            listener.writeDone(rTag[req], arrival, done);
        } else {
            listener.readDone(rTag[req], arrival, done);
        }
        freeSlots[freeTop++] = req;
        stats.occupancy(channel, c, pending[READ], pending[WRITE]);
        if (twoLevel) {
            if (!draining) {
                updateDrain();
            }
            transferAt(c);
        } else {
            if (draining && type == WRITE && --drainQuota <= 0) {
                draining = false;
                modeChanged();
            }
            updateDrain();
        }
    }

    private void bankClosed(int b) {
        bHits[b * 2] = 0;
        bHits[b * 2 + 1] = 0;
        rowAccesses[b] = 0;
    }

    private void recountHits(int b) {
        int row = dev.openRow(b);
        for (int type = 0; type < 2; type++) {
            int n = 0;
            for (int i = bHead[b * 2 + type]; i >= 0; i = rNext[i]) {
                if (rRow[i] == row) {
                    n++;
                }
            }
            bHits[b * 2 + type] = n;
        }
    }

    private void issueRankCommand(Command cmd, int r, long c) {
        int first = r * banksPerRank;
        assert dev.legal(cmd, first, -1) == null && dev.earliest(cmd, first) <= c : cmd + " to rank " + r + " at " + c;
        dev.issueUnchecked(cmd, first, -1, c);
        if (observer != null) {
            observer.issued(channel, cmd, first, -1, c);
        }
        stats.command(cmd, channel, first, c);
        switch (cmd) {
            case PREA:
                for (int b = first; b < first + banksPerRank; b++) {
                    closedForConflict[b] = false;
                    bankClosed(b);
                    candidateChanged(b);
                }
                break;
            case REF:
                refreshPending[r] = false;
                stats.refreshStall(c + t.rfc() - refreshSince[r]);
                lastActivity[r] = c + t.rfc();
                break;
            case PDE:
                downSince[r] = c;
                attention = true;
                break;
            case PDX:
                stats.poweredDown(c - downSince[r]);
                lastActivity[r] = c;
                break;
            default:
                break;
        }
        // Rank-wide commands open or close banks, or unblock them: every bank of the rank is looked at again.
        for (int b = first; b < first + banksPerRank; b++) {
            if (cmd == Command.PREA) {
                candidateChanged(b);
            }
            reschedule(b);
        }
        wakeAt(c + 1);
    }

    private void issueBankRefresh(Command cmd, int b, long c) {
        assert dev.legal(cmd, b, -1) == null && dev.earliest(cmd, b) <= c : cmd + " to bank " + b + " at " + c;
        dev.issueUnchecked(cmd, b, -1, c);
        if (observer != null) {
            observer.issued(channel, cmd, b, -1, c);
        }
        stats.command(cmd, channel, b, c);
        int r = (b >> rankShift);
        candidateChanged(b);
        if (cmd == Command.PRE) {
            closedForConflict[b] = false;
            bankClosed(b);
        } else {
            bankRefreshPending[b] = false;
            rankBankRefreshes[r]--;
            stats.refreshStall(c + t.rfcPb() - refreshSince[r]);
            lastActivity[r] = c + t.rfcPb();
        }
        reschedule(b);
        wakeAt(c + 1);
    }

    /** Brings power-down accounting up to {@code cycle} for ranks still down (end of a run). */
    public void closeAccounting(long cycle) {
        for (int r = 0; r < ranks; r++) {
            if (dev.poweredDown(r)) {
                stats.poweredDown(cycle - downSince[r]);
                downSince[r] = cycle;
            }
        }
    }
}
