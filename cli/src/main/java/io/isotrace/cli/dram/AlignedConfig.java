package io.isotrace.cli.dram;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.controller.dram.spec.TimingParameters;

/**
 * The Isotrace configuration aligned with DRAMSim3 running its own {@code configs/DDR4_8Gb_x8_3200.ini} unchanged:
 * the DDR4-3200 preset (the same timings), the ini's rounded tCK of 0.63 ns (so GB/s and cycles mean the same in
 * both), {@code rochrababgco}, and the DRAMSim3-like controller. {@code validation/isotrace-ddr4-3200-dramsim3.yaml}
 * says the same as a configuration file.
 */
public final class AlignedConfig {
    private AlignedConfig() {
    }

    public static DramConfig ddr4_3200() {
        TimingParameters t = Preset.DDR4_3200.spec().timing().toBuilder().clockHz(1_587_301_587L).build();
        return DramConfig.of(Preset.DDR4_3200).withDevice(Preset.DDR4_3200.spec().withTiming(t))
                .withController(ControllerConfig.dramsim3());
    }
}
