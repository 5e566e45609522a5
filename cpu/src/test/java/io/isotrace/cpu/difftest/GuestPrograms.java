package io.isotrace.cpu.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's guest programs (the committed binaries in src/test/resources/guest, built from src/test/guest by
 * build.sh - every engineer's programs, whatever they test) and their committed reference outcomes in
 * src/test/resources/guest-expected: {@code NAME.stdout}, {@code NAME.stderr}, {@code NAME.exit}, made by
 * src/test/guest/expected.sh with qemu-aarch64 -cpu cortex-a53. {@code not-compared.txt} lists the programs qemu
 * cannot be the reference for, with the reason. An optional {@code NAME.stdin} is the program's input.
 */
final class GuestPrograms {
    private GuestPrograms() {
    }

    static Path programsDir() {
        return resource("/guest");
    }

    static Path expectedDir() {
        return resource("/guest-expected");
    }

    private static Path resource(String name) {
        try {
            return Path.of(GuestPrograms.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    /** Every ELF file among the committed guest programs, by name. */
    static List<Path> all() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(programsDir())) {
            s.filter(GuestPrograms::isElf).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isElf(Path p) {
        try {
            byte[] b = Files.readAllBytes(p);
            return Files.isRegularFile(p) && b.length > 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** Programs qemu cannot be the reference for, with the reason. */
    static Map<String, String> notCompared() {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = expectedDir().resolve("not-compared.txt");
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                m.put(tab < 0 ? line.strip() : line.substring(0, tab).strip(),
                        tab < 0 ? "" : line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    static GuestRun run(Path program) {
        String name = program.getFileName().toString();
        GuestRun r = GuestRun.of(name, program);
        Path stdin = expectedDir().resolve(name + ".stdin");
        if (Files.exists(stdin)) {
            try {
                r = r.input(Files.readAllBytes(stdin));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    /** The committed reference outcome of {@code name}, or null when there is none. */
    static Outcome expected(String name) {
        Path dir = expectedDir();
        Path out = dir.resolve(name + ".stdout");
        Path exit = dir.resolve(name + ".exit");
        if (!Files.exists(out) || !Files.exists(exit)) {
            return null;
        }
        try {
            Path err = dir.resolve(name + ".stderr");
            return new Outcome(Files.readAllBytes(out), Files.exists(err) ? Files.readAllBytes(err) : new byte[0],
                    Integer.parseInt(Files.readString(exit).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
