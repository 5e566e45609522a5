package io.isotrace.cpu.isa;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isotrace's disassembly against committed aarch64-linux-gnu-objdump output: a line for every integer form
 * (disasm/forms.txt, from disasm/forms.S) and a sample of every integer mnemonic and operand shape of a real
 * program (disasm/busybox-sample.txt, Debian's busybox-static). Aliases (mov, cmp, lsl, ubfx, cset ...) included.
 */
class ObjdumpDisassemblyTest {
    static List<String> resource(String name) throws IOException {
        try (InputStream in = ObjdumpDisassemblyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void everyIntegerFormPrintsAsObjdump() throws IOException {
        ObjdumpComparison.Result r = ObjdumpComparison.compare(resource("/disasm/forms.txt"));
        assertTrue(r.mismatches.isEmpty(), r + "\n" + String.join("\n", r.mismatches));
        assertEquals(List.of("d5380000 mrs x0, midr_el1"), r.undefined, "UNDEFINED at EL0 (no HWCAP_CPUID)");
        assertTrue(r.compared > 240, r.toString());
    }

    @Test
    void aRealProgramsIntegerInstructionsPrintAsObjdump() throws IOException {
        ObjdumpComparison.Result r = ObjdumpComparison.compare(resource("/disasm/busybox-sample.txt"));
        assertTrue(r.mismatches.isEmpty(), r + "\n" + String.join("\n", r.mismatches));
        assertTrue(r.compared > 1000, r.toString());
        for (String u : r.unimplemented) {
            assertTrue(u.contains("MTE") || u.contains("MOPS") || u.contains("DC_G") || u.contains("IRG")
                    || u.contains("GMI"), "only glibc's MTE/MOPS variants may be unimplemented: " + u);
        }
    }
}
