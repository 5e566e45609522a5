package io.isotrace.trace.convert;

import io.isotrace.trace.BadInputException;

import java.util.regex.Pattern;

/**
 * Parses DRAMSim3 trace lines, {@code 0xADDR READ|WRITE cycle} (DRAMSim3's TraceBasedCPU reads the address with
 * std::hex, the cycle in decimal, and expects cycles in order). Blank lines and {@code #} comments are skipped. A
 * bad line, or a cycle that goes back in time, is a {@link BadInputException} naming the file and line. Reused, so
 * reading a long trace allocates nothing per line beyond the line itself.
 */
public final class DramSim3Line {
    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern FIELDS = Pattern.compile("\\s+");

    private long address;
    private boolean write;
    private long cycle;
    private long lastCycle;

    /**
     * Parses {@code line}, line {@code lineNo} of {@code source}; false when it holds no request (blank or comment),
     * true with {@link #address()}, {@link #isWrite()} and {@link #cycle()} set. Errors name {@code source:lineNo}.
     */
    public boolean parse(String line, String source, long lineNo) {
        String s = line.trim();
        if (s.isEmpty() || s.startsWith("#")) {
            return false;
        }
        String[] f = FIELDS.split(s);
        if (f.length != 3) {
            throw new BadInputException(source + ":" + lineNo, "expected '0xADDR READ|WRITE cycle', got '" + s + "'");
        }
        try {
            String a = f[0].startsWith("0x") || f[0].startsWith("0X") ? f[0].substring(2) : f[0];
            address = Long.parseUnsignedLong(a, 16);
        } catch (NumberFormatException e) {
            throw new BadInputException(source + ":" + lineNo, "not a hexadecimal address: '" + f[0] + "'");
        }
        switch (f[1]) {
            case "READ":
                write = false;
                break;
            case "WRITE":
                write = true;
                break;
            default:
                throw new BadInputException(source + ":" + lineNo, "expected READ or WRITE, got '" + f[1] + "'");
        }
        try {
            cycle = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            throw new BadInputException(source + ":" + lineNo, "not a cycle number: '" + f[2] + "'");
        }
        if (cycle < lastCycle) {
            throw new BadInputException(source + ":" + lineNo,
                    "cycle " + cycle + " goes back in time (previous line: " + lastCycle + ")");
        }
        lastCycle = cycle;
        return true;
    }

    public long address() {
        return address;
    }

    public boolean isWrite() {
        return write;
    }

    public long cycle() {
        return cycle;
    }
}
