package io.isotrace.controller.dram.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects a standard's timing table row by row. Rows whose latency is zero or negative constrain nothing (a write
 * to a read on another rank can follow immediately on DDR4) and are dropped, as the references drop them.
 */
final class TableBuilder {
    private final List<TimingConstraint> rows = new ArrayList<>();

    TableBuilder row(String name, Scope scope, Set<Command> preceding, Set<Command> following, int latency) {
        if (latency > 0) {
            rows.add(TimingConstraint.of(name, scope, preceding, following, latency));
        }
        return this;
    }

    TableBuilder window(String name, Scope scope, Set<Command> preceding, Set<Command> following, int latency,
                        int window) {
        if (latency > 0) {
            rows.add(TimingConstraint.window(name, scope, preceding, following, latency, window));
        }
        return this;
    }

    /**
     * The power-down rows every standard here shares (JESD79-4 section 4.17, JESD209-4 section 4.40): a rank stays
     * down at least tCKE, accepts nothing for tXP after exit, and may enter only after reads have returned their
     * data (tRDPDEN = RL + BL/2 + 1) and writes have recovered (tWRPDEN = WL + BL/2 + tWR; tWRAPDEN one more).
     */
    TableBuilder powerDown(TimingParameters t) {
        row("tCKE", Scope.RANK, Commands.PDE, Commands.PDX, t.cke());
        row("tXP", Scope.RANK, Commands.PDX, Commands.AFTER_EXIT, t.xp());
        row("tRDPDEN", Scope.RANK, Commands.READS, Commands.PDE, t.readDelay() + 1);
        row("tWRPDEN", Scope.RANK, Commands.of(Command.WR), Commands.PDE, t.writeDelay() + t.wr());
        row("tWRAPDEN", Scope.RANK, Commands.of(Command.WRA), Commands.PDE, t.writeDelay() + t.wr() + 1);
        row("tACTPDEN", Scope.RANK, Commands.of(Command.ACT, Command.PRE, Command.PREA, Command.REF, Command.REFPB),
                Commands.PDE, 1);
        return this;
    }

    List<TimingConstraint> build() {
        return List.copyOf(rows);
    }
}
