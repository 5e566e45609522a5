package io.isotrace.controller.dram;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.cache.CacheHierarchyConfig;
import io.isotrace.controller.cache.CachedMemoryTiming;
import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.ctrl.RefreshMode;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The isolation controller with the cache hierarchy and the DRAM model behind its checks, through the
 * {@code MemoryTiming} seam: the reply's latency is the checks' cost plus what caches and DRAM add.
 */
class ControllerIntegrationTest {
    @Test
    void repliesCarryCacheAndDramLatency() {
        DramMemoryTiming dram = new DramMemoryTiming(DramConfig.of(Preset.DDR4_3200)
                .withController(ControllerConfig.defaults().toBuilder().refresh(RefreshMode.NONE).build()));
        CachedMemoryTiming caches = new CachedMemoryTiming(CacheHierarchyConfig.typical(), dram);
        Controller plain = new ControllerBuilder().build();
        Controller timed = new ControllerBuilder().timing(caches).build();

        long checks = latency(plain, 0x4000_0000L, 0);
        long miss = latency(timed, 0x4000_0000L, 0);
        // L1D 1 ns + L2 4 ns + LLC 12 ns, then DRAM: a closed bank, 49 cycles of 625 ps, from the next clock edge.
        long dramPs = miss - checks - 17_000;
        assertTrue(dramPs >= 49 * 625 && dramPs < 49 * 625 + 625, "DRAM part " + dramPs);
        assertEquals(1, dram.stats().readsAccepted());
        long hit = latency(timed, 0x4000_0008L, 1_000_000);
        assertEquals(checks + 1000, hit, "an L1D hit");
        assertEquals(1, dram.stats().readsAccepted(), "hits never reach DRAM");
    }

    private static long latency(Controller c, long ipa, long timePs) {
        Transaction t = new Transaction();
        t.kind = TransactionKind.READ;
        t.size = 8;
        t.ipa = ipa;
        t.va = ipa;
        t.timePs = timePs;
        c.answer(t);
        return t.latencyPs;
    }
}
