package io.isotrace.trace.queue;

import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's raw-Chronicle yardstick moves exactly the trace's batch excerpts, and all of them. */
class RawQueueBaselineTest {
    @Test
    void samplesOnlyBatchesAndCopiesThemUnchanged(@TempDir Path tmp) {
        Path trace = tmp.resolve("t");
        Transaction tx = new Transaction();
        try (TraceWriter w = TraceWriter.create(trace, TraceHeader.builder().producer("test").build(), 10,
                TraceWriter.Encoding.FIXED, TraceWriter.Threading.DIRECT)) {
            for (int i = 0; i < 95; i++) {
                tx.seq = i;
                tx.va = 0x1000 + 8L * i;
                tx.size = 8;
                w.append(tx);
            }
        }
        List<byte[]> batches = RawQueueBaseline.sampleBatches(trace, 1000);
        assertEquals(10, batches.size(), "95 records in batches of 10: header and end marker excluded");
        assertEquals(ExcerptFormat.batchBytes(10), batches.get(0).length);
        assertEquals(ExcerptFormat.batchBytes(5), batches.get(9).length);
        assertEquals(3, RawQueueBaseline.sampleBatches(trace, 3).size());

        Path raw = tmp.resolve("raw");
        long bytes = RawQueueBaseline.append(raw, batches.subList(0, 2), 7);
        assertEquals(4L * ExcerptFormat.batchBytes(10) + 3L * ExcerptFormat.batchBytes(10), bytes);
        assertEquals(7, RawQueueBaseline.readAll(raw));
        List<byte[]> back = RawQueueBaseline.sampleBatches(raw, 7);
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(batches.get(i % 2), back.get(i), "excerpt " + i);
        }
    }
}
