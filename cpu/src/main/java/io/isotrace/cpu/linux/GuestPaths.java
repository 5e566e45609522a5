package io.isotrace.cpu.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Guest path strings: Linux paths are bytes; Isotrace decodes them as UTF-8 (the host's file names are reached
 * through Java's {@code Path}, which works in strings). Canonical guest paths are absolute, with no ".", ".." or
 * repeated slashes.
 */
public final class GuestPaths {
    /** PATH_MAX. */
    public static final int PATH_MAX = 4096;

    private GuestPaths() {
    }

    public static String decode(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The non-empty components of {@code path}. */
    public static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The canonical absolute path of {@code components}. */
    public static String join(List<String> components) {
        if (components.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (String c : components) {
            sb.append('/').append(c);
        }
        return sb.toString();
    }
}
