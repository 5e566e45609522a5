package io.isotrace.cpu.randomtest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The randomized instruction tester: generated programs run under qemu-aarch64 and under Isotrace, and every case's
 * registers, flags, SP and buffer must agree. Needs qemu-aarch64 (JUnit tag {@code reference}, Maven profile
 * {@code -Preference}); see cpu/TESTING.md.
 *
 * <p>Properties: {@code randomtest.seed} (a number, or {@code random}), {@code randomtest.programs} (default 60,
 * of {@code randomtest.cases} = 200 cases each), {@code randomtest.record} (a file: write the expectations the
 * default build checks, from qemu's answers for {@link RandomInstructionRecordedTest#SEED}).
 */
@Tag("reference")
class RandomInstructionReferenceTest {
    static final int CASES = Integer.getInteger("randomtest.cases", 200);

    @TempDir
    Path dir;

    @Test
    void isotraceAgreesWithQemu() throws IOException {
        requireQemu();
        String seedText = System.getProperty("randomtest.seed", "20260101");
        long seed = seedText.equals("random") ? System.nanoTime() : Long.parseLong(seedText);
        int programs = Integer.getInteger("randomtest.programs", 60);
        RandomSuite suite = new RandomSuite(seed, programs, CASES);
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (int p = 0; p < programs && failures.size() < 20; p++) {
            Outcome[] both = runBoth(suite, p);
            failures.addAll(CaseReport.compare("seed " + seed + " program " + p + " (" + RandomSuite.suiteOf(p)
                    + ", qemu -cpu " + RandomSuite.suiteOf(p).qemuCpu + ")", suite.program(p), both[0], both[1],
                    20 - failures.size()));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("random instruction tester: seed %d, %d programs, %d cases, %.1f s%n", seed, programs,
                programs * CASES, s);
        if (!failures.isEmpty()) {
            fail(failures.size() + " case(s) differ from qemu (reproduce with -Drandomtest.seed=" + seed
                    + " -Drandomtest.programs=" + programs + "):\n\n" + String.join("\n\n", failures));
        }
    }

    /** Writes the expectations {@link RandomInstructionRecordedTest} checks (only when asked to). */
    @Test
    void recordExpectations() throws IOException {
        String target = System.getProperty("randomtest.record");
        if (target == null) {
            return;
        }
        requireQemu();
        RandomSuite suite = new RandomSuite(RandomInstructionRecordedTest.SEED, RandomInstructionRecordedTest.PROGRAMS,
                RandomInstructionRecordedTest.CASES);
        Recorded rec = new Recorded();
        rec.header.put("seed", Long.toString(suite.seed));
        rec.header.put("programs", Integer.toString(suite.programs));
        rec.header.put("cases", Integer.toString(suite.casesPerProgram));
        rec.header.put("qemu", Qemu.version());
        rec.header.put("qemu-cpu", "cortex-a53 (base programs), max (LSE programs: every fifth)");
        rec.header.put("fingerprint", Recorded.fingerprint(suite));
        List<String> failures = new ArrayList<>();
        for (int p = 0; p < suite.programs; p++) {
            Outcome[] both = runBoth(suite, p);
            TestProgram prog = suite.program(p);
            if (both[0].records() != prog.cases().size()) {
                fail("qemu did not complete program " + p + ": " + both[0].messages());
            }
            failures.addAll(CaseReport.compare("program " + p, prog, both[0], both[1], 20));
            for (int k = 0; k < prog.cases().size(); k++) {
                rec.lines.put(Recorded.key(p, k), CaseReport.delta(prog.cases().get(k), both[0].stdout(), k));
            }
        }
        rec.write(Path.of(target), List.of(
                "# Expected outcomes of the random instruction tester, produced by qemu-aarch64 (not by Isotrace).",
                "# Regenerate: mvn -B -pl cpu -am verify -Preference -Dtest=RandomInstructionReferenceTest#recordExpectations"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Drandomtest.record=$PWD/cpu/src/test/resources/"
                        + "randomtest/recorded-cases.txt",
                "# Each line: p<program>.c<case>, then what the case changed: registers, nzcv, sp, buffer bytes"
                        + " m<offset>=<hex>."));
        assertTrue(failures.isEmpty(), "Isotrace differs from qemu on the recorded suite:\n" + String.join("\n\n",
                failures));
    }

    private Outcome[] runBoth(RandomSuite suite, int p) throws IOException {
        TestProgram prog = suite.program(p);
        Path file = dir.resolve("random-" + suite.seed + "-" + p);
        Files.write(file, prog.elf());
        file.toFile().setExecutable(true);
        Qemu.Run q = Qemu.start(file, RandomSuite.suiteOf(p).qemuCpu);
        Outcome iso = Isotrace.run(file);
        return new Outcome[]{q.finish(), iso};
    }

    private static void requireQemu() {
        if (!Qemu.available()) {
            fail("the reference tests need " + Qemu.BINARY + " (apt-get install qemu-user); see cpu/TESTING.md");
        }
    }
}
