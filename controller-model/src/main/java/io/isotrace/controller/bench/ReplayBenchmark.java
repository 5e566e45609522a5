package io.isotrace.controller.bench;

import io.isotrace.controller.Controller;
import io.isotrace.controller.config.LoadedPolicy;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.controller.replay.ReplayEngine;
import io.isotrace.controller.replay.ReplayResult;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.Transaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays a real recorded trace and says where the time goes, single thread:
 * <ul>
 *   <li><b>whole replay</b>: what {@code isotrace replay} does ({@link ReplayEngine}: Chronicle read, decode, answer,
 *       encode, Chronicle write into a new trace), from opening the output to closing it;</li>
 *   <li><b>read + answer</b>: the same without the output trace;</li>
 *   <li><b>read only</b>: Chronicle read and decode of every record;</li>
 *   <li><b>controller loop alone</b>: {@link Controller#answer} over records already decoded in memory (the first
 *       {@code window} records of the trace, cycled until as many answers as the trace has records).</li>
 * </ul>
 * Each run builds a fresh controller from the policy (not timed). The four are interleaved run by run, so machine
 * noise falls on all of them alike. Rates are records per second of wall time and of this thread's CPU time.
 */
public final class ReplayBenchmark {
    /** The policy the bundled user-mode guests are recorded for (a copy of {@code examples/user-mode-policy.yaml}). */
    public static final String USER_MODE_POLICY = "user-mode-policy.yaml";

    private final PrintWriter out;
    private final Path trace;
    private final Path policy;
    private final int runs;
    private final int window;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    public ReplayBenchmark(PrintWriter out, Path trace, Path policy, int runs, int window) {
        this.out = out;
        this.trace = trace;
        this.policy = policy;
        this.runs = runs;
        this.window = window;
    }

    /** {@code ReplayBenchmark TRACE [POLICY [RUNS]]}; without POLICY, the bundled user-mode policy. */
    public static void main(String[] args) throws IOException {
        Path trace = Path.of(args[0]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path tmp = Files.createTempDirectory("isotrace-replay-bench");
        try {
            Path policy = args.length > 1 ? Path.of(args[1]) : writeUserModePolicy(tmp);
            new ReplayBenchmark(new PrintWriter(System.out, true), trace, policy, runs, 2_000_000).run();
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** Writes the bundled user-mode policy into {@code dir}; returns its path. */
    public static Path writeUserModePolicy(Path dir) throws IOException {
        Path p = dir.resolve(USER_MODE_POLICY);
        try (InputStream in = ReplayBenchmark.class.getResourceAsStream(USER_MODE_POLICY)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** One timed pass: records, wall and CPU nanoseconds. */
    private record Pass(long records, long wallNs, long cpuNs) {
        double wallRate() {
            return records * 1e9 / wallNs;
        }

        double cpuRate() {
            return records * 1e9 / cpuNs;
        }
    }

    private interface Body {
        long run() throws IOException;
    }

    private Pass timed(Body b) throws IOException {
        long c0 = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long n = b.run();
        long w1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        return new Pass(n, w1 - w0, c1 - c0);
    }

    public void run() throws IOException {
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Transaction[] decoded = decodeWindow();
        String[] names = {"whole replay (read + answer + write)", "read + answer (no output trace)",
                "read only (Chronicle read + decode)", "controller loop alone (records in memory)"};
        List<List<Pass>> passes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            passes.add(new ArrayList<>());
        }
        ReplayResult last = null;
        long records = -1;
        for (int r = 0; r < runs; r++) {
            ReplayResult[] res = new ReplayResult[1];
            passes.get(0).add(timed(() -> {
                res[0] = wholeReplay();
                return res[0].records();
            }));
            last = res[0];
            records = last.records();
            passes.get(1).add(timed(this::readAndAnswer));
            passes.get(2).add(timed(this::readOnly));
            long n = records;
            passes.get(3).add(timed(() -> answerInMemory(decoded, n)));
        }
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf("replay of %s: %d records (%s), policy %s%n", trace, records,
                last.inputComplete() ? "complete" : "INCOMPLETE", policy.getFileName());
        out.printf("  controller: %s%n", last.statistics());
        out.printf("  %d runs; controller loop over the first %d records, cycled; load average %.2f -> %.2f%n", runs,
                decoded.length, load0, load1);
        out.printf("%-42s %21s %21s %7s%n", "", "wall M records/s", "cpu-time M records/s", "");
        out.printf("%-42s %6s %7s %6s  %6s %7s %6s %7s%n", "measurement", "min", "median", "max", "min", "median", "max",
                "s/run");
        for (int i = 0; i < names.length; i++) {
            List<Pass> ps = passes.get(i);
            double[] w = ps.stream().mapToDouble(Pass::wallRate).sorted().toArray();
            double[] c = ps.stream().mapToDouble(Pass::cpuRate).sorted().toArray();
            double s = ps.stream().mapToLong(Pass::wallNs).sorted().toArray()[ps.size() / 2] / 1e9;
            out.printf("%-42s %6.1f %7.1f %6.1f  %6.1f %7.1f %6.1f %7.2f%n", names[i], w[0] / 1e6, median(w) / 1e6,
                    w[w.length - 1] / 1e6, c[0] / 1e6, median(c) / 1e6, c[c.length - 1] / 1e6, s);
        }
        out.flush();
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private ReplayResult wholeReplay() throws IOException {
        LoadedPolicy p = PolicyLoader.load(policy);
        Path dir = Files.createTempDirectory("isotrace-replay-bench-out");
        try {
            ReplayEngine engine = new ReplayEngine(p.controller(), p.digest());
            try (TraceReader r = TraceReader.open(trace);
                 TraceWriter w = TraceWriter.create(dir.resolve("trace"), engine.outputHeader(r.header(), "bench"))) {
                return engine.run(r, w);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private long readAndAnswer() {
        Controller c = PolicyLoader.load(policy).controller();
        c.registers().setDryWrites(true);
        Transaction t = new Transaction();
        long n = 0;
        try (TraceReader r = TraceReader.open(trace)) {
            while (r.next(t)) {
                c.answer(t);
                n++;
            }
        }
        return n;
    }

    private long readOnly() {
        Transaction t = new Transaction();
        long n = 0;
        long sink = 0;
        try (TraceReader r = TraceReader.open(trace)) {
            while (r.next(t)) {
                sink += t.ipa;
                n++;
            }
        }
        return sink == 42 ? n : n; // keep the reads
    }

    private Transaction[] decodeWindow() {
        List<Transaction> list = new ArrayList<>();
        try (TraceReader r = TraceReader.open(trace)) {
            while (list.size() < window) {
                Transaction t = new Transaction();
                if (!r.next(t)) {
                    break;
                }
                list.add(t);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(trace + ": the trace holds no records");
        }
        return list.toArray(new Transaction[0]);
    }

    private long answerInMemory(Transaction[] decoded, long n) {
        Controller c = PolicyLoader.load(policy).controller();
        c.registers().setDryWrites(true);
        long sink = 0;
        int i = 0;
        for (long k = 0; k < n; k++) {
            sink += c.answer(decoded[i]);
            if (++i == decoded.length) {
                i = 0;
            }
        }
        return sink == Long.MIN_VALUE ? 0 : n;
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
