package io.isotrace.cpu.decode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consistency of the instruction tables themselves: every row's decode function copes with every word its
 * pattern matches (no exception, a known op), and every word decodes to something that disassembles.
 */
class EncodingTableSelfTest {
    @Test
    void everyRowDecodesRandomWordsOfItsPattern() {
        SplittableRandom r = new SplittableRandom(42);
        Decoder d = A64.decoder();
        List<String> problems = new ArrayList<>();
        for (Encoding e : A64.table().rows()) {
            Pattern p = e.pattern();
            for (int k = 0; k < 300; k++) {
                int word = (r.nextInt() & ~p.mask()) | p.value();
                Insn i = new Insn();
                try {
                    d.decode(word, 0x40_0000, i);
                    Disassembler.format(i);
                } catch (RuntimeException ex) {
                    problems.add(String.format("%s: word %08x: %s", e.name(), word, ex));
                    break;
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void randomWordsDecodeWithoutErrors() {
        SplittableRandom r = new SplittableRandom(7);
        Decoder d = A64.decoder();
        Insn i = new Insn();
        for (int k = 0; k < 1_000_000; k++) {
            int word = r.nextInt();
            d.decode(word, 0x40_0000, i);
            Disassembler.format(i);
        }
    }
}
