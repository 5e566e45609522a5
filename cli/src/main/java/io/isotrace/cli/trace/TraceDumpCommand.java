package io.isotrace.cli.trace;

import io.isotrace.cli.FormatOption;
import io.isotrace.cli.IsotraceCommand;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionFormat;
import io.isotrace.trace.tools.TraceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code isotrace trace dump DIR}: one readable line per transaction. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print one line per transaction (or one JSON object per line with --format json).")
public final class TraceDumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The trace directory.")
    Path dir;

    @Mixin
    SeqRangeOptions range;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOption format;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    long limit = Long.MAX_VALUE;

    @Option(names = "--header", description = "Print the trace header first.")
    boolean header;

    @Override
    public Integer call() {
        TraceFilter filter = filters.toFilter(range.from, range.to);
        PrintWriter out = spec.commandLine().getOut();
        try (TraceReader r = TraceReader.open(dir)) {
            if (header) {
                if (format.get() == OutputFormat.json) {
                    out.println(Json.line(Map.of("header", r.header().toString())));
                } else {
                    out.print(r.header());
                }
            }
            Transaction t = new Transaction();
            StringBuilder sb = new StringBuilder(200);
            filter.seekStart(r);
            long n = 0;
            while (n < limit && filter.next(r, t)) {
                if (format.get() == OutputFormat.json) {
                    out.println(Json.line(toMap(t)));
                } else {
                    sb.setLength(0);
                    out.append(TransactionFormat.line(t, sb)).append('\n');
                }
                n++;
            }
            out.flush();
            // Only a reader that ran to the end can tell a missing end marker from a range or limit stopping early.
            if (r.atEnd() && !r.isComplete() && !root().quiet()) {
                spec.commandLine().getErr().println("isotrace: warning: " + r.dataFile()
                        + ": the trace has no end marker (its writer did not close it); every record present was read");
            }
        }
        return 0;
    }

    private IsotraceCommand root() {
        return (IsotraceCommand) spec.root().userObject();
    }

    static Map<String, Object> toMap(Transaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", t.seq);
        m.put("timePs", t.timePs);
        m.put("clock", t.clockDomain);
        m.put("requester", t.requester);
        m.put("pc", hex(t.pc));
        m.put("kind", t.kind.name());
        m.put("size", t.size);
        m.put("va", hex(t.va));
        m.put("ipa", hex(t.ipa));
        m.put("el", t.el);
        m.put("security", t.security.name());
        m.put("unprivileged", t.unprivileged);
        m.put("asid", t.asid);
        m.put("memoryType", t.memoryType.name());
        m.put("acquire", t.acquire);
        m.put("release", t.release);
        m.put("status", t.status.name());
        m.put("pa", hex(t.pa));
        m.put("env", t.env);
        m.put("latencyPs", t.latencyPs);
        return m;
    }

    private static String hex(long v) {
        return TransactionFormat.hex(new StringBuilder(18), v).toString();
    }
}
