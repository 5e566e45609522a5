package io.isotrace.cli.replay;

import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.record.Transaction;

import java.util.LinkedHashMap;
import java.util.Map;

/** One violation as a JSON object: the verdict, then every field of the transaction as answered. */
final class ViolationJson {
    private ViolationJson() {
    }

    static Map<String, Object> of(Transaction t, int verdict) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", t.seq);
        m.put("response", Verdict.response(verdict).name());
        m.put("reason", Verdict.reason(verdict).name());
        m.put("model", Verdict.reason(verdict).source().name());
        m.put("timePs", t.timePs);
        m.put("requester", t.requester);
        m.put("pc", "0x" + Long.toHexString(t.pc));
        m.put("va", "0x" + Long.toHexString(t.va));
        m.put("ipa", "0x" + Long.toHexString(t.ipa));
        m.put("pa", "0x" + Long.toHexString(t.pa));
        m.put("size", t.size);
        m.put("kind", t.kind.name());
        m.put("acquire", t.acquire);
        m.put("release", t.release);
        m.put("el", t.el);
        m.put("security", t.security.name());
        m.put("unprivileged", t.unprivileged);
        m.put("asid", t.asid);
        m.put("memoryType", t.memoryType.name());
        m.put("env", t.env);
        m.put("status", t.status.name());
        m.put("latencyPs", t.latencyPs);
        return m;
    }
}
