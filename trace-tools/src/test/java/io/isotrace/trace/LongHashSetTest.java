package io.isotrace.trace;

import io.isotrace.trace.util.LongHashSet;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongHashSetTest {
    @Test
    void behavesLikeAHashSetUnderRandomAddsAndRemoves() {
        SplittableRandom rnd = new SplittableRandom(17);
        LongHashSet set = new LongHashSet(4);
        Set<Long> ref = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long v = rnd.nextInt(5_000) * 4096L; // page-like keys collide in low bits
            if (rnd.nextInt(3) == 0) {
                assertEquals(ref.remove(v), set.remove(v));
            } else {
                assertEquals(ref.add(v), set.add(v));
            }
            if (i % 1000 == 0) {
                for (long k = 0; k < 5_000; k++) {
                    assertEquals(ref.contains(k * 4096L), set.contains(k * 4096L));
                }
            }
            assertEquals(ref.size(), set.size());
        }
    }
}
