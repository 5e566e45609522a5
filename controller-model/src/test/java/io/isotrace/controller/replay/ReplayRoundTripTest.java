package io.isotrace.controller.replay;

import io.isotrace.controller.config.ConfigReader;
import io.isotrace.controller.config.LoadedPolicy;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay through real trace files: answers as the policy says, same sequence numbers, deterministic bytes. */
class ReplayRoundTripTest {
    static final String POLICY = "controller: {memory: 64GiB, memoryLatency: 40ns}\n"
            + "environments:\n"
            + "  - name: a\n"
            + "    mappings: [{ipa: 0x0, pa: 0x100000, size: 8KiB, perms: rw}]\n"
            + "requesters: {0: a}\n";

    static void writeTrace(Path dir) {
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("guest").build())) {
            Transaction t = new Transaction();
            long[] ipas = {0x0, 0x1ff8, 0x2000, 0x10, 0x18};
            TransactionKind[] kinds = {TransactionKind.READ, TransactionKind.WRITE, TransactionKind.READ,
                    TransactionKind.IFETCH, TransactionKind.WRITE};
            for (int i = 0; i < ipas.length; i++) {
                t.clear();
                t.seq = 10 + i * 3; // gaps survive
                t.timePs = 1000L * i;
                t.ipa = ipas[i];
                t.va = ipas[i];
                t.size = 8;
                t.kind = kinds[i];
                t.security = SecurityState.NON_SECURE;
                w.append(t);
            }
        }
    }

    static List<Transaction> readAll(Path dir) {
        List<Transaction> out = new ArrayList<>();
        try (TraceReader r = TraceReader.open(dir)) {
            Transaction t = new Transaction();
            while (r.next(t)) {
                out.add(new Transaction().copyFrom(t));
            }
        }
        return out;
    }

    private static ReplayResult replay(Path in, Path out) {
        LoadedPolicy p = PolicyLoader.load(ConfigReader.read("p.yaml", POLICY, false), "p.yaml");
        ReplayEngine e = new ReplayEngine(p.controller(), p.digest());
        try (TraceReader r = TraceReader.open(in); TraceWriter w = TraceWriter.create(out, e.outputHeader(r.header(), "test"))) {
            return e.run(r, w);
        }
    }

    @Test
    void answersEveryRecordAndKeepsSequenceNumbers(@TempDir Path tmp) {
        writeTrace(tmp.resolve("in"));
        ReplayResult res = replay(tmp.resolve("in"), tmp.resolve("out"));
        assertEquals(5, res.records());
        assertEquals(2, res.violations(), "the fetch (no x) and the unmapped read");
        List<Transaction> in = readAll(tmp.resolve("in"));
        List<Transaction> out = readAll(tmp.resolve("out"));
        assertEquals(in.size(), out.size());
        ReplyStatus[] expect = {ReplyStatus.OK, ReplyStatus.OK, ReplyStatus.DECODE_ERROR, ReplyStatus.DENIED, ReplyStatus.OK};
        for (int i = 0; i < in.size(); i++) {
            assertEquals(in.get(i).seq, out.get(i).seq);
            assertEquals(in.get(i).ipa, out.get(i).ipa);
            assertEquals(ReplyStatus.UNANSWERED, in.get(i).status);
            assertEquals(expect[i], out.get(i).status, "record " + i);
        }
        assertEquals(0x101ff8L, out.get(1).pa);
        assertTrue(out.get(0).latencyPs >= 40_000, "the memory latency is in the reply");
        try (TraceReader r = TraceReader.open(tmp.resolve("out"))) {
            assertEquals("guest", r.header().program(), "the header derives from the input");
            assertEquals(64, r.header().digests().get("policy").length());
        }
    }

    @Test
    void sameTraceAndPolicyGiveIdenticalBytes(@TempDir Path tmp) throws IOException {
        writeTrace(tmp.resolve("in"));
        replay(tmp.resolve("in"), tmp.resolve("a"));
        replay(tmp.resolve("in"), tmp.resolve("b"));
        assertEquals(fingerprint(tmp.resolve("a")), fingerprint(tmp.resolve("b")));
    }

    @Test
    void theRecordedRepliesDoNotLeakIntoTheNewOnes(@TempDir Path tmp) {
        // The engine does not clear the recorded reply before answering: every reply field must be overwritten.
        writeTrace(tmp.resolve("in"));
        replay(tmp.resolve("in"), tmp.resolve("clean"));
        List<Transaction> clean = readAll(tmp.resolve("clean"));
        try (TraceWriter w = TraceWriter.create(tmp.resolve("stale"), TraceHeader.builder().program("guest").build())) {
            ReplyStatus[] stale = {ReplyStatus.DENIED, ReplyStatus.DECODE_ERROR, ReplyStatus.OK, ReplyStatus.OK,
                    ReplyStatus.DENIED};
            int i = 0;
            for (Transaction t : readAll(tmp.resolve("in"))) {
                t.status = stale[i++];
                t.pa = 0xDEAD_0000L + i;
                t.env = 77;
                t.latencyPs = 123_456;
                w.append(t);
            }
        }
        replay(tmp.resolve("stale"), tmp.resolve("again"));
        List<Transaction> again = readAll(tmp.resolve("again"));
        assertEquals(clean.size(), again.size());
        for (int i = 0; i < clean.size(); i++) {
            assertTrue(clean.get(i).sameRecord(again.get(i)), "record " + i + ": " + clean.get(i) + " vs " + again.get(i));
        }
    }

    static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
