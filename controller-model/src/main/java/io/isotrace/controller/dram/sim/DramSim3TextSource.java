package io.isotrace.controller.dram.sim;

import io.isotrace.trace.convert.DramSim3Line;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a DRAMSim3 trace, {@code 0xADDR READ|WRITE cycle} per line (cycles in DRAM clocks), as a request source.
 * A line that does not parse, or a cycle that goes back in time, stops the run with the file and line.
 */
public final class DramSim3TextSource implements RequestSource {
    private final BufferedReader in;
    private final String name;
    private final DramSim3Line parsed = new DramSim3Line();
    private long lineNo;

    public DramSim3TextSource(BufferedReader in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public boolean next() {
        String line;
        try {
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (parsed.parse(line, name, lineNo)) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        return false;
    }

    @Override
    public long address() {
        return parsed.address();
    }

    @Override
    public boolean isWrite() {
        return parsed.isWrite();
    }

    @Override
    public long cycle() {
        return parsed.cycle();
    }
}
