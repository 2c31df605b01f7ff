package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protocols and value secured per oracle feed — the "shared oracle price feed dependency" contagion vector of the
 * source documents (../shared/seeds/002). A feed secures what the protocols price with it and with every feed that
 * reads it, so a fault in a push feed reaches the OSM's consumers one hop later.
 */
public final class OracleDependencyCalculator {
    public static final OracleDependencyCalculator DEFAULT = new OracleDependencyCalculator();

    private OracleDependencyCalculator() {
    }

    /** One entry per feed of the snapshot, in snapshot order. */
    public List<FeedDependency> dependencies(ExposureBook book) {
        List<OracleSpec> specs = book.snapshot().oracles();
        Map<OracleId, OracleSpec> byId = new LinkedHashMap<>();
        specs.forEach(s -> byId.put(s.id(), s));
        Map<OracleId, List<OracleId>> readers = new HashMap<>();
        for (OracleSpec s : specs) {
            for (OracleId src : s.sources()) {
                readers.computeIfAbsent(src, k -> new ArrayList<>()).add(s.id());
            }
        }
        // Per feed named by a protocol: (protocol, market, asset) -> {positions, collateral, debt}.
        Map<OracleId, Map<List<Object>, double[]>> direct = new HashMap<>();
        for (Position p : book.positions()) {
            for (Position.Leg l : p.legs()) {
                if (l.oracle() == null || (l.collateralUsd() == 0 && l.debtUsd() == 0)) {
                    continue;
                }
                double[] v = direct.computeIfAbsent(l.oracle(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(List.of(p.protocol(), p.market(), l.asset()), k -> new double[3]);
                v[0]++;
                v[1] += l.collateralUsd();
                v[2] += l.debtUsd();
            }
        }
        List<FeedDependency> out = new ArrayList<>();
        for (OracleSpec s : specs) {
            List<FeedDependency.Dependent> dependents = new ArrayList<>();
            double collateral = 0;
            double debt = 0;
            for (OracleId via : reach(s.id(), readers)) {
                for (Map.Entry<List<Object>, double[]> e : direct.getOrDefault(via, Map.of()).entrySet()) {
                    double[] v = e.getValue();
                    dependents.add(new FeedDependency.Dependent((ProtocolId) e.getKey().get(0),
                            (String) e.getKey().get(1), (AssetId) e.getKey().get(2), via, (int) v[0], v[1], v[2]));
                    collateral += v[1];
                    debt += v[2];
                }
            }
            dependents.sort((a, b) -> Double.compare(b.collateralUsd() + b.debtUsd(), a.collateralUsd() + a.debtUsd()));
            out.add(new FeedDependency(s.id(), type(s), assetOf(s, byId), readers.getOrDefault(s.id(), List.of()),
                    dependents, collateral, debt));
        }
        return out;
    }

    /** The feed itself and every feed that reads it, transitively, in breadth-first order. */
    private static List<OracleId> reach(OracleId start, Map<OracleId, List<OracleId>> readers) {
        List<OracleId> order = new ArrayList<>();
        Set<OracleId> seen = new HashSet<>();
        order.add(start);
        seen.add(start);
        for (int k = 0; k < order.size(); k++) {
            for (OracleId r : readers.getOrDefault(order.get(k), List.of())) {
                if (seen.add(r)) {
                    order.add(r);
                }
            }
        }
        return order;
    }

    /** The asset a feed prices: its own for a push feed or a TWAP, its (primary) source's otherwise. */
    static AssetId assetOf(OracleSpec spec, Map<OracleId, OracleSpec> byId) {
        OracleSpec s = spec;
        for (int hops = 0; hops <= byId.size(); hops++) {
            if (s instanceof OracleSpec.Push p) {
                return p.asset();
            }
            if (s instanceof OracleSpec.Twap t) {
                return t.asset();
            }
            s = byId.get(s.sources().get(0));
        }
        throw new IllegalStateException("oracle cycle through " + spec.id());
    }

    static String type(OracleSpec s) {
        if (s instanceof OracleSpec.Push) {
            return "push";
        }
        if (s instanceof OracleSpec.Twap) {
            return "twap";
        }
        return s instanceof OracleSpec.Delayed ? "delayed" : "fallback";
    }
}
