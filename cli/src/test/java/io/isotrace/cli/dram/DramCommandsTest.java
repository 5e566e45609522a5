package io.isotrace.cli.dram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isotrace.cli.CliRunner;
import io.isotrace.cli.ExitCode;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DramCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void presetsInTextAndJson() throws Exception {
        CliRunner r = CliRunner.run("dram", "presets");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("DDR4-3200") && r.out.contains("25.6"), r.out);
        CliRunner j = CliRunner.run("dram", "presets", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(j.out);
        assertEquals(5, rows.size());
        assertEquals("HBM2", rows.get(4).get("name").asText());
    }

    @Test
    void generateThenSimulateADramsim3Trace() throws Exception {
        Path trace = tmp.resolve("mix.trace");
        CliRunner g = CliRunner.run("dram", "generate", "--workload", "mix", "--requests", "20000", "--interval", "10",
                trace.toString());
        assertEquals(0, g.exitCode, g.toString());
        assertEquals(20000, Files.readAllLines(trace).size());
        assertEquals(ExitCode.USAGE, CliRunner.run("dram", "generate", "--workload", "mix", trace.toString()).exitCode,
                "never overwrites");
        CliRunner s = CliRunner.run("dram", "simulate", trace.toString(), "--preset", "DDR4-3200");
        assertEquals(0, s.exitCode, s.toString());
        assertTrue(s.out.contains("read latency  mean"), s.out);
        assertTrue(s.out.contains("row buffer"), s.out);
        Path hgrm = tmp.resolve("read.hgrm");
        CliRunner js = CliRunner.run("dram", "simulate", trace.toString(), "--issue", "asap", "--cycles", "50000",
                "--hgrm", hgrm.toString(), "--format", "json");
        assertEquals(0, js.exitCode, js.toString());
        JsonNode m = new ObjectMapper().readTree(js.out);
        assertEquals(50000, m.get("cycles").asLong());
        assertTrue(m.get("bandwidth").get("gb_per_s").asDouble() <= 25.6);
        assertTrue(m.get("read_latency").get("p99_ps").asLong() > 0);
        assertTrue(m.get("per_bank").get("channel_0").get("activates").size() == 32);
        assertTrue(Files.readString(hgrm).contains("Percentile"));
    }

    @Test
    void simulateAnIsotraceTraceWithAConfigFile() throws Exception {
        Path dir = tmp.resolve("t");
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("unit").build())) {
            for (int i = 0; i < 3000; i++) {
                Transaction t = new Transaction();
                t.seq = i;
                t.timePs = 3_000L * i;
                t.kind = i % 4 == 0 ? TransactionKind.WRITE : TransactionKind.READ;
                t.size = 8;
                t.ipa = 0x4000_0000L + 8L * i;
                t.va = t.ipa;
                t.status = ReplyStatus.OK;
                t.pa = t.ipa;
                w.append(t);
            }
        }
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "dram:\n  preset: LPDDR4-3200\n  controller:\n    refresh: per-bank\n");
        CliRunner r = CliRunner.run("dram", "simulate", dir.toString(), "--config", cfg.toString(), "--format", "json");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode m = new ObjectMapper().readTree(r.out);
        // 3000 transactions of 8 bytes within 64-byte lines: one request each.
        assertEquals(2250, m.get("requests").get("reads_accepted").asLong());
        assertEquals(750, m.get("requests").get("writes_accepted").asLong());
        assertTrue(m.get("row_buffer").get("hit_rate").asDouble() > 0.5, "a sequential walk hits open rows");
    }

    @Test
    void lockstepReplayThroughCachesAndDram() throws Exception {
        Path dir = tmp.resolve("ls");
        try (TraceWriter w = TraceWriter.create(dir, TraceHeader.builder().program("unit").build())) {
            for (int i = 0; i < 4000; i++) {
                Transaction t = new Transaction();
                t.seq = i;
                t.timePs = 100_000L * i;
                t.kind = i % 3 == 0 ? TransactionKind.IFETCH : (i % 3 == 1 ? TransactionKind.READ : TransactionKind.WRITE);
                t.size = 8;
                t.ipa = (i % 3 == 0 ? 0x1000_0000L : 0x2000_0000L) + 8L * (i % 512);
                t.va = t.ipa;
                t.env = i % 2; // two environments touching the same lines
                t.status = ReplyStatus.OK;
                t.pa = t.ipa;
                w.append(t);
            }
        }
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "dram:\n  preset: DDR4-3200\ncache:\n  l1i: {size: 32KiB, ways: 4, hitLatency: 1ns}\n"
                + "  l1d: {size: 32KiB, ways: 4, hitLatency: 1ns}\n  llc: {size: 1MiB, ways: 16, hitLatency: 10ns}\n");
        CliRunner r = CliRunner.run("dram", "simulate", dir.toString(), "--config", cfg.toString(), "--lockstep",
                "--format", "json");
        assertEquals(0, r.exitCode, r.toString());
        JsonNode m = new ObjectMapper().readTree(r.out);
        assertEquals(4000, m.get("transactions").asLong());
        JsonNode l1d = m.get("caches").get("L1D");
        assertTrue(l1d.get("hit_rate").asDouble() > 0.9, l1d.toString());
        // Each environment misses once per line: 2 environments x (4096 bytes of data / 64) lines, plus fetches.
        long dramReads = m.get("dram").get("requests").get("reads_accepted").asLong();
        assertEquals(2 * 64 + 2 * 64 * 4 / 4, dramReads, "only misses reach DRAM: " + dramReads);
        assertTrue(m.get("transaction_latency").get("p50_ps").asLong() <= 1000 + 1, "L1 hits dominate");
        CliRunner text = CliRunner.run("dram", "simulate", dir.toString(), "--config", cfg.toString(), "--lockstep");
        assertEquals(0, text.exitCode, text.toString());
        assertTrue(text.out.contains("L1I:"), text.out);
        assertEquals(ExitCode.USAGE, CliRunner.run("dram", "simulate", tmp.resolve("none.trace").toString(),
                "--lockstep").exitCode);
        // --address is checked in lockstep too (it used to fall back to the PA silently).
        CliRunner badAddress = CliRunner.run("dram", "simulate", dir.toString(), "--config", cfg.toString(),
                "--lockstep", "--address", "foo");
        assertEquals(ExitCode.USAGE, badAddress.exitCode, badAddress.toString());
        assertTrue(badAddress.err.contains("--address"), badAddress.err);
    }

    @Test
    void errorsMapToExitCodes() throws Exception {
        Path trace = tmp.resolve("bad.trace");
        Files.writeString(trace, "0x40 READ 0\n0x80 FETCH 1\n");
        CliRunner bad = CliRunner.run("dram", "simulate", trace.toString());
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains("bad.trace:2"), bad.err);
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "dram:\n  preset: DDR4-3200\n  controler:\n    scheduler: fcfs\n");
        CliRunner badCfg = CliRunner.run("dram", "simulate", trace.toString(), "--config", cfg.toString());
        assertEquals(ExitCode.BAD_INPUT, badCfg.exitCode, badCfg.toString());
        assertTrue(badCfg.err.contains("c.yaml:3") && badCfg.err.contains("did you mean 'controller'"), badCfg.err);
        assertEquals(ExitCode.USAGE, CliRunner.run("dram", "simulate", trace.toString(), "--preset", "DDR9").exitCode);
        assertEquals(ExitCode.USAGE, CliRunner.run("dram", "simulate", trace.toString(), "--issue", "soon").exitCode);
        assertEquals(ExitCode.BAD_INPUT, CliRunner.run("dram", "simulate", tmp.resolve("none").toString()).exitCode);
    }

    @Test
    void benchPrintsATable() {
        CliRunner r = CliRunner.run("bench", "dram", "--requests", "20000", "--runs", "1");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("| Isotrace | DDR4-3200, DRAMSim3-aligned controller | 1 |"), r.out);
        assertTrue(r.out.contains("lockstep MemoryTiming"), r.out);
    }
}
