package io.isotrace.cli.replay;

import io.isotrace.cli.Directories;
import io.isotrace.cli.ExitCode;
import io.isotrace.cli.FormatOption;
import io.isotrace.cli.IsotraceCommand;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.cli.UsageException;
import io.isotrace.controller.config.LoadedPolicy;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.controller.replay.ReplayEngine;
import io.isotrace.controller.replay.ReplayResult;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code isotrace replay TRACE --policy P [--out DIR]}: runs the controller over a recorded trace. DIR receives
 * {@code trace/} (every record answered again, same sequence numbers), {@code violations.jsonl} (one line per
 * refused access, with the whole transaction) and {@code summary.json}. DIR appears whole or not at all.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run the isolation controller over a recorded trace and write the answered trace.",
                "Exit status: 0 no access was refused, 1 some were (see violations.jsonl), 2 usage, 3 bad trace or policy."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The recorded trace directory.")
    Path trace;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (YAML or JSON).")
    Path policy;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (must not exist; default: TRACE.replay).")
    Path out;

    @Option(names = "--follow-envs", description = "Switch each requester to the environment its recorded replies name.")
    boolean followEnvs;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : trace.resolveSibling(trace.getFileName() + ".replay");
        if (Files.exists(dir)) {
            throw new UsageException(dir + ": already exists (replay never overwrites)");
        }
        LoadedPolicy p = PolicyLoader.load(policy);
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".partial");
        Directories.deleteRecursively(tmp);
        ReplayResult result;
        try {
            Files.createDirectories(tmp);
            ReplayEngine engine = new ReplayEngine(p.controller(), p.digest()).followRecordedEnvironments(followEnvs);
            try (TraceReader r = TraceReader.open(trace);
                 BufferedWriter v = Files.newBufferedWriter(tmp.resolve("violations.jsonl"), StandardCharsets.UTF_8);
                 TraceWriter w = TraceWriter.create(tmp.resolve("trace"),
                         engine.outputHeader(r.header(), "isotrace replay"))) {
                p.controller().violations().setListener((t, verdict) -> {
                    try {
                        v.write(Json.line(ViolationJson.of(t, verdict)));
                        v.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                result = engine.run(r, w);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("trace", trace.toString());
            summary.put("policy", policy.toString());
            summary.put("policyDigest", p.digest());
            summary.putAll(result.toMap());
            Files.writeString(tmp.resolve("summary.json"), Json.pretty(summary) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            print(summary, dir);
        } finally {
            Directories.deleteRecursively(tmp);
        }
        return result.violations() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private void print(Map<String, Object> summary, Path dir) {
        PrintWriter o = spec.commandLine().getOut();
        if (format.get() == OutputFormat.json) {
            o.println(Json.pretty(summary));
        } else if (!((IsotraceCommand) spec.root().userObject()).quiet() || !summary.get("violations").equals(0L)) {
            o.printf("replayed %s records with policy %s (sha256 %s)%n", summary.get("records"), policy,
                    ((String) summary.get("policyDigest")).substring(0, 12));
            o.printf("violations: %s%s%n", summary.get("violations"),
                    summary.get("violations").equals(0L) ? "" : " (see " + dir.resolve("violations.jsonl") + ")");
            o.printf("output: %s%n", dir.resolve("trace"));
        }
        o.flush();
    }

}
