package io.isotrace.cpu.fpsimd;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The randomized SIMD&amp;FP tester against the reference: random instructions from every implemented SIMD&amp;FP
 * row with random register contents, run under qemu-aarch64 -cpu cortex-a53 and under Isotrace; all V registers,
 * X registers, FPSR, NZCV and the scratch memory must agree. Seeded: {@code -Disotrace.seed=N} reproduces a run,
 * {@code -Disotrace.cases=N} sets its size, {@code -Disotrace.rows=REGEX} limits it to matching rows.
 */
@Tag("reference")
class SimdRandomReferenceTest {
    @Test
    void randomInstructionsMatchQemu() throws Exception {
        Assumptions.assumeTrue(Runners.qemuAvailable(), "qemu-aarch64 not installed");
        long seed = Long.getLong("isotrace.seed", 0x5EED_51D0L);
        int count = Integer.getInteger("isotrace.cases", 12_000);
        String rows = System.getProperty("isotrace.rows", ".*");
        CaseGenerator g = new CaseGenerator(seed, e -> e.name().matches(rows));
        List<SimdCase> cases = g.cases(count);
        StringBuilder problems = new StringBuilder();
        List<String> expected = CaseRunner.qemu(cases, problems);
        List<String> actual = CaseRunner.isotrace(cases, problems);
        StringBuilder report = new StringBuilder();
        int failures = CaseRunner.compare(cases, expected, actual, report, 40);
        if (Boolean.getBoolean("isotrace.verbose")) {
            for (int k = 0; k < Math.min(20, cases.size()); k++) {
                System.out.print(CaseRunner.describe(k, cases.get(k), expected.get(k), actual.get(k)));
            }
        }
        System.out.printf("SIMD&FP random tester: seed %d, %d cases over %d rows, %d failures%n", seed,
                cases.size(), g.rows().size(), failures);
        assertEquals("", problems.toString(), "runs stopped early");
        assertEquals(0, failures, "seed " + seed + ": " + failures + " of " + cases.size()
                + " cases differ from qemu\n" + problems + report);
    }
}
