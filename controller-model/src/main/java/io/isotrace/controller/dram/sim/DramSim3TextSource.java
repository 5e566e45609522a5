package io.isotrace.controller.dram.sim;

import io.isotrace.trace.BadInputException;

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
    private long lineNo;
    private long lastCycle;
    private long address;
    private boolean write;
    private long cycle;

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
                String s = line.trim();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                parse(s);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        return false;
    }

    private void parse(String s) {
        String where = name + ":" + lineNo;
        String[] f = s.split("\\s+");
        if (f.length != 3) {
            throw new BadInputException(where, "expected '0xADDR READ|WRITE cycle', got '" + s + "'");
        }
        try {
            String a = f[0].startsWith("0x") || f[0].startsWith("0X") ? f[0].substring(2) : f[0];
            address = Long.parseUnsignedLong(a, 16);
        } catch (NumberFormatException e) {
            throw new BadInputException(where, "not a hexadecimal address: '" + f[0] + "'");
        }
        switch (f[1]) {
            case "READ":
                write = false;
                break;
            case "WRITE":
                write = true;
                break;
            default:
                throw new BadInputException(where, "expected READ or WRITE, got '" + f[1] + "'");
        }
        try {
            cycle = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            throw new BadInputException(where, "not a cycle number: '" + f[2] + "'");
        }
        if (cycle < lastCycle) {
            throw new BadInputException(where, "cycle " + cycle + " goes back in time (previous: " + lastCycle + ")");
        }
        lastCycle = cycle;
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public boolean isWrite() {
        return write;
    }

    @Override
    public long cycle() {
        return cycle;
    }
}
