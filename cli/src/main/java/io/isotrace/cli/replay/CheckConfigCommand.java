package io.isotrace.cli.replay;

import io.isotrace.cli.FormatOption;
import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;
import io.isotrace.controller.Controller;
import io.isotrace.controller.config.LoadedPolicy;
import io.isotrace.controller.config.PolicyLoader;
import io.isotrace.controller.env.Environments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code isotrace controller check-config FILE}: load and validate a policy; print what it builds. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validate a controller policy file and summarise it.",
                "Exit status: 0 valid, 3 invalid (one line: file:line: key: what is wrong)."})
public final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML, or JSON by extension).")
    Path file;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        LoadedPolicy p = PolicyLoader.load(file);
        Controller c = p.controller();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", file.toString());
        m.put("digest", p.digest());
        m.put("stack", c.stages().stream().map(s -> s.name()).toList());
        m.put("physicalMemoryBytes", c.memory().limit());
        m.put("registerBlock", "0x" + Long.toHexString(c.registers().base()));
        m.put("clockHz", c.checkTiming().clock().hz());
        m.put("memoryTiming", c.timing().describe());
        Environments envs = c.environments();
        if (envs != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int e = 0; e < envs.capacity(); e++) {
                if (envs.exists(e)) {
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("id", e);
                    em.put("name", envs.name(e));
                    em.put("translationEntries", envs.mappingCount(e));
                    list.add(em);
                }
            }
            m.put("environments", list);
            m.put("sharedRegions", envs.sharedRegions().size());
        }
        m.put("locked", c.registers().control().locked());
        PrintWriter out = spec.commandLine().getOut();
        if (format.get() == OutputFormat.json) {
            out.println(Json.pretty(m));
        } else {
            out.println(file + ": valid");
            m.forEach((k, v) -> out.printf("  %-20s %s%n", k + ":", v));
        }
        out.flush();
        return 0;
    }
}
