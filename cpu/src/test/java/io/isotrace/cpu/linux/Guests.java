package io.isotrace.cpu.linux;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: the committed guest programs and a run that captures everything. */
final class Guests {
    private Guests() {
    }

    static Path program(String name) {
        try {
            return Path.of(Guests.class.getResource("/guest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished run: outputs as text. */
    record Ran(LinuxRun.Result result, String out, String err, String diag) {
    }

    static LinuxRun prepare(String name) {
        return new LinuxRun(program(name)).argv(List.of(name));
    }

    static Ran run(LinuxRun run) {
        return run(run, new byte[0]);
    }

    static Ran run(LinuxRun run, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        LinuxRun.Result r = run.io(new ByteArrayInputStream(stdin), out, err,
                new PrintStream(diag, true, StandardCharsets.UTF_8)).run();
        return new Ran(r, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                diag.toString(StandardCharsets.UTF_8));
    }
}
