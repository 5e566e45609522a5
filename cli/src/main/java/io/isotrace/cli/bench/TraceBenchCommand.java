package io.isotrace.cli.bench;

import io.isotrace.cli.Directories;
import io.isotrace.cli.FormatOption;
import io.isotrace.trace.queue.RawQueueBaseline;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code isotrace bench trace}: append and read throughput of the trace store, by encoding and records per excerpt,
 * each beside the same excerpt bytes moved through raw Chronicle appends and reads ({@link RawQueueBaseline}).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace store throughput: records/s appended and read through TraceWriter/TraceReader, compact "
                + "and fixed records, by records per excerpt, and the same excerpt bytes through raw Chronicle Queue.")
public final class TraceBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "50000000",
            description = "Records per run (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--runs", defaultValue = "2",
            description = "Runs per configuration; the table shows each (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--batches", split = ",", defaultValue = "64,256", paramLabel = "N[,N...]",
            description = "Records per excerpt to measure (default: ${DEFAULT-VALUE}; 1 shows what batching buys).")
    int[] batches;

    @Option(names = "--encodings", split = ",", defaultValue = "COMPACT,FIXED", paramLabel = "E[,E...]",
            description = "Record encodings to measure: COMPACT (the default of traces) and/or FIXED (48-byte records) "
                    + "(default: ${DEFAULT-VALUE}).")
    TraceWriter.Encoding[] encodings;

    @Option(names = "--threading", split = ",", defaultValue = "DIRECT,BACKGROUND", paramLabel = "T[,T...]",
            description = "TraceWriter threading to measure: DIRECT (the caller's thread writes the queue) and/or "
                    + "BACKGROUND (a writer thread of its own) (default: ${DEFAULT-VALUE}).")
    TraceWriter.Threading[] threadings;

    @Option(names = "--warmup", defaultValue = "5000000", paramLabel = "N",
            description = "Records appended and read once per configuration before the measured runs, unreported, so "
                    + "the JIT has compiled both paths (default: ${DEFAULT-VALUE}; 0 for none).")
    long warmup;

    /** Batches copied from each TraceWriter trace for the raw run to cycle through (at most ~50 MB). */
    private static final int RAW_SAMPLES = 4096;

    @Option(names = "--dir", description = "Where to write the scratch traces (default: a temporary directory).")
    Path dir;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        Path base = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("isotrace-bench");
        BenchTable table = new BenchTable("encoding", "records/excerpt", "writer", "run", "bytes/record",
                "append M rec/s", "raw append M rec/s", "append / raw",
                "read M rec/s", "raw read M rec/s", "read / raw");
        try {
            for (TraceWriter.Encoding encoding : encodings) {
                for (int batch : batches) {
                    for (TraceWriter.Threading threading : threadings) {
                        if (warmup > 0) {
                            measure(base, encoding, batch, threading, 0, warmup, null);
                        }
                        for (int run = 1; run <= runs; run++) {
                            measure(base, encoding, batch, threading, run, records, table);
                        }
                    }
                }
            }
        } finally {
            if (dir == null) {
                Directories.deleteRecursively(base);
            }
        }
        table.print(spec.commandLine().getOut(), format.get());
        return 0;
    }

    /**
     * One row (none when {@code table} is null): TraceWriter and TraceReader, and the same excerpts raw. The two
     * take turns going first, so that neither always meets the other's dirty pages being written back.
     */
    private void measure(Path base, TraceWriter.Encoding encoding, int batch, TraceWriter.Threading threading, int run,
                         long records, BenchTable table) throws IOException {
        String name = encoding + "-" + batch + "-" + threading + "-" + run;
        // The raw run appends as many excerpts as the trace holds batches, cycling through copies of the trace's
        // first batches (taken from a short trace of the same records): the same excerpt sizes and contents, with
        // nothing of Isotrace around them.
        Path sample = base.resolve("sample-" + name);
        append(sample, Math.min(records, (long) RAW_SAMPLES * batch), batch, encoding, threading);
        List<byte[]> samples = RawQueueBaseline.sampleBatches(sample, RAW_SAMPLES);
        Directories.deleteRecursively(sample);
        Path t = base.resolve(name);
        Path raw = base.resolve("raw-" + name);
        Rates api;
        Rates direct;
        if (run % 2 == 1) {
            api = throughTraceApi(t, records, batch, encoding, threading);
            direct = throughRawQueue(raw, samples, records, batch);
        } else {
            direct = throughRawQueue(raw, samples, records, batch);
            api = throughTraceApi(t, records, batch, encoding, threading);
        }
        if (table == null) {
            return;
        }
        table.row(lower(encoding), batch, lower(threading), run,
                String.format(java.util.Locale.ROOT, "%.1f", (double) direct.bytes / records),
                api.append, direct.append, ratio(api.append, direct.append),
                api.read, direct.read, ratio(api.read, direct.read));
    }

    /** M records/s appended and read back, and the excerpt bytes written (raw runs only). */
    private record Rates(double append, double read, long bytes) {
    }

    private static Rates throughTraceApi(Path t, long records, int batch, TraceWriter.Encoding encoding,
                                         TraceWriter.Threading threading) throws IOException {
        double append = append(t, records, batch, encoding, threading);
        double read = read(t, records);
        Directories.deleteRecursively(t);
        return new Rates(append, read, 0);
    }

    /** As many excerpts as the trace holds batches, cycling through {@code samples}, appended and read raw. */
    private static Rates throughRawQueue(Path raw, List<byte[]> samples, long records, int batch) throws IOException {
        long excerpts = (records + batch - 1) / batch;
        long start = System.nanoTime();
        long bytes = RawQueueBaseline.append(raw, samples, excerpts);
        double append = records * 1e3 / (System.nanoTime() - start);
        start = System.nanoTime();
        long readBack = RawQueueBaseline.readAll(raw);
        double read = records * 1e3 / (System.nanoTime() - start);
        Directories.deleteRecursively(raw);
        if (readBack != excerpts) {
            throw new IllegalStateException("raw queue read " + readBack + " of " + excerpts + " excerpts");
        }
        return new Rates(append, read, bytes);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Appends {@code records} plausible records (advancing time and addresses); returns M records/s. */
    private static double append(Path t, long records, int batch, TraceWriter.Encoding encoding,
                                 TraceWriter.Threading threading) {
        Transaction tx = new Transaction();
        long start = System.nanoTime();
        TraceHeader header = TraceHeader.builder().producer("isotrace bench trace").build();
        try (TraceWriter w = TraceWriter.create(t, header, batch, encoding, threading)) {
            for (long i = 0; i < records; i++) {
                tx.seq = i;
                tx.timePs = i * 500;
                tx.pc = 0x400000 + (i & 0xFFF) * 4;
                tx.va = 0x7fff_0000L + ((i * 8) & 0xFFFFF);
                tx.ipa = tx.va;
                tx.pa = tx.va;
                tx.size = 8;
                tx.kind = (i & 3) == 0 ? TransactionKind.WRITE : TransactionKind.READ;
                w.append(tx);
            }
        }
        return records * 1e3 / (System.nanoTime() - start);
    }

    private static double read(Path t, long records) {
        Transaction tx = new Transaction();
        long n = 0;
        long sum = 0;
        long start = System.nanoTime();
        try (TraceReader r = TraceReader.open(t)) {
            while (r.next(tx)) {
                sum += tx.va;
                n++;
            }
        }
        double rate = n * 1e3 / (System.nanoTime() - start);
        if (n != records || sum == 42) {
            throw new IllegalStateException("read " + n + " of " + records + " records");
        }
        return rate;
    }

    private static String ratio(double a, double b) {
        return String.format(java.util.Locale.ROOT, "%.2f", a / b);
    }

}
