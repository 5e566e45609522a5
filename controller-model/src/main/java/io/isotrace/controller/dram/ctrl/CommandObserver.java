package io.isotrace.controller.dram.ctrl;

import io.isotrace.controller.dram.spec.Command;

/**
 * Sees every command a channel controller issues, in order (a command trace, as DRAMSim3 writes with CMD_TRACE).
 * For tests and debugging; when none is set the controller does not pay for it.
 */
@FunctionalInterface
public interface CommandObserver {
    /**
     * @param bank the bank index within the channel (for rank commands, the rank's first bank)
     * @param row  the row for ACT and column commands, else -1
     */
    void issued(int channel, Command cmd, int bank, int row, long cycle);
}
