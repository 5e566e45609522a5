package io.isotrace.cpu.bench;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures guest MIPS with no trace: runs a static program several times in one JVM (the first runs warm the JIT)
 * and prints instructions, seconds and MIPS of each run, by wall time and by the running thread's CPU time (the
 * latter less disturbed by other work on a shared machine). Usage: {@code Mips PROGRAM [RUNS] [ARGS...]}.
 */
public final class Mips {
    private Mips() {
    }

    public static void main(String[] args) {
        // -Dmips.observe=true: a sink that only counts, so every access becomes a transaction (no recording cost).
        boolean observe = Boolean.getBoolean("mips.observe");
        long[] seen = new long[1];
        Path prog = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> argv = new ArrayList<>();
        argv.add(prog.getFileName().toString());
        for (int k = 2; k < args.length; k++) {
            argv.add(args[k]);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LinuxRun run = new LinuxRun(prog, argv, LinuxRun.DEFAULT_ENV,
                    new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults())
                    .io(out, System.err, new PrintStream(System.err));
            if (observe) {
                run.sink(t -> seen[0]++);
            }
            LinuxRun.Result res = run.run();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("%s run %d: %d instructions in %.3f s = %.1f MIPS (%.1f MIPS of this thread's CPU time;"
                    + " exit %d)%n", prog.getFileName(), r, res.instructions(), s, res.instructions() / s / 1e6,
                    res.instructions() / cpu / 1e6, res.exitStatus());
            if (observe) {
                System.out.printf("  %d transactions observed (%.2f per instruction)%n", seen[0],
                        (double) seen[0] / res.instructions());
                seen[0] = 0;
            }
        }
    }
}
