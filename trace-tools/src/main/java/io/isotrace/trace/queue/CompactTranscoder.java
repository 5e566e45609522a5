package io.isotrace.trace.queue;

import io.isotrace.trace.record.CompactCodec;
import io.isotrace.trace.record.RecordLayout;
import io.isotrace.trace.record.Transaction;

/**
 * Turns a batch of fixed 48-byte records into the compact form, on the writer thread of a BACKGROUND trace writer:
 * the recording thread then only packs each record (a few ns), and the delta encoding - most of what recording
 * costs - runs on the second core. The bytes are exactly those a DIRECT writer would have encoded.
 */
final class CompactTranscoder {
    private final CompactCodec codec = new CompactCodec();
    private final Transaction scratch = new Transaction();
    private final byte[] out;

    CompactTranscoder(int batchBytes) {
        this.out = new byte[batchBytes];
    }

    /** The compact batch the last {@link #toCompact} produced, records after the batch header. */
    byte[] buffer() {
        return out;
    }

    /** Re-encodes the {@code count} fixed records packed in {@code fixed}; returns the compact payload's length. */
    int toCompact(byte[] fixed, int count) {
        codec.reset();
        int pos = ExcerptFormat.BATCH_HEADER_BYTES;
        for (int i = 0; i < count; i++) {
            String bad = RecordLayout.decode(fixed, ExcerptFormat.BATCH_HEADER_BYTES + i * RecordLayout.RECORD_BYTES,
                    scratch);
            if (bad != null) {
                // The recording thread packed this record a moment ago from fields it had checked.
                throw new IllegalStateException("record " + i + " of a batch does not decode: " + bad);
            }
            pos = codec.encode(scratch, out, pos);
        }
        return pos - ExcerptFormat.BATCH_HEADER_BYTES;
    }
}
