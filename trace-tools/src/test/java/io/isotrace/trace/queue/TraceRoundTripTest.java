package io.isotrace.trace.queue;

import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void recordsComeBackInOrderWhateverTheBatching() {
        List<Transaction> expected = null;
        for (int batch : new int[]{1, 7, 64, 1000}) {
            Path dir = tmp.resolve("b" + batch);
            List<Transaction> written = TraceFiles.writeRandom(dir, 5_000, 7, batch);
            if (expected == null) {
                expected = written;
            }
            List<Transaction> read = TraceFiles.readAll(dir);
            assertEquals(expected.size(), read.size(), "batch " + batch);
            for (int i = 0; i < read.size(); i++) {
                Transaction e = expected.get(i);
                Transaction r = read.get(i);
                assertTrue(e.sameRecord(r), "batch " + batch + " record " + i + "\n" + e + "\n" + r);
            }
        }
    }

    @Test
    void headerIsPreserved() {
        Path dir = tmp.resolve("t");
        TraceHeader h = TraceHeader.builder().producer("isotrace test").program("/bin/true")
                .argument("-x").argument("a b").clock(new ClockDomain("cpu", 2_000_000_000L))
                .clock(new ClockDomain("dram", 1_600_000_000L)).digest("policy", "ab12").property("note", "ünïcode")
                .build();
        TraceWriter.create(dir, h).close();
        try (TraceReader r = TraceReader.open(dir)) {
            TraceHeader g = r.header();
            assertEquals("isotrace test", g.producer());
            assertEquals("/bin/true", g.program());
            assertEquals(List.of("-x", "a b"), g.arguments());
            assertEquals(2, g.clocks().size());
            assertEquals(1_600_000_000L, g.clocks().get(1).hz());
            assertEquals("ab12", g.digests().get("policy"));
            assertEquals("ünïcode", g.properties().get("note"));
            assertFalse(r.next(new Transaction()));
            assertTrue(r.isComplete());
            assertEquals(0, r.recordsDeclared());
        }
    }

    @Test
    void seekFindsTheFirstRecordAtOrAfterTheSequenceNumber() {
        Path dir = tmp.resolve("s");
        List<Transaction> written = TraceFiles.writeRandom(dir, 3_000, 11, 64);
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction t = new Transaction();
            for (int probe = 0; probe < 200; probe++) {
                long target = written.get(0).seq + (long) probe * 17;
                Transaction want = written.stream().filter(x -> x.seq >= target).findFirst().orElse(null);
                boolean found = r.seek(target);
                if (want == null) {
                    assertFalse(found && r.next(t));
                    continue;
                }
                assertTrue(found);
                assertTrue(r.next(t));
                assertTrue(want.sameRecord(t), "seek " + target);
            }
            long last = written.get(written.size() - 1).seq;
            assertFalse(r.seek(last + 1));
        }
    }

    @Test
    void sequenceNumbersMustIncreaseAndFieldsMustFit() {
        try (TraceWriter w = TraceWriter.create(tmp.resolve("w"), TraceHeader.builder().build())) {
            Transaction t = new Transaction();
            t.seq = 5;
            w.append(t);
            Transaction back = new Transaction();
            back.seq = 5;
            assertThrows(IllegalArgumentException.class, () -> w.append(back));
            Transaction wide = new Transaction();
            wide.seq = 6;
            wide.size = 500;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.append(wide));
            assertTrue(e.getMessage().contains("size"));
            assertEquals(1, w.records());
        }
    }

    @Test
    void existingTraceIsNeverOverwritten() {
        Path dir = tmp.resolve("x");
        TraceFiles.writeRandom(dir, 10, 1, 64);
        assertThrows(IllegalArgumentException.class, () -> TraceWriter.create(dir, TraceHeader.builder().build()));
        assertEquals(10, TraceFiles.readAll(dir).size());
    }

    @Test
    void sameRecordsGiveByteIdenticalFiles() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        TraceFiles.writeRandom(a, 20_000, 3, 64);
        TraceFiles.writeRandom(b, 20_000, 3, 64);
        assertEquals(TraceFiles.fingerprint(a), TraceFiles.fingerprint(b));
    }
}
