package io.isotrace.cli;

import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code isotrace run} through the jar, as a user runs it (the guest writes to the real standard streams). */
class RunCommandIT {
    private static final Path JAR = Path.of("target", "isotrace.jar");
    private static final Path GUEST = Path.of("..", "cpu", "src", "test", "resources", "guest");

    @TempDir
    Path tmp;

    @Test
    void exitsWithTheGuestStatusAndPassesItsOutputThrough() throws Exception {
        Result r = isotrace("run", GUEST.resolve("hello_asm").toString());
        assertEquals(7, r.code, r.err); // hello_asm calls exit_group(7)
        assertEquals("hello from asm\n", r.out);
    }

    @Test
    void everythingAfterTheProgramBelongsToTheGuest() throws Exception {
        // --help after PROGRAM is the guest's argument, not ours: linux_libc echoes argv.
        Result r = isotrace("run", GUEST.resolve("linux_libc").toString(), "--help", "-x");
        assertFalse(r.out.contains("Usage: isotrace"), r.out);
        assertTrue(r.out.startsWith("argc=3 "), r.out);
    }

    @Test
    void recordsEveryTransactionAndTheTraceMatchesTheRun() throws Exception {
        Path trace = tmp.resolve("t");
        Result r = isotrace("run", "--stats", "--record", trace.toString(), GUEST.resolve("hello_asm").toString());
        assertEquals(7, r.code, r.err);
        assertTrue(r.err.contains("8 instructions"), r.err);
        try (TraceReader reader = TraceReader.open(trace)) {
            assertTrue(reader.header().program().endsWith("hello_asm"));
            Transaction t = new Transaction();
            List<TransactionKind> kinds = new ArrayList<>();
            while (reader.next(t)) {
                kinds.add(t.kind);
                assertEquals(ReplyStatus.OK, t.status);
                assertEquals(t.va, t.ipa, "user mode: VA = IPA");
            }
            assertTrue(reader.isComplete());
            // Eight instructions in 36 bytes from the ELF entry: one or two 64-byte fetch lines, no data access.
            assertTrue(kinds.stream().allMatch(k -> k == TransactionKind.IFETCH), kinds.toString());
            assertTrue(kinds.size() >= 1 && kinds.size() <= 2, kinds.toString());
        }
    }

    @Test
    void sameRunRecordsByteIdenticalTraces() throws Exception {
        for (String name : new String[]{"a", "b"}) {
            assertEquals(0, isotrace("run", "--record", tmp.resolve(name).toString(),
                    GUEST.resolve("linux_fork").toString()).code);
        }
        for (String file : new String[]{"metadata.cq4t"}) {
            assertTrue(Files.exists(tmp.resolve("a").resolve(file)));
        }
        try (var files = Files.list(tmp.resolve("a"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                byte[] a = Files.readAllBytes(f);
                byte[] b = Files.readAllBytes(tmp.resolve("b").resolve(f.getFileName()));
                assertTrue(java.util.Arrays.equals(a, b), f.getFileName() + " differs");
            }
        }
    }

    @Test
    void lockstepWithAPolicyTranslatesEveryAccess() throws Exception {
        Path trace = tmp.resolve("lock");
        Result r = isotrace("run", "--policy", Path.of("..", "examples", "user-mode-policy.yaml").toString(),
                "--record", trace.toString(), GUEST.resolve("linux_libc").toString());
        assertEquals(3, r.code, r.err); // linux_libc returns 3 on purpose
        try (TraceReader reader = TraceReader.open(trace)) {
            Transaction t = new Transaction();
            long n = 0;
            while (reader.next(t)) {
                assertEquals(ReplyStatus.OK, t.status);
                assertEquals(1, t.env, "the policy's only environment");
                // The example maps IPA [0, 4 GiB) to PA 64 GiB up and the stack region to 68 GiB up.
                long expected = t.ipa < (4L << 30) ? t.ipa + 0x10_0000_0000L : t.ipa - 0x3E_0000_0000L + 0x11_0000_0000L;
                assertEquals(expected, t.pa, t.toString());
                assertTrue(t.latencyPs > 0, "the controller charges time");
                n++;
            }
            assertTrue(n > 1000);
        }
    }

    @Test
    void aFileThatIsNotAnElfIsBadInput() throws Exception {
        Path notElf = Files.writeString(tmp.resolve("script.txt"), "echo hi\n");
        Result r = isotrace("run", notElf.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code, r.err);
        assertTrue(r.err.contains("not an ELF"), r.err);
    }

    @Test
    void theInstructionLimitStopsARunawayGuest() throws Exception {
        Result r = isotrace("run", "--max-instructions", "1000", GUEST.resolve("loop_asm").toString());
        assertEquals(124, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count(), "one line says why: " + r.err);
    }

    @Test
    void anUnimplementedInstructionStopsTheRunNamingItAndTheTraceStaysReadable() throws Exception {
        // AESE (FEAT_AES) is a row of the coverage map, not implemented: the run stops with exit 125.
        Path elf = tmp.resolve("aese");
        Files.write(elf, io.isotrace.cli.testing.TinyElf.of(0x4e284820, 0xd2800bc8, 0xd4000001));
        Path trace = tmp.resolve("t");
        Result r = isotrace("run", "--record", trace.toString(), elf.toString());
        assertEquals(125, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains("unimplemented instruction 0x4e284820") && r.err.contains("at PC 0x"), r.err);
        try (TraceReader reader = TraceReader.open(trace)) {
            assertTrue(reader.next(new Transaction()), "the fetch of the stopped block was recorded");
            assertFalse(reader.next(new Transaction()));
            assertTrue(reader.isComplete(), "the writer was closed: the end marker is there");
        }
    }

    @Test
    void anUndefinedInstructionRaisesSigillAsLinuxDoes() throws Exception {
        // 0x00000000 is UDF #0: Linux (and qemu-aarch64) deliver SIGILL, status 128 + 4.
        Path elf = tmp.resolve("udf");
        Files.write(elf, io.isotrace.cli.testing.TinyElf.of(0x00000000));
        Result r = isotrace("run", elf.toString());
        assertEquals(132, r.code, r.err);
        assertTrue(r.err.contains("SIGILL"), r.err);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result isotrace(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
