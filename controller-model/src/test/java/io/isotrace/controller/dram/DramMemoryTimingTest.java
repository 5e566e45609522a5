package io.isotrace.controller.dram;

import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.ctrl.RefreshMode;
import io.isotrace.controller.dram.spec.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lockstep adapter: latencies in picoseconds from DRAM cycles (DDR4-3200: 625 ps per cycle). */
class DramMemoryTimingTest {
    private static DramMemoryTiming ddr4() {
        return new DramMemoryTiming(DramConfig.of(Preset.DDR4_3200)
                .withController(ControllerConfig.defaults().toBuilder().refresh(RefreshMode.NONE).build()));
    }

    @Test
    void aReadToAClosedBankTakes49CyclesOf625ps() {
        DramMemoryTiming m = ddr4();
        long ps = m.latencyPs(0x1000, 8, false, 0, 0, false, 0);
        assertEquals(49, m.lastLatencyCycles()); // 1 + tRCD 22 + CL 22 + BL/2 4
        assertEquals(49 * 625, ps);
        // A row hit later: 1 + CL + BL/2 = 27 cycles.
        long hit = m.latencyPs(0x1040, 8, false, 0, 0, false, 1_000_000);
        assertEquals(27 * 625, hit);
    }

    @Test
    void arrivalsBetweenClockEdgesWaitForTheNextEdge() {
        DramMemoryTiming m = ddr4();
        // Arrival at 100 ps: the DRAM clock's next edge is at 625 ps; latency counts from the arrival.
        long ps = m.latencyPs(0x1000, 8, false, 0, 0, false, 100);
        assertEquals(625 + 49 * 625 - 100, ps);
    }

    @Test
    void postedWritesReturnAtAcceptanceAndLaterReadsStillSeeThem() {
        DramMemoryTiming m = ddr4();
        long w = m.latencyPs(0x2000, 8, true, 0, 0, false, 0);
        assertEquals(0, w, "accepted at once: the queue has room");
        long r = m.latencyPs(0x2000, 8, false, 0, 0, false, 625);
        assertEquals(625, r, "forwarded from the write queue one cycle later");
    }

    @Test
    void anAccessSpanningTwoBurstsWaitsForBoth() {
        DramMemoryTiming m = ddr4();
        long one = m.latencyPs(0x3000, 8, false, 0, 0, false, 0);
        DramMemoryTiming n = ddr4();
        long two = n.latencyPs(0x3038, 16, false, 0, 0, false, 0); // 0x3038..0x3047 crosses into 0x3040
        assertTrue(two > one, two + " > " + one);
    }

    @Test
    void theDramClockIsIndependentOfTheCallersPicoseconds() {
        DramMemoryTiming ddr5 = new DramMemoryTiming(DramConfig.of(Preset.DDR5_4800)
                .withController(ControllerConfig.defaults().toBuilder().refresh(RefreshMode.NONE).build()));
        long ps = ddr5.latencyPs(0x1000, 8, false, 0, 0, false, 0);
        // DDR5-4800: 1 + tRCD 34 + CL 34 + BL16/2 8 = 77 cycles of 416.67 ps.
        assertEquals(77, ddr5.lastLatencyCycles());
        assertEquals(Math.round(77 * 1e12 / 2.4e9), ps);
    }
}
