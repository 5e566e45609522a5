package io.isotrace.trace.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyticsExcludedTest {
    @TempDir
    Path tmp;

    @Test
    void chronicleAnalyticsIsNotOnTheClassPathAndIsDisabled() {
        // Use Chronicle first, so anything it would load on first use has been loaded.
        TraceFiles.writeRandom(tmp.resolve("t"), 100, 1, 64);
        TraceFiles.readAll(tmp.resolve("t"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("net.openhft.chronicle.analytics.Analytics"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("net.openhft.chronicle.analytics.internal.HttpUtil"));
        assertEquals("true", System.getProperty("chronicle.analytics.disable"));
    }

    @Test
    void theBuildPassesEveryJvmFlagChronicleNeeds() {
        // surefire runs with the same flags as the jar manifest; a missing one would degrade Chronicle silently.
        assertTrue(ChronicleSupport.missingJvmFlags().isEmpty(), () -> "missing: " + ChronicleSupport.missingJvmFlags());
    }
}
