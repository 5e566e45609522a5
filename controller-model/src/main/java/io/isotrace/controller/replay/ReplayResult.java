package io.isotrace.controller.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a replay did: records answered, refusals found, environment switches followed, and the statistics. */
public record ReplayResult(long records, long violations, long switchesFollowed, long registerWritesSkipped,
                           boolean inputComplete, Map<String, Object> statistics) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", records);
        m.put("violations", violations);
        m.put("switchesFollowed", switchesFollowed);
        m.put("registerWritesNotPerformed", registerWritesSkipped);
        m.put("inputComplete", inputComplete);
        m.put("controller", statistics);
        return m;
    }
}
