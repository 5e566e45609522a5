package io.isotrace.cpu.randomtest;

import io.isotrace.cpu.testing.MiniElf;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Group;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the tables as a coverage map against qemu-aarch64 -cpu max (which implements most architecture
 * extensions): words of the integer groups - random words of every row's pattern, and random words of the whole
 * integer encoding space - each run alone as a program. A word Isotrace implements must not be UNDEFINED to
 * qemu; a word Isotrace calls UNDEFINED must be UNDEFINED to qemu too (else the tables miss an encoding that
 * exists), apart from the registers qemu-user emulates for EL0 and Isotrace does not. With property
 * {@code coverage.unimplemented=true} words of unimplemented rows are run too, and those qemu calls UNDEFINED
 * (an extension qemu 7.2 lacks, or a row too wide) are listed. Needs qemu: tag {@code reference}.
 */
@Tag("reference")
class CoverageMapReferenceTest {
    private static final int SIGILL_STATUS = 128 + 4;

    @TempDir
    Path dir;

    enum Ours { IMPLEMENTED, UNDEFINED, UNIMPLEMENTED }

    static Ours classify(int word) {
        Insn i = new Insn();
        Encoding e = A64.decoder().decode(word, 0x40_1000, i);
        if (i.op == Ops.UNIMPLEMENTED) {
            return Ours.UNIMPLEMENTED;
        }
        return e == null || i.op == Ops.UNDEFINED ? Ours.UNDEFINED : Ours.IMPLEMENTED;
    }

    /** Integer-group words that do not leave straight-line code: no branches, no exception generation. */
    static boolean testable(int word) {
        Group g = Group.of(word);
        switch (g) {
            case DP_IMMEDIATE:
            case DP_REGISTER:
                return true;
            case LOAD_STORE:
                return ((word >>> 26) & 1) == 0;
            case BRANCH_SYSTEM:
                return (word >>> 22) == 0b1101010100; // system instructions only
            default:
                return false;
        }
    }

    /** A program: every register (and SP) points into the middle of a 64 KiB buffer, the word, exit_group(0). */
    static byte[] program(int word) {
        List<Integer> w = new ArrayList<>();
        long mid = Layout.DATA_BASE + 0x8000;
        w.add(Asm.movz(0, (int) (mid >>> 16) & 0xFFFF, 1));
        w.add(0xF280_0000 | (int) (mid & 0xFFFF) << 5); // movk x0, #lo
        for (int r = 1; r < 31; r++) {
            w.add(Asm.addImm(r, 0, 0));
        }
        w.add(Asm.addImm(Asm.SP, 0, 0));
        w.add(word);
        w.add(Asm.movz(0, 0, 0));
        w.add(Asm.movz(8, 94, 0));
        w.add(Asm.svc0());
        int[] code = w.stream().mapToInt(Integer::intValue).toArray();
        return MiniElf.build(code, code.length, new byte[0x1_0000], 0x1_0000, MiniElf.codeAddress(0), Layout.DATA_BASE);
    }

    @Test
    void tablesAgreeWithQemuOnWhatExists() throws Exception {
        SplittableRandom r = new SplittableRandom(Long.getLong("coverage.seed", 7));
        int perRow = Integer.getInteger("coverage.perRow", 2);
        int random = Integer.getInteger("coverage.random", 1500);
        Map<Integer, String> words = new LinkedHashMap<>();
        for (Encoding e : A64.table().rows()) {
            for (int k = 0; k < perRow; k++) {
                int word = (r.nextInt() & ~e.pattern().mask()) | e.pattern().value();
                if (testable(word)) {
                    words.putIfAbsent(word, e.name());
                }
            }
        }
        for (int k = 0; k < random; ) {
            int word = r.nextInt();
            if (testable(word)) {
                words.putIfAbsent(word, "random");
                k++;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Integer, Future<Integer>> status = new LinkedHashMap<>();
        for (int word : words.keySet()) {
            if (classify(word) == Ours.UNIMPLEMENTED && !Boolean.getBoolean("coverage.unimplemented")) {
                continue;
            }
            status.put(word, pool.submit(() -> runQemu(word)));
        }
        List<String> problems = new ArrayList<>();
        List<String> unimplementedRun = new ArrayList<>();
        List<String> unimplementedUndefined = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<Integer, Future<Integer>> s : status.entrySet()) {
            int word = s.getKey();
            boolean qemuUndefined = s.getValue().get(60, TimeUnit.SECONDS) == SIGILL_STATUS;
            Ours ours = classify(word);
            counts.merge(ours + (qemuUndefined ? " / qemu UNDEFINED" : " / qemu runs it"), 1, Integer::sum);
            String what = String.format("%08x %s (%s)", word, CaseReport.disassemble(word, 0x40_1000), words.get(word));
            if (ours == Ours.UNIMPLEMENTED) {
                (qemuUndefined ? unimplementedUndefined : unimplementedRun).add(what);
            } else if (ours == Ours.IMPLEMENTED && qemuUndefined && !dataPersistence(word)) {
                problems.add("implemented, but UNDEFINED to qemu -cpu max: " + what);
            } else if (ours == Ours.UNDEFINED && !qemuUndefined && !emulatedByQemuUser(word)) {
                problems.add("UNDEFINED to Isotrace, but qemu -cpu max runs it: " + what);
            }
        }
        pool.shutdown();
        System.out.println("coverage map vs qemu -cpu max: " + counts);
        unimplementedUndefined.forEach(u -> System.out.println("unimplemented row, UNDEFINED to qemu 7.2: " + u));
        assertTrue(problems.isEmpty(), problems.size() + " disagreements:\n" + String.join("\n", problems));
    }

    /**
     * DC CVAP and DC CVADP (FEAT_DPB, FEAT_DPB2): EL0 may use them under Linux (SCTLR_EL1.UCI) and Isotrace runs
     * them as the clean operations they are, but qemu-aarch64 7.2 raises SIGILL for them in user mode whatever the
     * model.
     */
    static boolean dataPersistence(int word) {
        return (word & 0xFFFF_FFE0) == 0xD50B_7C20 || (word & 0xFFFF_FFE0) == 0xD50B_7D20;
    }

    /**
     * qemu-user emulates MRS of the ID registers (op0 3, op1 0, CRn 0) as Linux does with HWCAP_CPUID, which
     * Isotrace does not advertise; those are UNDEFINED here on purpose.
     */
    static boolean emulatedByQemuUser(int word) {
        return (word & 0xFFF8_F000) == 0xD538_0000;
    }

    private int runQemu(int word) throws IOException, InterruptedException {
        Path f = dir.resolve(String.format("w%08x", word));
        Files.write(f, program(word));
        f.toFile().setExecutable(true); // qemu-user refuses files without execute permission
        Process p = new ProcessBuilder(Qemu.BINARY, "-cpu", "max", f.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() == 1) {
            throw new IllegalStateException("qemu could not run " + f);
        }
        return p.exitValue();
    }
}
