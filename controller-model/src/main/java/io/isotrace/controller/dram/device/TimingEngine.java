package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.Organization;
import io.isotrace.controller.dram.spec.Scope;

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
 *
 * <p>The issue path of bank commands, by far the most frequent, is precomputed per command and bank
 * ({@link BankCommandPlan}) and free of branches on the data: which entries a command raises is in the plan, and
 * whether an update raises an entry is a maximum, not a test.
 */
public final class TimingEngine {
    /** "Never": the latest representable cycle. */
    public static final long NEVER = Long.MAX_VALUE / 4;
    private static final int NC = Command.COUNT;
    /** Slots per node: one per class of commands the table constrains alike. */
    private final int nk;
    private final int[] classOf;

    private final CompiledTable table;
    private final NodeLayout layout;
    private final BankCommandPlan plan;
    private final int ranks;
    private final int bankGroups;
    private final int banksPerGroup;
    private final int banksPerRank;
    private final int banks;
    private final boolean dualBus;
    private final int[] commandCycles = new int[NC];

    /**
     * "Not before" cycles of every command class at every node, in one array ({@link NodeLayout}): channel first,
     * then ranks, bank groups and banks.
     */
    private final long[] next;
    private final int rankBase;
    private final int groupBase;
    /** Per bank: the offsets of its rank's, group's and own entries in {@link #next} (no divisions on lookups). */
    private final int[] rankOff;
    private final int[] groupOff;
    private final int[] bankOff;
    private final int[] rankOfBank;
    private final int[] groupOfBank;
    /** Per command ordinal: its command-bus index, whether it targets a whole rank. */
    private final int[] busOf = new int[NC];
    private final boolean[] rankTarget = new boolean[NC];
    /** Command bus free-at cycle: [0] row (and everything on a single bus), [1] column on dual-bus devices. */
    private final long[] busFree = new long[2];
    /** The rolling windows' histories, and per window its scope. */
    private final RollingWindows windows;
    private final int[] windowScope;
    /** Per window id and bank ({@code w * banks + bank}): the node whose history a command at the bank enters. */
    private final int[] windowNode;
    /**
     * Per command ordinal, a bank command's effect on its bank's open row, without a branch:
     * {@code open = (open & KEEP) | (row & SET) | CLOSE}.
     */
    private final int[] keepRow = new int[NC];
    private final int[] setRow = new int[NC];
    private final int[] closeRow = new int[NC];

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
        nk = table.classes;
        classOf = table.classOf;
        layout = new NodeLayout(nk, ranks, bankGroups, banksPerGroup);
        rankBase = layout.rankBase;
        groupBase = layout.groupBase;
        next = new long[layout.size];
        rankOff = new int[banks];
        groupOff = new int[banks];
        bankOff = new int[banks];
        rankOfBank = new int[banks];
        groupOfBank = new int[banks];
        for (int b = 0; b < banks; b++) {
            rankOfBank[b] = b / banksPerRank;
            groupOfBank[b] = b / banksPerGroup;
            rankOff[b] = layout.offset(NodeLayout.RANK, b);
            groupOff[b] = layout.offset(NodeLayout.BANK_GROUP, b);
            bankOff[b] = layout.offset(NodeLayout.BANK, b);
        }
        plan = new BankCommandPlan(table, layout);
        for (Command c : Command.ALL) {
            int p = c.ordinal();
            commandCycles[p] = spec.standard().commandCycles(c);
            busOf[p] = dualBus && c.isColumn() ? 1 : 0;
            rankTarget[p] = c.target() == Command.Target.RANK;
            boolean opens = c == Command.ACT;
            boolean closes = c == Command.PRE || c.autoPrecharge();
            keepRow[p] = opens || closes ? 0 : -1;
            setRow[p] = opens ? -1 : 0;
            closeRow[p] = closes ? -1 : 0;
        }
        openRow = new int[banks];
        java.util.Arrays.fill(openRow, -1);
        openBanksInRank = new int[ranks];
        poweredDown = new boolean[ranks];
        int nw = table.windows.length;
        windowScope = new int[nw];
        int[] windowNodes = new int[nw];
        int[] windowSizes = new int[nw];
        int[] windowLatencies = new int[nw];
        for (int w = 0; w < nw; w++) {
            windowScope[w] = table.windows[w].scope().ordinal();
            windowNodes[w] = nodesOf(table.windows[w].scope());
            windowSizes[w] = table.windows[w].window();
            windowLatencies[w] = table.windows[w].latency();
        }
        windows = new RollingWindows(windowNodes, windowSizes, windowLatencies);
        windowNode = new int[nw * banks];
        for (int w = 0; w < nw; w++) {
            for (int b = 0; b < banks; b++) {
                windowNode[w * banks + b] = nodeIndex(windowScope[w], rankOfBank[b], groupOfBank[b], b);
            }
        }
    }

    private int nodesOf(Scope s) {
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
     * The least gap the table puts between {@code preceding} issued at a bank and {@code following} at the same bank:
     * the largest latency of its rows from the one to the other at the channel, rank, bank-group or bank scope (all
     * of which cover the bank), 0 when none. The earliest cycle for {@code following} there is never sooner than
     * this after {@code preceding}, whatever else happens.
     */
    public int sameBankGap(Command preceding, Command following) {
        int p = preceding.ordinal();
        int f = classOf[following.ordinal()];
        int gap = 0;
        for (int scope : new int[]{CompiledTable.CHANNEL, CompiledTable.RANK, CompiledTable.BANK_GROUP,
                CompiledTable.BANK}) {
            int[] fo = table.mergedFollowing[scope][p];
            for (int i = 0; i < fo.length; i++) {
                if (fo[i] == f) {
                    gap = Math.max(gap, table.mergedLatency[scope][p][i]);
                }
            }
        }
        return gap;
    }

    /**
     * {@link #earliest} for a bank command given by ordinal: the maximum over its bank, bank group, rank and channel
     * entries and its command bus, with no test on the command.
     */
    public long bankCommandEarliest(int cmd, int bank) {
        int k = classOf[cmd];
        long[] n = next;
        long t = Math.max(n[bankOff[bank] + k], n[groupOff[bank] + k]);
        t = Math.max(t, Math.max(n[rankOff[bank] + k], n[k]));
        return Math.max(t, busFree[busOf[cmd]]);
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

    /** Issues a command the caller has already checked ({@link #legal}, and {@link #earliest} not after now). */
    public void issueUnchecked(Command cmd, int bank, int row, long now) {
        lastIssue = now;
        int p = cmd.ordinal();
        busFree[busOf[p]] = now + commandCycles[p];
        if (rankTarget[p]) {
            issueRankCommand(cmd, p, bank, row, now);
            return;
        }
        BankCommandPlan pl = plan;
        long[] n = next;
        int[] rec = pl.windowRecord[p];
        if (rec.length > 0) {
            // Rolling windows (tFAW): enter this issue into their histories, then apply the window rows.
            for (int w : rec) {
                windows.record(w, windowNode[w * banks + bank], now);
            }
            int[] rows = pl.windowRow[p];
            int wbase = (p * banks + bank) * pl.windowRowsMax;
            for (int k = 0; k < rows.length; k++) {
                int idx = pl.windowTarget[wbase + k];
                n[idx] = Math.max(n[idx], windows.opens(rows[k], windowNode[rows[k] * banks + bank]));
            }
        }
        // A bank command: the plan's updates, each an unconditional store of the maximum (whether an update
        // raises an entry is data; a mispredicted branch per update cost more than the store).
        int[] target = pl.target;
        int[] lat = pl.latency[p];
        int base = (p * banks + bank) * pl.length;
        for (int i = 0; i < lat.length; i++) {
            int idx = target[base + i];
            n[idx] = Math.max(n[idx], now + lat[i]);
        }
        // The open row, also without a branch on the command.
        int rank = rankOfBank[bank];
        int before = openRow[bank];
        int after = (before & keepRow[p]) | (row & setRow[p]) | closeRow[p];
        openRow[bank] = after;
        openBanksInRank[rank] += (~after >>> 31) - (~before >>> 31);
    }

    /** A rank command (PREA, REF, PDE, PDX): rare, so the table is walked as it is. */
    private void issueRankCommand(Command cmd, int p, int bank, int row, long now) {
        CompiledTable tb = table;
        int rank = rankOfBank[bank];
        int group = groupOfBank[bank];
        for (int w : tb.recordInto[p]) {
            windows.record(w, nodeIndex(windowScope[w], rank, group, bank), now);
        }
        for (int j : tb.windowRows[p]) {
            int s = tb.scope[p][j];
            raiseAt(s, bank, rank, tb.following[p][j], windows.opens(tb.windowId[p][j], nodeIndex(s, rank, group, bank)));
        }
        long[] n = next;
        raiseAll(n, 0, tb.mergedFollowing[CompiledTable.CHANNEL][p], tb.mergedLatency[CompiledTable.CHANNEL][p], now);
        raiseAll(n, rankOff[bank], tb.mergedFollowing[CompiledTable.RANK][p], tb.mergedLatency[CompiledTable.RANK][p],
                now);
        for (int r = 0; r < ranks; r++) {
            if (r != rank) {
                raiseAll(n, rankBase + r * nk, tb.mergedFollowing[CompiledTable.OTHER_RANKS][p],
                        tb.mergedLatency[CompiledTable.OTHER_RANKS][p], now);
            }
        }
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
        updateRankState(cmd, rank);
    }

    private static void raiseAll(long[] n, int base, int[] following, int[] latency, long now) {
        for (int i = 0; i < following.length; i++) {
            raise(n, base + following[i], now + latency[i]);
        }
    }

    /** Raises one following command's "not before" at a rank command's window row's scope: all of the rank's nodes. */
    private void raiseAt(int s, int bank, int rank, int f, long t) {
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
            for (int g = rank * bankGroups; g < (rank + 1) * bankGroups; g++) {
                raise(n, groupBase + g * nk + f, t);
            }
        } else {
            for (int b = rank * banksPerRank; b < (rank + 1) * banksPerRank; b++) {
                raise(n, bankOff[b] + f, t);
            }
        }
    }

    /** The node of a window's scope a command at this bank belongs to (its index among that scope's nodes). */
    private static int nodeIndex(int scope, int rank, int group, int bank) {
        if (scope == CompiledTable.CHANNEL) {
            return 0;
        } else if (scope == CompiledTable.RANK || scope == CompiledTable.OTHER_RANKS) {
            return rank;
        } else if (scope == CompiledTable.BANK_GROUP) {
            return group;
        }
        return bank;
    }

    private static void raise(long[] a, int i, long t) {
        if (t > a[i]) {
            a[i] = t;
        }
    }

    private void updateRankState(Command cmd, int rank) {
        switch (cmd) {
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
                break; // REF changes no state the engine keeps
        }
    }
}
