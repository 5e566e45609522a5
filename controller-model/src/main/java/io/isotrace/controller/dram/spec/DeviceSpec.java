package io.isotrace.controller.dram.spec;

import java.util.List;
import java.util.Objects;

/**
 * A concrete memory: a standard, how the system is organised, and the device timing. The engine runs exactly this;
 * presets produce one and configuration files override parts of it.
 *
 * @param name a label for reports, e.g. {@code DDR4-3200 8Gb x8}
 */
public record DeviceSpec(String name, DramStandard standard, Organization organization, TimingParameters timing) {
    public DeviceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(timing, "timing");
    }

    /** The standard's constraint table for this timing. */
    public List<TimingConstraint> constraints() {
        return standard.constraints(timing);
    }

    /** Peak data bandwidth of all channels in bytes per second: one burst every {@code burst} cycles per channel. */
    public double peakBytesPerSecond() {
        return (double) organization.burstBytes() / timing.burst() * timing.clockHz() * organization.channels();
    }

    public DeviceSpec withOrganization(Organization o) {
        return new DeviceSpec(name, standard, o, timing);
    }

    public DeviceSpec withTiming(TimingParameters t) {
        return new DeviceSpec(name, standard, organization, t);
    }
}
