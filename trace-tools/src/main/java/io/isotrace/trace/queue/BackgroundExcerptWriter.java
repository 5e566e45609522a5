package io.isotrace.trace.queue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves the queue writing - the delta encoding of compact records, checksums, the copy into Chronicle's mapped file
 * and the page faults of fresh pages, which dominate a recorded run - onto a thread of its own, so a recording CPU
 * uses the machine's second core. The producer packs fixed 48-byte records (cheap); {@link CompactTranscoder}
 * turns them into the compact form here.
 *
 * <p>A single-producer single-consumer ring of batch buffers: the producer packs records straight into the slot
 * {@link #buffer()} hands it and publishes it with {@link #publish}; the writer thread writes published slots in
 * order and frees them. Nothing is allocated per batch and nothing blocks while the ring has room; a full ring
 * makes the producer wait (spinning briefly, then parking), which is the back-pressure a faster CPU meets.
 * Excerpts come out in the same order with the same bytes as from a synchronous writer.
 */
final class BackgroundExcerptWriter implements ExcerptOutput {
    private static final int SLOTS = 128;
    /** Spins before a waiting side parks: long enough to ride out a batch's worth of work on the other side. */
    private static final int SPINS = 2_000;
    /** A parked side is unparked by the other; the timeout only bounds a missed wake-up. */
    private static final long PARK_NANOS = 1_000_000;

    private final byte[][] buffers = new byte[SLOTS][];
    private final int[] counts = new int[SLOTS];
    private final int[] payloads = new int[SLOTS];
    private final boolean compact;
    /** Compact traces: batches arrive as fixed records and are delta-encoded here, off the recording thread. */
    private final CompactTranscoder transcoder;
    private final long[] firstSeqs = new long[SLOTS];
    /** Slots published by the producer (its next slot is {@code published % SLOTS}). */
    private final AtomicLong published = new AtomicLong();
    /** Slots written by the writer thread. */
    private final AtomicLong consumed = new AtomicLong();
    private final Thread thread;
    private final TraceHeader header;
    private final Path dir;

    private final Thread producer = Thread.currentThread();
    /** Set by a side before it parks; the other side unparks it after making progress (Dekker-style, volatile). */
    private volatile boolean writerSleeping;
    private volatile boolean producerSleeping;
    /**
     * A parked producer is woken once the writer has consumed this many slots: half the ring free, not one slot,
     * so that a writer-bound pipeline pays one park/unpark per half ring instead of one per batch (each a futex
     * call of microseconds, which at 64 records a batch cost more than the records).
     */
    private volatile long producerWakeAt;
    /**
     * Likewise a parked writer is woken once this many slots are published (a quarter ring), or by a flush or the
     * close: woken per batch, the recording thread spent more time in unpark calls than in recording.
     */
    private volatile long writerWakeAt;
    private volatile Throwable failure;
    private volatile boolean opened;
    /** Set by the producer with the end marker's values; the thread writes it after the last batch. */
    private volatile boolean ending;
    private long endRecords;
    private long endLastSeq;
    private long endLastTimePs;

    BackgroundExcerptWriter(Path dir, TraceHeader header, int batchBytes, boolean compact) {
        this.compact = compact;
        this.transcoder = compact ? new CompactTranscoder(batchBytes) : null;
        this.dir = dir;
        this.header = header;
        for (int i = 0; i < SLOTS; i++) {
            buffers[i] = new byte[batchBytes];
        }
        this.thread = new Thread(this::loop, "isotrace-trace-writer " + dir.getFileName());
        thread.setDaemon(true);
        thread.start();
        // Wait until the queue is open and the header written, so that a bad directory fails here, in the caller.
        while (!opened && failure == null) {
            Thread.onSpinWait();
        }
        rethrow();
    }

    /** The buffer of the slot the producer fills next; free to write once returned. */
    @Override
    public byte[] buffer() {
        long p = published.get();
        int spins = 0;
        while (p - consumed.get() >= SLOTS) {
            rethrow();
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                producerWakeAt = p - SLOTS / 2;
                producerSleeping = true;
                if (p - consumed.get() >= SLOTS && failure == null) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                producerSleeping = false;
            }
        }
        return buffers[(int) (p % SLOTS)];
    }

    /** Publishes the slot returned by the last {@link #buffer()}, holding {@code count} records. */
    @Override
    public void publish(int count, long firstSeq, int payload) {
        long p = published.get();
        int s = (int) (p % SLOTS);
        counts[s] = count;
        payloads[s] = payload;
        firstSeqs[s] = firstSeq;
        published.set(p + 1); // after the slot's contents; a volatile store, so the check below cannot move above it
        if (writerSleeping && p + 1 >= writerWakeAt) {
            LockSupport.unpark(thread);
        }
        rethrow();
    }

    /** Waits until every published batch is in the queue. */
    @Override
    public void drain() {
        long p = published.get();
        writerWakeAt = 0;
        if (writerSleeping) {
            LockSupport.unpark(thread);
        }
        int spins = 0;
        while (consumed.get() < p && failure == null) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                producerWakeAt = p;
                producerSleeping = true;
                if (consumed.get() < p && failure == null) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                producerSleeping = false;
            }
        }
        rethrow();
    }

    /** Writes the end marker after the last batch, closes the queue and stops the thread. */
    @Override
    public void close(long records, long lastSeq, long lastTimePs) {
        drain();
        endRecords = records;
        endLastSeq = lastSeq;
        endLastTimePs = lastTimePs;
        ending = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void loop() {
        QueueExcerptWriter out;
        try {
            out = new QueueExcerptWriter(dir);
            out.header(header);
        } catch (Throwable t) {
            failure = t;
            return;
        }
        opened = true;
        try (out) {
            int spins = 0;
            while (true) {
                long c = consumed.get();
                if (c < published.get()) {
                    int s = (int) (c % SLOTS);
                    if (compact) {
                        int payload = transcoder.toCompact(buffers[s], counts[s]);
                        out.batch(transcoder.buffer(), counts[s], firstSeqs[s], payload, true);
                    } else {
                        out.batch(buffers[s], counts[s], firstSeqs[s], payloads[s], false);
                    }
                    consumed.set(c + 1);
                    if (producerSleeping && c + 1 >= producerWakeAt) {
                        LockSupport.unpark(producer);
                    }
                    spins = 0;
                } else if (ending) {
                    out.end(endRecords, endLastSeq, endLastTimePs);
                    return;
                } else if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    writerWakeAt = c + SLOTS / 4;
                    writerSleeping = true;
                    if (c == published.get() && !ending) {
                        LockSupport.parkNanos(this, PARK_NANOS);
                    }
                    writerSleeping = false;
                }
            }
        } catch (Throwable t) {
            failure = t;
            // Free every slot so a producer waiting for room sees the failure instead of hanging.
            consumed.set(Long.MAX_VALUE / 2);
            LockSupport.unpark(producer);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t != null) {
            if (t instanceof RuntimeException) {
                throw new UncheckedIOException(dir + ": writing the trace failed: " + t,
                        new java.io.IOException(t));
            }
            throw new UncheckedIOException(dir + ": writing the trace failed: " + t, new java.io.IOException(t));
        }
    }
}
