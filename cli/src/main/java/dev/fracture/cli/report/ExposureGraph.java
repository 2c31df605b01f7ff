package dev.fracture.cli.report;

import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contagion graph of a run: who is exposed to what in the snapshot, and where the run's damage went.
 *
 * <p>Nodes are bridges, assets, oracle feeds and protocols. Edges are exposures: a bridge backs the tokens it
 * mints, an asset stands on its parent (bridged, liquid staking, receipt), a feed observes an asset (or reads
 * another feed), a protocol reads a feed, holds an asset as collateral or lends one as debt (see
 * {@link ProtocolExposures}).
 *
 * <p>Damage, from the run alone: an asset is hit when its reference price fell by at least
 * {@link #HIT_DRAWDOWN} at some point (the summary's maximum drawdown); a feed is hit when the asset it prices is;
 * a protocol is hit when it liquidated positions or realized bad debt. A collateral edge carries damage when the
 * protocol liquidated that collateral, a debt edge when that debt turned bad, a feed edge when the protocol
 * liquidated collateral it prices with that feed, and a price edge (parent, observation, bridge) when both ends
 * are hit.
 */
public record ExposureGraph(List<Node> nodes, List<Edge> edges) {
    /** A fall of the reference price that marks an asset as hit: 1%, well above the noise of a calm hour. */
    public static final double HIT_DRAWDOWN = 0.01;

    public ExposureGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public enum Kind { BRIDGE, ASSET, ORACLE, PROTOCOL }

    /** {@code id} is unique within the graph ({@code kind:value}); {@code damageUsd} is a protocol's bad debt. */
    public record Node(String id, Kind kind, String label, boolean hit, double damageUsd) {
    }

    /** {@code relation}: backs, derives, observes, reads, collateral, debt. */
    public record Edge(String from, String to, String relation, boolean hit) {
    }

    public static ExposureGraph of(EcosystemSnapshot snapshot, SimulationResult result) {
        Summary summary = result.summary();
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (Bridge b : snapshot.bridges()) {
            nodes.put(id(b), new Node(id(b), Kind.BRIDGE, b.id().value(), false, 0));
        }
        for (Asset a : snapshot.assets()) {
            boolean hit = summary.maxDrawdown().getOrDefault(a.id(), 0.0) >= HIT_DRAWDOWN;
            nodes.put(id(a.id()), new Node(id(a.id()), Kind.ASSET, a.id().value(), hit, 0));
        }
        for (OracleSpec o : snapshot.oracles()) {
            boolean hit = AssetFamily.pricedBy(snapshot, o.id()).map(a -> nodes.get(id(a)).hit()).orElse(false);
            nodes.put(id(o.id()), new Node(id(o.id()), Kind.ORACLE, o.id().value(), hit, 0));
        }
        for (ProtocolSpec p : snapshot.protocols()) {
            double bad = summary.badDebtUsd().getOrDefault(p.id(), 0.0);
            boolean liquidated = result.events().stream().anyMatch(e -> e.protocol().equals(p.id()));
            nodes.put(id(p.id()), new Node(id(p.id()), Kind.PROTOCOL, p.id().value(), liquidated || bad > 0, bad));
        }
        for (Asset a : snapshot.assets()) {
            if (a.kind() instanceof AssetKind.Bridged b) {
                edges.add(priceEdge(nodes, "bridge:" + b.bridge(), id(a.id()), "backs"));
            }
            AssetFamily.parent(snapshot, a.id())
                    .ifPresent(p -> edges.add(priceEdge(nodes, id(p), id(a.id()), "derives")));
        }
        for (OracleSpec o : snapshot.oracles()) {
            if (o instanceof OracleSpec.Push p) {
                edges.add(priceEdge(nodes, id(p.asset()), id(o.id()), "observes"));
            } else if (o instanceof OracleSpec.Twap t) {
                edges.add(priceEdge(nodes, id(t.asset()), id(o.id()), "observes"));
            }
            o.sources().forEach(s -> edges.add(priceEdge(nodes, id(s), id(o.id()), "reads")));
        }
        for (ProtocolSpec p : snapshot.protocols()) {
            for (ProtocolExposures.Exposure e : ProtocolExposures.of(p)) {
                boolean collateral = e.role() == ProtocolExposures.Role.COLLATERAL;
                boolean hit = result.events().stream().anyMatch(ev -> ev.protocol().equals(p.id())
                        && (collateral ? ev.collateralAsset().equals(e.asset())
                        : ev.debtAsset().equals(e.asset()) && ev.badDebtUsd() > 0));
                edges.add(new Edge(id(e.asset()), id(p.id()), collateral ? "collateral" : "debt", hit));
                if (e.oracle() != null && edges.stream().noneMatch(x -> x.from().equals(id(e.oracle()))
                        && x.to().equals(id(p.id())))) {
                    edges.add(new Edge(id(e.oracle()), id(p.id()), "reads",
                            feedCarriedDamage(p, e.oracle(), result.events())));
                }
            }
        }
        edges.removeIf(e -> !nodes.containsKey(e.from()) || !nodes.containsKey(e.to()));
        return new ExposureGraph(new ArrayList<>(nodes.values()), edges);
    }

    /** Whether the protocol liquidated collateral that it prices by {@code oracle}. */
    private static boolean feedCarriedDamage(ProtocolSpec p, OracleId oracle, List<LiquidationEvent> events) {
        return ProtocolExposures.of(p).stream()
                .filter(e -> oracle.equals(e.oracle()) && e.role() == ProtocolExposures.Role.COLLATERAL)
                .anyMatch(e -> events.stream().anyMatch(ev -> ev.protocol().equals(p.id())
                        && ev.collateralAsset().equals(e.asset())));
    }

    private static Edge priceEdge(Map<String, Node> nodes, String from, String to, String relation) {
        Node a = nodes.get(from);
        Node b = nodes.get(to);
        return new Edge(from, to, relation, a != null && b != null && a.hit() && b.hit());
    }

    static String id(AssetId a) {
        return "asset:" + a;
    }

    static String id(OracleId o) {
        return "oracle:" + o;
    }

    static String id(ProtocolId p) {
        return "protocol:" + p;
    }

    static String id(Bridge b) {
        return "bridge:" + b.id();
    }
}
