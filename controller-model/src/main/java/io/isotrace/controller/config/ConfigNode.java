package io.isotrace.controller.config;

import io.isotrace.trace.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node of a policy file — a map, a list or a scalar — with the file, line and column it came from and its
 * path of keys, so that every error, syntactic or semantic, can say {@code policy.yaml:12: environments[1].mappings[0].pa: ...}.
 * The accessors are the schema: they refuse unknown keys, wrong kinds and malformed values.
 */
public final class ConfigNode {
    public enum Kind {
        MAP, LIST, SCALAR
    }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String text;
    private final Map<String, ConfigNode> entries;
    private final List<ConfigNode> items;

    private ConfigNode(Kind kind, String file, int line, int column, String path, String text,
                       Map<String, ConfigNode> entries, List<ConfigNode> items) {
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.text = text;
        this.entries = entries;
        this.items = items;
    }

    static ConfigNode map(String file, int line, int col, String path) {
        return new ConfigNode(Kind.MAP, file, line, col, path, null, new LinkedHashMap<>(), null);
    }

    static ConfigNode list(String file, int line, int col, String path) {
        return new ConfigNode(Kind.LIST, file, line, col, path, null, null, new ArrayList<>());
    }

    static ConfigNode scalar(String file, int line, int col, String path, String text) {
        return new ConfigNode(Kind.SCALAR, file, line, col, path, text, null, null);
    }

    void put(String key, ConfigNode value) {
        entries.put(key, value);
    }

    void add(ConfigNode value) {
        items.add(value);
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    /** An error at this node: {@code file:line: path: what}. */
    public BadInputException error(String what) {
        return new BadInputException(file + ":" + line, (path.isEmpty() ? "" : path + ": ") + what);
    }

    // ------------------------------------------------------------------ maps

    /** Requires a map whose keys are all among {@code allowed}; returns this. */
    public ConfigNode requireMap(String... allowed) {
        if (kind != Kind.MAP) {
            throw error("expected a map of " + String.join(", ", allowed) + ", found " + describe());
        }
        Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (expected one of " + String.join(", ", ok) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return kind == Kind.MAP && entries.containsKey(key);
    }

    /** The value under {@code key}, or null. */
    public ConfigNode get(String key) {
        return kind == Kind.MAP ? entries.get(key) : null;
    }

    public ConfigNode require(String key) {
        ConfigNode n = get(key);
        if (n == null) {
            throw error("missing key '" + key + "'");
        }
        return n;
    }

    public Map<String, ConfigNode> entries() {
        if (kind != Kind.MAP) {
            throw error("expected a map, found " + describe());
        }
        return entries;
    }

    // ------------------------------------------------------------------ lists

    public List<ConfigNode> items() {
        if (kind != Kind.LIST) {
            throw error("expected a list, found " + describe());
        }
        return items;
    }

    /** The items under {@code key}, or an empty list when the key is absent. */
    public List<ConfigNode> list(String key) {
        ConfigNode n = get(key);
        return n == null ? List.of() : n.items();
    }

    // ------------------------------------------------------------------ scalars

    public String text() {
        if (kind != Kind.SCALAR) {
            throw error("expected a single value, found " + describe());
        }
        return text;
    }

    public String string(String key, String dflt) {
        ConfigNode n = get(key);
        return n == null ? dflt : n.text();
    }

    public boolean bool(String key, boolean dflt) {
        ConfigNode n = get(key);
        if (n == null) {
            return dflt;
        }
        String t = n.text().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("yes") || t.equals("on")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("off")) {
            return false;
        }
        throw n.error("expected true or false, found '" + n.text() + "'");
    }

    /** A number: decimal, 0x hex or 0b binary, with optional underscores. */
    public long number() {
        String t = text().trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("0b") || t.startsWith("0B")) {
                return Long.parseUnsignedLong(t.substring(2), 2);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("expected a number (decimal or 0x hex), found '" + text + "'");
        }
    }

    public long number(String key, long dflt) {
        ConfigNode n = get(key);
        return n == null ? dflt : n.number();
    }

    public int intValue(String key, int dflt, int min, int max) {
        ConfigNode n = get(key);
        if (n == null) {
            return dflt;
        }
        long v = n.number();
        if (v < min || v > max) {
            throw n.error("must be " + min + ".." + max + ", found " + v);
        }
        return (int) v;
    }

    private static final String[][] UNITS = {
            {"kib", "10"}, {"mib", "20"}, {"gib", "30"}, {"tib", "40"}, {"k", "10"}, {"m", "20"}, {"g", "30"}, {"t", "40"}};

    /** A size: a number, or a number with KiB, MiB, GiB or TiB (K, M, G, T are the same binary units). */
    public long size() {
        String t = text().trim().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        for (String[] u : UNITS) {
            if (t.endsWith(u[0])) {
                String num = t.substring(0, t.length() - u[0].length()).trim();
                try {
                    long v = Long.parseLong(num);
                    int shift = Integer.parseInt(u[1]);
                    if (v < 0 || v > (Long.MAX_VALUE >> shift)) {
                        throw new NumberFormatException();
                    }
                    return v << shift;
                } catch (NumberFormatException e) {
                    throw error("expected a size such as 4KiB, 2MiB, 1GiB or 0x1000, found '" + text + "'");
                }
            }
        }
        return number();
    }

    public long size(String key, long dflt) {
        ConfigNode n = get(key);
        return n == null ? dflt : n.size();
    }

    private String describe() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case SCALAR -> "'" + text + "'";
        };
    }

    /** A canonical text of the tree (independent of YAML/JSON syntax, comments and layout), for the digest. */
    void canonical(StringBuilder sb) {
        switch (kind) {
            case MAP -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    quote(sb, e.getKey());
                    sb.append(':');
                    e.getValue().canonical(sb);
                }
                sb.append('}');
            }
            case LIST -> {
                sb.append('[');
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    items.get(i).canonical(sb);
                }
                sb.append(']');
            }
            case SCALAR -> quote(sb, text);
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
