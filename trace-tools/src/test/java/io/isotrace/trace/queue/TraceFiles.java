package io.isotrace.trace.queue;

import io.isotrace.trace.record.RandomTransactions;
import io.isotrace.trace.record.Transaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: write random traces, read them back, fingerprint directories. */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** Writes {@code n} random records (sequence numbers from 0, with occasional gaps); returns them. */
    public static List<Transaction> writeRandom(Path dir, int n, long seed, int batch) {
        RandomTransactions gen = new RandomTransactions(seed);
        List<Transaction> written = new ArrayList<>();
        long seq = 0;
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("test").build(), batch)) {
            for (int i = 0; i < n; i++) {
                seq += gen.nextInt(10) == 0 ? 1 + gen.nextInt(5) : 1;
                Transaction t = gen.next(new Transaction(), seq);
                w.append(t);
                written.add(t);
            }
        }
        return written;
    }

    public static List<Transaction> readAll(Path dir) {
        List<Transaction> out = new ArrayList<>();
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction t = new Transaction();
            while (r.next(t)) {
                out.add(new Transaction().copyFrom(t));
            }
        }
        return out;
    }

    /** SHA-256 of every file under {@code dir}, by relative path. */
    public static Map<String, String> fingerprint(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
