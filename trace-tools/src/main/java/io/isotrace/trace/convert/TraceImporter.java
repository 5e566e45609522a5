package io.isotrace.trace.convert;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.MemoryType;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV or DRAMSim3 trace into a trace writer, line by line. A line that does not parse stops the import with
 * a {@link BadInputException} naming the file, the line and (for CSV) the column.
 */
public final class TraceImporter {
    private final ExternalFormat format;
    private final ClockDomain clock;

    /** @param clock the clock whose cycles a DRAMSim3 cycle column counts (ignored for CSV) */
    public TraceImporter(ExternalFormat format, ClockDomain clock) {
        if (!format.canImport()) {
            throw new IllegalArgumentException("cannot import from " + format.cliName());
        }
        this.format = format;
        this.clock = clock;
    }

    /** Imports every line of {@code in} (named {@code source} in messages); returns the records written. */
    public long importTo(BufferedReader in, String source, TraceWriter out) {
        try {
            return format == ExternalFormat.CSV ? importCsv(in, source, out) : importDramSim3(in, source, out);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private long importCsv(BufferedReader in, String source, TraceWriter out) throws IOException {
        String head = in.readLine();
        if (head == null) {
            throw new BadInputException(source + ":1", "empty file (expected a header row: " + CsvColumns.headerRow() + ")");
        }
        List<CsvColumns> cols = new ArrayList<>();
        boolean[] seen = new boolean[CsvColumns.values().length];
        for (String name : head.split(",", -1)) {
            CsvColumns c = CsvColumns.byHeader(name.trim());
            if (c == null) {
                throw new BadInputException(source + ":1", "unknown column '" + name.trim() + "'");
            }
            if (seen[c.ordinal()]) {
                throw new BadInputException(source + ":1", "column '" + c.header + "' appears twice");
            }
            seen[c.ordinal()] = true;
            cols.add(c);
        }
        for (CsvColumns required : new CsvColumns[]{CsvColumns.SEQ, CsvColumns.IPA, CsvColumns.SIZE, CsvColumns.KIND}) {
            if (!seen[required.ordinal()]) {
                throw new BadInputException(source + ":1", "missing required column '" + required.header + "'");
            }
        }
        Transaction t = new Transaction();
        long lineNo = 1;
        long n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != cols.size()) {
                throw new BadInputException(source + ":" + lineNo, cells.length + " fields, expected " + cols.size());
            }
            t.clear();
            for (int i = 0; i < cells.length; i++) {
                try {
                    cols.get(i).parse(cells[i], t);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(source + ":" + lineNo, "column '" + cols.get(i).header + "': " + e.getMessage());
                }
            }
            if (!seen[CsvColumns.VA.ordinal()]) {
                t.va = t.ipa; // a trace without VAs is a physical one: VA = IPA as in user mode
            }
            append(out, t, source, lineNo);
            n++;
        }
        return n;
    }

    private long importDramSim3(BufferedReader in, String source, TraceWriter out) throws IOException {
        Transaction t = new Transaction();
        DramSim3Line parsed = new DramSim3Line();
        long lineNo = 0;
        long n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!parsed.parse(line, source, lineNo)) {
                continue;
            }
            t.clear();
            t.seq = n;
            t.timePs = clock.cyclesToPs(parsed.cycle());
            t.kind = parsed.isWrite() ? TransactionKind.WRITE : TransactionKind.READ;
            t.size = DramRequests.LINE_BYTES;
            t.va = parsed.address();
            t.ipa = parsed.address();
            t.el = 0;
            t.security = SecurityState.NON_SECURE;
            t.unprivileged = true;
            t.memoryType = MemoryType.NORMAL_WB;
            t.status = ReplyStatus.UNANSWERED;
            append(out, t, source, lineNo);
            n++;
        }
        return n;
    }

    /** Appends {@code t}, read from line {@code lineNo} of {@code source}; a record that does not fit is bad input. */
    private static void append(TraceWriter out, Transaction t, String source, long lineNo) {
        try {
            out.append(t);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ":" + lineNo, e.getMessage());
        }
    }
}
