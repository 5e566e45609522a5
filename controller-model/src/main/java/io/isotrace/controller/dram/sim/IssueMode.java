package io.isotrace.controller.dram.sim;

import java.util.Locale;

/** How a trace's requests enter the controller. */
public enum IssueMode {
    /** At the cycle the trace gives (or as soon after as the queue has room, one per cycle). */
    SPACED,
    /** Ignoring the trace's times: each as soon as the controller accepts it, one per cycle (a saturating source). */
    ASAP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IssueMode parse(String s) {
        for (IssueMode m : values()) {
            if (m.key().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
