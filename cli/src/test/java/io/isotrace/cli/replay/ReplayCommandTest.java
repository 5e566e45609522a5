package io.isotrace.cli.replay;

import io.isotrace.cli.Main;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay, check-config and bench commands end to end, in-process: exit codes, files, messages. */
class ReplayCommandTest {
    static final String POLICY = "environments:\n"
            + "  - name: a\n"
            + "    mappings: [{ipa: 0x0, pa: 0x100000, size: 8KiB, perms: rw}]\n"
            + "requesters: {0: a}\n";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path trace(Path dir, long... ipas) {
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("g").build())) {
            Transaction t = new Transaction();
            for (int i = 0; i < ipas.length; i++) {
                t.clear();
                t.seq = i;
                t.ipa = ipas[i];
                t.size = 8;
                t.kind = TransactionKind.READ;
                w.append(t);
            }
        }
        return dir;
    }

    @Test
    void cleanReplayExitsZeroAndWritesTheAnsweredTrace(@TempDir Path tmp) throws IOException {
        Path policy = Files.writeString(tmp.resolve("p.yaml"), POLICY);
        Path in = trace(tmp.resolve("in"), 0x0, 0x1000, 0x1ff8);
        Run r = run("replay", in.toString(), "--policy", policy.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("violations: 0"), r.out());
        try (TraceReader tr = TraceReader.open(tmp.resolve("out/trace"))) {
            Transaction t = new Transaction();
            int n = 0;
            while (tr.next(t)) {
                assertEquals(ReplyStatus.OK, t.status);
                n++;
            }
            assertEquals(3, n);
        }
        assertTrue(Files.readString(tmp.resolve("out/summary.json")).contains("\"records\" : 3"));
        assertEquals(0, Files.size(tmp.resolve("out/violations.jsonl")));
    }

    @Test
    void violationsExitOneAndAreListedWithTheirTransactions(@TempDir Path tmp) throws IOException {
        Path policy = Files.writeString(tmp.resolve("p.yaml"), POLICY);
        Path in = trace(tmp.resolve("in"), 0x0, 0x5000);
        Run r = run("replay", in.toString(), "--policy", policy.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = Files.readAllLines(tmp.resolve("out/violations.jsonl"));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"seq\":1") && lines.get(0).contains("\"reason\":\"UNMAPPED\"")
                && lines.get(0).contains("\"ipa\":\"0x5000\""), lines.get(0));
        Run again = run("replay", in.toString(), "--policy", policy.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, again.code(), "an existing output is a usage error: " + again.err());
    }

    @Test
    void badPolicyOrTraceExitThreeWithOneLine(@TempDir Path tmp) throws IOException {
        Path policy = Files.writeString(tmp.resolve("p.yaml"), POLICY.replace("perms: rw", "prems: rw"));
        Path in = trace(tmp.resolve("in"), 0x0);
        Run r = run("replay", in.toString(), "--policy", policy.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("isotrace: " + policy + ":3: "), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is left behind");
        Run c = run("controller", "check-config", policy.toString());
        assertEquals(3, c.code());
        assertTrue(c.err().contains("unknown key 'prems'"), c.err());
        Run t = run("replay", tmp.resolve("nope").toString(), "--policy", tmp.resolve("p.yaml").toString());
        assertEquals(3, t.code(), t.err());
    }

    @Test
    void checkConfigSummarisesAValidPolicy(@TempDir Path tmp) throws IOException {
        Path policy = Files.writeString(tmp.resolve("p.yaml"), POLICY);
        Run r = run("controller", "check-config", policy.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"stack\" : [ \"remap\" ]"), r.out());
        assertTrue(r.out().contains("\"translationEntries\" : 2"), r.out());
    }

    @Test
    void everyNewCommandIsInTheHelp() {
        Run r = run("--help");
        for (String cmd : new String[]{"replay", "controller", "bench"}) {
            assertTrue(r.out().contains("  " + cmd + " "), cmd + " missing from:\n" + r.out());
        }
        assertEquals(2, run("bench", "controller", "--transactions", "5").code());
    }
}
