package io.isotrace.controller.bench;

import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay benchmark runs over a real trace with the bundled policy and reports all four measurements. */
class ReplayBenchmarkTest {
    @Test
    void reportsTheWholeReplayItsPartsAndTheControllerLoop(@TempDir Path tmp) throws IOException {
        Path trace = tmp.resolve("trace");
        SplittableRandom rnd = new SplittableRandom(5);
        try (TraceWriter w = TraceWriter.create(trace, TraceHeader.builder().program("guest").build())) {
            Transaction t = new Transaction();
            for (int i = 0; i < 20_000; i++) {
                t.clear();
                t.seq = i;
                t.timePs = 500L * i;
                t.ipa = (rnd.nextBoolean() ? 0x40_0000L : 0x3E_0000_0000L) + (rnd.nextInt(1 << 20) & ~7);
                t.va = t.ipa;
                t.size = 8;
                t.kind = TransactionKind.values()[rnd.nextInt(3)];
                t.security = SecurityState.NON_SECURE;
                w.append(t);
            }
        }
        Path policy = ReplayBenchmark.writeUserModePolicy(tmp);
        assertEquals(Files.readString(Path.of("../examples/user-mode-policy.yaml")), Files.readString(policy),
                "the bundled policy is a copy of examples/user-mode-policy.yaml");
        PolicyLoader.load(policy);
        StringWriter s = new StringWriter();
        new ReplayBenchmark(new PrintWriter(s), trace, policy, 2, 5_000).run();
        String out = s.toString();
        assertTrue(out.contains("20000 records (complete)"), out);
        assertTrue(out.contains("allowed=20000"), "the bundled policy admits the user-mode layout: " + out);
        for (String row : new String[]{"whole replay", "read + answer", "read only", "controller loop alone"}) {
            assertTrue(out.contains(row), row + " missing:\n" + out);
        }
    }
}
