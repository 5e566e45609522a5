package io.isotrace.controller.stats;

import io.isotrace.controller.policy.Reason;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters the controller keeps on the hot path (plain longs, no allocation) and reports as a map. */
public final class ControllerStats {
    public long transactions;
    public long allowed;
    public long busErrors;
    public long razWi;
    public long decodeErrors;
    public long registerAccesses;
    public long walkReads;
    public long latencyPsTotal;
    public final long[] byReason = new long[Reason.values().length];

    public void count(int verdict) {
        transactions++;
        if (verdict == 0) {
            allowed++;
            return;
        }
        switch (verdict & 3) {
            case 1 -> busErrors++;
            case 2 -> razWi++;
            default -> decodeErrors++;
        }
        byReason[Math.min(verdict >>> 8, byReason.length - 1)]++;
    }

    public long refused() {
        return busErrors + razWi + decodeErrors;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactions", transactions);
        m.put("allowed", allowed);
        m.put("busErrors", busErrors);
        m.put("readAsZeroWriteIgnored", razWi);
        m.put("decodeErrors", decodeErrors);
        m.put("registerAccesses", registerAccesses);
        m.put("walkReads", walkReads);
        m.put("meanLatencyPs", transactions == 0 ? 0 : latencyPsTotal / transactions);
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            if (byReason[r.ordinal()] != 0) {
                reasons.put(r.name(), byReason[r.ordinal()]);
            }
        }
        m.put("refusedByReason", reasons);
        return m;
    }
}
