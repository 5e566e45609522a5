package io.isotrace.controller.dram.workload;

import io.isotrace.controller.dram.sim.RequestArrays;

import java.io.IOException;
import java.io.Writer;

/** Writes requests as DRAMSim3's trace-based CPU reads them: {@code 0xADDR READ|WRITE cycle}, one per line. */
public final class DramSim3Trace {
    private DramSim3Trace() {
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
