package io.isotrace.trace.convert;

import java.util.Locale;

/**
 * The trace formats Isotrace converts to and from.
 *
 * <ul>
 *   <li>{@link #CSV}: every field of every record, with a header row; round-trips exactly.</li>
 *   <li>{@link #DRAMSIM3}: DRAMSim3's {@code 0xADDR READ|WRITE cycle} lines (its {@code TraceBasedCPU} input).</li>
 *   <li>{@link #RAMULATOR}: Ramulator 2's load/store trace, {@code LD 0xADDR} / {@code ST 0xADDR}, no time.</li>
 * </ul>
 * The DRAM formats carry one request per 64-byte line (see {@link DramRequests}).
 */
public enum ExternalFormat {
    CSV(true, true),
    DRAMSIM3(true, true),
    RAMULATOR(true, false);

    private final boolean exports;
    private final boolean imports;

    ExternalFormat(boolean exports, boolean imports) {
        this.exports = exports;
        this.imports = imports;
    }

    public boolean canExport() {
        return exports;
    }

    public boolean canImport() {
        return imports;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
