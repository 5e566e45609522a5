package io.isotrace.cli.bench;

import io.isotrace.cli.Json;
import io.isotrace.cli.OutputFormat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of named measurements, printed as an aligned text table (Markdown-compatible) or as JSON. */
public final class BenchTable {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public BenchTable(String... columns) {
        this.columns = List.of(columns);
    }

    public BenchTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c instanceof Double ? String.format("%.1f", (Double) c) : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out, OutputFormat format) {
        if (format == OutputFormat.json) {
            List<Map<String, String>> list = new ArrayList<>();
            for (List<String> r : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int k = 0; k < columns.size(); k++) {
                    m.put(columns.get(k), r.get(k));
                }
                list.add(m);
            }
            out.println(Json.pretty(list));
            out.flush();
            return;
        }
        int[] w = new int[columns.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = columns.get(k).length();
            for (List<String> r : rows) {
                w[k] = Math.max(w[k], r.get(k).length());
            }
        }
        line(out, columns, w);
        StringBuilder sep = new StringBuilder("|");
        for (int k : w) {
            sep.append("-".repeat(k + 2)).append('|');
        }
        out.println(sep);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder("|");
        for (int k = 0; k < w.length; k++) {
            sb.append(' ').append(String.format("%-" + w[k] + "s", cells.get(k))).append(" |");
        }
        out.println(sb);
    }
}
