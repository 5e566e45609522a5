package io.isotrace.controller.dram.config;

import io.isotrace.controller.dram.ctrl.Arbitration;
import io.isotrace.controller.dram.ctrl.PagePolicy;
import io.isotrace.controller.dram.ctrl.RefreshMode;
import io.isotrace.controller.dram.ctrl.SchedulerPolicy;
import io.isotrace.trace.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DramConfigLoaderTest {
    static final String FULL = String.join("\n",
            "dram:",
            "  preset: DDR4-3200",
            "  organization:",
            "    channels: 2",
            "  timing:",
            "    tCK: 0.63ns",
            "    tFAW: 30",
            "  mapping:",
            "    scheme: RoBaRaCoCh",
            "    xorBanks: true",
            "  controller:",
            "    base: dramsim3",
            "    queues: {read: 16, write: 24, perBank: 4}",
            "    writeDrain: {high: 20, low: 4, idle: 2}",
            "    scheduler: fcfs",
            "    arbitration: oldest-first",
            "    rowHitCap: 8",
            "    pagePolicy: close-adaptive",
            "    refresh: none",
            "    powerDown: {enabled: true, idleCycles: 64}",
            "    frontendLatency: 2",
            "    backendLatency: 3",
            "cache:",
            "  l1d: {size: 32KiB, ways: 8, hitLatency: 1ns}",
            "  llc: {size: 2MiB, ways: 16, hitLatency: 10ns, writePolicy: write-through, writeAllocate: false}",
            "");

    @Test
    void everySectionIsRead() {
        LoadedConfig c = DramConfigLoader.parse(FULL, "full.yaml");
        assertEquals(2, c.dram().device().organization().channels());
        assertEquals(1_587_301_587L, c.dram().device().timing().clockHz());
        assertEquals(30, c.dram().device().timing().faw());
        assertEquals(22, c.dram().device().timing().cl(), "untouched values keep the preset's");
        assertEquals("RoBaRaCoCh", c.dram().mapping().name());
        assertTrue(c.dram().xorBanks());
        var k = c.dram().controller();
        assertEquals(16, k.readQueue());
        assertEquals(24, k.writeQueue());
        assertEquals(4, k.bankQueue());
        assertEquals(1, k.transfersPerCycle(), "from the dramsim3 base");
        assertEquals(20, k.writeHigh());
        assertEquals(4, k.writeLow());
        assertEquals(2, k.writeIdle());
        assertEquals(SchedulerPolicy.FCFS, k.scheduler());
        assertEquals(Arbitration.OLDEST_FIRST, k.arbitration());
        assertEquals(8, k.rowHitCap());
        assertEquals(PagePolicy.CLOSE_ADAPTIVE, k.pagePolicy());
        assertEquals(RefreshMode.NONE, k.refresh());
        assertTrue(k.powerDown());
        assertEquals(64, k.powerDownIdle());
        assertEquals(2, k.frontendLatency());
        assertEquals(3, k.backendLatency());
        assertNull(c.cache().l1i());
        assertEquals(32 << 10, c.cache().l1d().sizeBytes());
        assertEquals(1000, c.cache().l1d().hitLatencyPs());
        assertFalse(c.cache().llc().writeBack());
        assertFalse(c.cache().llc().writeAllocate());
    }

    @Test
    void aPresetAloneIsEnough() {
        LoadedConfig c = DramConfigLoader.parse("dram:\n  preset: HBM2\n", "min.yaml");
        assertEquals(8, c.dram().device().organization().channels());
        assertNull(c.cache());
    }

    private static BadInputException fails(String yaml) {
        return assertThrows(BadInputException.class, () -> DramConfigLoader.parse(yaml, "c.yaml"));
    }

    @Test
    void aMisspeltKeyIsAnErrorWithItsLineAndTheKeyItResembles() {
        BadInputException e = fails("dram:\n  preset: DDR4-3200\n  controller:\n    pagePolcy: close\n");
        assertEquals("c.yaml:4", e.where());
        assertTrue(e.getMessage().contains("unknown key 'dram.controller.pagePolcy'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'pagePolicy'"), e.getMessage());
    }

    @Test
    void aMisspeltTimingNameIsAnError() {
        BadInputException e = fails("dram:\n  preset: DDR4-3200\n  timing:\n    tRDC: 20\n");
        assertEquals("c.yaml:4", e.where());
        assertTrue(e.getMessage().contains("did you mean 'tRCD'"), e.getMessage());
    }

    @Test
    void anUnknownTopLevelSectionIsAnError() {
        BadInputException e = fails("dram:\n  preset: DDR4-3200\ncahce:\n  l1d: {size: 1KiB}\n");
        assertEquals("c.yaml:3", e.where());
        assertTrue(e.getMessage().contains("did you mean 'cache'"), e.getMessage());
    }

    @Test
    void badValuesAreLocated() {
        assertEquals("c.yaml:2", fails("dram:\n  preset: DDR9-9999\n").where());
        assertEquals("c.yaml:4", fails("dram:\n  preset: DDR4-3200\n  controller:\n    rowHitCap: lots\n").where());
        assertEquals("c.yaml:4", fails("dram:\n  preset: DDR4-3200\n  controller:\n    pagePolicy: shut\n").where());
        assertEquals("c.yaml:4",
                fails("dram:\n  preset: DDR4-3200\n  mapping:\n    scheme: rochrababgzz\n").where());
        BadInputException range = fails("dram:\n  preset: DDR4-3200\n  controller:\n"
                + "    writeDrain: {high: 40}\n");
        assertTrue(range.getMessage().contains("must be in 1..32"), range.getMessage());
    }

    @Test
    void perBankRefreshNeedsADeviceThatHasIt() {
        BadInputException e = fails("dram:\n  preset: DDR4-3200\n  controller:\n    refresh: per-bank\n");
        assertEquals("c.yaml:4", e.where());
        DramConfigLoader.parse("dram:\n  preset: LPDDR4-3200\n  controller:\n    refresh: per-bank\n", "ok.yaml");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreErrors() {
        assertTrue(fails("dram:\n  preset: DDR4-3200\n  preset: HBM2\n").getMessage().contains("appears twice"));
        assertTrue(fails("dram: [unclosed\n").getMessage().contains("not valid YAML"));
        assertTrue(fails("cache:\n  l1d: {size: 1KiB}\n").getMessage().contains("missing section 'dram'"));
    }

    @Test
    void cacheGeometryErrorsAreLocated() {
        BadInputException e = fails("dram:\n  preset: DDR4-3200\ncache:\n  l2:\n    size: 3000\n    ways: 4\n");
        assertEquals("c.yaml:5", e.where(), "the l2 section's first line");
        assertTrue(e.getMessage().contains("not a multiple of ways x line"), e.getMessage());
    }
}
