package io.isotrace.cpu.fpsimd;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed SIMD&amp;FP cases (directed edge cases and a fixed random slice) under Isotrace, against the
 * answers qemu-aarch64 -cpu cortex-a53 gave when the files were recorded (see the files' headers). Needs no qemu.
 */
class SimdCommittedCasesTest {
    @TestFactory
    List<DynamicTest> committedCasesMatchTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : CaseFile.NAMES) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<SimdCase> cases = CaseFile.read(name);
                StringBuilder problems = new StringBuilder();
                List<String> actual = CaseRunner.isotrace(cases, problems);
                List<String> expected = new ArrayList<>();
                for (SimdCase c : cases) {
                    expected.add(c.expected());
                }
                StringBuilder report = new StringBuilder();
                int failures = CaseRunner.compare(cases, expected, actual, report, 30);
                assertEquals("", problems.toString(), "runs stopped early");
                assertEquals(0, failures, name + ": " + failures + " of " + cases.size() + " cases differ from "
                        + "the recorded reference\n" + report);
            }));
        }
        return tests;
    }
}
