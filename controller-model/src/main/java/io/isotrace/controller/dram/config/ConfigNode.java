package io.isotrace.controller.dram.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isotrace.trace.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML document as a tree that remembers the line of every key and value, read with Jackson's streaming YAML
 * parser. Sections are read key by key; whatever a section does not read is an unknown key, reported with its
 * file:line and the nearest known spelling ({@link #finish}). Values that do not parse are reported the same way.
 */
public final class ConfigNode {
    private final String file;
    private final int line;
    private final String path;
    private final String scalar;
    private final Map<String, ConfigNode> entries;
    private final Map<String, Integer> keyLines;
    private final List<ConfigNode> items;
    private final Set<String> read = new TreeSet<>();

    private ConfigNode(String file, int line, String path, String scalar, Map<String, ConfigNode> entries,
                       Map<String, Integer> keyLines, List<ConfigNode> items) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.scalar = scalar;
        this.entries = entries;
        this.keyLines = keyLines;
        this.items = items;
    }

    /** Parses a YAML (or JSON) document; {@code file} names it in messages. */
    public static ConfigNode parse(Reader in, String file) {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new ConfigNode(file, 1, "", null, new LinkedHashMap<>(), new LinkedHashMap<>(), null);
            }
            ConfigNode root = read(p, t, file, "");
            if (root.entries == null) {
                throw new BadInputException(file + ":" + root.line, "expected a mapping of sections at the top");
            }
            return root;
        } catch (IOException e) {
            JsonLocation loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation() : null;
            String where = loc == null ? file : file + ":" + loc.getLineNr();
            throw new BadInputException(where, "not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ConfigNode read(JsonParser p, JsonToken t, String file, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_OBJECT) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                if (entries.containsKey(key)) {
                    throw new BadInputException(file + ":" + keyLine, "key '" + qualified(path, key)
                            + "' appears twice (first at line " + keyLines.get(key) + ")");
                }
                JsonToken v = p.nextToken();
                entries.put(key, read(p, v, file, qualified(path, key)));
                keyLines.put(key, keyLine);
            }
            return new ConfigNode(file, line, path, null, entries, keyLines, null);
        }
        if (t == JsonToken.START_ARRAY) {
            List<ConfigNode> items = new ArrayList<>();
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                items.add(read(p, t, file, path + "[" + i++ + "]"));
            }
            return new ConfigNode(file, line, path, null, null, null, items);
        }
        String text = t == JsonToken.VALUE_NULL ? null : p.getText();
        return new ConfigNode(file, line, path, text == null ? "" : text, null, null, null);
    }

    private static String qualified(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** Where this node is, as {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return entries != null && entries.containsKey(key);
    }

    private ConfigNode get(String key) {
        read.add(key);
        return entries.get(key);
    }

    /** A sub-section (a mapping), or null when absent. */
    public ConfigNode section(String key) {
        if (!has(key)) {
            read.add(key);
            return null;
        }
        ConfigNode n = get(key);
        if (n.entries == null) {
            throw n.bad("'" + n.path + "' must be a mapping of keys");
        }
        return n;
    }

    /** A scalar value as text, or null when absent. */
    public String text(String key) {
        if (!has(key)) {
            read.add(key);
            return null;
        }
        ConfigNode n = get(key);
        if (n.scalar == null) {
            throw n.bad("'" + n.path + "' must be a single value");
        }
        return n.scalar.trim();
    }

    /** An integer in {@code min..max}, or {@code dflt} when absent. */
    public int integer(String key, int dflt, int min, int max) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw get(key).bad("'" + qualified(path, key) + "' must be an integer, got '" + s + "'");
        }
        if (v < min || v > max) {
            throw get(key).bad("'" + qualified(path, key) + "' must be in " + min + ".." + max + ", got " + v);
        }
        return (int) v;
    }

    public boolean bool(String key, boolean dflt) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                throw get(key).bad("'" + qualified(path, key) + "' must be true or false, got '" + s + "'");
        }
    }

    /** One of {@code choices} (as spelt in the file), or {@code dflt} when absent. */
    public String choice(String key, String dflt, List<String> choices) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        if (!choices.contains(s)) {
            String hint = Suggest.nearest(s, choices);
            throw get(key).bad("'" + qualified(path, key) + "' must be one of " + choices + ", got '" + s + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        return s;
    }

    /** A duration ({@code 1ns}, {@code 1500ps}, {@code 1.5ns}) in picoseconds, or {@code dflt} when absent. */
    public long durationPs(String key, long dflt) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Units.durationPs(s);
        } catch (IllegalArgumentException e) {
            throw get(key).bad("'" + qualified(path, key) + "': " + e.getMessage());
        }
    }

    /** A size ({@code 32KiB}, {@code 2MiB}, {@code 4096}) in bytes, or {@code dflt} when absent. */
    public long bytes(String key, long dflt) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Units.bytes(s);
        } catch (IllegalArgumentException e) {
            throw get(key).bad("'" + qualified(path, key) + "': " + e.getMessage());
        }
    }

    /** The node of a key that was read (for reporting a value's own line). */
    public ConfigNode node(String key) {
        return get(key);
    }

    /** Keys present in this section. */
    public Set<String> keys() {
        return entries == null ? Set.of() : entries.keySet();
    }

    /**
     * Fails on the first key this section has that was never asked for: a misspelt or unknown key is an error, never
     * silently ignored. {@code known} lists the accepted keys for the message.
     */
    public void finish(List<String> known) {
        if (entries == null) {
            return;
        }
        for (Map.Entry<String, Integer> e : keyLines.entrySet()) {
            if (!read.contains(e.getKey())) {
                String hint = Suggest.nearest(e.getKey(), known);
                throw new BadInputException(file + ":" + e.getValue(), "unknown key '" + qualified(path, e.getKey())
                        + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; known keys"
                        + (path.isEmpty() ? "" : " in '" + path + "'") + ": " + String.join(", ", known));
            }
        }
    }

    /** An error about this node, located at its line. */
    public BadInputException bad(String what) {
        return new BadInputException(where(), what);
    }
}
