package io.isotrace.cpu.randomtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected outcomes recorded from the reference, so that plain {@code mvn verify} checks Isotrace against qemu's
 * answers without qemu. The file starts with {@code # key=value} lines (seed, programs, cases per program, the
 * qemu version and models, and a fingerprint of the generated programs, which says whether the generator still
 * makes the programs the answers belong to), then one line per case: {@code p<program>.c<case> <delta>}, the
 * delta as {@link CaseReport#delta} writes it.
 */
final class Recorded {
    final Map<String, String> header = new LinkedHashMap<>();
    final Map<String, String> lines = new LinkedHashMap<>();

    static String key(int program, int k) {
        return "p" + program + ".c" + k;
    }

    static Recorded parse(List<String> text) {
        Recorded r = new Recorded();
        for (String line : text) {
            if (line.startsWith("# ") && line.contains("=")) {
                int eq = line.indexOf('=');
                r.header.put(line.substring(2, eq).trim(), line.substring(eq + 1).trim());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.indexOf(' ');
                r.lines.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return r;
    }

    void write(Path file, List<String> comments) throws IOException {
        List<String> out = new ArrayList<>(comments);
        header.forEach((k, v) -> out.add("# " + k + "=" + v));
        lines.forEach((k, v) -> out.add(k + " " + v));
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    /** SHA-256 of every program of the suite, in order. */
    static String fingerprint(RandomSuite suite) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int p = 0; p < suite.programs; p++) {
                md.update(suite.program(p).elf());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
