package io.isotrace.cli.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isotrace.cli.CliRunner;
import io.isotrace.cli.ExitCode;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceCommandsTest {
    @TempDir
    Path tmp;

    private Path trace;
    private final List<Transaction> written = new ArrayList<>();

    /** A small trace with a known mix: kinds, ELs, security states, answered and not. */
    @BeforeEach
    void writeTrace() {
        trace = tmp.resolve("trace");
        SplittableRandom rnd = new SplittableRandom(99);
        try (TraceWriter w = TraceWriter.create(trace, TraceHeader.builder().program("unit").build())) {
            for (int i = 0; i < 2_000; i++) {
                Transaction t = new Transaction();
                t.seq = i;
                t.timePs = 500L * i;
                t.kind = TransactionKind.values()[rnd.nextInt(TransactionKind.values().length)];
                t.size = 1 << rnd.nextInt(7);
                t.ipa = 0x8000_0000L + rnd.nextInt(1 << 20) * 8L;
                t.va = t.ipa;
                t.el = rnd.nextInt(3);
                t.unprivileged = t.el == 0;
                t.security = rnd.nextBoolean() ? SecurityState.SECURE : SecurityState.NON_SECURE;
                t.status = rnd.nextInt(4) == 0 ? ReplyStatus.UNANSWERED : ReplyStatus.OK;
                t.pa = t.status == ReplyStatus.OK ? t.ipa + 0x1_0000_0000L : 0;
                w.append(t);
                written.add(t);
            }
        }
    }

    @Test
    void statsCountWhatWasWritten() throws IOException {
        CliRunner r = CliRunner.run("trace", "stats", "--format", "json", trace.toString());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(written.size(), j.get("records").asLong());
        assertTrue(j.get("complete").asBoolean());
        for (TransactionKind k : TransactionKind.values()) {
            long want = written.stream().filter(t -> t.kind == k).count();
            JsonNode got = j.get("byKind").get(k.name());
            assertEquals(want, got == null ? 0 : got.asLong(), k.name());
        }
        long el1 = written.stream().filter(t -> t.el == 1).count();
        assertEquals(el1, j.get("byEl").get("EL1").asLong());
        long secure = written.stream().filter(t -> t.security == SecurityState.SECURE).count();
        assertEquals(secure, j.get("bySecurity").get("SECURE").asLong());
        long read = written.stream().filter(t -> t.kind.reads()).mapToLong(t -> t.size).sum();
        long wrote = written.stream().filter(t -> t.kind.writes()).mapToLong(t -> t.size).sum();
        assertEquals(read, j.get("bytesRead").asLong());
        assertEquals(wrote, j.get("bytesWritten").asLong());
        Set<Long> pages = new HashSet<>();
        written.forEach(t -> pages.add(t.ipa >>> 12));
        assertEquals(pages.size(), j.get("distinctIpaPages").asLong());
        assertEquals(500L * (written.size() - 1), j.get("spanPs").asLong());
    }

    @Test
    void dumpFiltersBySequenceKindAndIpa() {
        long lo = 0x8004_0000L;
        long hi = 0x8008_0000L;
        CliRunner r = CliRunner.run("trace", "dump", "--from", "100", "--to", "1500", "--kind", "READ,W",
                "--ipa", "0x" + Long.toHexString(lo) + ":0x" + Long.toHexString(hi), trace.toString());
        assertEquals(0, r.exitCode, r.toString());
        assertFalse(r.err.contains("no end marker"), "a closed trace read up to --to is not incomplete: " + r.err);
        List<String> want = new ArrayList<>();
        for (Transaction t : written) {
            if (t.seq >= 100 && t.seq <= 1500 && (t.kind == TransactionKind.READ || t.kind == TransactionKind.WRITE)
                    && t.ipa >= lo && t.ipa <= hi) {
                want.add("#" + t.seq + " ");
            }
        }
        String[] lines = r.out.isEmpty() ? new String[0] : r.out.split("\n");
        assertEquals(want.size(), lines.length, r.out);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(want.get(i)), lines[i]);
        }
        assertFalse(want.isEmpty(), "the filter should select something");
    }

    @Test
    void csvExportThenImportGivesTheSameRecords() throws IOException {
        Path csv = tmp.resolve("t.csv");
        Path back = tmp.resolve("back");
        assertEquals(0, CliRunner.run("trace", "convert", trace.toString(), "--to", "csv", csv.toString()).exitCode);
        assertEquals(written.size() + 1, Files.readAllLines(csv).size());
        CliRunner r = CliRunner.run("trace", "convert", "--from", "csv", csv.toString(), back.toString());
        assertEquals(0, r.exitCode, r.toString());
        try (TraceReader reader = TraceReader.open(back)) {
            Transaction t = new Transaction();
            int i = 0;
            while (reader.next(t)) {
                assertTrue(written.get(i).sameRecord(t), "record " + i);
                i++;
            }
            assertEquals(written.size(), i);
        }
    }

    @Test
    void dramsim3ExportFollowsItsTraceFormat() throws IOException {
        Path out = tmp.resolve("d.trace");
        CliRunner r = CliRunner.run("trace", "convert", trace.toString(), "--to", "dramsim3", "--clock", "1600MHz",
                out.toString());
        assertEquals(0, r.exitCode, r.toString());
        List<String> lines = Files.readAllLines(out);
        // Independent expectation: one line per 64-byte line touched, reads/writes per kind, cycle = ps / 625.
        List<String> want = new ArrayList<>();
        for (Transaction t : written) {
            if (t.kind == TransactionKind.CACHE_MAINT) {
                continue;
            }
            long addr = t.status == ReplyStatus.OK ? t.pa : t.ipa;
            for (long line = addr / 64 * 64; line <= (addr + t.size - 1) / 64 * 64; line += 64) {
                if (t.kind.reads()) {
                    want.add("0x" + Long.toHexString(line) + " READ " + t.timePs / 625);
                }
                if (t.kind.writes()) {
                    want.add("0x" + Long.toHexString(line) + " WRITE " + t.timePs / 625);
                }
            }
        }
        assertEquals(want, lines);
    }

    @Test
    void importedDramsim3TraceKeepsAddressesAndCycles() throws IOException {
        Path in = Files.writeString(tmp.resolve("in.trace"), "0x1f40 READ 0\n0x2000 WRITE 7\n\n0xabc0 READ 7\n");
        Path out = tmp.resolve("imp");
        assertEquals(0, CliRunner.run("trace", "convert", "--from", "dramsim3", "--clock", "1600MHz",
                in.toString(), out.toString()).exitCode);
        CliRunner r = CliRunner.run("trace", "dump", out.toString());
        String[] lines = r.out.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("t=4375ps") && lines[1].contains("WRITE") && lines[1].contains("ipa=0x2000"), lines[1]);
    }

    @Test
    void badInputIsOneLineNamingFileAndLineAndExitCodeThree() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.trace"), "0x10 READ 5\n0x20 FETCH 6\n");
        Path out = tmp.resolve("never");
        CliRunner r = CliRunner.run("trace", "convert", "--from", "dramsim3", bad.toString(), out.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode, r.toString());
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains(bad + ":2"), r.err);
        assertFalse(Files.exists(out), "a failed conversion must leave no output");

        CliRunner notTrace = CliRunner.run("trace", "stats", tmp.toString());
        assertEquals(ExitCode.BAD_INPUT, notTrace.exitCode, notTrace.toString());
        assertFalse(notTrace.err.contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void conversionNeverOverwrites() throws IOException {
        Path existing = Files.writeString(tmp.resolve("keep.csv"), "precious");
        CliRunner r = CliRunner.run("trace", "convert", trace.toString(), "--to", "csv", existing.toString());
        assertEquals(ExitCode.USAGE, r.exitCode, r.toString());
        assertEquals("precious", Files.readString(existing));
    }
}
