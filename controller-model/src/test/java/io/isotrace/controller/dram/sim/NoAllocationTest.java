package io.isotrace.controller.dram.sim;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.DramSystem;
import io.isotrace.controller.dram.ctrl.ChannelController;
import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.controller.dram.workload.Workload;
import io.isotrace.controller.dram.workload.WorkloadGenerator;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path allocates nothing per request: accepting, scheduling, issuing and completing requests. */
class NoAllocationTest {
    @Test
    void a200kRequestRunAllocatesAlmostNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RequestArrays req = new WorkloadGenerator(Workload.MIX, 4).generate(200_000);
        for (ControllerConfig c : new ControllerConfig[]{ControllerConfig.defaults(), ControllerConfig.dramsim3()}) {
            feed(new DramSystem(DramConfig.of(Preset.DDR4_3200).withController(c)), req); // warm up the JIT
            DramSystem sys = new DramSystem(DramConfig.of(Preset.DDR4_3200).withController(c));
            long tid = Thread.currentThread().getId();
            long before = bean.getThreadAllocatedBytes(tid);
            feed(sys, req);
            long bytes = bean.getThreadAllocatedBytes(tid) - before;
            // Only the bandwidth-per-epoch series grows (by doubling): a few KiB for 800k cycles.
            assertTrue(bytes < 64 * 1024, c.scheduler() + ": " + bytes + " bytes allocated for 200k requests");
        }
    }

    private static void feed(DramSystem sys, RequestArrays req) {
        req.rewind();
        long last = -1;
        long tag = 0;
        while (req.next()) {
            ChannelController ch = sys.channelOf(req.address());
            long c = Math.max(req.cycle(), last + 1);
            ch.advanceTo(c);
            while (!ch.canAccept(req.isWrite())) {
                ch.step();
                c = Math.max(c, ch.now() + 1);
            }
            last = ch.admit(req.address(), req.isWrite(), tag++, c);
        }
        sys.finish();
    }
}
