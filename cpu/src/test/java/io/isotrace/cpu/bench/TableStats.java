package io.isotrace.cpu.bench;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;
import io.isotrace.cpu.decode.Group;

import java.util.Map;
import java.util.TreeMap;

/** Prints the size of the instruction tables (rows implemented and unimplemented, per group) and their build time. */
public final class TableStats {
    private TableStats() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        int rows = A64.table().rows().size();
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<Group, int[]> byGroup = new TreeMap<>();
        for (Encoding e : A64.table().rows()) {
            byGroup.computeIfAbsent(e.group(), g -> new int[2])[e.implemented() ? 0 : 1]++;
        }
        System.out.printf("%d rows, tables built and compiled in %.0f ms%n", rows, ms);
        byGroup.forEach((g, n) -> System.out.printf("  %-60s %5d implemented %4d unimplemented%n", g.description(),
                n[0], n[1]));
    }
}
