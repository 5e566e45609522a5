package io.isotrace.trace.queue;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.CompactCodec;
import io.isotrace.trace.record.RecordLayout;
import io.isotrace.trace.record.Transaction;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a trace in sequence order, one record at a time into a caller's {@link Transaction}, without allocating per
 * record. The reader opens the queue read-only and never modifies the directory.
 *
 * <p>Damage is reported, not skipped: a batch whose checksum does not match, an excerpt of unknown kind or a
 * header of an unknown major version raise {@link BadInputException} naming the queue file, the excerpt and the
 * records concerned. A trace whose writer died before closing simply ends early; {@link #isComplete()} says so.
 */
public final class TraceReader implements AutoCloseable {
    private final Path dir;
    private final Path dataFile;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final TraceHeader header;
    private final long firstIndex;
    private final CRC32C crc = new CRC32C();

    private byte[] batch = new byte[ExcerptFormat.bufferBytes(ExcerptFormat.DEFAULT_BATCH_RECORDS)];
    private final CompactCodec codec = new CompactCodec();
    private final Transaction skipped = new Transaction();
    private int batchCount;
    /** Index within the batch of the next record. */
    private int batchPos;
    /** True when the loaded batch holds compact records; then {@link #cursor} is where the next one starts. */
    private boolean compactBatch;
    private int cursor;
    private int payloadEnd;
    private long batchFirstSeq;
    private boolean complete;
    private boolean exhausted;
    private long endRecords = -1;
    private long recordsRead;

    private TraceReader(Path dir, ChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
        this.dataFile = TraceQueues.dataFile(dir);
        this.tailer = queue.createTailer();
        this.firstIndex = queue.firstIndex();
        this.header = readHeader();
    }

    /** Opens the trace in {@code dir}; {@link BadInputException} when it is not a readable trace. */
    public static TraceReader open(Path dir) {
        String where = dir.toString();
        if (!Files.exists(dir)) {
            throw new BadInputException(where, "no such trace directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(where, "not a directory (a trace is a directory of Chronicle queue files)");
        }
        try {
            if (!TraceQueues.hasQueueFiles(dir)) {
                throw new BadInputException(where, "not a trace: no queue files (*" + TraceQueues.DATA_SUFFIX + ")");
            }
        } catch (IOException e) {
            throw new BadInputException(where, "cannot list the directory: " + e.getMessage(), e);
        }
        ChronicleQueue q;
        try {
            q = TraceQueues.openForRead(dir);
        } catch (RuntimeException e) {
            throw new BadInputException(where, "cannot open the queue: " + e.getMessage(), e);
        }
        try {
            return new TraceReader(dir, q);
        } catch (RuntimeException e) {
            q.close();
            throw e instanceof BadInputException ? e : new BadInputException(where, "cannot read the queue: " + e, e);
        }
    }

    private TraceHeader readHeader() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new BadInputException(dataFile.toString(), "not a trace: the queue is empty (no header)");
            }
            Bytes<?> b = dc.wire().bytes();
            long pos = b.readPosition();
            if (b.readRemaining() < 12) {
                throw bad(pos, 0, "first excerpt is too short to be a trace header");
            }
            int tag = b.readInt();
            if (tag != ExcerptFormat.TAG_HEADER) {
                throw bad(pos, 0, "not an Isotrace trace: first excerpt starts with '" + ExcerptFormat.tagName(tag)
                        + "', not a trace header");
            }
            int major = b.readUnsignedShort();
            int minor = b.readUnsignedShort();
            if (major != TraceHeader.FORMAT_MAJOR) {
                throw bad(pos, 0, "trace format " + major + "." + minor + " is not supported (this isotrace reads "
                        + TraceHeader.FORMAT_MAJOR + ".x)");
            }
            int n = b.readInt();
            if (n < 0 || n > 1_000_000) {
                throw bad(pos, 0, "corrupt trace header: " + n + " entries");
            }
            List<String[]> pairs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pairs.add(new String[]{readUtf8(b, pos), readUtf8(b, pos)});
            }
            try {
                return TraceHeader.fromPairs(major, minor, pairs);
            } catch (RuntimeException e) {
                throw bad(pos, 0, "corrupt trace header: " + e.getMessage());
            }
        }
    }

    private String readUtf8(Bytes<?> b, long pos) {
        int len = b.readInt();
        if (len < 0 || len > b.readRemaining()) {
            throw bad(pos, 0, "corrupt trace header: string length " + len);
        }
        byte[] u = new byte[len];
        b.read(u);
        return new String(u, StandardCharsets.UTF_8);
    }

    private BadInputException bad(long bytePos, long excerptIndex, String what) {
        return new BadInputException(dataFile + ": excerpt " + excerptIndex + " (byte " + bytePos + ")", what);
    }

    public TraceHeader header() {
        return header;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Fills {@code into} with the next record and returns true, or returns false at the end of the trace.
     * Throws {@link BadInputException} when the next batch is damaged.
     */
    public boolean next(Transaction into) {
        while (batchPos == batchCount) {
            if (exhausted || !loadNextBatch()) {
                return false;
            }
        }
        decodeAt(batchPos, into);
        batchPos++;
        recordsRead++;
        return true;
    }

    private void decodeAt(int i, Transaction into) {
        String bad;
        if (compactBatch) {
            bad = codec.decode(batch, cursor, payloadEnd, into);
            if (bad == null) {
                cursor = codec.position();
            }
        } else {
            bad = RecordLayout.decode(batch, ExcerptFormat.BATCH_HEADER_BYTES + i * RecordLayout.RECORD_BYTES, into);
        }
        if (bad != null) {
            throw new BadInputException(dataFile + ": record #" + (batchFirstSeq + i), bad);
        }
        into.seq = batchFirstSeq + i;
        into.data = 0;
    }

    /** Reads excerpts until a batch is loaded (true) or the trace ends (false). */
    private boolean loadNextBatch() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                exhausted = true;
                return false;
            }
            Bytes<?> b = dc.wire().bytes();
            long pos = b.readPosition();
            long excerpt = dc.index() - firstIndex;
            long len = b.readRemaining();
            if (len < 4) {
                throw bad(pos, excerpt, "excerpt of " + len + " bytes is too short");
            }
            int tag = b.readInt();
            if (tag == ExcerptFormat.TAG_END) {
                if (len < 28) {
                    throw bad(pos, excerpt, "end marker of " + len + " bytes is too short");
                }
                endRecords = b.readLong();
                complete = true;
                exhausted = true;
                return false;
            }
            if (tag != ExcerptFormat.TAG_BATCH && tag != ExcerptFormat.TAG_COMPACT) {
                throw bad(pos, excerpt, "unknown excerpt tag '" + ExcerptFormat.tagName(tag) + "'");
            }
            boolean compact = tag == ExcerptFormat.TAG_COMPACT;
            if (len < ExcerptFormat.BATCH_HEADER_BYTES) {
                throw bad(pos, excerpt, "batch of " + len + " bytes is shorter than its header");
            }
            int count = b.readUnsignedShort();
            b.readUnsignedShort();
            long firstSeq = b.readLong();
            int storedCrc = b.readInt();
            int payloadField = b.readInt();
            long payload = compact ? payloadField & 0xFFFF_FFFFL : (long) count * RecordLayout.RECORD_BYTES;
            if (count == 0 || len != ExcerptFormat.BATCH_HEADER_BYTES + payload
                    || payload > (long) count * CompactCodec.MAX_RECORD_BYTES) {
                throw bad(pos, excerpt, "batch claims " + count + " records but holds " + (len - 24) + " bytes");
            }
            int need = ExcerptFormat.BATCH_HEADER_BYTES + (int) payload;
            if (batch.length < need) {
                batch = new byte[need];
            }
            b.read(batch, ExcerptFormat.BATCH_HEADER_BYTES, (int) payload);
            crc.reset();
            crc.update(batch, ExcerptFormat.BATCH_HEADER_BYTES, (int) payload);
            if ((int) crc.getValue() != storedCrc) {
                long fileSize = fileSize();
                if (pos + len > fileSize) {
                    throw bad(pos, excerpt, "the file is truncated: records #" + firstSeq + "..#" + (firstSeq + count - 1)
                            + " end at byte " + (pos + len) + " but the file has " + fileSize + " bytes");
                }
                throw bad(pos, excerpt, "checksum mismatch in records #" + firstSeq + "..#" + (firstSeq + count - 1)
                        + " (the file is corrupt)");
            }
            batchFirstSeq = firstSeq;
            batchCount = count;
            batchPos = 0;
            compactBatch = compact;
            cursor = ExcerptFormat.BATCH_HEADER_BYTES;
            payloadEnd = ExcerptFormat.BATCH_HEADER_BYTES + (int) payload;
            codec.reset();
            return true;
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException | InternalError e) {
            // Chronicle reports a damaged or truncated file in many ways; all of them mean the same to a user.
            throw new BadInputException(dataFile.toString(), "cannot read the queue (truncated or corrupt): " + e, e);
        }
    }

    /**
     * Positions the reader so that {@link #next} returns the first record whose sequence number is at least
     * {@code seq}. Binary search over batches: O(log n) excerpts read. Returns false when no such record exists.
     */
    public boolean seek(long seq) {
        long lo = firstIndex + 1; // excerpt 0 is the header
        long hi = queue.lastIndex();
        long best = -1;
        // Find the last batch whose first sequence number is <= seq.
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long first = firstSeqAt(mid);
            if (first == Long.MIN_VALUE || first > seq) {
                hi = mid - 1;  // an END marker sorts after every batch
            } else {
                best = mid;
                lo = mid + 1;
            }
        }
        exhausted = false;
        complete = false;
        batchCount = 0;
        batchPos = 0;
        if (!tailer.moveToIndex(best < 0 ? firstIndex + 1 : best)) {
            exhausted = true;
            return false;
        }
        if (!loadNextBatch()) {
            return false;
        }
        while (true) {
            while (batchPos < batchCount) {
                if (batchFirstSeq + batchPos >= seq) {
                    return true;
                }
                if (compactBatch) {
                    decodeAt(batchPos, skipped); // compact records are found by decoding those before them
                }
                batchPos++;
            }
            if (!loadNextBatch()) {
                return false;
            }
        }
    }

    /** The first sequence number of the batch at Chronicle index {@code index}, or MIN_VALUE if not a batch. */
    private long firstSeqAt(long index) {
        if (!tailer.moveToIndex(index)) {
            return Long.MIN_VALUE;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return Long.MIN_VALUE;
            }
            Bytes<?> b = dc.wire().bytes();
            if (b.readRemaining() < ExcerptFormat.BATCH_HEADER_BYTES) {
                return Long.MIN_VALUE;
            }
            int tag = b.readInt();
            if (tag != ExcerptFormat.TAG_BATCH && tag != ExcerptFormat.TAG_COMPACT) {
                return Long.MIN_VALUE;
            }
            b.readInt();
            return b.readLong();
        }
    }

    private long fileSize() {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** True once {@link #next} has found no more records (whether or not the trace was closed cleanly). */
    public boolean atEnd() {
        return exhausted && batchPos == batchCount;
    }

    /** True once the end marker has been read: the writer closed the trace cleanly. */
    public boolean isComplete() {
        return complete;
    }

    /** Records the writer said it wrote (from the end marker), or -1 before the end marker is read. */
    public long recordsDeclared() {
        return endRecords;
    }

    /** Records returned by {@link #next} so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** The queue data file, for messages. */
    public Path dataFile() {
        return dataFile;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
