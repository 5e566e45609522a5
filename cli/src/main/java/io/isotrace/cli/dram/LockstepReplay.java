package io.isotrace.cli.dram;

import io.isotrace.controller.cache.CachedMemoryTiming;
import io.isotrace.controller.dram.DramMemoryTiming;
import io.isotrace.controller.dram.config.LoadedConfig;
import io.isotrace.controller.timing.MemoryTiming;
import io.isotrace.trace.convert.DramRequests;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays an Isotrace trace through the {@link MemoryTiming} stack the controller uses in lockstep: the optional
 * cache hierarchy, then the DRAM adapter, one transaction at a time at its recorded issue time, with its environment,
 * requester and kind (instruction fetches through L1I). Refused transactions and cache maintenance move no data.
 */
final class LockstepReplay {
    private LockstepReplay() {
    }

    static Map<String, Object> run(TraceReader reader, LoadedConfig cfg, DramRequests.AddressSource source) {
        DramMemoryTiming dram = new DramMemoryTiming(cfg.dram());
        CachedMemoryTiming caches = cfg.cache() == null ? null : new CachedMemoryTiming(cfg.cache(), dram);
        MemoryTiming timing = caches == null ? dram : caches;
        Histogram latency = new Histogram(1L << 40, 3);
        Transaction t = new Transaction();
        long transactions = 0;
        long start = System.nanoTime();
        while (reader.next(t)) {
            if (!DramRequests.movesData(t)) {
                continue;
            }
            long addr = DramRequests.address(t, source);
            boolean fetch = t.kind == TransactionKind.IFETCH;
            long ps = 0;
            if (t.kind.reads()) {
                ps = timing.latencyPs(addr, Math.max(1, t.size), false, t.env, t.requester, fetch, t.timePs);
            }
            if (t.kind.writes()) {
                // The write half of an atomic follows its read.
                ps += timing.latencyPs(addr, Math.max(1, t.size), true, t.env, t.requester, false, t.timePs + ps);
            }
            latency.recordValue(ps);
            transactions++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "lockstep");
        m.put("memory", timing.describe());
        m.put("transactions", transactions);
        m.put("host_seconds", seconds);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("count", latency.getTotalCount());
        if (latency.getTotalCount() > 0) {
            lat.put("mean_ps", Math.round(latency.getMean()));
            lat.put("p50_ps", latency.getValueAtPercentile(50));
            lat.put("p90_ps", latency.getValueAtPercentile(90));
            lat.put("p99_ps", latency.getValueAtPercentile(99));
            lat.put("max_ps", latency.getMaxValue());
        }
        m.put("transaction_latency", lat);
        if (caches != null) {
            m.put("caches", caches.stats());
        }
        m.put("dram", dram.stats().toMap(Math.max(1, dram.lastCycle() + 1)));
        return m;
    }
}
