package io.isotrace.cpu.fpsimd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The directed SIMD&amp;FP edge cases ({@link DirectedCases}) under qemu-aarch64 -cpu cortex-a53 and Isotrace; and
 * the committed case files checked against qemu, so they cannot go stale. With {@code -Disotrace.record=DIR} the
 * committed files are (re)written into DIR from qemu's answers:
 * <pre>mvn -B -pl cpu -am verify -Preference -Dtest=SimdDirectedReferenceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Disotrace.record=$PWD/cpu/src/test/resources/fpsimd</pre>
 */
@Tag("reference")
class SimdDirectedReferenceTest {
    static final long RANDOM_SEED = 0x51D_CA5EL;
    static final int RANDOM_CASES = 1500;

    @Test
    void directedCasesMatchQemu() throws Exception {
        Assumptions.assumeTrue(Runners.qemuAvailable(), "qemu-aarch64 not installed");
        List<SimdCase> cases = DirectedCases.all();
        StringBuilder problems = new StringBuilder();
        List<String> expected = CaseRunner.qemu(cases, problems);
        List<String> actual = CaseRunner.isotrace(cases, problems);
        StringBuilder report = new StringBuilder();
        int failures = CaseRunner.compare(cases, expected, actual, report, 40);
        System.out.printf("SIMD&FP directed cases: %d cases, %d failures%n", cases.size(), failures);
        String record = System.getProperty("isotrace.record");
        if (record != null) {
            record(Path.of(record), cases, expected);
        }
        assertEquals("", problems.toString(), "runs stopped early");
        assertEquals(0, failures, failures + " of " + cases.size() + " directed cases differ from qemu\n" + report);
    }

    @Test
    void committedCasesAreQemusAnswers() throws Exception {
        Assumptions.assumeTrue(Runners.qemuAvailable(), "qemu-aarch64 not installed");
        Assumptions.assumeTrue(System.getProperty("isotrace.record") == null, "recording");
        for (String name : CaseFile.NAMES) {
            List<SimdCase> cases = CaseFile.read(name);
            StringBuilder problems = new StringBuilder();
            List<String> qemu = CaseRunner.qemu(cases, problems);
            List<String> committed = new ArrayList<>();
            for (SimdCase c : cases) {
                committed.add(c.expected());
            }
            StringBuilder report = new StringBuilder();
            int stale = CaseRunner.compare(cases, qemu, committed, report, 10);
            assertEquals(0, stale, name + " is stale (re-record it, see the class comment)\n" + report);
        }
    }

    private static void record(Path dir, List<SimdCase> directed, List<String> directedAnswers) throws Exception {
        String how = "Recorded by SimdDirectedReferenceTest with -Disotrace.record; answers from " + Runners.qemuVersion()
                + " -cpu cortex-a53 (not from Isotrace).";
        List<SimdCase> withAnswers = new ArrayList<>();
        for (int k = 0; k < directed.size(); k++) {
            withAnswers.add(directed.get(k).withExpected(directedAnswers.get(k)));
        }
        CaseFile.write(dir.resolve("directed.cases"), List.of("SIMD&FP directed edge cases (DirectedCases).", how,
                "Each line: instruction word | initial state (see VState.fromSpec) | what the instruction changed."),
                withAnswers);
        CaseGenerator g = new CaseGenerator(RANDOM_SEED, e -> true);
        List<SimdCase> random = g.cases(RANDOM_CASES);
        StringBuilder problems = new StringBuilder();
        List<String> answers = CaseRunner.qemu(random, problems);
        List<SimdCase> randomWithAnswers = new ArrayList<>();
        for (int k = 0; k < random.size(); k++) {
            randomWithAnswers.add(random.get(k).withExpected(answers.get(k)));
        }
        CaseFile.write(dir.resolve("random.cases"), List.of("A fixed slice of the SIMD&FP random tester: seed "
                + Long.toHexString(RANDOM_SEED) + ", " + RANDOM_CASES + " cases over every implemented row.", how,
                "Each line: instruction word | initial state (see VState.fromSpec) | what the instruction changed."),
                randomWithAnswers);
    }
}
