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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"COMPACT,DIRECT", "FIXED,DIRECT", "COMPACT,BACKGROUND", "FIXED,BACKGROUND"})
    void everyEncodingAndThreadingStoresTheSameRecords(TraceWriter.Encoding encoding, TraceWriter.Threading threading) {
        List<Transaction> expected = TraceFiles.writeRandom(tmp.resolve("ref"), 3_000, 21, 64);
        Path dir = tmp.resolve(encoding + "-" + threading);
        record(dir, expected, encoding, threading);
        List<Transaction> read = TraceFiles.readAll(dir);
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            assertTrue(expected.get(i).sameRecord(read.get(i)), "record " + i + "\n" + expected.get(i) + "\n" + read.get(i));
        }
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction t = new Transaction();
            Transaction want = expected.get(1234);
            assertTrue(r.seek(want.seq));
            assertTrue(r.next(t));
            assertTrue(want.sameRecord(t), "seek into the middle of a batch");
        }
    }

    @Test
    void backgroundWritingGivesByteIdenticalFiles() {
        List<Transaction> recs = TraceFiles.writeRandom(tmp.resolve("ref"), 20_000, 4, 64);
        record(tmp.resolve("direct"), recs, TraceWriter.Encoding.COMPACT, TraceWriter.Threading.DIRECT);
        record(tmp.resolve("background"), recs, TraceWriter.Encoding.COMPACT, TraceWriter.Threading.BACKGROUND);
        assertEquals(TraceFiles.fingerprint(tmp.resolve("direct")), TraceFiles.fingerprint(tmp.resolve("background")));
    }

    @Test
    void compactRecordsOfARealisticStreamAreSmall() throws java.io.IOException {
        // A user-mode-like stream: fetch lines and nearby data accesses, VA = IPA, identity PA, no latency.
        List<Transaction> recs = new java.util.ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        long pc = 0x400000;
        for (int i = 0; i < 100_000; i++) {
            Transaction t = new Transaction();
            t.seq = i;
            t.timePs = 500L * i * 3;
            pc += 4 * rnd.nextInt(1, 6);
            t.pc = pc;
            boolean fetch = i % 4 == 0;
            t.kind = fetch ? io.isotrace.trace.record.TransactionKind.IFETCH
                    : rnd.nextBoolean() ? io.isotrace.trace.record.TransactionKind.READ : io.isotrace.trace.record.TransactionKind.WRITE;
            t.va = fetch ? pc & -64 : 0x7fff_0000L + 8L * rnd.nextInt(4096);
            t.size = fetch ? 64 : 8;
            t.ipa = t.va;
            t.pa = t.va;
            t.status = io.isotrace.trace.record.ReplyStatus.OK;
            recs.add(t);
        }
        record(tmp.resolve("fixed"), recs, TraceWriter.Encoding.FIXED, TraceWriter.Threading.DIRECT);
        record(tmp.resolve("compact"), recs, TraceWriter.Encoding.COMPACT, TraceWriter.Threading.DIRECT);
        record(tmp.resolve("empty"), List.of(), TraceWriter.Encoding.FIXED, TraceWriter.Threading.DIRECT);
        long overhead = usedBytes(tmp.resolve("empty")); // Chronicle's own header and index area
        double fixed = (usedBytes(tmp.resolve("fixed")) - overhead) / (double) recs.size();
        double compact = (usedBytes(tmp.resolve("compact")) - overhead) / (double) recs.size();
        assertTrue(fixed > 48 && fixed < 50, "fixed records take 48 bytes plus batch headers: " + fixed);
        assertTrue(compact < 12, "compact records: " + compact + " bytes each");
    }

    private static long usedBytes(Path dir) throws java.io.IOException {
        // Chronicle files are sparse and preallocated: count the bytes up to the last non-zero one.
        byte[] b = java.nio.file.Files.readAllBytes(TraceQueues.dataFile(dir));
        int i = b.length - 1;
        while (i > 0 && b[i] == 0) {
            i--;
        }
        return i;
    }

    private static void record(Path dir, List<Transaction> recs, TraceWriter.Encoding e, TraceWriter.Threading th) {
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("test").build(), 64, e, th)) {
            recs.forEach(w::append);
        }
    }

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
