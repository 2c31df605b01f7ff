package dev.fracture.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned numbers, for terminal output. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "-" : c.toString());
        }
        rows.add(r);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, headers, width, true);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            line(out, r, width, false);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, boolean header) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean numeric = !header && c.matches("[-+]?[0-9,.]+(e[-+]?[0-9]+)?%?( bps)?");
            String pad = " ".repeat(width[i] - c.length());
            sb.append(i == 0 ? "" : "  ").append(numeric ? pad + c : c + pad);
        }
        out.println(sb.toString().stripTrailing());
    }

    /** Formats an amount with thousands separators and a precision suited to its size. */
    static String amount(double x) {
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format("%,.2f", x);
        }
        if (a >= 1) {
            return String.format("%,.4f", x);
        }
        return String.format("%.6g", x);
    }
}
