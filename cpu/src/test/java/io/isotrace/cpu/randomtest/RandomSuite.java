package io.isotrace.cpu.randomtest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible set of test programs: program p of seed s is always the same bytes. Every fifth program is an
 * {@link Generator.Suite#LSE} program, the others {@link Generator.Suite#BASE}.
 */
final class RandomSuite {
    final long seed;
    final int programs;
    final int casesPerProgram;
    private final Generator generator = new Generator();

    RandomSuite(long seed, int programs, int casesPerProgram) {
        this.seed = seed;
        this.programs = programs;
        this.casesPerProgram = casesPerProgram;
    }

    static Generator.Suite suiteOf(int program) {
        return program % 5 == 4 ? Generator.Suite.LSE : Generator.Suite.BASE;
    }

    TestProgram program(int p) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + p);
        Generator.Suite suite = suiteOf(p);
        List<TestCase> cases = new ArrayList<>();
        for (int k = 0; k < casesPerProgram; k++) {
            cases.add(generator.next(r, suite, Layout.bufferAddress(k)));
        }
        return new TestProgram(cases);
    }
}
