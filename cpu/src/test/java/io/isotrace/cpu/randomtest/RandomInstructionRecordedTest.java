package io.isotrace.cpu.randomtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fixed slice of the random instruction tester checked in every build: the programs of {@link #SEED} are
 * generated again, run under Isotrace, and each case's effect is compared with the one qemu-aarch64 produced when
 * the expectations were recorded (cpu/src/test/resources/randomtest/recorded-cases.txt; how to regenerate it is in
 * its header).
 */
class RandomInstructionRecordedTest {
    static final long SEED = 20260501;
    static final int PROGRAMS = 10;
    static final int CASES = 200;

    @TempDir
    Path dir;

    @Test
    void isotraceReproducesTheRecordedQemuResults() throws IOException {
        Recorded rec;
        try (InputStream in = getClass().getResourceAsStream("/randomtest/recorded-cases.txt")) {
            assertNotNull(in, "recorded-cases.txt is missing");
            rec = Recorded.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        RandomSuite suite = new RandomSuite(Long.parseLong(rec.header.get("seed")),
                Integer.parseInt(rec.header.get("programs")), Integer.parseInt(rec.header.get("cases")));
        assertEquals(rec.header.get("fingerprint"), Recorded.fingerprint(suite),
                "the generator no longer makes the programs the recorded answers belong to: re-record them "
                        + "(command in the header of recorded-cases.txt)");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int p = 0; p < suite.programs && failures.size() < 20; p++) {
            TestProgram prog = suite.program(p);
            Path file = dir.resolve("recorded-" + p);
            Files.write(file, prog.elf());
            Outcome out = Isotrace.run(file);
            for (int k = 0; k < prog.cases().size() && failures.size() < 20; k++) {
                String expected = rec.lines.get(Recorded.key(p, k));
                String actual = k < out.records() ? CaseReport.delta(prog.cases().get(k), out.stdout(), k)
                        : "(not reached: " + out.messages().strip() + ")";
                checked++;
                if (!actual.equals(expected)) {
                    failures.add(CaseReport.header("seed " + suite.seed + " program " + p, prog, k)
                            + "\n  qemu:     " + expected + "\n  Isotrace: " + actual);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " recorded case(s) differ:\n\n" + String.join("\n\n", failures));
        }
        assertEquals(suite.programs * suite.casesPerProgram, checked);
    }
}
