package dev.fracture.cli.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws an {@link ExposureGraph} as inline SVG in four columns, left to right: bridges, assets, oracle feeds,
 * protocols, so exposures read from where a price starts to where a position is liquidated. Nodes and edges the
 * run hit are red and drawn over the rest; protocols with bad debt carry the amount. Nodes with no edge are left
 * out. The SVG has no namespace declaration: inside an HTML page the parser gives it one, and the page stays free
 * of any URL.
 */
final class GraphSvg {
    private static final double COLUMN_WIDTH = 230;
    private static final double ROW_HEIGHT = 26;
    private static final double NODE_WIDTH = 170;
    private static final double NODE_HEIGHT = 18;
    private static final double MARGIN = 30;

    private GraphSvg() {
    }

    static String of(ExposureGraph graph) {
        Set<String> connected = new HashSet<>();
        graph.edges().forEach(e -> {
            connected.add(e.from());
            connected.add(e.to());
        });
        Map<ExposureGraph.Kind, List<ExposureGraph.Node>> columns = new EnumMap<>(ExposureGraph.Kind.class);
        for (ExposureGraph.Kind k : ExposureGraph.Kind.values()) {
            columns.put(k, new ArrayList<>());
        }
        graph.nodes().stream().filter(n -> connected.contains(n.id())).forEach(n -> columns.get(n.kind()).add(n));
        Map<String, double[]> at = new HashMap<>();
        int tallest = 1;
        for (ExposureGraph.Kind k : ExposureGraph.Kind.values()) {
            List<ExposureGraph.Node> column = columns.get(k);
            tallest = Math.max(tallest, column.size());
            for (int i = 0; i < column.size(); i++) {
                at.put(column.get(i).id(), new double[] {MARGIN + k.ordinal() * COLUMN_WIDTH,
                        MARGIN + 20 + i * ROW_HEIGHT});
            }
        }
        double width = 2 * MARGIN + 3 * COLUMN_WIDTH + NODE_WIDTH;
        double height = 2 * MARGIN + 20 + tallest * ROW_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"graph\" width=\"").append(Html.coord(width)).append("\" height=\"")
                .append(Html.coord(height)).append("\" viewBox=\"0 0 ").append(Html.coord(width)).append(' ')
                .append(Html.coord(height)).append("\" role=\"img\" aria-label=\"contagion graph\">\n");
        String[] headings = {"bridges", "assets", "oracle feeds", "protocols"};
        for (int k = 0; k < headings.length; k++) {
            svg.append("<text class=\"heading\" x=\"").append(Html.coord(MARGIN + k * COLUMN_WIDTH))
                    .append("\" y=\"").append(Html.coord(MARGIN)).append("\">").append(headings[k])
                    .append("</text>\n");
        }
        // Quiet edges first, so the damaged ones are drawn on top.
        for (boolean hitPass : new boolean[] {false, true}) {
            for (ExposureGraph.Edge e : graph.edges()) {
                if (e.hit() == hitPass) {
                    edge(svg, e, at.get(e.from()), at.get(e.to()));
                }
            }
        }
        for (List<ExposureGraph.Node> column : columns.values()) {
            for (ExposureGraph.Node n : column) {
                node(svg, n, at.get(n.id()));
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void edge(StringBuilder svg, ExposureGraph.Edge e, double[] from, double[] to) {
        double y1 = from[1] + NODE_HEIGHT / 2;
        double y2 = to[1] + NODE_HEIGHT / 2;
        String path;
        if (from[0] == to[0]) {
            // Same column (an asset on its parent, a feed on a feed): a loop out to the left.
            double bend = from[0] - 12 - Math.min(60, Math.abs(y2 - y1) / 4);
            path = "M" + Html.coord(from[0]) + "," + Html.coord(y1) + " C" + Html.coord(bend) + "," + Html.coord(y1)
                    + " " + Html.coord(bend) + "," + Html.coord(y2) + " " + Html.coord(to[0]) + "," + Html.coord(y2);
        } else {
            double x1 = from[0] + NODE_WIDTH;
            double x2 = to[0];
            double mid = (x1 + x2) / 2;
            path = "M" + Html.coord(x1) + "," + Html.coord(y1) + " C" + Html.coord(mid) + "," + Html.coord(y1)
                    + " " + Html.coord(mid) + "," + Html.coord(y2) + " " + Html.coord(x2) + "," + Html.coord(y2);
        }
        svg.append("<path class=\"edge ").append(e.relation()).append(e.hit() ? " hit" : "").append("\" d=\"")
                .append(path).append("\"><title>").append(Html.escape(e.from() + " " + e.relation() + " -> "
                        + e.to())).append("</title></path>\n");
    }

    private static void node(StringBuilder svg, ExposureGraph.Node n, double[] at) {
        String label = n.label() + (n.damageUsd() > 0 ? "  bad debt $" + Html.number(n.damageUsd()) : "");
        svg.append("<g class=\"node ").append(n.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append(n.hit() ? " hit" : "").append("\"><rect x=\"").append(Html.coord(at[0])).append("\" y=\"")
                .append(Html.coord(at[1])).append("\" width=\"").append(Html.coord(NODE_WIDTH))
                .append("\" height=\"").append(Html.coord(NODE_HEIGHT)).append("\" rx=\"4\"/><text x=\"")
                .append(Html.coord(at[0] + 6)).append("\" y=\"").append(Html.coord(at[1] + 13)).append("\">")
                .append(Html.escape(label)).append("</text></g>\n");
    }
}
