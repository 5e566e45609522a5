package io.isotrace.cpu;

import io.isotrace.trace.record.ClockDomain;

/**
 * Fixed properties of one emulated core.
 *
 * @param requester       the core's requester id in transactions
 * @param clock           the core clock: one instruction per cycle, plus memory stall time in lockstep
 * @param maxInstructions stop after this many instructions (Long.MAX_VALUE: no limit)
 */
public record CpuConfig(int requester, ClockDomain clock, long maxInstructions) {
    public static CpuConfig defaults() {
        return new CpuConfig(0, ClockDomain.cpuDefault(), Long.MAX_VALUE);
    }

    public CpuConfig withMaxInstructions(long max) {
        return new CpuConfig(requester, clock, max);
    }

    public CpuConfig withRequester(int id) {
        return new CpuConfig(id, clock, maxInstructions);
    }
}
