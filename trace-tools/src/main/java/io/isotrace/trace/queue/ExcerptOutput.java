package io.isotrace.trace.queue;

/**
 * Where {@link TraceWriter} hands its batches: a buffer to pack the next batch into, and a call to publish it.
 * The synchronous form writes in the caller's thread; the background form on a thread of its own.
 */
interface ExcerptOutput {
    /** The buffer to pack the next batch into (records after {@link ExcerptFormat#BATCH_HEADER_BYTES}). */
    byte[] buffer();

    /** Publishes the buffer last returned: {@code count} records, {@code payload} bytes. */
    void publish(int count, long firstSeq, int payload);

    /** Returns once every published batch is in the queue. */
    void drain();

    /** Writes the end marker after the last batch and releases the queue. */
    void close(long records, long lastSeq, long lastTimePs);
}
