package io.isotrace.controller.timing;

import io.isotrace.trace.record.ClockDomain;

/**
 * The controller's own timing: its clock, and how many of its cycles a translation-cache hit and a table walk
 * take (the walk's memory reads are timed separately, by the {@link MemoryTiming} behind the controller).
 *
 * @param clock       the controller's clock domain
 * @param hitCycles   cycles to check a transaction whose translation is cached
 * @param walkCycles  cycles of walk logic on a miss, besides the walk's memory reads
 * @param regCycles   cycles for one register-block access
 */
public record CheckTiming(ClockDomain clock, int hitCycles, int walkCycles, int regCycles) {
    public CheckTiming {
        if (hitCycles < 0 || walkCycles < 0 || regCycles < 0) {
            throw new IllegalArgumentException("cycle counts must not be negative");
        }
    }

    /** 1 GHz, 1-cycle hit, 4-cycle walk, 2-cycle register access. */
    public static CheckTiming defaults() {
        return new CheckTiming(new ClockDomain("controller", 1_000_000_000L), 1, 4, 2);
    }
}
