package io.isotrace.controller.config;

import io.isotrace.controller.Controller;
import io.isotrace.controller.dram.DramMemoryTiming;
import io.isotrace.controller.cache.CachedMemoryTiming;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code controller.memoryModel}: DRAM and caches behind the checks, named by a policy. */
class MemoryModelPolicyTest {
    @TempDir
    Path tmp;

    private Path policy(String memoryKeys) throws IOException {
        return Files.writeString(tmp.resolve("p.yaml"), "controller:\n  memory: 16GiB\n" + memoryKeys
                + "environments:\n  - name: a\n    mappings:\n      - {ipa: 0x0, pa: 0x0, size: 1GiB, perms: rw}\n"
                + "requesters: {0: a}\n");
    }

    @Test
    void aDramModelAnswersWithDdr4Latencies() throws IOException {
        Files.writeString(tmp.resolve("dram.yaml"), "dram:\n  preset: DDR4-3200\n");
        LoadedPolicy p = PolicyLoader.load(policy("  memoryModel: dram.yaml\n"));
        Controller c = p.controller();
        assertInstanceOf(DramMemoryTiming.class, c.timing());
        Transaction t = new Transaction();
        t.ipa = 0x1000;
        t.size = 8;
        t.kind = TransactionKind.READ;
        c.answer(t);
        assertEquals(ReplyStatus.OK, t.status);
        // An idle DDR4-3200 read to a closed row costs at least tRCD + CL = 44 cycles of 0.625 ns (JESD79-4).
        assertTrue(t.latencyPs >= 44 * 625, "latency " + t.latencyPs);
    }

    @Test
    void aCacheSectionPutsTheHierarchyInFront() throws IOException {
        Files.writeString(tmp.resolve("dram.yaml"), "dram:\n  preset: DDR4-3200\ncache:\n  l1d: {size: 32KiB, ways: 4}\n");
        Controller c = PolicyLoader.load(policy("  memoryModel: dram.yaml\n")).controller();
        assertInstanceOf(CachedMemoryTiming.class, c.timing());
    }

    @Test
    void theDigestCoversTheModelsContent() throws IOException {
        Files.writeString(tmp.resolve("dram.yaml"), "dram:\n  preset: DDR4-3200\n");
        String a = PolicyLoader.load(policy("  memoryModel: dram.yaml\n")).digest();
        Files.writeString(tmp.resolve("dram.yaml"), "dram:\n  preset: DDR4-2400\n");
        String b = PolicyLoader.load(policy("  memoryModel: dram.yaml\n")).digest();
        assertNotEquals(a, b, "same policy text, different DRAM: different digests");
    }

    @Test
    void aMissingFileOrBothLatencyKindsAreRefusedAtTheirLine() throws IOException {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PolicyLoader.load(policy("  memoryModel: nope.yaml\n")));
        assertTrue(e.getMessage().contains("p.yaml:3") && e.getMessage().contains("nope.yaml"), e.getMessage());
        Files.writeString(tmp.resolve("dram.yaml"), "dram:\n  preset: DDR4-3200\n");
        e = assertThrows(BadInputException.class,
                () -> PolicyLoader.load(policy("  memoryLatency: 50ns\n  memoryModel: dram.yaml\n")));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }
}
