package io.isotrace.cpu.isa;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The integer-ISA guest program that needs an ARMv8.1+ reference (isa_lse: LSE atomics, LDAPR) against qemu-aarch64
 * -cpu cortex-a76, the model its committed outcome was recorded with (the differential harness runs the other
 * guest programs with cortex-a53 and lists this one in not-compared.txt). Needs qemu: tag {@code reference}.
 */
@Tag("reference")
class IsaGuestReferenceTest {
    @Test
    void lseProgramMatchesQemuCortexA76() throws IOException, InterruptedException, URISyntaxException {
        Path prog = Path.of(getClass().getResource("/guest/isa_lse").toURI());
        Path expected = Path.of(getClass().getResource("/guest-expected/isa_lse.stdout").toURI());
        Process p = new ProcessBuilder("env", "-i", "PATH=/usr/bin:/bin", "HOME=/", "LANG=C", "LC_ALL=C",
                System.getProperty("randomtest.qemu", "qemu-aarch64"), "-cpu", "cortex-a76", "-0", "isa_lse",
                prog.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "qemu exit status");
        assertEquals(Files.readString(expected), out, "committed isa_lse.stdout is not what qemu -cpu cortex-a76 says");
    }
}
