package io.isotrace.cli.trace;

import io.isotrace.cli.Directories;
import io.isotrace.cli.UsageException;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.convert.DramRequests;
import io.isotrace.trace.convert.ExternalFormat;
import io.isotrace.trace.convert.TraceExporter;
import io.isotrace.trace.convert.TraceImporter;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ClockDomain;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code isotrace trace convert IN OUT --to FORMAT} exports a trace; {@code --from FORMAT} imports one. Output
 * appears whole or not at all: it is written beside OUT and moved into place only when the conversion succeeded.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert between Isotrace traces and CSV, DRAMSim3 and Ramulator 2 traces.",
                "  isotrace trace convert TRACE --to csv|dramsim3|ramulator OUT",
                "  isotrace trace convert --from csv|dramsim3 IN TRACE",
                "DRAM formats get one request per 64-byte line touched; atomics read then write; cache "
                        + "maintenance and refused accesses are dropped."})
public final class TraceConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Direction direction;

    static final class Direction {
        @Option(names = "--to", paramLabel = "FORMAT", description = "Export the trace IN to FORMAT: csv, dramsim3, ramulator.")
        ExternalFormat to;

        @Option(names = "--from", paramLabel = "FORMAT", description = "Import IN (in FORMAT: csv, dramsim3) into the trace OUT.")
        ExternalFormat from;
    }

    @Parameters(index = "0", paramLabel = "IN", description = "What to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "What to write (must not exist).")
    Path out;

    @Option(names = "--clock", paramLabel = "FREQ", defaultValue = "1600MHz",
            description = "The clock whose cycles DRAMSim3's cycle column counts (default: ${DEFAULT-VALUE}, DDR4-3200).")
    String clock;

    @Option(names = "--address", paramLabel = "pa|ipa", defaultValue = "PA",
            description = "Address for DRAM formats: the controller's PA (IPA for unanswered records) or the IPA (default: ${DEFAULT-VALUE}).")
    DramRequests.AddressSource address;

    @Mixin
    FilterOptions filters;

    @Option(names = "--seq", paramLabel = "FROM:TO", description = "Export only records with sequence numbers FROM..TO (inclusive).")
    String seq;

    @Override
    public Integer call() throws IOException {
        ClockDomain clk;
        try {
            clk = ClockDomain.parse("dram", clock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--clock: " + e.getMessage());
        }
        if (Files.exists(out)) {
            throw new UsageException(out + ": already exists (conversion never overwrites)");
        }
        Path tmp = out.resolveSibling("." + out.getFileName() + ".partial");
        Directories.deleteRecursively(tmp);
        try {
            long n = direction.to != null ? export(direction.to, clk, tmp) : importInto(direction.from, clk, tmp);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().flush();
            if (!((io.isotrace.cli.IsotraceCommand) spec.root().userObject()).quiet()) {
                spec.commandLine().getErr().println("isotrace: wrote " + n + (direction.to != null ? " lines" : " records")
                        + " to " + out);
            }
            return 0;
        } finally {
            Directories.deleteRecursively(tmp);
        }
    }

    private long export(ExternalFormat fmt, ClockDomain clk, Path tmp) throws IOException {
        if (!fmt.canExport()) {
            throw new UsageException("--to: cannot export to " + fmt.cliName());
        }
        try (TraceReader r = TraceReader.open(in);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            return new TraceExporter(fmt, clk, address).export(r, filters.toFilter(seqFrom(), seqTo()), w);
        }
    }

    private long importInto(ExternalFormat fmt, ClockDomain clk, Path tmp) throws IOException {
        if (!fmt.canImport()) {
            throw new UsageException("--from: cannot import from " + fmt.cliName() + " (it has no timestamps to rebuild)");
        }
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(in.toString(), "no such file");
        }
        TraceHeader header = TraceHeader.builder().producer("isotrace trace convert --from " + fmt.cliName())
                .clock(clk).property("importedFrom", in.getFileName().toString()).build();
        try (reader; TraceWriter w = TraceWriter.create(tmp, header)) {
            return new TraceImporter(fmt, clk).importTo(reader, in.toString(), w);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.MalformedInputException) {
                throw new BadInputException(in.toString(), "not UTF-8 text");
            }
            throw e;
        }
    }

    private long seqFrom() {
        return seq == null ? 0 : seqBound(0);
    }

    private long seqTo() {
        return seq == null ? Long.MAX_VALUE : seqBound(1);
    }

    private long seqBound(int i) {
        String[] parts = seq.split(":", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return parts[i].isEmpty() ? (i == 0 ? 0 : Long.MAX_VALUE) : Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seq: expected FROM:TO (either may be empty), got '" + seq + "'");
        }
    }

}
