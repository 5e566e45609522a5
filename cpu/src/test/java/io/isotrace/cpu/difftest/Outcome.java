package io.isotrace.cpu.difftest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a run of a guest produced: its standard output and error, and its exit status. */
record Outcome(byte[] stdout, byte[] stderr, int exit) {
    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    boolean sameAs(Outcome o) {
        return exit == o.exit && java.util.Arrays.equals(stdout, o.stdout) && java.util.Arrays.equals(stderr, o.stderr);
    }

    /** A readable account of how {@code actual} differs from this (expected) outcome. */
    String difference(String expectedName, Outcome actual, String actualName) {
        StringBuilder sb = new StringBuilder();
        if (exit != actual.exit) {
            sb.append("exit status: ").append(expectedName).append(' ').append(exit).append(", ").append(actualName)
                    .append(' ').append(actual.exit).append('\n');
        }
        diff(sb, "stdout", out(), actual.out(), expectedName, actualName);
        diff(sb, "stderr", err(), actual.err(), expectedName, actualName);
        return sb.toString();
    }

    private static void diff(StringBuilder sb, String what, String a, String b, String an, String bn) {
        if (a.equals(b)) {
            return;
        }
        List<String> la = a.lines().toList();
        List<String> lb = b.lines().toList();
        int i = 0;
        while (i < la.size() && i < lb.size() && la.get(i).equals(lb.get(i))) {
            i++;
        }
        sb.append(what).append(" differs from line ").append(i + 1).append(" (").append(an).append(' ')
                .append(la.size()).append(" lines, ").append(bn).append(' ').append(lb.size()).append(" lines):\n");
        for (int k = i; k < Math.min(i + 5, Math.max(la.size(), lb.size())); k++) {
            sb.append("  ").append(an).append(": ").append(k < la.size() ? la.get(k) : "<none>").append('\n');
            sb.append("  ").append(bn).append(": ").append(k < lb.size() ? lb.get(k) : "<none>").append('\n');
        }
        if (la.equals(lb)) {
            sb.append("  (the lines are equal; line endings or a final newline differ)\n");
        }
    }
}
