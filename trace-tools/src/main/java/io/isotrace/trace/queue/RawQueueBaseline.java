package io.isotrace.trace.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardstick for {@link TraceWriter} and {@link TraceReader}: the same excerpt bytes moved through Chronicle
 * Queue with nothing of Isotrace around them (no record packing, no checksum, no decoding), in a queue configured as
 * traces are. {@code isotrace bench trace} reports the trace API's rates as a fraction of these.
 *
 * <p>For the benchmark only; no trace is ever written this way.
 */
public final class RawQueueBaseline {
    private RawQueueBaseline() {
    }

    /**
     * Copies up to {@code max} batch excerpts of the trace in {@code trace}, exactly as stored (the header and the
     * end marker are left out), to be appended again by {@link #append}.
     */
    public static List<byte[]> sampleBatches(Path trace, int max) {
        List<byte[]> out = new ArrayList<>();
        try (ChronicleQueue q = TraceQueues.openForRead(trace); ExcerptTailer t = q.createTailer()) {
            while (out.size() < max) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    int tag = b.readInt(b.readPosition());
                    if (tag != ExcerptFormat.TAG_BATCH && tag != ExcerptFormat.TAG_COMPACT) {
                        continue;
                    }
                    byte[] excerpt = new byte[(int) b.readRemaining()];
                    b.read(excerpt);
                    out.add(excerpt);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(trace + ": no record batches to sample");
        }
        return out;
    }

    /**
     * Appends {@code excerpts} excerpts to a new queue in {@code dir}, cycling through {@code samples}, one
     * {@code writingDocument} and one bulk write each, as {@link TraceWriter} does per batch. Returns the bytes
     * written.
     */
    public static long append(Path dir, List<byte[]> samples, long excerpts) {
        byte[][] s = samples.toArray(new byte[0][]);
        long bytes = 0;
        try (ChronicleQueue q = TraceQueues.openForWrite(dir); ExcerptAppender a = q.createAppender()) {
            for (long i = 0; i < excerpts; i++) {
                byte[] e = s[(int) (i % s.length)];
                try (DocumentContext dc = a.writingDocument()) {
                    dc.wire().bytes().write(e);
                }
                bytes += e.length;
            }
        }
        return bytes;
    }

    /**
     * Reads every excerpt of the queue in {@code dir} into one scratch array (the copy {@link TraceReader} makes
     * before it checks and decodes a batch). Returns the number of excerpts.
     */
    public static long readAll(Path dir) {
        byte[] scratch = new byte[1 << 16];
        long n = 0;
        try (ChronicleQueue q = TraceQueues.openForRead(dir); ExcerptTailer t = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return n;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    int len = (int) b.readRemaining();
                    if (len > scratch.length) {
                        scratch = new byte[len];
                    }
                    b.read(scratch, 0, len);
                    n++;
                }
            }
        }
    }
}
