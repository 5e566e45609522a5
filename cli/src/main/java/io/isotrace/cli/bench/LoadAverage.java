package io.isotrace.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average (Linux), so a benchmark table carries how busy the machine was. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** As /proc/loadavg prints it, or "unknown" where there is none. */
    static String oneMinute() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
