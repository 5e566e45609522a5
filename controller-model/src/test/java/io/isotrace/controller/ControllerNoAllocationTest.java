package io.isotrace.controller;

import io.isotrace.controller.env.AccessRule;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.gpc.Gpi;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Controller#answer} allocates nothing per transaction: cache hits, table walks, block mappings, refusals
 * (unmapped, permission, crossing a mapping, GPC) and the fixed-latency and walk-read timing.
 */
class ControllerNoAllocationTest {
    @Test
    void answeringAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(1L << 40));
        Environments envs = b.remapper(64, 40_000);
        GranuleProtection gpc = new GranuleProtection(2, 0, 0, b.tablesBase());
        gpc.setGpi(0, 1L << 36, Gpi.NON_SECURE.code());
        gpc.setGpi(0x2_0000_0000L, 0x2_0001_0000L, Gpi.SECURE.code()); // a level-1 table: 4 KiB granules
        gpc.setEnabled(true);
        b.gpc(gpc);
        Controller c = b.build();
        AccessRule rule = new AccessRule(0b11, 0b11, new long[]{-1, -1, -1, -1});
        for (int e = 0; e < 64; e++) {
            envs.create(e, "e" + e, rule);
            for (int p = 0; p < 500; p++) {
                envs.map(e, 0x4000_0000L + p * 0x2000L, 0x1_0000_0000L + ((long) e * 500 + p) * 0x2000L, 0x1000,
                        p % 7 == 0 ? PageGrant.READ : PageGrant.READ | PageGrant.WRITE, null);
            }
            envs.map(e, 0x1_0000_0000L + ((long) e << 21), 0x2_0000_0000L + ((long) e << 21), 1L << 21, PageGrant.ALL, null);
            envs.switchTo(e, e);
        }
        Transaction[] ring = new Transaction[4096];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < ring.length; i++) {
            Transaction t = new Transaction();
            t.requester = rnd.nextInt(64);
            int what = rnd.nextInt(10);
            t.ipa = what < 6 ? 0x4000_0000L + rnd.nextInt(1000) * 0x1000L + (rnd.nextInt(512) * 8L)
                    : what < 8 ? 0x1_0000_0000L + ((long) t.requester << 21) + (rnd.nextInt(1 << 18) * 8L)
                    : rnd.nextLong(1L << 39);
            t.size = rnd.nextInt(20) == 0 ? 64 : 8;
            t.kind = TransactionKind.values()[rnd.nextInt(3)];
            t.security = rnd.nextInt(10) == 0 ? SecurityState.SECURE : SecurityState.NON_SECURE;
            t.el = rnd.nextInt(2);
            t.unprivileged = t.el == 0;
            ring[i] = t;
        }
        run(c, ring, 400_000); // warm up the JIT
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        run(c, ring, 1_000_000);
        long bytes = bean.getThreadAllocatedBytes(tid) - before;
        assertTrue(c.stats().allowed > 100_000 && c.stats().refused() > 100_000 && c.stats().walkReads > 100_000,
                "the mix exercises hits, walks and refusals: " + c.stats().toMap());
        assertTrue(bytes < 1024, bytes + " bytes allocated for 1 000 000 transactions");
    }

    private static void run(Controller c, Transaction[] ring, int n) {
        for (int i = 0; i < n; i++) {
            Transaction t = ring[i & (ring.length - 1)];
            t.timePs += 500;
            c.answer(t);
        }
    }
}
