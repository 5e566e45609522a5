package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.Scope;
import io.isotrace.controller.dram.spec.TimingConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * A standard's constraint table turned inside out for the engine: for each preceding command, flat arrays of what
 * issuing it does (scope, following command, latency, rolling window). Built once per device; the engine's
 * {@link BankCommandPlan} is made from it, and rank commands walk it as it is.
 */
final class CompiledTable {
    /** Per preceding command ordinal: the updates issuing it makes (following as a class, see {@link #classOf}). */
    final int[][] scope;
    final int[][] following;
    final int[][] latency;
    /** Index into {@link #windows} for rolling-window rows, else -1. */
    final int[][] windowId;
    /** The windowed constraints, indexed by windowId. */
    final TimingConstraint[] windows;
    /** Per preceding command ordinal: the windows whose history an issue of it enters (once per issue). */
    final int[][] recordInto;

    /**
     * The plain (window 1) rows again, grouped by scope and merged: per preceding command and scope, each following
     * command once with the largest latency. This is what issuing applies; the flat arrays above keep the table's
     * rows for rolling windows.
     */
    final int[][][] mergedFollowing = new int[io.isotrace.controller.dram.spec.Scope.values().length][][];
    final int[][][] mergedLatency = new int[io.isotrace.controller.dram.spec.Scope.values().length][][];
    /** Per preceding command: indexes into the flat arrays of its rolling-window rows. */
    final int[][] windowRows;
    /**
     * Commands that every row constrains alike (RD and RDA, WR and WRA in the standards here) share one "not before"
     * slot: {@code classOf[command]} is its slot, {@link #classes} how many there are. Found from the table, so it
     * holds for any standard: two commands share a class only if exactly the same rows list them as following.
     */
    final int[] classOf = new int[Command.COUNT];
    final int classes;

    CompiledTable(List<TimingConstraint> table) {
        int n = Command.COUNT;
        // Classes: commands with the same set of rows naming them as following.
        List<java.util.Set<Integer>> signatures = new ArrayList<>();
        for (Command c : Command.ALL) {
            java.util.Set<Integer> sig = new java.util.TreeSet<>();
            for (int r = 0; r < table.size(); r++) {
                if (table.get(r).following().contains(c)) {
                    sig.add(r);
                }
            }
            int k = signatures.indexOf(sig);
            if (k < 0) {
                k = signatures.size();
                signatures.add(sig);
            }
            classOf[c.ordinal()] = k;
        }
        classes = signatures.size();
        List<List<int[]>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ArrayList<>());
        }
        List<TimingConstraint> windowed = new ArrayList<>();
        for (TimingConstraint c : table) {
            int wid = -1;
            if (c.window() > 1) {
                wid = windowed.size();
                windowed.add(c);
            }
            for (Command p : c.preceding()) {
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (Command f : c.following()) {
                    if (seen.add(classOf[f.ordinal()])) {
                        rows.get(p.ordinal()).add(new int[]{c.scope().ordinal(), classOf[f.ordinal()], c.latency(),
                                wid});
                    }
                }
            }
        }
        scope = new int[n][];
        following = new int[n][];
        latency = new int[n][];
        windowId = new int[n][];
        for (int i = 0; i < n; i++) {
            List<int[]> r = rows.get(i);
            scope[i] = new int[r.size()];
            following[i] = new int[r.size()];
            latency[i] = new int[r.size()];
            windowId[i] = new int[r.size()];
            for (int j = 0; j < r.size(); j++) {
                scope[i][j] = r.get(j)[0];
                following[i][j] = r.get(j)[1];
                latency[i][j] = r.get(j)[2];
                windowId[i][j] = r.get(j)[3];
            }
        }
        windows = windowed.toArray(new TimingConstraint[0]);
        int scopes = io.isotrace.controller.dram.spec.Scope.values().length;
        windowRows = new int[n][];
        for (int sc = 0; sc < scopes; sc++) {
            mergedFollowing[sc] = new int[n][];
            mergedLatency[sc] = new int[n][];
        }
        for (int i = 0; i < n; i++) {
            List<int[]> r = rows.get(i);
            List<Integer> win = new ArrayList<>();
            for (int sc = 0; sc < scopes; sc++) {
                int[] best = new int[classes];
                java.util.Arrays.fill(best, -1);
                for (int j = 0; j < r.size(); j++) {
                    int[] row = r.get(j);
                    if (row[3] >= 0) {
                        if (sc == 0) {
                            win.add(j);
                        }
                        continue;
                    }
                    if (row[0] == sc && row[2] > best[row[1]]) {
                        best[row[1]] = row[2];
                    }
                }
                int count = 0;
                for (int f = 0; f < classes; f++) {
                    if (best[f] >= 0) {
                        count++;
                    }
                }
                int[] fo = new int[count];
                int[] la = new int[count];
                int k = 0;
                for (int f = 0; f < classes; f++) {
                    if (best[f] >= 0) {
                        fo[k] = f;
                        la[k++] = best[f];
                    }
                }
                mergedFollowing[sc][i] = fo;
                mergedLatency[sc][i] = la;
            }
            windowRows[i] = win.stream().mapToInt(Integer::intValue).toArray();
        }
        recordInto = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> ids = new ArrayList<>();
            for (int w = 0; w < windows.length; w++) {
                if (windows[w].preceding().contains(Command.ALL[i])) {
                    ids.add(w);
                }
            }
            recordInto[i] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    static final int CHANNEL = Scope.CHANNEL.ordinal();
    static final int RANK = Scope.RANK.ordinal();
    static final int OTHER_RANKS = Scope.OTHER_RANKS.ordinal();
    static final int BANK_GROUP = Scope.BANK_GROUP.ordinal();
    static final int BANK = Scope.BANK.ordinal();
}
