package io.isotrace.controller.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isotrace.trace.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a YAML or JSON policy file into a {@link ConfigNode} tree with Jackson's streaming parser, keeping each
 * token's line and column. A syntax error, or a key given twice in one map, is a {@link BadInputException} at the
 * line where it occurs. JSON is chosen by the {@code .json} extension; anything else is read as YAML (a superset).
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    public static ConfigNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file.toString(), "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return read(file.toString(), text, json);
    }

    public static ConfigNode read(String name, String text, boolean json) {
        JsonFactory f = json ? new JsonFactory() : new YAMLFactory();
        try (Reader r = new StringReader(text); JsonParser p = f.createParser(r)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new BadInputException(name + ":1", "the file is empty (expected a map of policy sections)");
            }
            ConfigNode root = value(p, name, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new BadInputException(name + ":" + p.currentLocation().getLineNr(), "more than one document");
            }
            return root;
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new BadInputException(name + ":" + (loc == null ? 0 : loc.getLineNr()),
                    "syntax error: " + (nl > 0 ? msg.substring(0, nl) : msg), e);
        } catch (IOException e) {
            throw new BadInputException(name, "cannot parse: " + e.getMessage(), e);
        }
    }

    private static ConfigNode value(JsonParser p, String file, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ConfigNode m = ConfigNode.map(file, line, col, path);
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (!seen.add(key)) {
                        throw new BadInputException(file + ":" + keyLine, join(path, key) + ": key given twice");
                    }
                    p.nextToken();
                    m.put(key, value(p, file, join(path, key)));
                }
                return m;
            }
            case START_ARRAY: {
                ConfigNode l = ConfigNode.list(file, line, col, path);
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p, file, path + "[" + i++ + "]"));
                }
                return l;
            }
            case VALUE_NULL:
                return ConfigNode.scalar(file, line, col, path, "");
            default:
                return ConfigNode.scalar(file, line, col, path, p.getText());
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
