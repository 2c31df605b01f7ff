package dev.fracture.measure;

import java.util.List;

/**
 * The ecosystem as a contagion network: protocols, assets, oracle feeds and bridges as nodes; exposures as edges,
 * weighted by the impact {@code W} of the source's full distress on the target (see {@link ContagionCalculator}); and
 * each node's DebtRank — the share of all value lent in the ecosystem lost, beyond the node's own, when it fails.
 */
public record ContagionNetwork(List<Node> nodes, List<Edge> edges) {
    public ContagionNetwork {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The kinds of node. */
    public enum Kind { PROTOCOL, ASSET, ORACLE, BRIDGE }

    /**
     * A node: {@code id} is {@code kind:name} (protocol:aave-v3, asset:eth, oracle:eth-usd, bridge:base-bridge).
     *
     * @param lentUsd    value lent through it (protocols; 0 otherwise)
     * @param value      its relative economic value v, lentUsd over all value lent
     * @param debtRank   R with this node alone fully distressed
     * @param distressed the nodes left with distress above 1% by its failure, most distressed first (the explain form)
     */
    public record Node(String id, Kind kind, double lentUsd, double value, double debtRank, List<String> distressed) {
        public Node {
            distressed = List.copyOf(distressed);
        }
    }

    /** An exposure: {@code from}'s full distress costs {@code to} the share {@code weight} of its value. */
    public record Edge(String from, String to, double weight, String reason) {
    }
}
