package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * What issuing a bank command (ACT, PRE, RD, WR, ...) at a given bank does to the engine's "not before" table,
 * worked out once from the compiled table: for each command and bank, the entries it raises and by how much, and
 * the rolling windows it enters. The issue path then only walks two int arrays; there is nothing in here that a
 * timing table does not say.
 *
 * <p>Every bank command gets the same number of updates: the shorter lists are padded with updates of zero latency
 * to scratch entries that no lookup reads (each its own, since repeated read-modify-writes of one address cost more
 * than distinct ones). The loop then runs the same number of times whichever command issues.
 */
final class BankCommandPlan {
    /** Updates per bank command. */
    final int length;
    /** Per command and bank ({@code (cmd * banks + bank) * length + i}): the index in the table that update i raises. */
    final int[] target;
    /** Per command ordinal, per update: the latency it adds to the issue cycle (null for rank commands). */
    final int[][] latency;
    /** Per command ordinal: the rolling windows its issue enters (ids into the compiled table's windows). */
    final int[][] windowRecord;
    /** Per command ordinal: its window rows' window ids; {@link #windowTarget} holds what each raises. */
    final int[][] windowRow;
    /** Per command, bank and window row ({@code (cmd * banks + bank) * windowRowsMax + k}): the index it raises. */
    final int[] windowTarget;
    final int windowRowsMax;

    /**
     * @param layout where each node's entries start in the engine's table
     */
    BankCommandPlan(CompiledTable table, NodeLayout layout) {
        int nc = Command.COUNT;
        int banks = layout.banks;
        List<List<int[]>> perCommand = new ArrayList<>(); // per command: (node kind, slot, latency) updates
        int longest = 0;
        for (Command c : Command.ALL) {
            int p = c.ordinal();
            List<int[]> updates = new ArrayList<>();
            if (c.target() == Command.Target.BANK) {
                int[] kinds = {CompiledTable.CHANNEL, CompiledTable.RANK, CompiledTable.BANK_GROUP, CompiledTable.BANK};
                for (int kind = 0; kind < kinds.length; kind++) {
                    int[] f = table.mergedFollowing[kinds[kind]][p];
                    int[] l = table.mergedLatency[kinds[kind]][p];
                    for (int i = 0; i < f.length; i++) {
                        updates.add(new int[]{kind, f[i], l[i]});
                    }
                }
                int[] f = table.mergedFollowing[CompiledTable.OTHER_RANKS][p];
                int[] l = table.mergedLatency[CompiledTable.OTHER_RANKS][p];
                for (int other = 0; other < layout.ranks - 1; other++) {
                    for (int i = 0; i < f.length; i++) {
                        updates.add(new int[]{NodeLayout.OTHER_RANK + other, f[i], l[i]});
                    }
                }
                longest = Math.max(longest, updates.size());
            }
            perCommand.add(updates);
        }
        length = longest;
        target = new int[nc * banks * length];
        latency = new int[nc][];
        for (Command c : Command.ALL) {
            if (c.target() != Command.Target.BANK) {
                continue;
            }
            int p = c.ordinal();
            List<int[]> updates = perCommand.get(p);
            latency[p] = new int[length];
            for (int i = 0; i < length; i++) {
                latency[p][i] = i < updates.size() ? updates.get(i)[2] : 0;
                for (int b = 0; b < banks; b++) {
                    target[(p * banks + b) * length + i] = i < updates.size()
                            ? layout.offset(updates.get(i)[0], b) + updates.get(i)[1]
                            : layout.scratch(i);
                }
            }
        }
        // Rolling windows: every window row of a command belongs to a window the command enters.
        windowRecord = new int[nc][];
        windowRow = new int[nc][];
        int most = 0;
        List<List<int[]>> rows = new ArrayList<>(); // per command: (window id, node kind, slot)
        for (Command c : Command.ALL) {
            int p = c.ordinal();
            windowRecord[p] = c.target() == Command.Target.BANK ? table.recordInto[p] : new int[0];
            List<int[]> r = new ArrayList<>();
            if (c.target() == Command.Target.BANK) {
                for (int j : table.windowRows[p]) {
                    for (int kind : NodeLayout.kindsOf(table.scope[p][j], layout.ranks)) {
                        r.add(new int[]{table.windowId[p][j], kind, table.following[p][j]});
                    }
                }
            }
            rows.add(r);
            most = Math.max(most, r.size());
            windowRow[p] = r.stream().mapToInt(x -> x[0]).toArray();
        }
        windowRowsMax = most;
        windowTarget = new int[nc * banks * Math.max(1, most)];
        for (int p = 0; p < nc; p++) {
            List<int[]> r = rows.get(p);
            for (int b = 0; b < banks; b++) {
                for (int k = 0; k < r.size(); k++) {
                    windowTarget[(p * banks + b) * most + k] = layout.offset(r.get(k)[1], b) + r.get(k)[2];
                }
            }
        }
    }
}
