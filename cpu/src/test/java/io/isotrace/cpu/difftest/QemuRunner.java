package io.isotrace.cpu.difftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest under {@code qemu-aarch64 -cpu cortex-a53}, the reference.
 *
 * <p>qemu's own messages are removed from stderr (lines starting {@code qemu:}, such as "qemu: uncaught target
 * signal 11 (Segmentation fault) - core dumped"): Isotrace says the same on its diagnostics stream, not on the
 * guest's stderr.
 *
 * <p><b>Child programs.</b> qemu-user hands execve to the host kernel, which cannot run an AArch64 file (no
 * binfmt_misc in CI): busybox's {@code execve("/proc/self/exe", ...)} for an applet fails there with ENOEXEC, and
 * busybox then searches PATH for the applet. So that the reference runs busybox's applet too (and not the host's
 * coreutils), PATH starts with a directory of host shell wrappers, one per applet, that run busybox under qemu
 * again. Isotrace needs none of this: it re-executes the guest program itself.
 */
final class QemuRunner {
    private static Path wrappers;

    private QemuRunner() {
    }

    /**
     * Runs the command after it with an empty signal mask. A process inherits its parent's mask, the JVM blocks
     * SIGQUIT in every thread but one, and qemu-user gives the guest the mask it was started with; a guest started by
     * Isotrace (like one started by a login shell) begins with none blocked. perl-base is essential on Debian.
     */
    static final List<String> CLEAN_SIGNAL_MASK = List.of(hostProgram("perl"), "-e",
            "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die; exec { $ARGV[0] } @ARGV or die", "--");

    static Outcome run(GuestRun r) {
        List<String> cmd = new ArrayList<>(CLEAN_SIGNAL_MASK);
        cmd.addAll(List.of(hostProgram(Tools.QEMU), "-cpu", Tools.QEMU_CPU));
        if (!r.argv().isEmpty()) {
            cmd.add("-0");
            cmd.add(r.argv().get(0));
        }
        cmd.add(r.program().toAbsolutePath().toString());
        cmd.addAll(r.argv().subList(Math.min(1, r.argv().size()), r.argv().size()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.clear();
        for (String kv : r.env()) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (r.program().toAbsolutePath().equals(Tools.BUSYBOX.toAbsolutePath())) {
            // Only the applet wrappers: a program busybox lacks must be "not found" here too, not the host's.
            env.put("PATH", busyboxWrappers().toString());
        }
        if (r.dir() != null) {
            pb.directory(r.dir().toFile());
        }
        return execute(pb, r.stdin(), 300);
    }

    static Outcome execute(ProcessBuilder pb, byte[] stdin, int timeoutSeconds) {
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread tout = pump(p.getInputStream(), out);
            Thread terr = pump(p.getErrorStream(), err);
            Thread tin = new Thread(() -> {
                try (OutputStream o = p.getOutputStream()) {
                    o.write(stdin);
                } catch (IOException e) {
                    // the guest did not read all of it
                }
            });
            tin.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("qemu did not finish in " + timeoutSeconds + " s: " + pb.command());
            }
            tout.join();
            terr.join();
            tin.join();
            return new Outcome(out.toByteArray(), filter(err.toByteArray()), p.exitValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + pb.command() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The absolute path of a host program found on this JVM's PATH (the guest's PATH may not have it). */
    static String hostProgram(String name) {
        if (name.contains("/")) {
            return name;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath().toString();
            }
        }
        return name;
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException e) {
                // the process is gone; what was read is the outcome
            }
        });
        t.start();
        return t;
    }

    /** Drops qemu's own lines from the guest's stderr. */
    static byte[] filter(byte[] err) {
        String s = new String(err, StandardCharsets.UTF_8);
        if (!s.contains("qemu")) {
            return err;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("(?<=\n)")) {
            if (!line.startsWith("qemu:") && !line.startsWith("qemu-aarch64:")) {
                sb.append(line);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The names of busybox's applets. */
    static List<String> applets() {
        List<String> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(busyboxWrappers())) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A directory of "applet -> run busybox under qemu as applet" wrappers (made once per test JVM). */
    static synchronized Path busyboxWrappers() {
        if (wrappers != null) {
            return wrappers;
        }
        try {
            Path dir = Files.createTempDirectory("isotrace-bb-wrappers");
            Path script = dir.resolve(".run-applet");
            // qemu execs this wrapper with its own (host) signal mask: clear it as for the first qemu.
            Files.writeString(script, "#!/bin/sh\nexec " + hostProgram("perl")
                    + " -e 'use POSIX; sigprocmask(SIG_SETMASK, "
                    + "POSIX::SigSet->new); exec { $ARGV[0] } @ARGV' -- '" + hostProgram(Tools.QEMU) + "' -cpu "
                    + Tools.QEMU_CPU
                    + " -0 \"${0##*/}\" '" + Tools.BUSYBOX.toAbsolutePath() + "' \"$@\"\n");
            script.toFile().setExecutable(true);
            ProcessBuilder pb = new ProcessBuilder(Tools.QEMU, "-cpu", Tools.QEMU_CPU,
                    Tools.BUSYBOX.toAbsolutePath().toString(), "--list");
            Outcome list = execute(pb, new byte[0], 60);
            for (String applet : list.out().split("\n")) {
                if (!applet.isBlank()) {
                    Files.createSymbolicLink(dir.resolve(applet.strip()), script.getFileName());
                }
            }
            dir.toFile().deleteOnExit();
            wrappers = dir;
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make busybox wrappers: " + e.getMessage(), e);
        }
    }
}
