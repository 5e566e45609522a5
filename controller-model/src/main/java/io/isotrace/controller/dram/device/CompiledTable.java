package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.Scope;
import io.isotrace.controller.dram.spec.TimingConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * A standard's constraint table turned inside out for the engine: for each preceding command, flat arrays of what
 * issuing it does (scope, following command, latency, rolling window). Built once per device; read on every issue.
 */
final class CompiledTable {
    /** Per preceding command ordinal: the updates issuing it makes. */
    final int[][] scope;
    final int[][] following;
    final int[][] latency;
    /** Index into {@link #windows} for rolling-window rows, else -1. */
    final int[][] windowId;
    /** The windowed constraints, indexed by windowId. */
    final TimingConstraint[] windows;
    /** Per preceding command ordinal: the windows whose history an issue of it enters (once per issue). */
    final int[][] recordInto;

    CompiledTable(List<TimingConstraint> table) {
        int n = Command.COUNT;
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
                for (Command f : c.following()) {
                    rows.get(p.ordinal()).add(new int[]{c.scope().ordinal(), f.ordinal(), c.latency(), wid});
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
