package io.isotrace.controller.config;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.env.AccessRule;
import io.isotrace.controller.env.ControlException;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.gpc.Gpi;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.controller.policy.tzc.Tzc400;
import io.isotrace.controller.timing.CheckTiming;
import io.isotrace.controller.cache.CachedMemoryTiming;
import io.isotrace.controller.dram.DramMemoryTiming;
import io.isotrace.controller.dram.config.DramConfigLoader;
import io.isotrace.controller.dram.config.LoadedConfig;
import io.isotrace.controller.timing.FixedLatency;
import io.isotrace.controller.timing.MemoryTiming;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.SecurityState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Controller} from a policy file (format in {@code controller-model/README.md}). Everything is
 * validated while loading, and every refusal names the file, the line and the key: unknown keys, malformed
 * values, overlapping IPA ranges in one environment, PA ranges two environments map without a shared region
 * admitting both, mappings outside physical memory or onto the register block or the controller's table memory.
 */
public final class PolicyLoader {
    private static final String[] TOP = {"controller", "stack", "remap", "environments", "shared", "requesters",
            "mpc", "tzc", "gpc"};

    private PolicyLoader() {
    }

    public static LoadedPolicy load(Path file) {
        return load(ConfigReader.read(file), file.toString());
    }

    public static LoadedPolicy load(ConfigNode root, String source) {
        root.requireMap(TOP);
        ControllerBuilder b = new ControllerBuilder();
        String memoryModelDigest = null;
        ConfigNode c = root.get("controller");
        boolean lock = false;
        if (c != null) {
            c.requireMap("memory", "registerBase", "tablesBase", "clock", "hitCycles", "walkCycles", "registerCycles",
                    "cache", "memoryLatency", "memoryModel", "violationLog", "locked");
            long mem = c.size("memory", ControllerBuilder.DEFAULT_MEMORY);
            if (mem <= 0 || mem > PhysicalMemory.PA_LIMIT || (mem & 0xFFF) != 0) {
                throw c.require("memory").error("physical memory must be a 4 KiB multiple up to 256 TiB");
            }
            b.memory(new PhysicalMemory(mem));
            b.registerBase(c.number("registerBase", mem - 0x10000));
            if ((b.registerBase() & 0xFFFF) != 0) {
                throw c.require("registerBase").error("the register block must be 64 KiB aligned");
            }
            b.tablesBase(c.number("tablesBase", mem - (256L << 20)));
            ClockDomain clock = new ClockDomain("controller", 1_000_000_000L);
            if (c.has("clock")) {
                try {
                    clock = new ClockDomain("controller", ClockDomain.parseHz(c.string("clock", "")));
                } catch (IllegalArgumentException e) {
                    throw c.require("clock").error(e.getMessage());
                }
            }
            b.checkTiming(new CheckTiming(clock, c.intValue("hitCycles", 1, 0, 1 << 20),
                    c.intValue("walkCycles", 4, 0, 1 << 20), c.intValue("registerCycles", 2, 0, 1 << 20)));
            ConfigNode cache = c.get("cache");
            if (cache != null) {
                cache.requireMap("entries", "ways");
                int entries = cache.intValue("entries", 1024, 1, 1 << 20);
                int ways = cache.intValue("ways", 4, 1, 16);
                if (Integer.bitCount(entries) != 1 || entries % ways != 0 || Integer.bitCount(entries / ways) != 1) {
                    throw cache.error("entries must be a power of two and a power-of-two multiple of ways");
                }
                b.cache(entries, ways);
            }
            ConfigNode lat = c.get("memoryLatency");
            ConfigNode model = c.get("memoryModel");
            if (lat != null && model != null) {
                throw model.error("give memoryLatency (a fixed latency) or memoryModel (DRAM and caches), not both");
            }
            if (model != null) {
                memoryModelDigest = memoryModel(model, source, b);
            }
            if (lat != null) {
                if (lat.kind() == ConfigNode.Kind.MAP) {
                    lat.requireMap("read", "write");
                    b.timing(new FixedLatency(duration(lat.require("read")), duration(lat.require("write"))));
                } else {
                    b.timing(new FixedLatency(duration(lat)));
                }
            }
            b.violationCapacity(c.intValue("violationLog", 4096, 1, 1 << 24));
            lock = c.bool("locked", false);
        }
        List<String> stack = stack(root);
        Environments envs = null;
        for (String stage : stack) {
            switch (stage) {
                case "remap" -> envs = remapper(root, b);
                case "mpc" -> b.mpc(mpc(root.require("mpc")));
                case "tzc" -> b.tzc(tzc(root.require("tzc")));
                case "gpc" -> b.gpc(gpc(root.require("gpc"), b.tablesBase()));
                default -> throw new IllegalStateException(stage);
            }
        }
        Controller controller = b.build();
        if (envs != null) {
            populate(root, envs, b.memory().limit());
        } else {
            for (String k : new String[]{"environments", "shared", "requesters"}) {
                if (root.has(k)) {
                    throw root.get(k).error("needs the remap stage in the stack");
                }
            }
        }
        if (lock) {
            controller.registers().control().lock();
        }
        String digest = digest(root);
        if (memoryModelDigest != null) {
            // The policy names its memory model by path; the digest covers the model's content as well.
            digest = sha256(digest + "\nmemoryModel " + memoryModelDigest);
        }
        return new LoadedPolicy(controller, digest, source);
    }

    private static List<String> stack(ConfigNode root) {
        List<String> out = new ArrayList<>();
        ConfigNode s = root.get("stack");
        if (s == null) {
            for (String k : new String[]{"remap", "mpc", "tzc", "gpc"}) {
                if (root.has(k) || (k.equals("remap") && root.has("environments"))) {
                    out.add(k);
                }
            }
            return out;
        }
        for (ConfigNode n : s.items()) {
            String k = n.text();
            if (!List.of("remap", "mpc", "tzc", "gpc").contains(k)) {
                throw n.error("unknown policy model '" + k + "' (expected remap, mpc, tzc or gpc)");
            }
            if (out.contains(k)) {
                throw n.error("'" + k + "' appears twice in the stack");
            }
            if (k.equals("remap") && !out.isEmpty()) {
                throw n.error("remap must come first: the other models filter the PA it produces");
            }
            if (!k.equals("remap") && !root.has(k)) {
                throw n.error("the stack names '" + k + "' but there is no '" + k + "' section");
            }
            out.add(k);
        }
        for (String k : new String[]{"mpc", "tzc", "gpc"}) {
            if (root.has(k) && !out.contains(k)) {
                throw root.get(k).error("section '" + k + "' is not in the stack");
            }
        }
        return out;
    }

    static long duration(ConfigNode n) {
        String t = n.text().trim().toLowerCase(java.util.Locale.ROOT);
        String[][] units = {{"ps", "1"}, {"ns", "1000"}, {"us", "1000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                try {
                    return new java.math.BigDecimal(t.substring(0, t.length() - 2).trim())
                            .multiply(new java.math.BigDecimal(u[1])).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    break;
                }
            }
        }
        throw n.error("expected a duration such as 50ns or 625ps, found '" + n.text() + "'");
    }

    // ------------------------------------------------------------------ remapper and environments

    private static Environments remapper(ConfigNode root, ControllerBuilder b) {
        ConfigNode r = root.get("remap");
        int capacity = 256;
        int maxMappings = 1 << 17;
        Response blocked = Response.BUS_ERROR;
        if (r != null) {
            r.requireMap("environments", "maxMappings", "blocked");
            capacity = r.intValue("environments", 256, 1, Environments.NO_ENV);
            maxMappings = r.intValue("maxMappings", 1 << 17, 1, 1 << 26);
            blocked = blockedResponse(r.get("blocked"), Response.BUS_ERROR);
        }
        Environments envs = b.remapper(capacity, maxMappings);
        b.remapperStage().setBlockedResponse(blocked);
        return envs;
    }

    private static Response blockedResponse(ConfigNode n, Response dflt) {
        if (n == null) {
            return dflt;
        }
        return switch (n.text().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "bus-error", "error" -> Response.BUS_ERROR;
            case "raz-wi", "razwi" -> Response.RAZ_WI;
            default -> throw n.error("expected bus-error or raz-wi, found '" + n.text() + "'");
        };
    }

    private static void populate(ConfigNode root, Environments envs, long memoryLimit) {
        for (ConfigNode e : root.list("environments")) {
            e.requireMap("name", "id", "access", "mappings");
            String name = e.require("name").text();
            int id = e.has("id") ? e.intValue("id", -1, 0, envs.capacity() - 1) : -1;
            AccessRule rule = e.has("access") ? rule(e.get("access")) : AccessRule.ANYONE;
            try {
                envs.create(id, name, rule);
            } catch (ControlException x) {
                throw (e.has("id") ? e.get("id") : e.require("name")).error(x.getMessage());
            }
        }
        for (ConfigNode s : root.list("shared")) {
            s.requireMap("name", "pa", "size", "environments");
            long pa = s.require("pa").number();
            long size = s.require("size").size();
            BitSet members = new BitSet();
            for (ConfigNode n : s.require("environments").items()) {
                int id = envs.byName(n.text());
                if (id < 0) {
                    throw n.error("no environment named '" + n.text() + "'");
                }
                members.set(id);
            }
            if (members.cardinality() < 2) {
                throw s.require("environments").error("a shared region needs at least two environments");
            }
            try {
                envs.share(s.string("name", "shared"), pa, pa + size, members);
            } catch (ControlException x) {
                throw s.require("pa").error(x.getMessage());
            }
        }
        for (ConfigNode e : root.list("environments")) {
            int id = envs.byName(e.require("name").text());
            for (ConfigNode m : e.list("mappings")) {
                m.requireMap("ipa", "pa", "size", "perms", "access");
                long ipa = m.require("ipa").number();
                long pa = m.require("pa").number();
                long size = m.require("size").size();
                int perms = perms(m.require("perms"));
                AccessRule rule = m.has("access") ? rule(m.get("access")) : null;
                try {
                    envs.map(id, ipa, pa, size, perms, rule);
                } catch (ControlException x) {
                    String key = switch (x.error()) {
                        case OUTSIDE_MEMORY, ONTO_REGISTER_BLOCK, RESERVED_MEMORY, NOT_SHARED ->
                                x.getMessage().startsWith("IPA") ? "ipa" : "pa";
                        case OVERLAPS_MAPPING -> "ipa";
                        case BAD_SIZE -> "size";
                        case MISALIGNED -> x.getMessage().startsWith("IPA") ? "ipa" : "pa";
                        default -> "size";
                    };
                    throw m.require(key).error(x.getMessage());
                }
            }
        }
        ConfigNode req = root.get("requesters");
        if (req != null) {
            for (Map.Entry<String, ConfigNode> r : req.entries().entrySet()) {
                int requester;
                try {
                    requester = Integer.parseInt(r.getKey().trim());
                } catch (NumberFormatException x) {
                    throw r.getValue().error("requester ids are numbers 0..255");
                }
                if (requester < 0 || requester >= Environments.MAX_REQUESTERS) {
                    throw r.getValue().error("requester " + requester + " is not 0..255");
                }
                int env = envs.byName(r.getValue().text());
                if (env < 0) {
                    throw r.getValue().error("no environment named '" + r.getValue().text() + "'");
                }
                envs.switchTo(requester, env);
            }
        }
    }

    /** Permission letters: r read, w write, x execute, t table walk; "-" for none. */
    static int perms(ConfigNode n) {
        int p = 0;
        for (char ch : n.text().trim().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            p |= switch (ch) {
                case 'r' -> PageGrant.READ;
                case 'w' -> PageGrant.WRITE;
                case 'x' -> PageGrant.EXECUTE;
                case 't' -> PageGrant.WALK;
                case '-' -> 0;
                default -> throw n.error("permissions are letters r, w, x, t (table walk), found '" + n.text() + "'");
            };
        }
        return p;
    }

    static AccessRule rule(ConfigNode a) {
        a.requireMap("states", "els", "requesters");
        int states = 0xF;
        if (a.has("states")) {
            states = 0;
            for (ConfigNode s : a.get("states").items()) {
                SecurityState st = SecurityState.parse(s.text().trim());
                if (st == null) {
                    throw s.error("unknown security state '" + s.text() + "' (NS, S, Realm, Root)");
                }
                states |= 1 << st.code();
            }
        }
        int els = 0xF;
        if (a.has("els")) {
            els = 0;
            for (ConfigNode s : a.get("els").items()) {
                long el = s.number();
                if (el < 0 || el > 3) {
                    throw s.error("exception levels are 0..3");
                }
                els |= 1 << el;
            }
        }
        long[] req = {-1L, -1L, -1L, -1L};
        if (a.has("requesters")) {
            req = new long[4];
            for (ConfigNode s : a.get("requesters").items()) {
                String t = s.text().trim();
                int dash = t.indexOf('-', 1);
                long lo;
                long hi;
                try {
                    lo = Long.decode(dash < 0 ? t : t.substring(0, dash).trim());
                    hi = dash < 0 ? lo : Long.decode(t.substring(dash + 1).trim());
                } catch (NumberFormatException x) {
                    throw s.error("expected a requester id or a range like 0-3, found '" + t + "'");
                }
                if (lo < 0 || hi > 255 || lo > hi) {
                    throw s.error("requesters are 0..255");
                }
                for (long r = lo; r <= hi; r++) {
                    req[(int) (r >>> 6)] |= 1L << (r & 63);
                }
            }
        }
        return new AccessRule(states, els, req);
    }

    // ------------------------------------------------------------------ filters

    private static Sie200Mpc mpc(ConfigNode m) {
        m.requireMap("base", "size", "blockSize", "secResp", "lockdown", "nonSecure", "interrupt");
        long base = m.require("base").number();
        long size = m.require("size").size();
        long block = m.size("blockSize", 4096);
        Sie200Mpc mpc;
        try {
            mpc = new Sie200Mpc(base, size, block);
        } catch (IllegalArgumentException e) {
            throw m.error(e.getMessage());
        }
        for (ConfigNode r : m.list("nonSecure")) {
            r.requireMap("pa", "size");
            long pa = r.require("pa").number();
            long sz = r.require("size").size();
            if (pa < base || pa + sz > base + size || ((pa - base) % block) != 0 || sz % block != 0) {
                throw r.error("must be whole MPC blocks inside 0x" + Long.toHexString(base) + "..0x"
                        + Long.toHexString(base + size - 1));
            }
            mpc.configure(pa, pa + sz, true);
        }
        int ctrl = Sie200Mpc.CTRL_AUTOINC | (m.bool("secResp", true) ? Sie200Mpc.CTRL_SEC_RESP : 0);
        mpc.write(Sie200Mpc.INT_EN, m.bool("interrupt", true) ? 1 : 0, true);
        mpc.write(Sie200Mpc.CTRL, ctrl | (m.bool("lockdown", false) ? Sie200Mpc.CTRL_LOCKDOWN : 0), true);
        return mpc;
    }

    private static Tzc400 tzc(ConfigNode t) {
        t.requireMap("filters", "addressBits", "action", "gates", "requesters", "regions");
        Tzc400 tzc = new Tzc400(t.intValue("filters", 1, 1, 4), t.intValue("addressBits", 48, 32, 64));
        ConfigNode act = t.get("action");
        if (act != null) {
            tzc.setAction(switch (act.text().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none", "okay" -> 0;
                case "err", "decerr" -> 1;
                case "int", "okay-int" -> 2;
                case "err-int", "decerr-int" -> 3;
                default -> throw act.error("ACTION is none, err, int or err-int");
            });
        } else {
            tzc.setAction(1); // TF-A's usual programming (TZC_ACTION_ERR); the register's reset value is 0
        }
        ConfigNode req = t.get("requesters");
        if (req != null) {
            for (Map.Entry<String, ConfigNode> e : req.entries().entrySet()) {
                int r;
                try {
                    r = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException x) {
                    throw e.getValue().error("requester ids are numbers 0..255");
                }
                ConfigNode w = e.getValue().requireMap("filter", "nsaid");
                try {
                    tzc.setFilter(r, w.intValue("filter", 0, 0, 3));
                } catch (IllegalArgumentException x) {
                    throw w.require("filter").error(x.getMessage());
                }
                tzc.setNsaid(r, w.intValue("nsaid", r & 0xF, 0, 15));
            }
        }
        for (ConfigNode r : t.list("regions")) {
            r.requireMap("number", "base", "top", "size", "filters", "secure", "nsaidRead", "nsaidWrite");
            int n = r.intValue("number", -1, 0, 8);
            if (n < 0) {
                throw r.error("missing key 'number' (0 background, 1..8)");
            }
            long base = 0;
            long top = 0;
            if (n != 0) {
                base = r.require("base").number();
                if (r.has("top") == r.has("size")) {
                    throw r.error("give either 'top' (inclusive) or 'size'");
                }
                top = r.has("top") ? r.get("top").number() : base + r.get("size").size() - 1;
                if ((base & 0xFFF) != 0 || ((top + 1) & 0xFFF) != 0 || top < base) {
                    throw r.error("TZC-400 regions are 4 KiB aligned: base 0x...000, top 0x...fff");
                }
            } else if (r.has("base") || r.has("top") || r.has("size") || r.has("filters")) {
                throw r.error("region 0 is the background: it spans everything and has no base, top or filters");
            }
            int filters = 0;
            if (r.has("filters")) {
                for (ConfigNode f : r.get("filters").items()) {
                    long v = f.number();
                    if (v < 0 || v >= tzc.filters()) {
                        throw f.error("filter " + v + " is not 0.." + (tzc.filters() - 1));
                    }
                    filters |= 1 << v;
                }
            } else {
                filters = (1 << tzc.filters()) - 1;
            }
            String sec = r.string("secure", "-").trim().toLowerCase(java.util.Locale.ROOT);
            int s = 0;
            for (char ch : sec.toCharArray()) {
                s |= switch (ch) {
                    case 'r' -> 1;
                    case 'w' -> 2;
                    case '-' -> 0;
                    default -> throw r.require("secure").error("secure access is r, w, rw or -");
                };
            }
            tzc.configureRegion(n, filters, base, top, s, nsaids(r.get("nsaidRead")), nsaids(r.get("nsaidWrite")));
        }
        int gates = 0;
        if (t.has("gates")) {
            for (ConfigNode g : t.get("gates").items()) {
                long v = g.number();
                if (v < 0 || v >= tzc.filters()) {
                    throw g.error("filter " + v + " is not 0.." + (tzc.filters() - 1));
                }
                gates |= 1 << v;
            }
        } else {
            gates = (1 << tzc.filters()) - 1;
        }
        tzc.openGates(gates);
        return tzc;
    }

    private static int nsaids(ConfigNode n) {
        if (n == null) {
            return 0;
        }
        int m = 0;
        for (ConfigNode x : n.items()) {
            long v = x.number();
            if (v < 0 || v > 15) {
                throw x.error("NSAIDs are 0..15");
            }
            m |= 1 << v;
        }
        return m;
    }

    private static GranuleProtection gpc(ConfigNode g, long tablesBase) {
        g.requireMap("pps", "granule", "l0gptsz", "enabled", "granules");
        int ppsBits = g.intValue("pps", 48, 32, 48);
        int ppsEnc = List.of(32, 36, 40, 42, 44, 48).indexOf(ppsBits);
        if (ppsEnc < 0) {
            throw g.require("pps").error("PPS is 32, 36, 40, 42, 44 or 48 bits");
        }
        long gran = g.size("granule", 4096);
        int pgsEnc = gran == 4096 ? 0 : gran == 16384 ? 2 : gran == 65536 ? 1 : -1;
        if (pgsEnc < 0) {
            throw g.require("granule").error("granules are 4KiB, 16KiB or 64KiB");
        }
        int l0 = g.intValue("l0gptsz", 30, 30, 39);
        int l0Enc = l0 - 30;
        if (l0Enc != 0 && l0Enc != 4 && l0Enc != 6 && l0Enc != 9) {
            throw g.require("l0gptsz").error("L0GPTSZ is 30, 34, 36 or 39 bits");
        }
        GranuleProtection gpc = new GranuleProtection(ppsEnc, pgsEnc, l0Enc, tablesBase);
        for (ConfigNode r : g.list("granules")) {
            r.requireMap("pa", "size", "gpi");
            Gpi gpi = Gpi.parse(r.require("gpi").text());
            if (gpi == null) {
                throw r.require("gpi").error("GPI is no-access, secure, ns, root, realm or any");
            }
            long pa = r.require("pa").number();
            int st = gpc.setGpi(pa, pa + r.require("size").size(), gpi.code());
            if (st == GranuleProtection.ERR_MISALIGNED) {
                throw r.error("the range must be whole granules of " + gran + " bytes");
            }
            if (st == GranuleProtection.ERR_OUTSIDE_PPS) {
                throw r.error("the range is outside the protected physical space (2^" + ppsBits + " bytes)");
            }
        }
        gpc.setEnabled(g.bool("enabled", true));
        return gpc;
    }

    static String digest(ConfigNode root) {
        StringBuilder sb = new StringBuilder();
        root.canonical(sb);
        return sha256(sb.toString());
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code controller.memoryModel: FILE}: DRAM (and optional caches) behind the checks, from a DRAM configuration
     * file ({@code controller-model/DRAM.md}), resolved against the policy file's directory. Returns the file's
     * SHA-256, which the policy digest then covers.
     */
    private static String memoryModel(ConfigNode node, String source, ControllerBuilder b) {
        Path base = Path.of(source).toAbsolutePath().getParent();
        Path file = base == null ? Path.of(node.text()) : base.resolve(node.text());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw node.error("no such memory model file: " + file);
        }
        // Read once: the digest must describe exactly the bytes the model was built from.
        byte[] bytes;
        String text;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.io.IOException e) {
            throw node.error("cannot read " + file + ": " + e);
        }
        LoadedConfig loaded = DramConfigLoader.parse(text, file.toString());
        MemoryTiming dram = new DramMemoryTiming(loaded.dram());
        b.timing(loaded.cache() == null ? dram : new CachedMemoryTiming(loaded.cache(), dram));
        return sha256(bytes);
    }
}
