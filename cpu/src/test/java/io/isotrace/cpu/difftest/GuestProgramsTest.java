package io.isotrace.cpu.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every committed guest program under Isotrace against its committed reference outcome (recorded from
 * qemu-aarch64 -cpu cortex-a53 by src/test/guest/expected.sh): plain {@code mvn verify} checks real reference
 * results without qemu installed. A program without a committed outcome is skipped, saying how to make one.
 */
class GuestProgramsTest {
    @TestFactory
    List<DynamicTest> matchesCommittedReference() {
        List<DynamicTest> tests = new ArrayList<>();
        java.util.Map<String, String> skip = GuestPrograms.notCompared();
        for (Path p : GuestPrograms.all()) {
            String name = p.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Outcome want = GuestPrograms.expected(name);
                Assumptions.assumeTrue(want != null || !skip.containsKey(name), () -> name + " has no qemu "
                        + "reference: " + skip.get(name));
                Assumptions.assumeTrue(want != null, "no committed reference outcome for " + name
                        + " (run cpu/src/test/guest/expected.sh with qemu-aarch64 installed)");
                IsotraceRunner.Result got = IsotraceRunner.run(GuestPrograms.run(p));
                assertTrue(want.sameAs(got.outcome()), () -> name + ":\n"
                        + want.difference("qemu", got.outcome(), "isotrace") + got.diagnostics());
            }));
        }
        return tests;
    }
}
