package io.isotrace.controller.dram.ctrl;

import java.util.Locale;

/** When a bank's row is closed after a column access. */
public enum PagePolicy {
    /** Keep the row open until another row is needed (DRAMSim3 OPEN_PAGE). */
    OPEN,
    /**
     * Keep it open unless no queued request hits it and some queued request needs another row of the bank; then
     * close it with the access (gem5 {@code open_adaptive}, its default).
     */
    OPEN_ADAPTIVE,
    /** Close it with every access: RDA/WRA (DRAMSim3 CLOSE_PAGE). */
    CLOSE,
    /** Close it with the access unless a queued request hits the same row (gem5 {@code close_adaptive}). */
    CLOSE_ADAPTIVE;

    /** The configuration spelling: {@code open}, {@code open-adaptive}, {@code close}, {@code close-adaptive}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a configuration spelling; null when it is none. */
    public static PagePolicy parse(String s) {
        for (PagePolicy p : values()) {
            if (p.key().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
