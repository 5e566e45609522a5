package io.isotrace.cpu.difftest;

import io.isotrace.cpu.linux.LinuxRun;
import io.isotrace.trace.record.TransactionSink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a guest under Isotrace in this JVM ({@link LinuxRun}), capturing what qemu's runner captures. */
final class IsotraceRunner {
    /** A generous ceiling so that a guest stuck in a loop fails its test instead of hanging the build. */
    static final long MAX_INSTRUCTIONS = 20_000_000_000L;

    private IsotraceRunner() {
    }

    /** The outcome and Isotrace's own diagnostics (for failure messages). */
    record Result(Outcome outcome, String diagnostics, LinuxRun.Result run) {
    }

    static Result run(GuestRun r) {
        return run(r, null);
    }

    static Result run(GuestRun r, TransactionSink sink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        LinuxRun run = new LinuxRun(r.program()).argv(r.argv()).env(r.env())
                .io(new ByteArrayInputStream(r.stdin()), out, err, new PrintStream(diag, true, StandardCharsets.UTF_8))
                .maxInstructions(MAX_INSTRUCTIONS).sink(sink);
        if (r.dir() != null) {
            run.root(r.dir()).cwd("/");
            if (r.writable()) {
                run.writable(List.of(r.dir()));
            }
        }
        LinuxRun.Result res = run.run();
        return new Result(new Outcome(out.toByteArray(), err.toByteArray(), res.exitStatus()),
                diag.toString(StandardCharsets.UTF_8), res);
    }

    static List<String> describe(Result r) {
        return List.of("isotrace diagnostics:", r.diagnostics());
    }
}
