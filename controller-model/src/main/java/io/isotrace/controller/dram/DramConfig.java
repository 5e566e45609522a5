package io.isotrace.controller.dram;

import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.mapping.MappingScheme;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.Preset;

import java.util.Objects;

/**
 * Everything a DRAM model needs: the device, the address mapping and the controller's queues and policies.
 * Configuration files ({@code io.isotrace.controller.dram.config.DramConfigLoader}) produce one.
 */
public record DramConfig(DeviceSpec device, MappingScheme mapping, boolean xorBanks, ControllerConfig controller) {
    public DramConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(controller, "controller");
    }

    /** A preset with DRAMSim3's default mapping ({@code rochrababgco}) and the default controller. */
    public static DramConfig of(Preset preset) {
        return new DramConfig(preset.spec(), MappingScheme.parse("rochrababgco"), false, ControllerConfig.defaults());
    }

    public DramConfig withController(ControllerConfig c) {
        return new DramConfig(device, mapping, xorBanks, c);
    }

    public DramConfig withMapping(MappingScheme m, boolean xor) {
        return new DramConfig(device, m, xor, controller);
    }

    public DramConfig withDevice(DeviceSpec d) {
        return new DramConfig(d, mapping, xorBanks, controller);
    }

    /** One line for reports. */
    public String describe() {
        ControllerConfig c = controller;
        return device.name() + ", " + mapping.name() + (xorBanks ? "+xor" : "") + ", " + c.scheduler().key()
                + (c.scheduler() == io.isotrace.controller.dram.ctrl.SchedulerPolicy.FRFCFS
                ? " cap " + c.rowHitCap() : "") + ", " + c.pagePolicy().key() + " page, " + c.refresh().key()
                + " refresh";
    }
}
