package io.isotrace.cli.dram;

import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.stats.DramStats;

import java.io.PrintWriter;
import java.util.Map;

/** Prints a DRAM run's statistics as text. */
final class DramReport {
    private DramReport() {
    }

    @SuppressWarnings("unchecked")
    static void text(PrintWriter out, DramConfig config, DramStats s, long cycles, long requests, double seconds) {
        Map<String, Object> m = s.toMap(cycles);
        out.println("device        " + config.describe());
        out.printf("simulated     %d requests, %d DRAM cycles (%.3f us) in %.3f s host time (%.2f M requests/s)%n",
                requests, cycles, s.clock().cyclesToPs(cycles) / 1e6, seconds,
                seconds > 0 ? requests / seconds / 1e6 : 0);
        Map<String, Object> req = (Map<String, Object>) m.get("requests");
        out.printf("requests      reads %s accepted / %s done, writes %s accepted / %s done; %s reads answered from "
                        + "the write queue, %s writes merged%n", req.get("reads_accepted"), req.get("reads_completed"),
                req.get("writes_accepted"), req.get("writes_completed"),
                req.get("reads_forwarded_from_write_queue"), req.get("writes_merged"));
        latency(out, "read latency ", (Map<String, Object>) m.get("read_latency"));
        latency(out, "write latency", (Map<String, Object>) m.get("write_latency"));
        Map<String, Object> rb = (Map<String, Object>) m.get("row_buffer");
        out.printf("row buffer    %s hits, %s misses, %s conflicts (hit rate %.2f %%)%n", rb.get("hits"),
                rb.get("misses"), rb.get("conflicts"), 100 * (double) rb.get("hit_rate"));
        Map<String, Object> bw = (Map<String, Object>) m.get("bandwidth");
        out.printf("bandwidth     %.3f GB/s of %.1f GB/s peak (%.1f %%); DRAMSim3 convention %.3f GB/s%n",
                (double) bw.get("gb_per_s"), (double) bw.get("peak_gb_per_s"), 100 * (double) bw.get("utilisation"),
                (double) bw.get("dramsim3_style_gb_per_s"));
        double[] epochs = (double[]) bw.get("gb_per_s_by_epoch");
        if (epochs.length > 1) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (double e : epochs) {
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
            out.printf("over time     %d epochs of %s cycles: %.3f .. %.3f GB/s (JSON output lists each)%n",
                    epochs.length, bw.get("epoch_cycles"), min, max);
        }
        Map<String, Object> q = (Map<String, Object>) m.get("queue_occupancy");
        out.printf("queues        read %.2f average, %s max; write %.2f average, %s max%n",
                (double) q.get("read_average"), q.get("read_max"), (double) q.get("write_average"), q.get("write_max"));
        Map<String, Object> cmd = (Map<String, Object>) m.get("commands");
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : cmd.entrySet()) {
            if (((Long) e.getValue()) > 0) {
                sb.append(e.getKey()).append(' ').append(e.getValue()).append(", ");
            }
        }
        out.println("commands      " + (sb.length() > 2 ? sb.substring(0, sb.length() - 2) : "none"));
        Map<String, Object> ref = (Map<String, Object>) m.get("refresh");
        out.printf("refresh       %s commands, %s stall cycles; power-down %s cycles%n", ref.get("refresh_commands"),
                ref.get("stall_cycles"), m.get("power_down_cycles"));
        out.println("per bank      activates/reads/writes by channel and bank: see --format json");
    }

    private static void latency(PrintWriter out, String label, Map<String, Object> l) {
        if (((Long) l.get("count")) == 0) {
            out.println(label + " none");
            return;
        }
        out.printf("%s mean %.2f cycles (%.0f ps); p50 %s, p90 %s, p99 %s, p99.9 %s, max %s cycles (p99 %s ps)%n",
                label, (double) l.get("mean_cycles"), (double) l.get("mean_ps"), l.get("p50_cycles"),
                l.get("p90_cycles"), l.get("p99_cycles"), l.get("p99_9_cycles"), l.get("max_cycles"),
                l.get("p99_ps"));
    }
}
