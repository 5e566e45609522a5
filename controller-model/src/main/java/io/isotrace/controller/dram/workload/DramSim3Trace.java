package io.isotrace.controller.dram.workload;

import io.isotrace.controller.dram.sim.RequestArrays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes requests as DRAMSim3's trace-based CPU reads them: {@code 0xADDR READ|WRITE cycle}, one per line. */
public final class DramSim3Trace {
    private DramSim3Trace() {
    }

    /** Writes {@code requests} to a new file {@code path}; an I/O failure names the file. */
    public static void write(RequestArrays requests, Path path) {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            write(requests, out);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    public static void write(RequestArrays requests, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < requests.size(); i++) {
            sb.setLength(0);
            sb.append("0x").append(Long.toHexString(requests.address(i)))
                    .append(requests.isWrite(i) ? " WRITE " : " READ ").append(requests.cycle(i)).append('\n');
            out.append(sb);
        }
        out.flush();
    }
}
