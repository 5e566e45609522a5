package io.isotrace.cli.dram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isotrace.trace.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a DRAMSim3 binary the user built ({@code dramsim3main CONFIG -c CYCLES -t TRACE -o DIR}) and reads its
 * {@code dramsim3.json}. Nothing of DRAMSim3 is part of Isotrace: the binary's path is an argument.
 *
 * <p>What its numbers mean (from its source): {@code average_read_latency} is the mean of cycles from a read's
 * arrival in the controller to its data's return; {@code average_bandwidth} counts reads returned plus writes
 * accepted (writes return as soon as they are buffered) times 64 bytes over {@code num_cycles} x tCK (GB/s); a row
 * hit is a READ/WRITE command issued to a row that already served one since its ACT.
 */
public record DramSim3Run(long readsDone, long writesDone, long cycles, double averageReadLatency, double bandwidthGBps,
                   long rowHits, long columnCommands, double wallSeconds, double cpuSeconds) {
    public double rowHitRate() {
        return columnCommands == 0 ? 0 : (double) rowHits / columnCommands;
    }

    public static DramSim3Run run(Path binary, Path ini, Path trace, long cycles, Path dir) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("dramsim3.log");
            ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), ini.toString(), "-c",
                    Long.toString(cycles), "-t", trace.toString(), "-o", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            // The process's CPU time, sampled until it exits (the last 20 ms may be missed): wall time on a shared
            // machine also counts the time other programs held the CPU.
            double cpu = 0;
            while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
                java.util.Optional<java.time.Duration> d = p.info().totalCpuDuration();
                if (d.isPresent()) {
                    cpu = d.get().toNanos() / 1e9;
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("DRAMSim3 did not finish in 30 minutes");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) {
                throw new BadInputException(binary.toString(), "DRAMSim3 exited with " + p.exitValue() + "; see " + log);
            }
            JsonNode ch = new ObjectMapper().readTree(dir.resolve("dramsim3.json").toFile()).get("0");
            if (ch == null) {
                throw new BadInputException(dir.resolve("dramsim3.json").toString(), "no channel 0 statistics");
            }
            return new DramSim3Run(ch.get("num_reads_done").asLong(), ch.get("num_writes_done").asLong(),
                    ch.get("num_cycles").asLong(), ch.get("average_read_latency").asDouble(),
                    ch.get("average_bandwidth").asDouble(),
                    ch.get("num_read_row_hits").asLong() + ch.get("num_write_row_hits").asLong(),
                    ch.get("num_read_cmds").asLong() + ch.get("num_write_cmds").asLong(), seconds, cpu);
        } catch (IOException e) {
            throw new UncheckedIOException("running DRAMSim3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DRAMSim3 ran", e);
        }
    }
}
