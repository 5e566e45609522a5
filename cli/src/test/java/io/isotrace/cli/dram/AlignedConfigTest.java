package io.isotrace.cli.dram;

import io.isotrace.controller.dram.config.DramConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The DRAMSim3-aligned configuration exists twice - built in (what {@code dram validate} uses without --config) and
 * as the committed file the README's command names - and the two must say the same.
 */
class AlignedConfigTest {
    @Test
    void builtInConfigurationEqualsTheCommittedFile() {
        var loaded = DramConfigLoader.load(Path.of("../validation/isotrace-ddr4-3200-dramsim3.yaml"));
        assertEquals(AlignedConfig.ddr4_3200(), loaded.dram());
        assertNull(loaded.cache());
    }
}
