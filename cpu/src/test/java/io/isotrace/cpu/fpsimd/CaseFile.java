package io.isotrace.cpu.fpsimd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed test cases with the reference's answers: one {@link SimdCase#line()} per line, '#' comments saying
 * how the file was produced. Resources under {@code /fpsimd/}.
 */
final class CaseFile {
    static final String[] NAMES = {"directed.cases", "random.cases"};

    private CaseFile() {
    }

    static List<SimdCase> read(String name) throws IOException {
        List<SimdCase> out = new ArrayList<>();
        try (InputStream in = CaseFile.class.getResourceAsStream("/fpsimd/" + name)) {
            if (in == null) {
                throw new IOException("no resource /fpsimd/" + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(SimdCase.parse(line));
                }
            }
        }
        return out;
    }

    static void write(Path file, List<String> header, List<SimdCase> cases) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String h : header) {
            lines.add("# " + h);
        }
        for (SimdCase c : cases) {
            lines.add(c.line());
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
