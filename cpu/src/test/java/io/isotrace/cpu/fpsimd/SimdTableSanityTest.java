package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Group;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SIMD&amp;FP row decodes its own words without error, produces a SIMD&amp;FP op with an executor, and
 * disassembles without unresolved placeholders.
 */
class SimdTableSanityTest {
    @Test
    void everySimdFpRowDecodesAndDisassembles() {
        List<String> problems = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        int decoded = 0;
        for (Encoding e : A64.table().rows()) {
            if (!e.implemented() || !(e.group() == Group.SIMD_FP || CaseGenerator.isSimdFp(e))) {
                continue;
            }
            Insn i = new Insn();
            int mine = 0;
            for (int k = 0; k < 3000 && mine < 200; k++) {
                int w = (r.nextInt() & ~e.pattern().mask()) | e.pattern().value();
                try {
                    if (A64.decoder().decode(w, 0x1000, i) != e) {
                        continue;
                    }
                    decoded++;
                    mine++;
                    int g = i.op >>> Ops.GROUP_SHIFT;
                    if (g != Ops.GROUP_FP && g != Ops.GROUP_SIMD) {
                        problems.add(e.name() + String.format(" %08x: op %d not a SIMD&FP op", w, i.op));
                    }
                    String text = i.toString();
                    if (text.contains("{") && !text.contains("{v")) {
                        problems.add(e.name() + String.format(" %08x: '%s'", w, text));
                    }
                } catch (RuntimeException ex) {
                    problems.add(e.name() + String.format(" %08x: %s", w, ex));
                    break;
                }
            }
            if (mine == 0) {
                problems.add(e.name() + ": no word of its pattern decodes to it (a dead row)");
            }
        }
        assertTrue(decoded > 1000, "decoded " + decoded);
        assertEquals(List.of(), problems.subList(0, Math.min(30, problems.size())));
    }
}
