package io.isotrace.controller.dram.ctrl;

import java.util.Locale;

/** How the controller chooses among banks that each have a ready command. */
public enum Arbitration {
    /**
     * The oldest request's command goes first; under FR-FCFS ready column commands (row hits) go before row
     * commands (Rixner et al.; gem5 and Ramulator 2 order the same way).
     */
    OLDEST_FIRST,
    /**
     * Banks take turns: starting after the bank that issued last, the first bank with a ready command issues it
     * (DRAMSim3's {@code CommandQueue::GetCommandToIssue} over per-bank queues). Deep queues get no more turns than
     * shallow ones, so under saturation a few banks can stay full while others idle, as they do in DRAMSim3.
     */
    ROUND_ROBIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Arbitration parse(String s) {
        for (Arbitration a : values()) {
            if (a.key().equals(s)) {
                return a;
            }
        }
        return null;
    }
}
