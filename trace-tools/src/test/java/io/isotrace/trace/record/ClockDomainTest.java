package io.isotrace.trace.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClockDomainTest {
    @Test
    void ddr4CommandClockPeriodIs625ps() {
        // DDR4-3200: 1600 MHz command clock, tCK 0.625 ns (JEDEC JESD79-4; DRAMSim3 DDR4_8Gb_x8_3200.ini).
        ClockDomain ddr = new ClockDomain("dram", ClockDomain.parseHz("1600MHz"));
        assertEquals(625, ddr.periodPs());
        assertEquals(22 * 625, ddr.cyclesToPs(22));
        assertEquals(22, ddr.psToCycles(22 * 625));
        assertEquals(21, ddr.psToCycles(22 * 625 - 1));
    }

    @Test
    void nonIntegerPeriodsDoNotDrift() {
        ClockDomain c = new ClockDomain("cpu", 3_000_000_000L);
        assertEquals(333, c.cyclesToPs(1));
        assertEquals(667, c.cyclesToPs(2));
        assertEquals(1000, c.cyclesToPs(3));
        assertEquals(1_000_000_000_000L, c.cyclesToPs(3_000_000_000L));
        // Large enough that cycles * 1e12 overflows 64 bits.
        assertEquals(10_000_000_000_000_000L / 3, c.cyclesToPs(10_000_000_000_000L) + 0);
    }

    @Test
    void parsesFrequenciesAndPeriods() {
        assertEquals(2_000_000_000L, ClockDomain.parseHz("2GHz"));
        assertEquals(1_600_000_000L, ClockDomain.parseHz("625ps"));
        assertEquals(1_000_000_000L, ClockDomain.parseHz("1ns"));
        assertEquals(1_333_333_333L, ClockDomain.parseHz("1333.333333MHz"));
        ClockDomain named = ClockDomain.parse("x", "dram=1600MHz");
        assertEquals("dram", named.name());
        assertThrows(IllegalArgumentException.class, () -> ClockDomain.parseHz("fast"));
        assertThrows(IllegalArgumentException.class, () -> ClockDomain.parseHz("0ps"));
    }
}
