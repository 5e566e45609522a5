package io.isotrace.trace.queue;

import java.nio.file.Path;

/** Writes each batch in the caller's thread, as soon as it is published. */
final class DirectExcerptWriter implements ExcerptOutput {
    private final QueueExcerptWriter out;
    private final boolean compact;
    private final byte[] buffer;

    DirectExcerptWriter(Path dir, TraceHeader header, int bufferBytes, boolean compact) {
        this.out = new QueueExcerptWriter(dir);
        this.compact = compact;
        this.buffer = new byte[bufferBytes];
        out.header(header);
    }

    @Override
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public void publish(int count, long firstSeq, int payload) {
        out.batch(buffer, count, firstSeq, payload, compact);
    }

    @Override
    public void drain() {
        // Nothing is pending: publish wrote the batch already.
    }

    @Override
    public void close(long records, long lastSeq, long lastTimePs) {
        try (out) {
            out.end(records, lastSeq, lastTimePs);
        }
    }
}
