package io.isotrace.cpu.randomtest;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.UnimplementedInstruction;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a program under Isotrace, in this JVM. */
final class Isotrace {
    private Isotrace() {
    }

    static Outcome run(Path program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream diag = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status;
        try {
            LinuxRun.Result r = new LinuxRun(program, List.of(program.getFileName().toString()), LinuxRun.DEFAULT_ENV,
                    new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults().withMaxInstructions(50_000_000))
                    .io(out, err, diag).run();
            status = r.exitStatus();
        } catch (UnimplementedInstruction e) {
            diag.println(e.getMessage());
            status = -1;
        }
        return new Outcome(out.toByteArray(), status, err.toString(StandardCharsets.UTF_8));
    }
}
