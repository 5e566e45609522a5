package io.isotrace.cpu.isa;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Disassembler;
import io.isotrace.cpu.decode.Insn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every word the unit tests use prints as aarch64-linux-gnu-objdump -d printed it (Words.OBJDUMP). */
class DisassemblyTest {
    @Test
    void unitTestWordsPrintAsObjdump() {
        List<String> wrong = new ArrayList<>();
        for (String[] r : Words.OBJDUMP) {
            if (Words.NOT_PRINTED_AS_OBJDUMP.containsKey(r[1])) {
                continue;
            }
            Insn i = new Insn();
            A64.decoder().decode(Integer.parseUnsignedInt(r[0], 16), 0x40_0000, i);
            String ours = Disassembler.format(i);
            if (!ours.equals(r[1])) {
                wrong.add(r[0] + ": objdump \"" + r[1] + "\", Isotrace \"" + ours + "\"");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
