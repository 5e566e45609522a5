package io.isotrace.cpu;

import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelloAsmTest {
    @Test
    void writesAndExits() throws URISyntaxException {
        Path prog = Path.of(getClass().getResource("/guest/hello_asm").toURI());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LinuxRun.Result r = new LinuxRun(prog, List.of("hello_asm"), LinuxRun.DEFAULT_ENV,
                new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults())
                .io(out, err, new PrintStream(err)).run();
        assertEquals("hello from asm\n", out.toString(), err.toString());
        assertEquals(7, r.exitStatus());
        assertEquals(StopReason.EXITED, r.stop());
        assertEquals(8, r.instructions());
    }
}
