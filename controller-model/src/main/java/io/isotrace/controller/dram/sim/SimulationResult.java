package io.isotrace.controller.dram.sim;

import io.isotrace.controller.dram.stats.DramStats;

/**
 * The outcome of a trace-driven run.
 *
 * @param stats     everything measured
 * @param cycles    the run's length in DRAM cycles (the window given, or up to the last data beat)
 * @param requests  requests taken from the source
 * @param wallNanos host time the simulation took
 */
public record SimulationResult(DramStats stats, long cycles, long requests, long wallNanos) {
    /** Requests simulated per host second. */
    public double requestsPerSecond() {
        return wallNanos <= 0 ? 0 : requests * 1e9 / wallNanos;
    }
}
