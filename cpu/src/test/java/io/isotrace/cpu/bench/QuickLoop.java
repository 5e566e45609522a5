package io.isotrace.cpu.bench;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Ad-hoc timing of one guest (not a test). */
public final class QuickLoop {
    public static void main(String[] args) {
        for (int rep = 0; rep < Integer.parseInt(args.length > 1 ? args[1] : "3"); rep++) {
            long t0 = System.nanoTime();
            LinuxRun.Result r = new LinuxRun(Path.of(args[0]), List.of("x"), LinuxRun.DEFAULT_ENV,
                    new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults())
                    .io(System.out, System.err, new PrintStream(System.err)).run();
            long t1 = System.nanoTime();
            System.out.printf("%d instructions in %.3f s = %.1f MIPS, exit %d%n", r.instructions(), (t1 - t0) / 1e9,
                    r.instructions() * 1e3 / (t1 - t0), r.exitStatus());
        }
    }
}
