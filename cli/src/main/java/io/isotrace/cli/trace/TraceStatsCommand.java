package io.isotrace.cli.trace;

import io.isotrace.cli.FormatOption;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.tools.TraceStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code isotrace trace stats DIR}: what a trace contains, in counts. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count records by kind, exception level, security state and status; bytes moved; "
                + "distinct pages; time span.")
public final class TraceStatsCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TraceReader r = TraceReader.open(dir)) {
            TraceStats s = TraceStats.of(r, filters.toFilter(range.from, range.to));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace", dir.toString());
            m.put("program", r.header().program());
            m.put("complete", r.isComplete());
            m.putAll(s.toMap());
            if (format.get() == OutputFormat.json) {
                out.println(Json.pretty(m));
            } else {
                printText(m, "", out);
            }
        }
        out.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void printText(Map<String, Object> m, String indent, PrintWriter out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map) {
                out.println(indent + e.getKey() + ":");
                printText((Map<String, Object>) e.getValue(), indent + "  ", out);
            } else {
                out.printf("%s%-18s %s%n", indent, e.getKey() + ":", e.getValue());
            }
        }
    }
}
