package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.Organization;
import io.isotrace.controller.dram.spec.TimingConstraint;

/**
 * The one generic engine that enforces any standard's timing table on one channel: it knows, for every command and
 * bank, the earliest cycle the command may issue, and refuses a command that is early or illegal in the bank's
 * state. Nothing here is specific to a standard: the rows of {@link DeviceSpec#constraints()} say everything.
 *
 * <p>Timing is kept per node of the hierarchy, as Ramulator 2 keeps it: issuing a command raises the "not before"
 * cycle of each following command at the channel, the rank (or the other ranks), the bank group or the bank it
 * constrains; the earliest cycle of a command at a bank is the maximum over its four nodes and its command bus.
 * Work is proportional to commands issued, never to cycles elapsed. Rolling-window rows (tFAW) keep the last
 * {@code window} issue times per node.
 *
 * <p>Bank state is the row buffer (open row or closed) and the rank's power state; the engine rejects an ACT to an
 * open bank, a column command to a closed bank or another row, a refresh with open banks, any command but PDX to a
 * powered-down rank.
 */
public final class TimingEngine {
    /** "Never": the latest representable cycle. */
    public static final long NEVER = Long.MAX_VALUE / 4;
    private static final int NC = Command.COUNT;
    /** Slots per node: one per class of commands the table constrains alike. */
    private final int nk;
    private final int[] classOf;

    private final CompiledTable table;
    private final int ranks;
    private final int bankGroups;
    private final int banksPerGroup;
    private final int banksPerRank;
    private final int banks;
    private final boolean dualBus;
    private final int[] commandCycles = new int[NC];

    /**
     * "Not before" cycles of every command at every node, in one array so a lookup touches few cache lines:
     * channel first, then ranks, bank groups and banks, {@code Command.COUNT} entries each.
     */
    private final long[] next;
    private final int rankBase;
    private final int groupBase;
    private final int bankBase;
    /** Per bank: the offsets of its rank's, group's and own entries in {@link #next} (no divisions on lookups). */
    private final int[] rankOff;
    private final int[] groupOff;
    private final int[] bankOff;
    private final int[] rankOfBank;
    private final int[] groupOfBank;
    /** Per command ordinal: its command-bus index, whether it targets a whole rank. */
    private final int[] busOf = new int[NC];
    private final boolean[] rankTarget = new boolean[NC];
    /** Per command ordinal: whether issuing it changes bank or rank state (RD and WR do not). */
    private final boolean[] changesState = new boolean[NC];
    /** Per rolling window: its scope, size and latency, unpacked from the table for the issue path. */
    private final int[] windowScope;
    private final int[] windowSize;
    private final int[] windowLatency;
    /** Per rolling window: ring capacity - 1 (a power of two, so no division on the issue path). */
    private final int[] windowMask;
    /** Per bank, four entries: the offsets in {@link #next} of its channel, rank, bank-group and own nodes. */
    private final int[] nodeOffsets;
    private static final int SLOT_MASK = (1 << CompiledTable.SLOT_BITS) - 1;
    /** Command bus free-at cycle: [0] row (and everything on a single bus), [1] column on dual-bus devices. */
    private final long[] busFree = new long[2];
    /** Rolling windows: per window id, per node, the last {@code window} issue times (a ring) and how many so far. */
    private final long[][] windowTimes;
    private final int[][] windowCount;

    private final int[] openRow;
    private final int[] openBanksInRank;
    private final boolean[] poweredDown;
    private long lastIssue = -1;

    public TimingEngine(DeviceSpec spec) {
        Organization o = spec.organization();
        this.table = new CompiledTable(spec.constraints());
        this.ranks = o.ranks();
        this.bankGroups = o.bankGroups();
        this.banksPerGroup = o.banksPerGroup();
        this.banksPerRank = o.banksPerRank();
        this.banks = o.banksPerChannel();
        this.dualBus = spec.standard().dualCommandBus();
        for (Command c : Command.ALL) {
            commandCycles[c.ordinal()] = spec.standard().commandCycles(c);
        }
        nk = table.classes;
        classOf = table.classOf;
        rankBase = nk;
        groupBase = rankBase + ranks * nk;
        bankBase = groupBase + ranks * bankGroups * nk;
        next = new long[bankBase + banks * nk];
        rankOff = new int[banks];
        groupOff = new int[banks];
        bankOff = new int[banks];
        rankOfBank = new int[banks];
        groupOfBank = new int[banks];
        for (int b = 0; b < banks; b++) {
            rankOfBank[b] = b / banksPerRank;
            groupOfBank[b] = b / banksPerGroup;
            rankOff[b] = rankBase + (b / banksPerRank) * nk;
            groupOff[b] = groupBase + (b / banksPerGroup) * nk;
            bankOff[b] = bankBase + b * nk;
        }
        nodeOffsets = new int[banks * 4];
        for (int b = 0; b < banks; b++) {
            nodeOffsets[b * 4 + 1] = rankOff[b];
            nodeOffsets[b * 4 + 2] = groupOff[b];
            nodeOffsets[b * 4 + 3] = bankOff[b];
        }
        openRow = new int[banks];
        java.util.Arrays.fill(openRow, -1);
        openBanksInRank = new int[ranks];
        poweredDown = new boolean[ranks];
        for (Command c : Command.ALL) {
            busOf[c.ordinal()] = dualBus && c.isColumn() ? 1 : 0;
            rankTarget[c.ordinal()] = c.target() == Command.Target.RANK;
            changesState[c.ordinal()] = c != Command.RD && c != Command.WR;
        }
        windowScope = new int[table.windows.length];
        windowSize = new int[table.windows.length];
        windowLatency = new int[table.windows.length];
        windowMask = new int[table.windows.length];
        for (int w = 0; w < table.windows.length; w++) {
            windowScope[w] = table.windows[w].scope().ordinal();
            windowSize[w] = table.windows[w].window();
            windowLatency[w] = table.windows[w].latency();
            windowMask[w] = Integer.highestOneBit(Math.max(1, table.windows[w].window() * 2 - 1)) - 1;
        }
        windowTimes = new long[table.windows.length][];
        windowCount = new int[table.windows.length][];
        for (int w = 0; w < table.windows.length; w++) {
            TimingConstraint c = table.windows[w];
            int nodes = nodesOf(c.scope());
            int cap = Integer.highestOneBit(Math.max(1, c.window() * 2 - 1));
            windowTimes[w] = new long[nodes * cap];
            windowCount[w] = new int[nodes];
        }
    }

    private int nodesOf(io.isotrace.controller.dram.spec.Scope s) {
        switch (s) {
            case CHANNEL:
                return 1;
            case RANK:
            case OTHER_RANKS:
                return ranks;
            case BANK_GROUP:
                return ranks * bankGroups;
            default:
                return banks;
        }
    }

    public int banks() {
        return banks;
    }

    public int banksPerRank() {
        return banksPerRank;
    }

    public int rankOf(int bank) {
        return rankOfBank[bank];
    }

    public int groupOf(int bank) {
        return bank / banksPerGroup;
    }

    /** The open row of a bank, or -1 when it is closed (precharged). */
    public int openRow(int bank) {
        return openRow[bank];
    }

    public boolean isOpen(int bank) {
        return openRow[bank] >= 0;
    }

    /** True when any bank of the rank has an open row. */
    public boolean anyOpen(int rank) {
        return openBanksInRank[rank] > 0;
    }

    public boolean poweredDown(int rank) {
        return poweredDown[rank];
    }

    /**
     * The earliest cycle {@code cmd} may issue to {@code bank} (any bank of the rank for rank commands) as far as
     * timing goes; legality in the bank's state is {@link #legal}.
     */
    public long earliest(Command cmd, int bank) {
        int c = classOf[cmd.ordinal()];
        long[] n = next;
        long t = n[bankOff[bank] + c];
        long g = n[groupOff[bank] + c];
        if (g > t) {
            t = g;
        }
        long r = n[rankOff[bank] + c];
        if (r > t) {
            t = r;
        }
        long ch = n[c];
        if (ch > t) {
            t = ch;
        }
        long bus = busFree[dualBus && cmd.isColumn() ? 1 : 0];
        if (bus > t) {
            t = bus;
        }
        if (cmd == Command.PREA || cmd == Command.REF) {
            // A rank command waits for every bank's own constraints too (a table may give bank-scope rows for it).
            int first = rankOfBank[bank] * banksPerRank;
            for (int b = first; b < first + banksPerRank; b++) {
                long v = n[bankOff[b] + c];
                if (v > t) {
                    t = v;
                }
                long gv = n[groupOff[b] + c];
                if (gv > t) {
                    t = gv;
                }
            }
        }
        return t;
    }

    /**
     * The bank's own part of {@link #earliest} for a bank command: the bank and bank-group nodes. Changes only when a
     * command issues to the same bank group (or a rank command to the rank), so callers may cache it until then.
     */
    public long bankLevel(int cmd, int bank) {
        int k = classOf[cmd];
        long t = next[bankOff[bank] + k];
        long g = next[groupOff[bank] + k];
        return g > t ? g : t;
    }

    /**
     * The shared part of {@link #earliest} for a bank command: the rank, the channel and the command bus. The
     * earliest cycle is {@code max(bankLevel, rankLevel)}.
     */
    public long rankLevel(int cmd, int rank) {
        int k = classOf[cmd];
        long t = next[rankBase + rank * nk + k];
        long ch = next[k];
        if (ch > t) {
            t = ch;
        }
        long bus = busFree[busOf[cmd]];
        return bus > t ? bus : t;
    }

    public int banksPerGroup() {
        return banksPerGroup;
    }

    /** Null when {@code cmd} to {@code bank} (row {@code row} for ACT and column commands) is legal now, else why not. */
    public String legal(Command cmd, int bank, int row) {
        int rank = bank / banksPerRank;
        if (poweredDown[rank]) {
            return cmd == Command.PDX ? null : "rank " + rank + " is powered down";
        }
        switch (cmd) {
            case ACT:
                return openRow[bank] < 0 ? null : "bank " + bank + " already has row " + openRow[bank] + " open";
            case PRE:
                return openRow[bank] >= 0 ? null : "bank " + bank + " is already closed";
            case RD:
            case WR:
            case RDA:
            case WRA:
                if (openRow[bank] < 0) {
                    return "bank " + bank + " is closed";
                }
                return openRow[bank] == row ? null : "bank " + bank + " has row " + openRow[bank] + " open, not " + row;
            case REF:
                return openBanksInRank[rank] == 0 ? null : "rank " + rank + " has open banks";
            case REFPB:
                return openRow[bank] < 0 ? null : "bank " + bank + " is open";
            case PDX:
                return "rank " + rank + " is not powered down";
            default:
                return null; // PREA, PDE
        }
    }

    /** True when {@code cmd} is legal and its timing allows it at {@code now}. */
    public boolean canIssue(Command cmd, int bank, int row, long now) {
        return legal(cmd, bank, row) == null && earliest(cmd, bank) <= now;
    }

    /**
     * Issues a command, refusing one that is illegal or early: the check tests rely on to show a command one cycle
     * before its constraint is rejected.
     */
    public void issue(Command cmd, int bank, int row, long now) {
        String why = legal(cmd, bank, row);
        if (why != null) {
            throw new IllegalStateException(cmd + " at cycle " + now + ": " + why);
        }
        long e = earliest(cmd, bank);
        if (e > now) {
            throw new IllegalStateException(cmd + " to bank " + bank + " at cycle " + now + " is early: allowed from "
                    + e);
        }
        if (now < lastIssue) {
            throw new IllegalStateException(cmd + " at cycle " + now + " is before the last command at " + lastIssue);
        }
        issueUnchecked(cmd, bank, row, now);
    }

    /** Issues a command the caller has already checked with {@link #canIssue}. */
    public void issueUnchecked(Command cmd, int bank, int row, long now) {
        lastIssue = now;
        int p = cmd.ordinal();
        int rank = rankOfBank[bank];
        busFree[busOf[p]] = now + commandCycles[p];
        long[] n = next;
        CompiledTable tb = table;
        if (tb.recordInto[p].length > 0) {
            applyWindows(p, bank, rank, now);
        }
        if (rankTarget[p]) {
            raiseForRankCommand(p, rank, bank, now);
        } else {
            // Plain rows, merged per scope: all four scopes of a bank command in one pass over one packed list.
            int[] off = nodeOffsets;
            int b4 = bank << 2;
            for (int e : tb.bankProgram[p]) {
                int idx = off[b4 + ((e >>> CompiledTable.NODE_SHIFT) & 3)] + (e & SLOT_MASK);
                // An unconditional store of the maximum: whether a row raises the bound is data-dependent, and a
                // mispredicted branch per row cost more than the store.
                n[idx] = Math.max(n[idx], now + (e >>> CompiledTable.LATENCY_SHIFT));
            }
        }
        int[] other = tb.otherRankProgram[p];
        if (other.length > 0) {
            for (int r = 0; r < ranks; r++) {
                if (r != rank) {
                    int base = rankBase + r * nk;
                    for (int e : other) {
                        int idx = base + (e & SLOT_MASK);
                        n[idx] = Math.max(n[idx], now + (e >>> CompiledTable.SLOT_BITS));
                    }
                }
            }
        }
        if (changesState[p]) {
            updateState(cmd, bank, rank, row);
        }
    }

    /** Rolling windows (tFAW): records this issue, then applies the window rows. */
    private void applyWindows(int p, int bank, int rank, long now) {
        CompiledTable tb = table;
        boolean rankCommand = rankTarget[p];
        int group = groupOfBank[bank];
        for (int w : tb.recordInto[p]) {
            record(w, nodeIndex(windowScope[w], rank, group, bank), now);
        }
        for (int j : tb.windowRows[p]) {
            int s = tb.scope[p][j];
            long t = windowOpens(tb.windowId[p][j], nodeIndex(s, rank, group, bank));
            if (t >= 0) {
                raiseAt(s, rankCommand, bank, rank, tb.following[p][j], t);
            }
        }
    }

    /** The plain rows of a rank command: its channel and rank nodes and every bank group and bank of the rank. */
    private void raiseForRankCommand(int p, int rank, int bank, long now) {
        long[] n = next;
        CompiledTable tb = table;
        raiseAll(n, 0, tb.mergedFollowing[CompiledTable.CHANNEL][p], tb.mergedLatency[CompiledTable.CHANNEL][p], now);
        raiseAll(n, rankOff[bank], tb.mergedFollowing[CompiledTable.RANK][p], tb.mergedLatency[CompiledTable.RANK][p],
                now);
        int[] gf = tb.mergedFollowing[CompiledTable.BANK_GROUP][p];
        int[] gl = tb.mergedLatency[CompiledTable.BANK_GROUP][p];
        for (int g = rank * bankGroups; g < (rank + 1) * bankGroups; g++) {
            raiseAll(n, groupBase + g * nk, gf, gl, now);
        }
        int[] bf = tb.mergedFollowing[CompiledTable.BANK][p];
        int[] bl = tb.mergedLatency[CompiledTable.BANK][p];
        for (int b = rank * banksPerRank; b < (rank + 1) * banksPerRank; b++) {
            raiseAll(n, bankOff[b], bf, bl, now);
        }
    }

    private static void raiseAll(long[] n, int base, int[] following, int[] latency, long now) {
        for (int i = 0; i < following.length; i++) {
            int idx = base + following[i];
            long t = now + latency[i];
            if (t > n[idx]) {
                n[idx] = t;
            }
        }
    }

    /** Raises one following command's "not before" at a row's scope (used for rolling-window rows). */
    private void raiseAt(int s, boolean rankCommand, int bank, int rank, int f, long t) {
        long[] n = next;
        if (s == CompiledTable.CHANNEL) {
            raise(n, f, t);
        } else if (s == CompiledTable.RANK) {
            raise(n, rankOff[bank] + f, t);
        } else if (s == CompiledTable.OTHER_RANKS) {
            for (int r = 0; r < ranks; r++) {
                if (r != rank) {
                    raise(n, rankBase + r * nk + f, t);
                }
            }
        } else if (s == CompiledTable.BANK_GROUP) {
            if (rankCommand) {
                for (int g = rank * bankGroups; g < (rank + 1) * bankGroups; g++) {
                    raise(n, groupBase + g * nk + f, t);
                }
            } else {
                raise(n, groupOff[bank] + f, t);
            }
        } else if (rankCommand) {
            for (int b = rank * banksPerRank; b < (rank + 1) * banksPerRank; b++) {
                raise(n, bankOff[b] + f, t);
            }
        } else {
            raise(n, bankOff[bank] + f, t);
        }
    }

    private int nodeIndex(int scope, int rank, int group, int bank) {
        if (scope == CompiledTable.CHANNEL) {
            return 0;
        } else if (scope == CompiledTable.RANK || scope == CompiledTable.OTHER_RANKS) {
            return rank;
        } else if (scope == CompiledTable.BANK_GROUP) {
            return group;
        }
        return bank;
    }

    /** Enters an issue into a rolling window's history (a ring of the last {@code window} issue times per node). */
    private void record(int w, int node, long now) {
        int mask = windowMask[w];
        int count = windowCount[w][node];
        windowTimes[w][node * (mask + 1) + (count & mask)] = now;
        windowCount[w][node] = count + 1;
    }

    /**
     * The cycle a rolling window next opens: {@code latency} after the oldest of the last {@code window} issues, or
     * -1 while fewer than {@code window} have been issued.
     */
    private long windowOpens(int w, int node) {
        int size = windowSize[w];
        int count = windowCount[w][node];
        if (count < size) {
            return -1;
        }
        int mask = windowMask[w];
        return windowTimes[w][node * (mask + 1) + ((count - size) & mask)] + windowLatency[w];
    }

    private static void raise(long[] a, int i, long t) {
        if (t > a[i]) {
            a[i] = t;
        }
    }

    private void updateState(Command cmd, int bank, int rank, int row) {
        switch (cmd) {
            case ACT:
                openRow[bank] = row;
                openBanksInRank[rank]++;
                break;
            case PRE:
            case RDA:
            case WRA:
                if (openRow[bank] >= 0) {
                    openRow[bank] = -1;
                    openBanksInRank[rank]--;
                }
                break;
            case PREA:
                for (int b = rank * banksPerRank; b < (rank + 1) * banksPerRank; b++) {
                    openRow[b] = -1;
                }
                openBanksInRank[rank] = 0;
                break;
            case PDE:
                poweredDown[rank] = true;
                break;
            case PDX:
                poweredDown[rank] = false;
                break;
            default:
                break;
        }
    }
}
