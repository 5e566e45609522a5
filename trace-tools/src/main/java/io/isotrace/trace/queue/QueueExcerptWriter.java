package io.isotrace.trace.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a trace's excerpts ({@link ExcerptFormat}) into its Chronicle queue: the header, batches of packed
 * records (checksummed here), and the end marker. Used from one thread, the one that created it, as Chronicle's
 * appenders require.
 */
final class QueueExcerptWriter implements AutoCloseable {
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final CRC32C crc = new CRC32C();

    QueueExcerptWriter(Path dir) {
        this.queue = TraceQueues.openForWrite(dir);
        this.appender = queue.createAppender();
    }

    void header(TraceHeader header) {
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
     * Writes {@code count} records packed in {@code buf} after {@link ExcerptFormat#BATCH_HEADER_BYTES}: {@code
     * payload} bytes of compact records, or fixed 48-byte ones when {@code compact} is false.
     */
    void batch(byte[] buf, int count, long firstSeq, int payload, boolean compact) {
        crc.reset();
        crc.update(buf, ExcerptFormat.BATCH_HEADER_BYTES, payload);
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> b = dc.wire().bytes();
            b.writeInt(compact ? ExcerptFormat.TAG_COMPACT : ExcerptFormat.TAG_BATCH);
            b.writeUnsignedShort(count);
            b.writeUnsignedShort(0);
            b.writeLong(firstSeq);
            b.writeInt((int) crc.getValue());
            b.writeInt(compact ? payload : 0);
            b.write(buf, ExcerptFormat.BATCH_HEADER_BYTES, payload);
        }
    }

    void end(long records, long lastSeq, long lastTimePs) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> b = dc.wire().bytes();
            b.writeInt(ExcerptFormat.TAG_END);
            b.writeLong(records);
            b.writeLong(lastSeq);
            b.writeLong(lastTimePs);
        }
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}
