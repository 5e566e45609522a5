package io.isotrace.cpu.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's arm64 busybox-static, real software nobody here wrote, under qemu-aarch64 -cpu cortex-a53 and under
 * Isotrace: {@code busybox sh -c SCRIPT} for each of {@link BusyboxCases}, identical stdout, stderr and exit status
 * required. Skipped, saying why, without qemu or busybox (see {@link Tools} for ISOTRACE_QEMU and
 * ISOTRACE_BUSYBOX).
 */
@Tag("reference")
class BusyboxReferenceTest {
    @TempDir
    static Path tmp;

    @TestFactory
    List<DynamicTest> busyboxUnderIsotraceMatchesQemu() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (BusyboxCases.Case c : BusyboxCases.CASES) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Assumptions.assumeTrue(Tools.qemuVersion() != null, Tools.qemuMissing());
                Assumptions.assumeTrue(Tools.busyboxPresent(), Tools.busyboxMissing());
                // Each emulator gets a fresh fixture: a case may change it.
                int k = n[0]++;
                GuestRun run = GuestRun.of(c.name(), Tools.BUSYBOX).args(List.of("sh", "-c", c.script()))
                        .input(c.stdin().getBytes(StandardCharsets.UTF_8));
                List<String> applets = c.bin() ? QemuRunner.applets() : List.of();
                Outcome ref = QemuRunner.run(run.inWritable(BusyboxCases.fixture(tmp.resolve(k + "-qemu"), c.bin(),
                        applets)));
                IsotraceRunner.Result got = IsotraceRunner.run(run.inWritable(
                        BusyboxCases.fixture(tmp.resolve(k + "-isotrace"), c.bin(), applets)));
                assertTrue(ref.sameAs(got.outcome()), () -> c.name() + ": sh -c '" + c.script() + "'\n"
                        + ref.difference("qemu", got.outcome(), "isotrace") + got.diagnostics());
            }));
        }
        return tests;
    }
}
