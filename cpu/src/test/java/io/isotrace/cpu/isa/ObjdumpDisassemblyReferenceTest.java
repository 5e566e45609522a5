package io.isotrace.cpu.isa;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isotrace's disassembly of whole binaries against aarch64-linux-gnu-objdump run now (tag {@code reference}):
 * every committed guest program, and Debian's busybox-static when present (property {@code isotrace.busybox},
 * default /tmp/bb/bin/busybox). Also checks that the committed forms.txt is still what objdump says.
 */
@Tag("reference")
class ObjdumpDisassemblyReferenceTest {
    private static final String OBJDUMP = System.getProperty("isotrace.objdump", "aarch64-linux-gnu-objdump");

    static List<String> objdump(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(OBJDUMP, "-d", file.toString()).redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), OBJDUMP + " failed on " + file);
        return out;
    }

    @Test
    void guestProgramsAndBusyboxPrintAsObjdump() throws IOException, InterruptedException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(getClass().getResource("/guest").toURI()))) {
            s.sorted().forEach(files::add);
        }
        // The same busybox the differential tests use (ISOTRACE_BUSYBOX, which CI sets, or -Disotrace.busybox).
        Path busybox = io.isotrace.cpu.difftest.Tools.BUSYBOX;
        if (Files.exists(busybox)) {
            files.add(busybox);
        }
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Path f : files) {
            ObjdumpComparison.Result r = ObjdumpComparison.compare(objdump(f));
            compared += r.compared;
            // TLBI and AT are EL1's: UNDEFINED here and printed as SYS; MIDR_EL1, CNTPCT_EL0 and DAIF are
            // UNDEFINED at EL0 (isa_align checks the SIGILL).
            r.mismatches.stream().filter(m -> !m.contains("objdump \"tlbi ") && !m.contains("objdump \"at "))
                    .limit(10).forEach(m -> problems.add(f.getFileName() + ": " + m));
            r.undefined.stream().filter(u -> !u.matches(".*mrs x\\d+, (midr_el1|cntpct_el0|daif)$")).limit(10)
                    .forEach(u -> problems.add(f.getFileName() + ": UNDEFINED to Isotrace: " + u));
        }
        System.out.println("objdump comparison: " + compared + " integer instructions in " + files.size() + " files");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void committedFormsListingIsCurrent() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("forms");
        Path src = dir.resolve("forms.S");
        Files.write(src, ObjdumpDisassemblyTest.resource("/disasm/forms.S"));
        Path obj = dir.resolve("forms.o");
        Process p = new ProcessBuilder("aarch64-linux-gnu-as", "-o", obj.toString(), src.toString())
                .redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), err);
        List<String> now = objdump(obj).stream().filter(l -> l.matches("^\\s+[0-9a-f]+:.*")).toList();
        List<String> committed = ObjdumpDisassemblyTest.resource("/disasm/forms.txt").stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertEquals(committed, now);
    }
}
