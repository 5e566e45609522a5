package io.isotrace.trace.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything Isotrace must arrange before Chronicle Queue loads.
 *
 * <ul>
 *   <li>Analytics: {@code chronicle-analytics} is excluded from the build, and the property that disables it is set
 *       here as well, before any Chronicle class is touched, should a user put the jar back on the class path.</li>
 *   <li>Module access: Chronicle on Java 17 needs the {@code --add-opens/--add-exports} listed in
 *       {@link #REQUIRED_EXPORTS} and {@link #REQUIRED_OPENS}. The jar manifest, surefire and {@code bin/isotrace}
 *       pass them. Without {@code jdk.compiler/com.sun.tools.javac.file} Chronicle cannot compile its generated
 *       classes and silently falls back to a slower proxy, logging only a warning; {@link #checkJvmFlags()} turns
 *       every missing flag into an error at startup instead.</li>
 * </ul>
 */
public final class ChronicleSupport {
    /** {@code module/package} pairs that must be exported to the unnamed module. */
    public static final List<String> REQUIRED_EXPORTS = List.of(
            "java.base/jdk.internal.ref", "java.base/sun.nio.ch", "jdk.unsupported/sun.misc",
            "jdk.compiler/com.sun.tools.javac.file");
    /** {@code module/package} pairs that must be opened to the unnamed module. */
    public static final List<String> REQUIRED_OPENS = List.of(
            "java.base/java.lang", "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.util",
            "java.base/sun.nio.ch");

    static {
        disableAnalytics();
    }

    private ChronicleSupport() {
    }

    /** Sets the system properties Chronicle reads at class initialisation. Idempotent. */
    public static void disableAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        // Chronicle prints an announcement of its version on first load unless told not to.
        System.setProperty("chronicle.announcer.disable", "true");
    }

    /** The JVM flags this process lacks, in the form they must be given on the command line; empty when none. */
    public static List<String> missingJvmFlags() {
        List<String> missing = new ArrayList<>();
        Module self = ChronicleSupport.class.getModule();
        for (String pair : REQUIRED_EXPORTS) {
            if (!access(pair, self, false)) {
                missing.add("--add-exports=" + pair + "=ALL-UNNAMED");
            }
        }
        for (String pair : REQUIRED_OPENS) {
            if (!access(pair, self, true)) {
                missing.add("--add-opens=" + pair + "=ALL-UNNAMED");
            }
        }
        return missing;
    }

    /** Throws with the list of missing flags when Chronicle would run degraded or fail. */
    public static void checkJvmFlags() {
        List<String> missing = missingJvmFlags();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Chronicle Queue needs JVM flags this process was started without "
                    + "(run through 'java -jar isotrace.jar' or bin/isotrace, which add them): "
                    + String.join(" ", missing));
        }
    }

    private static boolean access(String pair, Module to, boolean open) {
        int slash = pair.indexOf('/');
        Module m = ModuleLayer.boot().findModule(pair.substring(0, slash)).orElse(null);
        if (m == null) {
            return false;
        }
        String pkg = pair.substring(slash + 1);
        return open ? m.isOpen(pkg, to) : m.isExported(pkg, to);
    }
}
