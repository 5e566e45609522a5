package io.isotrace.cpu.bench;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceWriter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Ad-hoc timing of one guest (not a test): args PROGRAM REPS [record]. */
public final class QuickLoop {
    public static void main(String[] args) throws Exception {
        boolean record = args.length > 2 && args[2].equals("record");
        boolean count = args.length > 2 && args[2].equals("count");
        long[] counter = {0};
        for (int rep = 0; rep < Integer.parseInt(args.length > 1 ? args[1] : "3"); rep++) {
            Path dir = Files.createTempDirectory("ql").resolve("t");
            TraceWriter w = record ? TraceWriter.create(dir, TraceHeader.builder().build()) : null;
            long t0 = System.nanoTime();
            LinuxRun.Result r = new LinuxRun(Path.of(args[0]), List.of("x", System.getProperty("ql.arg", "int")), LinuxRun.DEFAULT_ENV,
                    new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults())
                    .sink(count ? t -> counter[0] += t.size : w).io(System.out, System.err, new PrintStream(System.err)).run();
            if (w != null) {
                w.close();
            }
            long t1 = System.nanoTime();
            System.out.printf("%d instructions, %d transactions in %.3f s = %.1f MIPS, exit %d%n", r.instructions(),
                    r.transactions(), (t1 - t0) / 1e9, r.instructions() * 1e3 / (t1 - t0), r.exitStatus());
        }
    }
}
