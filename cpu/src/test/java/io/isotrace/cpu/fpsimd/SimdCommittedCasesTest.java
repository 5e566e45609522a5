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
        for (String file : CaseFile.NAMES) {
            for (boolean observed : new boolean[] {false, true}) {
                String name = file + (observed ? " (every access a transaction)" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    List<SimdCase> cases = CaseFile.read(file);
                    StringBuilder problems = new StringBuilder();
                    List<String> actual = observed ? CaseRunner.isotraceObserved(cases, problems)
                            : CaseRunner.isotrace(cases, problems);
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
        }
        return tests;
    }
}
