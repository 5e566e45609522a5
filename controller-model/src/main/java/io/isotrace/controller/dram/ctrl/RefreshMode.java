package io.isotrace.controller.dram.ctrl;

import java.util.Locale;

/** Which refresh commands the controller issues. */
public enum RefreshMode {
    /**
     * All-bank REF per rank every tREFI, ranks staggered by tREFI / ranks (DRAMSim3 RANK_LEVEL_STAGGERED): open banks
     * are precharged (PREA), then REF blocks the rank for tRFC.
     */
    ALL_BANK,
    /** Per-bank REFpb/REFSB, one bank of each rank every tREFIpb in turn; the other banks keep working. */
    PER_BANK,
    /** No refresh (for experiments that isolate other effects). */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RefreshMode parse(String s) {
        for (RefreshMode m : values()) {
            if (m.key().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
