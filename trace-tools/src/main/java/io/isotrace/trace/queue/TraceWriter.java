package io.isotrace.trace.queue;

import io.isotrace.trace.record.RecordLayout;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionSink;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Appends transactions to a trace directory.
 *
 * <p>Records are packed into a reusable buffer and written as one excerpt per batch, so {@link #append} allocates
 * nothing and touches Chronicle only once per batch. A batch ends when it is full, when the next record's sequence
 * number is not the successor of the previous one (batches store only their first sequence number), on
 * {@link #flush()} and on {@link #close()}. Whatever has been flushed stays readable even if the process dies
 * before {@code close}; {@code close} adds the end marker that tells readers the trace is complete.
 *
 * <p>Not thread-safe: one writer per trace, used from one thread.
 */
public final class TraceWriter implements TransactionSink, AutoCloseable {
    private final Path dir;
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final int batchRecords;
    private final byte[] batch;
    private final CRC32C crc = new CRC32C();

    private int inBatch;
    private long batchFirstSeq;
    private long lastSeq = -1;
    private long lastTimePs;
    private long records;
    private boolean closed;

    private TraceWriter(Path dir, ChronicleQueue queue, int batchRecords) {
        this.dir = dir;
        this.queue = queue;
        this.appender = queue.createAppender();
        this.batchRecords = batchRecords;
        this.batch = new byte[ExcerptFormat.batchBytes(batchRecords)];
    }

    /** Creates a new trace in {@code dir}, which must not exist or be empty. */
    public static TraceWriter create(Path dir, TraceHeader header) {
        return create(dir, header, ExcerptFormat.DEFAULT_BATCH_RECORDS);
    }

    /** As {@link #create(Path, TraceHeader)} with a chosen number of records per excerpt (1..65535). */
    public static TraceWriter create(Path dir, TraceHeader header, int batchRecords) {
        if (batchRecords < 1 || batchRecords > ExcerptFormat.MAX_BATCH_RECORDS) {
            throw new IllegalArgumentException("records per batch must be 1.." + ExcerptFormat.MAX_BATCH_RECORDS);
        }
        prepareDirectory(dir);
        ChronicleQueue queue = TraceQueues.openForWrite(dir);
        TraceWriter w = new TraceWriter(dir, queue, batchRecords);
        w.writeHeader(header);
        return w;
    }

    private static void prepareDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException(dir + ": exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + ": exists and is not empty (a trace is never "
                                + "overwritten; remove it or choose another directory)");
                    }
                }
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create the trace directory", e);
        }
    }

    private void writeHeader(TraceHeader header) {
        List<String[]> pairs = header.toPairs();
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> b = dc.wire().bytes();
            b.writeInt(ExcerptFormat.TAG_HEADER);
            b.writeUnsignedShort(header.formatMajor());
            b.writeUnsignedShort(header.formatMinor());
            b.writeInt(pairs.size());
            for (String[] p : pairs) {
                writeUtf8(b, p[0]);
                writeUtf8(b, p[1]);
            }
        }
    }

    private static void writeUtf8(Bytes<?> b, String s) {
        byte[] u = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        b.writeInt(u.length);
        b.write(u);
    }

    /**
     * Appends one record. Its sequence number must be greater than the previous record's, and every field must
     * fit the record layout; otherwise an IllegalArgumentException names the field and nothing is written.
     */
    public void append(Transaction t) {
        if (closed) {
            throw new IllegalStateException(dir + ": trace writer is closed");
        }
        if (t.seq <= lastSeq) {
            throw new IllegalArgumentException("record #" + t.seq + " does not follow #" + lastSeq
                    + " (sequence numbers must increase)");
        }
        String bad = RecordLayout.checkFits(t);
        if (bad != null) {
            throw new IllegalArgumentException("record #" + t.seq + ": " + bad);
        }
        if (inBatch > 0 && (inBatch == batchRecords || t.seq != lastSeq + 1)) {
            writeBatch();
        }
        if (inBatch == 0) {
            batchFirstSeq = t.seq;
        }
        RecordLayout.encode(t, batch, ExcerptFormat.BATCH_HEADER_BYTES + inBatch * RecordLayout.RECORD_BYTES);
        inBatch++;
        lastSeq = t.seq;
        lastTimePs = t.timePs;
        records++;
    }

    /** {@link TransactionSink} view of {@link #append}. */
    @Override
    public void accept(Transaction t) {
        append(t);
    }

    private void writeBatch() {
        int payload = inBatch * RecordLayout.RECORD_BYTES;
        crc.reset();
        crc.update(batch, ExcerptFormat.BATCH_HEADER_BYTES, payload);
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> b = dc.wire().bytes();
            b.writeInt(ExcerptFormat.TAG_BATCH);
            b.writeUnsignedShort(inBatch);
            b.writeUnsignedShort(0);
            b.writeLong(batchFirstSeq);
            b.writeInt((int) crc.getValue());
            b.writeInt(0);
            b.write(batch, ExcerptFormat.BATCH_HEADER_BYTES, payload);
        }
        inBatch = 0;
    }

    /** Writes the records appended so far, so a reader (or a later crash) sees them. */
    public void flush() {
        if (inBatch > 0) {
            writeBatch();
        }
    }

    /** Records appended so far. */
    public long records() {
        return records;
    }

    public Path directory() {
        return dir;
    }

    /** Flushes, writes the end marker and releases the queue. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
            try (DocumentContext dc = appender.writingDocument()) {
                Bytes<?> b = dc.wire().bytes();
                b.writeInt(ExcerptFormat.TAG_END);
                b.writeLong(records);
                b.writeLong(lastSeq);
                b.writeLong(lastTimePs);
            }
        } finally {
            closed = true;
            appender.close();
            queue.close();
        }
    }
}
