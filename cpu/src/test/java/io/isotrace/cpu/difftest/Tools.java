package io.isotrace.cpu.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where the reference tools are, and whether they are there. CI (.ci/run) installs qemu-user and downloads
 * Debian's busybox-static for arm64; tests that need them run under the Maven profile {@code -Preference} (JUnit
 * tag "reference") and are skipped, saying why, when a tool is missing.
 *
 * <ul>
 *   <li>{@code ISOTRACE_QEMU} (or -Disotrace.qemu): the qemu-aarch64 binary, default {@code qemu-aarch64} on the
 *       PATH (Debian package qemu-user, 7.2 here).</li>
 *   <li>{@code ISOTRACE_BUSYBOX} (or -Disotrace.busybox): the arm64 busybox binary, default
 *       {@code /tmp/bb/bin/busybox} (where design.md's recipe unpacks busybox-static_*_arm64.deb).</li>
 * </ul>
 */
public final class Tools {
    static final String QEMU = setting("isotrace.qemu", "ISOTRACE_QEMU", "qemu-aarch64");
    public static final Path BUSYBOX = Path.of(setting("isotrace.busybox", "ISOTRACE_BUSYBOX", "/tmp/bb/bin/busybox"));
    /** The reference CPU: ARMv8.0, so glibc picks the code paths Isotrace's HWCAP leads it to. */
    static final String QEMU_CPU = "cortex-a53";

    private static String qemuVersion;
    private static boolean probed;

    private Tools() {
    }

    private static String setting(String property, String env, String dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? dflt : v;
    }

    /** The first line of {@code qemu-aarch64 --version}, or null when qemu cannot be started. */
    static synchronized String qemuVersion() {
        if (!probed) {
            probed = true;
            try {
                Process p = new ProcessBuilder(QEMU, "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    qemuVersion = out.lines().findFirst().orElse("qemu");
                }
            } catch (IOException e) {
                qemuVersion = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return qemuVersion;
    }

    static String qemuMissing() {
        return QEMU + " cannot be run: install qemu-user (Debian) or point ISOTRACE_QEMU at qemu-aarch64";
    }

    static boolean busyboxPresent() {
        return Files.isRegularFile(BUSYBOX);
    }

    static String busyboxMissing() {
        return "no busybox at " + BUSYBOX + ": download busybox-static:arm64 (see shared/design.md) or set "
                + "ISOTRACE_BUSYBOX";
    }
}
