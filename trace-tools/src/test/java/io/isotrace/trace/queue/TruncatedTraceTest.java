package io.isotrace.trace.queue;

import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruncatedTraceTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedQueueFileYieldsItsIntactRecordsThenAClearError() throws IOException {
        Path dir = tmp.resolve("t");
        List<Transaction> written = TraceFiles.writeRandom(dir, 20_000, 5, 64);
        Path data = TraceQueues.dataFile(dir);
        // Find where the records end, then cut the file in the middle of them.
        long used = lastNonZero(data);
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(used / 2 + 1000);
        }
        java.util.Map<String, String> before = TraceFiles.fingerprint(dir);
        int n = 0;
        String error = null;
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction t = new Transaction();
            while (r.next(t)) {
                assertTrue(written.get(n).sameRecord(t));
                n++;
            }
            assertFalse(r.isComplete());
        } catch (BadInputException e) {
            error = e.getMessage();
        }
        assertEquals(before, TraceFiles.fingerprint(dir), "reading must not modify the trace");
        assertTrue(n > 0 && n < written.size(), "read " + n);
        assertNotNull(error);
        assertTrue(error.contains("truncated") && error.contains(data.getFileName().toString()), error);
    }

    private static long lastNonZero(Path p) throws IOException {
        byte[] b = java.nio.file.Files.readAllBytes(p);
        int i = b.length - 1;
        while (i > 0 && b[i] == 0) {
            i--;
        }
        return i;
    }
}
