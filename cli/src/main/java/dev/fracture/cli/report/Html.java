package dev.fracture.cli.report;

import java.util.Locale;

/** Escaping and number formats shared by the HTML and SVG writers. */
final class Html {
    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute, in HTML and in XML. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number for a table: whole numbers with thousands separators, large ones to the cent, small ones to six figures. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A coordinate for SVG: one decimal, '.' as the separator whatever the locale. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
