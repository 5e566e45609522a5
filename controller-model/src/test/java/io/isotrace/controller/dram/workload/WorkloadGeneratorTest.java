package io.isotrace.controller.dram.workload;

import io.isotrace.controller.dram.sim.RequestArrays;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadGeneratorTest {
    @Test
    void theSameArgumentsGiveTheSameRequests() {
        RequestArrays a = new WorkloadGenerator(Workload.MIX, 10).generate(1000);
        RequestArrays b = new WorkloadGenerator(Workload.MIX, 10).generate(1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.address(i), b.address(i));
            assertEquals(a.isWrite(i), b.isWrite(i));
            assertEquals(10L * i, a.cycle(i));
        }
    }

    @Test
    void patterns() {
        RequestArrays s = new WorkloadGenerator(Workload.STREAM, 0).generate(6);
        assertEquals(0, s.address(0));
        assertEquals(1L << 30, s.address(1));
        assertEquals(2L << 30, s.address(2));
        assertTrue(s.isWrite(2) && !s.isWrite(0) && !s.isWrite(1), "c[i] = a[i] + b[i]");
        assertEquals(64, s.address(3));
        RequestArrays r = new WorkloadGenerator(Workload.RANDOM, 0).generate(30_000);
        int writes = 0;
        for (int i = 0; i < r.size(); i++) {
            assertTrue(r.address(i) >= 0 && r.address(i) < WorkloadGenerator.SPAN);
            assertEquals(0, r.address(i) % 64);
            writes += r.isWrite(i) ? 1 : 0;
        }
        assertEquals(1.0 / 3, writes / 30_000.0, 0.02);
        RequestArrays t = new WorkloadGenerator(Workload.STRIDED, 0, 4096, 1).generate(3);
        assertEquals(4096, t.address(1));
        assertEquals(8192, t.address(2));
    }

    @Test
    void dramsim3TraceLines() throws Exception {
        RequestArrays r = new RequestArrays(2);
        r.add(0x1040, false, 0);
        r.add(0xABC0, true, 17);
        StringWriter w = new StringWriter();
        DramSim3Trace.write(r, w);
        assertEquals("0x1040 READ 0\n0xabc0 WRITE 17\n", w.toString());
    }
}
