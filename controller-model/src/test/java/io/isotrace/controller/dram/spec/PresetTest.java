package io.isotrace.controller.dram.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetTest {
    /** Every value as DRAMSim3's configs/DDR4_8Gb_x8_3200.ini gives it (tCK there is rounded to 0.63 ns). */
    @Test
    void ddr4_3200MatchesDramsim3Ini() {
        DeviceSpec s = Preset.DDR4_3200.spec();
        TimingParameters t = s.timing();
        assertEquals(1_600_000_000L, t.clockHz()); // tCK 0.625 ns
        assertEquals(625, t.clock().periodPs());
        assertEquals(22, t.cl());
        assertEquals(16, t.cwl());
        assertEquals(0, t.al());
        assertEquals(22, t.rcd());
        assertEquals(22, t.rp());
        assertEquals(52, t.ras());
        assertEquals(74, t.rc());
        assertEquals(560, t.rfc());
        assertEquals(12480, t.refi());
        assertEquals(4, t.ccdS());
        assertEquals(8, t.ccdL());
        assertEquals(4, t.rrdS());
        assertEquals(8, t.rrdL());
        assertEquals(34, t.faw());
        assertEquals(24, t.wr());
        assertEquals(12, t.rtp());
        assertEquals(4, t.wtrS());
        assertEquals(12, t.wtrL());
        assertEquals(1, t.rtrs());
        assertEquals(10, t.xp());
        assertEquals(8, t.cke());
        assertEquals(4, t.burst()); // BL8 on a double-data-rate bus
        Organization o = s.organization();
        assertEquals(1, o.channels());
        assertEquals(2, o.ranks());
        assertEquals(4, o.bankGroups());
        assertEquals(4, o.banksPerGroup());
        assertEquals(65536, o.rows());
        assertEquals(1024, o.columns());
        assertEquals(8, o.deviceWidth());
        assertEquals(64, o.busWidth());
        assertEquals(8, o.burstLength());
        assertEquals(64, o.burstBytes());
        assertEquals(16L << 30, o.totalBytes()); // DRAMSim3 channel_size = 16384 MB
    }

    @Test
    void ddr4_3200PeakIs25_6GBps() {
        assertEquals(25.6e9, Preset.DDR4_3200.spec().peakBytesPerSecond(), 1);
    }

    @Test
    void ddr4_2400MatchesDramsim3Ini() {
        TimingParameters t = Preset.DDR4_2400.spec().timing();
        assertEquals(1_200_000_000L, t.clockHz());
        assertEquals(17, t.cl());
        assertEquals(12, t.cwl());
        assertEquals(17, t.rcd());
        assertEquals(17, t.rp());
        assertEquals(39, t.ras());
        assertEquals(420, t.rfc());
        assertEquals(9360, t.refi());
        assertEquals(26, t.faw());
        assertEquals(6, t.ccdL());
        assertEquals(6, t.rrdL());
        assertEquals(3, t.wtrS());
        assertEquals(9, t.wtrL());
        assertEquals(18, t.wr());
        assertEquals(9, t.rtp());
        assertEquals(19.2e9, Preset.DDR4_2400.spec().peakBytesPerSecond(), 1);
    }

    @Test
    void ddr5_4800IsTwoSubChannels() {
        DeviceSpec s = Preset.DDR5_4800.spec();
        assertEquals(2, s.organization().channels());
        assertEquals(32, s.organization().busWidth());
        assertEquals(64, s.organization().burstBytes()); // BL16 x 32 bits
        assertEquals(48, s.timing().ccdLWrite());
        assertEquals(2, s.standard().commandCycles(Command.ACT));
        assertEquals(1, s.standard().commandCycles(Command.PRE));
        assertEquals(38.4e9, s.peakBytesPerSecond(), 1); // 4800 MT/s x 4 B x 2 sub-channels
    }

    @Test
    void hbm2HasDualCommandBusAndPerBankRefresh() {
        DeviceSpec s = Preset.HBM2.spec();
        assertTrue(s.standard().dualCommandBus());
        assertTrue(s.timing().perBankRefresh());
        assertEquals(8, s.organization().channels());
        assertEquals(2048, s.organization().rowBytes()); // 2 KiB page per legacy channel
        assertEquals(256e9, s.peakBytesPerSecond(), 1); // 8 x 128 bit x 2 Gb/s
    }

    @Test
    void lpddr4HasNoBankGroupsAndPerBankRefresh() {
        DeviceSpec s = Preset.LPDDR4_3200.spec();
        assertEquals(1, s.organization().bankGroups());
        assertEquals(8, s.organization().banksPerGroup());
        assertTrue(s.timing().perBankRefresh());
        assertEquals(32, s.timing().rpAll());
        assertEquals(27, s.timing().rp());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetBuildsAPositiveTable(Preset p) {
        DeviceSpec s = p.spec();
        assertFalse(s.constraints().isEmpty());
        for (TimingConstraint c : s.constraints()) {
            assertTrue(c.latency() > 0, c.toString());
        }
        assertNotNull(Preset.find(p.displayName()));
        assertEquals(64, s.organization().burstBytes(), p + " moves 64-byte lines");
    }

    @Test
    void findIgnoresCaseAndUnderscores() {
        assertEquals(Preset.DDR4_3200, Preset.find("ddr4_3200"));
        assertNull(Preset.find("DDR3-1600"));
    }
}
