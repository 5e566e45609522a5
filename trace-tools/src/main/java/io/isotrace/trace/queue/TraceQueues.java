package io.isotrace.trace.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Opens the Chronicle queues behind traces, configured the same way for writing and reading.
 *
 * <p>The time provider is fixed at zero and the roll cycle is the largest one, so a whole trace lives in one cycle
 * file whose name does not depend on the wall clock: the same run writes byte-identical files.
 */
final class TraceQueues {
    /** Chronicle's queue data files end so. */
    static final String DATA_SUFFIX = ".cq4";

    static {
        ChronicleSupport.disableAnalytics();
    }

    private TraceQueues() {
    }

    static ChronicleQueue openForWrite(Path dir) {
        return SingleChronicleQueueBuilder.single(dir.toFile())
                .rollCycle(LargeRollCycles.HUGE_DAILY)
                .timeProvider(() -> 0L)
                .build();
    }

    static ChronicleQueue openForRead(Path dir) {
        return SingleChronicleQueueBuilder.single(dir.toFile())
                .rollCycle(LargeRollCycles.HUGE_DAILY)
                .timeProvider(() -> 0L)
                .readOnly(true)
                .build();
    }

    /** True when {@code dir} holds at least one queue data file. */
    static boolean hasQueueFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(DATA_SUFFIX));
        }
    }

    /** The queue data file (for error messages); the directory itself when there is none. */
    static Path dataFile(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(DATA_SUFFIX)).sorted().findFirst().orElse(dir);
        } catch (IOException e) {
            return dir;
        }
    }
}
