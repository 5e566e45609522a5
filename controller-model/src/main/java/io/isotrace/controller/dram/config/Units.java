package io.isotrace.controller.dram.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Parses the units configuration files use: durations and sizes. */
public final class Units {
    private Units() {
    }

    /** {@code 1ns}, {@code 1.5ns}, {@code 625ps}, {@code 2us} to picoseconds (a bare number is picoseconds). */
    public static long durationPs(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"ps", "1"}, {"ns", "1000"}, {"us", "1000000"}, {"ms", "1000000000"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                return scaled(s.substring(0, s.length() - 2), u[1], text);
            }
        }
        return scaled(s, "1", text);
    }

    /** {@code 32KiB}, {@code 2MiB}, {@code 1GiB}, {@code 4096} (bytes). */
    public static long bytes(String text) {
        String s = text.trim();
        String[][] units = {{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"}, {"B", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                return scaled(s.substring(0, s.length() - u[0].length()), u[1], text);
            }
        }
        return scaled(s, "1", text);
    }

    private static long scaled(String number, String factor, String text) {
        try {
            BigDecimal v = new BigDecimal(number.trim()).multiply(new BigDecimal(factor));
            if (v.signum() < 0) {
                throw new IllegalArgumentException("must not be negative: '" + text + "'");
            }
            return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a number with a unit: '" + text + "'");
        }
    }
}
