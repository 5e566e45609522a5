package io.isotrace.controller.dram.config;

import io.isotrace.controller.cache.CacheHierarchyConfig;
import io.isotrace.controller.cache.CacheLevelConfig;
import io.isotrace.controller.dram.DramConfig;
import io.isotrace.controller.dram.ctrl.Arbitration;
import io.isotrace.controller.dram.ctrl.ControllerConfig;
import io.isotrace.controller.dram.ctrl.PagePolicy;
import io.isotrace.controller.dram.ctrl.RefreshMode;
import io.isotrace.controller.dram.ctrl.SchedulerPolicy;
import io.isotrace.controller.dram.mapping.MappingScheme;
import io.isotrace.controller.dram.spec.DeviceSpec;
import io.isotrace.controller.dram.spec.Organization;
import io.isotrace.controller.dram.spec.Preset;
import io.isotrace.controller.dram.spec.TimingParameters;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.ClockDomain;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DRAM (and cache) configuration file. Every key is documented in {@code controller-model/DRAM.md}; an
 * unknown or misspelt key, a value out of range or of the wrong kind, and a combination the model cannot run (a
 * write watermark above the queue, per-bank refresh on a device without it) are errors naming file:line.
 */
public final class DramConfigLoader {
    static final List<String> TOP = List.of("dram", "cache");
    static final List<String> DRAM = List.of("preset", "organization", "timing", "mapping", "controller");
    static final List<String> ORGANIZATION = List.of("channels", "ranks", "bankGroups", "banksPerGroup", "rows",
            "columns", "deviceWidth", "busWidth", "burstLength");
    static final List<String> MAPPING = List.of("scheme", "xorBanks");
    static final List<String> CONTROLLER = List.of("base", "queues", "writeDrain", "scheduler", "arbitration",
            "rowHitCap", "rowHitCapStrict", "pagePolicy", "refresh", "powerDown", "frontendLatency", "backendLatency", "epochCycles");
    static final List<String> QUEUES = List.of("read", "write", "perBank", "transfersPerCycle");
    static final List<String> DRAIN = List.of("high", "low", "idle");
    static final List<String> POWER = List.of("enabled", "idleCycles");
    static final List<String> CACHE = List.of("l1i", "l1d", "l2", "llc");
    static final List<String> LEVEL = List.of("size", "ways", "line", "hitLatency", "writePolicy", "writeAllocate");

    private DramConfigLoader() {
    }

    public static LoadedConfig load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(r, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read the configuration: " + e.getMessage(), e);
        }
    }

    public static LoadedConfig parse(String yaml, String name) {
        return load(new StringReader(yaml), name);
    }

    public static LoadedConfig load(Reader in, String name) {
        ConfigNode root = ConfigNode.parse(in, name);
        ConfigNode dram = root.section("dram");
        ConfigNode cache = root.section("cache");
        root.finish(TOP);
        if (dram == null) {
            throw new BadInputException(name + ":1", "missing section 'dram' (with at least 'preset')");
        }
        return new LoadedConfig(dram(dram), cache == null ? null : cache(cache));
    }

    private static DramConfig dram(ConfigNode n) {
        String presetName = n.text("preset");
        if (presetName == null) {
            throw n.bad("'dram.preset' is required: one of " + presetNames());
        }
        Preset preset = Preset.find(presetName);
        if (preset == null) {
            String hint = Suggest.nearest(presetName, presetNames());
            throw n.node("preset").bad("unknown preset '" + presetName + "'; presets: " + presetNames()
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        DeviceSpec spec = preset.spec();
        ConfigNode org = n.section("organization");
        if (org != null) {
            spec = spec.withOrganization(organization(org, spec.organization()));
        }
        ConfigNode timing = n.section("timing");
        if (timing != null) {
            spec = spec.withTiming(timing(timing, spec.timing()));
        }
        MappingScheme scheme = MappingScheme.parse("rochrababgco");
        boolean xor = false;
        ConfigNode map = n.section("mapping");
        if (map != null) {
            String s = map.text("scheme");
            if (s != null) {
                try {
                    scheme = MappingScheme.parse(s);
                } catch (IllegalArgumentException e) {
                    throw map.node("scheme").bad(e.getMessage());
                }
            }
            xor = map.bool("xorBanks", false);
            map.finish(MAPPING);
        }
        ControllerConfig ctrl = ControllerConfig.defaults();
        ConfigNode c = n.section("controller");
        if (c != null) {
            ctrl = controller(c, spec);
        }
        n.finish(DRAM);
        return new DramConfig(spec, scheme, xor, ctrl);
    }

    private static Organization organization(ConfigNode n, Organization o) {
        int max = 1 << 30;
        Organization r;
        try {
            r = new Organization(
                    n.integer("channels", o.channels(), 1, 1024),
                    n.integer("ranks", o.ranks(), 1, 64),
                    n.integer("bankGroups", o.bankGroups(), 1, 64),
                    n.integer("banksPerGroup", o.banksPerGroup(), 1, 64),
                    n.integer("rows", o.rows(), 1, max),
                    n.integer("columns", o.columns(), 1, max),
                    n.integer("deviceWidth", o.deviceWidth(), 1, 1024),
                    n.integer("busWidth", o.busWidth(), 1, 4096),
                    n.integer("burstLength", o.burstLength(), 1, 256));
        } catch (IllegalArgumentException e) {
            throw n.bad("dram.organization: " + e.getMessage());
        }
        n.finish(ORGANIZATION);
        if (r.banksPerChannel() > 4096) {
            throw n.bad("dram.organization: " + r.banksPerChannel() + " banks per channel is more than 4096");
        }
        return r;
    }

    private static TimingParameters timing(ConfigNode n, TimingParameters t) {
        TimingParameters.Builder b = t.toBuilder();
        if (n.has("tCK") && n.has("clock")) {
            throw n.node("clock").bad("give either 'tCK' (a period) or 'clock' (a frequency), not both");
        }
        String tck = n.text("tCK");
        String clock = n.text("clock");
        try {
            if (tck != null) {
                b.clockHz(ClockDomain.parseHz(tck.matches("[0-9.]+") ? tck + "ns" : tck));
            } else if (clock != null) {
                b.clockHz(ClockDomain.parseHz(clock));
            }
        } catch (IllegalArgumentException e) {
            throw n.node(tck != null ? "tCK" : "clock").bad(e.getMessage());
        }
        for (TimingKey k : TimingKey.values()) {
            if (n.has(k.key)) {
                k.setter.accept(b, n.integer(k.key, 0, 0, 1 << 24));
            }
        }
        n.finish(TimingKey.keys());
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw n.bad("dram.timing: " + e.getMessage());
        }
    }

    private static ControllerConfig controller(ConfigNode n, DeviceSpec spec) {
        String base = n.choice("base", "default", List.of("default", "dramsim3"));
        ControllerConfig.Builder b = ("dramsim3".equals(base) ? ControllerConfig.dramsim3() : ControllerConfig.defaults())
                .toBuilder();
        ConfigNode q = n.section("queues");
        if (q != null) {
            b.readQueue(q.integer("read", b.readQueue(), 1, 1 << 16));
            b.writeQueue(q.integer("write", b.writeQueue(), 1, 1 << 16));
            b.bankQueue(q.integer("perBank", b.bankQueue(), 0, 1 << 12));
            b.transfersPerCycle(q.integer("transfersPerCycle", b.transfersPerCycle(), 0, 1 << 12));
            q.finish(QUEUES);
        }
        ConfigNode d = n.section("writeDrain");
        int high = Math.min(b.writeHigh(), b.writeQueue());
        int low = Math.min(b.writeLow(), high - 1);
        if (d != null) {
            high = d.integer("high", high, 1, b.writeQueue());
            low = d.integer("low", Math.min(low, high - 1), 0, high - 1);
            b.writeIdle(d.integer("idle", b.writeIdle(), 0, b.writeQueue()));
            d.finish(DRAIN);
        }
        b.writeHigh(high).writeLow(low);
        String sched = n.choice("scheduler", null, List.of("frfcfs", "fcfs"));
        if (sched != null) {
            b.scheduler(SchedulerPolicy.parse(sched));
        }
        String arb = n.choice("arbitration", null, List.of("oldest-first", "round-robin"));
        if (arb != null) {
            b.arbitration(Arbitration.parse(arb));
        }
        if (n.has("rowHitCap")) {
            b.rowHitCap(n.integer("rowHitCap", 4, 0, 1 << 16));
        }
        if (n.has("rowHitCapStrict")) {
            b.rowHitCapStrict(n.bool("rowHitCapStrict", true));
        }
        String page = n.choice("pagePolicy", null, List.of("open", "open-adaptive", "close", "close-adaptive"));
        if (page != null) {
            b.pagePolicy(PagePolicy.parse(page));
        }
        String refresh = n.choice("refresh", null, List.of("all-bank", "per-bank", "none"));
        if (refresh != null) {
            if (refresh.equals("per-bank") && !spec.timing().perBankRefresh()) {
                throw n.node("refresh").bad(spec.standard().name() + " preset has no per-bank refresh (tRFCpb 0);"
                        + " set dram.timing.tRFCpb and tREFIpb, or use all-bank");
            }
            b.refresh(RefreshMode.parse(refresh));
        }
        ConfigNode p = n.section("powerDown");
        if (p != null) {
            b.powerDown(p.bool("enabled", false));
            b.powerDownIdle(p.integer("idleCycles", 100, 0, 1 << 30));
            p.finish(POWER);
        }
        if (n.has("frontendLatency")) {
            b.frontendLatency(n.integer("frontendLatency", 1, 0, 1 << 20));
        }
        if (n.has("backendLatency")) {
            b.backendLatency(n.integer("backendLatency", 0, 0, 1 << 20));
        }
        if (n.has("epochCycles")) {
            b.epochCycles(n.integer("epochCycles", 100_000, 1, Integer.MAX_VALUE));
        }
        n.finish(CONTROLLER);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw n.bad("dram.controller: " + e.getMessage());
        }
    }

    private static CacheHierarchyConfig cache(ConfigNode n) {
        CacheLevelConfig l1i = level(n.section("l1i"), "L1I");
        CacheLevelConfig l1d = level(n.section("l1d"), "L1D");
        CacheLevelConfig l2 = level(n.section("l2"), "L2");
        CacheLevelConfig llc = level(n.section("llc"), "LLC");
        n.finish(CACHE);
        try {
            return new CacheHierarchyConfig(l1i, l1d, l2, llc);
        } catch (IllegalArgumentException e) {
            throw n.bad("cache: " + e.getMessage());
        }
    }

    private static CacheLevelConfig level(ConfigNode n, String name) {
        if (n == null) {
            return null;
        }
        long size = n.bytes("size", -1);
        if (size < 0) {
            throw n.bad("cache." + name.toLowerCase(java.util.Locale.ROOT) + ".size is required (e.g. 32KiB)");
        }
        int ways = n.integer("ways", 8, 1, 1 << 16);
        int line = n.integer("line", 64, 1, 1 << 16);
        long hit = n.durationPs("hitLatency", 1000);
        String policy = n.choice("writePolicy", "write-back", List.of("write-back", "write-through"));
        boolean allocate = n.bool("writeAllocate", true);
        n.finish(LEVEL);
        try {
            return new CacheLevelConfig(name, size, ways, line, hit, policy.equals("write-back"), allocate);
        } catch (IllegalArgumentException e) {
            throw n.bad(e.getMessage());
        }
    }

    static List<String> presetNames() {
        List<String> names = new ArrayList<>();
        for (Preset p : Preset.values()) {
            names.add(p.displayName());
        }
        return names;
    }
}
