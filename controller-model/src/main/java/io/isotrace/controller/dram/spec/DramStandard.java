package io.isotrace.controller.dram.spec;

import java.util.List;

/**
 * A DRAM standard as data: which timing constraints hold between which commands at which scope, and how its
 * command bus works. One generic engine ({@code io.isotrace.controller.dram.device.TimingEngine}) interprets every
 * standard; adding one is adding a table, not code (the Ramulator 2 model, without its string lookups).
 */
public interface DramStandard {
    /** The standard's name, e.g. {@code DDR4}. */
    String name();

    /** The constraint table for devices with these parameters. */
    List<TimingConstraint> constraints(TimingParameters t);

    /** Command-bus cycles a command occupies (DDR5 ACT/RD/WR are two-cycle commands). */
    default int commandCycles(Command c) {
        return 1;
    }

    /**
     * True when row commands (ACT, PRE, REF) and column commands (RD, WR) travel on separate command buses and may
     * issue in the same cycle (HBM2's separate row and column command interfaces).
     */
    default boolean dualCommandBus() {
        return false;
    }
}
