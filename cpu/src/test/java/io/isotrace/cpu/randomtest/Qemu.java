package io.isotrace.cpu.randomtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a program under qemu-aarch64 (user mode), the reference. */
final class Qemu {
    static final String BINARY = System.getProperty("randomtest.qemu", "qemu-aarch64");

    private Qemu() {
    }

    /** True when qemu-aarch64 can be started. */
    static boolean available() {
        try {
            return version() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first line of {@code qemu-aarch64 --version}. */
    static String version() {
        try {
            Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A started qemu run; {@link #finish()} collects it. */
    static final class Run {
        private final Process process;
        private final Thread reader;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Run(Process process) {
            this.process = process;
            this.reader = new Thread(() -> copy(process.getInputStream()), "qemu-stdout");
            reader.start();
        }

        private void copy(InputStream in) {
            try {
                in.transferTo(out);
            } catch (IOException e) {
                // the process died; what was read is the outcome
            }
        }

        Outcome finish() {
            try {
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("qemu did not finish in 120 s");
                }
                reader.join();
                return new Outcome(out.toByteArray(), process.exitValue(), err);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Run start(Path program, String cpu) {
        try {
            return new Run(new ProcessBuilder(BINARY, "-cpu", cpu, program.toString()).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
    }
}
