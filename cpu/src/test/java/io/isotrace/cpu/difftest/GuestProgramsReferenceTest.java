package io.isotrace.cpu.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential harness over the project's guest programs: each runs under qemu-aarch64 -cpu cortex-a53 and
 * under Isotrace, and stdout, stderr and exit status must be identical. The committed reference outcome, when
 * there is one, must equal qemu's too (so the committed files cannot drift from the reference).
 */
@Tag("reference")
class GuestProgramsReferenceTest {
    @TestFactory
    List<DynamicTest> isotraceMatchesQemu() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> skip = GuestPrograms.notCompared();
        for (Path p : GuestPrograms.all()) {
            String name = p.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Assumptions.assumeTrue(Tools.qemuVersion() != null, Tools.qemuMissing());
                Assumptions.assumeFalse(skip.containsKey(name), () -> name + " is not compared: " + skip.get(name));
                GuestRun run = GuestPrograms.run(p);
                Outcome ref = QemuRunner.run(run);
                IsotraceRunner.Result got = IsotraceRunner.run(run);
                assertTrue(ref.sameAs(got.outcome()), () -> name + ":\n"
                        + ref.difference("qemu", got.outcome(), "isotrace") + got.diagnostics());
                Outcome committed = GuestPrograms.expected(name);
                if (committed != null) {
                    assertTrue(committed.sameAs(ref), () -> name + ": the committed reference outcome is stale "
                            + "(rerun cpu/src/test/guest/expected.sh):\n" + committed.difference("committed", ref,
                            "qemu"));
                }
            }));
        }
        return tests;
    }
}
