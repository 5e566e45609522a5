package io.isotrace.trace.queue;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadTraceTest {
    @TempDir
    Path tmp;

    @Test
    void missingAndNonTraceDirectoriesAreRefusedByName() throws IOException {
        BadInputException e = assertThrows(BadInputException.class, () -> TraceReader.open(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("no such trace directory"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        e = assertThrows(BadInputException.class, () -> TraceReader.open(empty));
        assertTrue(e.getMessage().contains("no queue files"), e.getMessage());
        Path file = Files.writeString(tmp.resolve("f.txt"), "hello");
        e = assertThrows(BadInputException.class, () -> TraceReader.open(file));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("nope")), "the reader must not create what it was asked to read");
    }

    @Test
    void unknownMajorVersionIsRefused() {
        Path dir = tmp.resolve("v2");
        TraceWriter.create(dir, TraceHeader.builder().formatVersion(2, 0).build()).close();
        BadInputException e = assertThrows(BadInputException.class, () -> TraceReader.open(dir));
        assertTrue(e.getMessage().contains("trace format 2.0 is not supported"), e.getMessage());
    }

    @Test
    void corruptedRecordBytesAreReportedWithTheirBatchAndNothingIsModified() throws IOException {
        Path dir = tmp.resolve("c");
        List<Transaction> written = TraceFiles.writeRandom(dir, 1_000, 5, 64);
        Path data = TraceQueues.dataFile(dir);
        // Flip one byte in the payload of the eighth batch: 30 bytes past its tag, beyond the 24-byte batch header.
        long tagAt = nthOccurrence(data, new byte[]{'I', 'T', 'C', '1'}, 8);
        assertTrue(tagAt > 0, "batch tag not found in the queue file");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.seek(tagAt + 30);
            int b = f.read();
            f.seek(tagAt + 30);
            f.write(b ^ 0x40);
        }
        Map<String, String> before = TraceFiles.fingerprint(dir);
        BadInputException e = assertThrows(BadInputException.class, () -> TraceFiles.readAll(dir));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(data.getFileName().toString()), e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("records #(\\d+)\\.\\.#(\\d+)").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        long first = Long.parseLong(m.group(1));
        assertTrue(written.stream().anyMatch(t -> t.seq == first), "the range starts at a record that was written");
        assertEquals(before, TraceFiles.fingerprint(dir), "reading must not modify the trace");
    }

    @Test
    void traceWhoseWriterDiedKeepsEverythingFlushed() {
        Path dir = tmp.resolve("d");
        TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().build());
        Transaction t = new Transaction();
        for (int i = 0; i < 100; i++) {
            t.seq = i;
            t.ipa = i * 64L;
            w.append(t);
        }
        w.flush();
        // The writer is abandoned without close(): no end marker, as when the process is killed.
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction got = new Transaction();
            int n = 0;
            while (r.next(got)) {
                assertEquals(n * 64L, got.ipa);
                n++;
            }
            assertEquals(100, n);
            assertFalse(r.isComplete());
        }
    }

    @Test
    void readingDoesNotModifyACleanTrace() {
        Path dir = tmp.resolve("r");
        TraceFiles.writeRandom(dir, 5_000, 9, 64);
        Map<String, String> before = TraceFiles.fingerprint(dir);
        TraceFiles.readAll(dir);
        try (TraceReader r = TraceReader.open(dir)) {
            r.seek(2_000);
        }
        assertEquals(before, TraceFiles.fingerprint(dir));
    }

    private static long nthOccurrence(Path file, byte[] needle, int n) throws IOException {
        byte[] hay = Files.readAllBytes(file);
        int seen = 0;
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (++seen == n) {
                return i;
            }
        }
        return -1;
    }
}
