package io.isotrace.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar a user runs: {@code java -jar cli/target/isotrace.jar} with no JVM flags. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "isotrace.jar");

    @Test
    void runsWithNoJvmFlags() throws Exception {
        Result r = java("-jar", JAR.toString(), "--version");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.startsWith("isotrace "), r.output);
        assertTrue(!r.output.contains("WARN"), "no warnings on a plain run: " + r.output);
    }

    @Test
    void writesAndReadsATraceThroughTheJar(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path csv = Files.writeString(tmp.resolve("in.csv"), "seq,ipa,size,kind\n0,0x1000,8,READ\n1,0x2000,4,WRITE\n");
        Result imp = java("-jar", JAR.toString(), "trace", "convert", "--from", "csv", csv.toString(),
                tmp.resolve("t").toString());
        assertEquals(0, imp.code, imp.output);
        Result stats = java("-jar", JAR.toString(), "trace", "stats", tmp.resolve("t").toString());
        assertEquals(0, stats.code, stats.output);
        assertTrue(stats.output.contains("records:           2"), stats.output);
    }

    @Test
    void manifestCarriesChronicleModuleFlagsAndAnalyticsIsAbsent() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest m = jar.getManifest();
            String exports = m.getMainAttributes().getValue("Add-Exports");
            String opens = m.getMainAttributes().getValue("Add-Opens");
            assertTrue(exports.contains("jdk.compiler/com.sun.tools.javac.file"), exports);
            assertTrue(opens.contains("java.base/java.lang.reflect"), opens);
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("net/openhft/chronicle/analytics/")),
                    "chronicle-analytics classes are in the jar");
        }
    }

    @Test
    void withoutTheFlagsItRefusesToStartAndSaysWhy() throws Exception {
        Result r = java("-cp", JAR.toString(), "io.isotrace.cli.Main", "--version");
        assertEquals(ExitCode.ENVIRONMENT, r.code, r.output);
        assertTrue(r.output.contains("--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED"), r.output);
    }

    private record Result(int code, String output) {
    }

    private static Result java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
