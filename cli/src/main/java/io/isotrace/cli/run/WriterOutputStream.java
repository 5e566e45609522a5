package io.isotrace.cli.run;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Emulator diagnostics (text) into the command's error writer, so tests capture them like any other message. */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter out;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        if (line.size() > 0) {
            out.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        out.flush();
    }
}
