package io.isotrace.trace.convert;

import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionFormat;
import io.isotrace.trace.tools.TraceFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes a trace out in one of the {@link ExternalFormat}s. */
public final class TraceExporter {
    private final ExternalFormat format;
    private final ClockDomain clock;
    private final DramRequests.AddressSource addressSource;

    /**
     * @param clock         the clock whose cycles the DRAMSim3 cycle column counts (ignored by the other formats)
     * @param addressSource which address the DRAM formats use
     */
    public TraceExporter(ExternalFormat format, ClockDomain clock, DramRequests.AddressSource addressSource) {
        if (!format.canExport()) {
            throw new IllegalArgumentException("cannot export to " + format.cliName());
        }
        this.format = format;
        this.clock = clock;
        this.addressSource = addressSource;
    }

    /** Exports the records {@code filter} accepts; returns the number of lines written (header row excluded). */
    public long export(TraceReader reader, TraceFilter filter, Writer out) {
        Transaction t = new Transaction();
        StringBuilder sb = new StringBuilder(256);
        long[] lines = {0};
        try {
            if (format == ExternalFormat.CSV) {
                out.write(CsvColumns.headerRow());
                out.write('\n');
            }
            filter.seekStart(reader);
            while (filter.next(reader, t)) {
                sb.setLength(0);
                if (format == ExternalFormat.CSV) {
                    csvLine(t, sb);
                    lines[0]++;
                } else {
                    lines[0] += DramRequests.expand(t, addressSource, (line, write, ps) -> dramLine(line, write, ps, sb));
                }
                out.append(sb);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines[0];
    }

    private static void csvLine(Transaction t, StringBuilder sb) {
        CsvColumns[] cols = CsvColumns.values();
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            cols[i].print(t, sb);
        }
        sb.append('\n');
    }

    private void dramLine(long line, boolean write, long timePs, StringBuilder sb) {
        if (format == ExternalFormat.DRAMSIM3) {
            // DRAMSim3 reads the address with std::hex and the cycle in decimal.
            TransactionFormat.hex(sb, line).append(write ? " WRITE " : " READ ").append(clock.psToCycles(timePs));
        } else {
            TransactionFormat.hex(sb.append(write ? "ST " : "LD "), line);
        }
        sb.append('\n');
    }
}
