package io.isotrace.cli.dram;

import io.isotrace.cli.FormatOption;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.Organization;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.controller.dram.spec.TimingParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code isotrace dram presets}: the named devices and their key timings. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the DRAM presets with their organisation, key timings, peak bandwidth and sources.")
public final class DramPresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Preset p : Preset.values()) {
            DeviceSpec s = p.spec();
            TimingParameters t = s.timing();
            Organization o = s.organization();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.displayName());
            m.put("standard", s.standard().name());
            m.put("clock_mhz", t.clockHz() / 1e6);
            m.put("channels", o.channels());
            m.put("ranks", o.ranks());
            m.put("bank_groups", o.bankGroups());
            m.put("banks_per_group", o.banksPerGroup());
            m.put("bus_bits", o.busWidth());
            m.put("burst_bytes", o.burstBytes());
            m.put("CL-tRCD-tRP-tRAS", t.cl() + "-" + t.rcd() + "-" + t.rp() + "-" + t.ras());
            m.put("tRFC/tREFI", t.rfc() + "/" + t.refi());
            m.put("per_bank_refresh", t.perBankRefresh());
            m.put("peak_gb_per_s", Math.round(s.peakBytesPerSecond() / 1e8) / 10.0);
            m.put("source", p.source());
            rows.add(m);
        }
        if (format.get() == OutputFormat.json) {
            out.println(Json.pretty(rows));
        } else {
            out.printf("%-12s %-7s %8s %3s %3s %6s %4s %-16s %-10s %8s%n", "preset", "std", "MHz", "ch", "ra",
                    "bg x b", "bits", "CL-RCD-RP-RAS", "RFC/REFI", "peak GB/s");
            for (Map<String, Object> m : rows) {
                out.printf("%-12s %-7s %8.1f %3s %3s %6s %4s %-16s %-10s %8s%n", m.get("name"), m.get("standard"),
                        m.get("clock_mhz"), m.get("channels"), m.get("ranks"),
                        m.get("bank_groups") + "x" + m.get("banks_per_group"), m.get("bus_bits"),
                        m.get("CL-tRCD-tRP-tRAS"), m.get("tRFC/tREFI"), m.get("peak_gb_per_s"));
            }
            out.println();
            for (Map<String, Object> m : rows) {
                out.println(m.get("name") + ": " + m.get("source"));
            }
        }
        out.flush();
        return 0;
    }
}
