package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.CpuConfig;
import io.isotrace.cpu.UnimplementedInstruction;
import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.port.IdentityMemoryPort;
import io.isotrace.trace.port.PhysicalMemory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a test executable under Isotrace or under the reference, qemu-aarch64 -cpu cortex-a53. */
final class Runners {
    static final String QEMU = "qemu-aarch64";

    private Runners() {
    }

    /** The outcome of one run: stdout bytes, and what went wrong if anything did. */
    record Output(byte[] stdout, String problem) {
    }

    static Output isotrace(Path program) {
        return isotrace(program, false);
    }

    /** {@code observed}: with a transaction sink attached, so every access takes the transaction-making path. */
    static Output isotrace(Path program, boolean observed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            LinuxRun run = new LinuxRun(program, List.of("simdcases"), LinuxRun.DEFAULT_ENV,
                    new IdentityMemoryPort(new PhysicalMemory()), CpuConfig.defaults())
                    .io(out, err, new PrintStream(err));
            if (observed) {
                run.sink(t -> { });
            }
            LinuxRun.Result r = run.run();
            String problem = r.exitStatus() == 0 ? null : "exit " + r.exitStatus() + ": " + err;
            return new Output(out.toByteArray(), problem);
        } catch (UnimplementedInstruction u) {
            return new Output(out.toByteArray(), u.getMessage());
        }
    }

    static boolean qemuAvailable() {
        try {
            Process p = new ProcessBuilder(QEMU, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String qemuVersion() {
        try {
            Process p = new ProcessBuilder(QEMU, "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    static Output qemu(Path program) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(QEMU, "-cpu", "cortex-a53", program.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes());
        p.waitFor();
        return new Output(out, p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + err);
    }

    static Path write(byte[] elf) throws IOException {
        Path f = Files.createTempFile("isotrace-simd", ".elf");
        Files.write(f, elf);
        f.toFile().setExecutable(true);
        f.toFile().deleteOnExit();
        return f;
    }
}
