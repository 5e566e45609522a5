package io.isotrace.trace.queue;

import io.isotrace.trace.record.CompactCodec;
import io.isotrace.trace.record.RecordLayout;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Appends transactions to a trace directory.
 *
 * <p>Records are packed into a reusable buffer and written as one excerpt per batch, so {@link #append} allocates
 * nothing and touches Chronicle only once per batch. A batch ends when it is full, when the next record's sequence
 * number is not the successor of the previous one (batches store only their first sequence number), on
 * {@link #flush()} and on {@link #close()}. Whatever has been flushed stays readable even if the process dies
 * before {@code close}; {@code close} adds the end marker that tells readers the trace is complete.
 *
 * <p>Records are stored compactly by default ({@link Encoding}). The queue can be written by a thread of its own
 * ({@link Threading#BACKGROUND}); the bytes on disk are the same either way.
 *
 * <p>Not thread-safe: one writer per trace, used from one thread.
 */
public final class TraceWriter implements TransactionSink, AutoCloseable {
    /** How records are stored. */
    public enum Encoding {
        /** Differences from the previous record ({@link CompactCodec}): 6-9 bytes a record. The default. */
        COMPACT,
        /** Fixed 48-byte records ({@link RecordLayout}), for tools that want to index records directly. */
        FIXED
    }

    /** Which thread writes the queue. */
    public enum Threading {
        /** The caller's thread. */
        DIRECT,
        /** A writer thread of its own, so recording overlaps with simulation on a second core. */
        BACKGROUND
    }

    private final Path dir;
    private final int batchRecords;
    /** Compact records encoded in this thread (DIRECT); a BACKGROUND writer gets fixed ones and encodes them itself. */
    private final boolean encodeHere;
    private final ExcerptOutput out;
    private final CompactCodec codec = new CompactCodec();
    /** The buffer being filled. */
    private byte[] batch;
    /** Where the next record goes in {@link #batch}. */
    private int batchPos = ExcerptFormat.BATCH_HEADER_BYTES;

    private int inBatch;
    private long batchFirstSeq;
    private long lastSeq = -1;
    private long lastTimePs;
    private long records;
    private boolean closed;

    private TraceWriter(Path dir, TraceHeader header, int batchRecords, Encoding encoding, Threading threading) {
        this.dir = dir;
        this.batchRecords = batchRecords;
        boolean compact = encoding == Encoding.COMPACT;
        this.encodeHere = compact && threading == Threading.DIRECT;
        int bytes = ExcerptFormat.bufferBytes(batchRecords);
        this.out = threading == Threading.BACKGROUND ? new BackgroundExcerptWriter(dir, header, bytes, compact)
                : new DirectExcerptWriter(dir, header, bytes, compact);
        this.batch = out.buffer();
    }

    /** Creates a new trace in {@code dir}, which must not exist or be empty: compact records, written directly. */
    public static TraceWriter create(Path dir, TraceHeader header) {
        return create(dir, header, ExcerptFormat.DEFAULT_BATCH_RECORDS);
    }

    /** As {@link #create(Path, TraceHeader)} with a chosen number of records per excerpt (1..65535). */
    public static TraceWriter create(Path dir, TraceHeader header, int batchRecords) {
        return create(dir, header, batchRecords, Encoding.COMPACT, Threading.DIRECT);
    }

    /** A writer with every choice explicit. */
    public static TraceWriter create(Path dir, TraceHeader header, int batchRecords, Encoding encoding,
                                     Threading threading) {
        if (batchRecords < 1 || batchRecords > ExcerptFormat.MAX_BATCH_RECORDS) {
            throw new IllegalArgumentException("records per batch must be 1.." + ExcerptFormat.MAX_BATCH_RECORDS);
        }
        prepareDirectory(dir);
        return new TraceWriter(dir, header, batchRecords, encoding, threading);
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
        if (!RecordLayout.fits(t)) {
            throw new IllegalArgumentException("record #" + t.seq + ": " + RecordLayout.checkFits(t));
        }
        if (inBatch > 0 && (inBatch == batchRecords || t.seq != lastSeq + 1)) {
            publishBatch();
        }
        if (inBatch == 0) {
            batchFirstSeq = t.seq;
            codec.reset();
        }
        if (encodeHere) {
            batchPos = codec.encode(t, batch, batchPos);
        } else {
            RecordLayout.encode(t, batch, batchPos);
            batchPos += RecordLayout.RECORD_BYTES;
        }
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

    private void publishBatch() {
        out.publish(inBatch, batchFirstSeq, batchPos - ExcerptFormat.BATCH_HEADER_BYTES);
        inBatch = 0;
        batchPos = ExcerptFormat.BATCH_HEADER_BYTES;
        batch = out.buffer();
    }

    /** Writes the records appended so far, so a reader (or a later crash) sees them. */
    public void flush() {
        if (inBatch > 0) {
            publishBatch();
        }
        out.drain();
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
        closed = true;
        if (inBatch > 0) {
            publishBatch();
        }
        out.close(records, lastSeq, lastTimePs);
    }
}
