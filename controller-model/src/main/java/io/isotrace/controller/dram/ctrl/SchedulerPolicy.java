package io.isotrace.controller.dram.ctrl;

import java.util.Locale;

/** How the controller picks the next command among the queued requests. */
public enum SchedulerPolicy {
    /**
     * First-ready, first-come-first-served (Rixner et al., ISCA 2000): column commands to open rows go before row
     * commands, oldest first; within a bank a younger row hit may pass an older conflicting request until the row
     * has served {@code rowHitCap} accesses (DRAMSim3 caps at 4).
     */
    FRFCFS,
    /** Each bank serves its requests strictly in arrival order; across banks, the oldest ready command goes first. */
    FCFS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SchedulerPolicy parse(String s) {
        for (SchedulerPolicy p : values()) {
            if (p.key().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
