package dev.fracture.measure;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds the {@link ContagionNetwork} of a snapshot and ranks its nodes with {@link DebtRank}. A protocol's value is
 * what its lenders have lent (the debt of its positions at reference prices): the share of it lost is its distress.
 * The edges and their impact {@code W} (the share of the target's value the source's full failure destroys):
 * <ul>
 *   <li>asset → protocol: the bad debt left if the asset were worth nothing — per position, debt minus remaining
 *   collateral, both without the asset — over the protocol's lent value;</li>
 *   <li>oracle → protocol: the same, for every asset the protocol prices with the feed reading zero;</li>
 *   <li>oracle → oracle: 1 from a source to a delayed feed on it; ½ from each source of a fallback feed, which fails
 *   only when both do (the linear model cannot say "both", so each carries half);</li>
 *   <li>asset → asset: 1 from an underlying to what stands on it (bridged, liquid-staking, receipt tokens);</li>
 *   <li>bridge → asset: 1 from a bridge to the tokens it mints;</li>
 *   <li>protocol → asset: 1 from a protocol to the receipts it issues and the stablecoin it mints (DAI, LUSD): a
 *   share of its lent value lost is that share of the backing lost.</li>
 * </ul>
 * Assets, feeds and bridges carry no value of their own: R counts losses to lenders only.
 */
public final class ContagionCalculator {
    public static final ContagionCalculator DEFAULT = new ContagionCalculator();

    private ContagionCalculator() {
    }

    public ContagionNetwork network(ExposureBook book) {
        var snapshot = book.snapshot();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<ContagionNetwork.Kind> kinds = new ArrayList<>();
        Map<ProtocolId, Double> lent = new LinkedHashMap<>();
        for (ProtocolSpec p : snapshot.protocols()) {
            add(index, kinds, "protocol:" + p.id(), ContagionNetwork.Kind.PROTOCOL);
            lent.put(p.id(), 0.0);
        }
        for (Position p : book.positions()) {
            lent.merge(p.protocol(), p.debtUsd(), Double::sum);
        }
        snapshot.assets().forEach(a -> add(index, kinds, "asset:" + a.id(), ContagionNetwork.Kind.ASSET));
        snapshot.oracles().forEach(o -> add(index, kinds, "oracle:" + o.id(), ContagionNetwork.Kind.ORACLE));
        snapshot.bridges().forEach(b -> add(index, kinds, "bridge:" + b.id(), ContagionNetwork.Kind.BRIDGE));

        List<ContagionNetwork.Edge> edges = new ArrayList<>();
        for (ProtocolSpec spec : snapshot.protocols()) {
            double total = lent.get(spec.id());
            if (total <= 0) {
                continue;
            }
            for (Asset a : snapshot.assets()) {
                double loss = badDebt(book, spec.id(), l -> l.asset().equals(a.id()));
                if (loss > 0) {
                    edges.add(new ContagionNetwork.Edge("asset:" + a.id(), "protocol:" + spec.id(),
                            Math.min(1, loss / total), "collateral worthless leaves " + Math.round(loss) + " USD bad debt"));
                }
            }
            for (OracleSpec o : snapshot.oracles()) {
                double loss = badDebt(book, spec.id(), l -> o.id().equals(l.oracle()));
                if (loss > 0) {
                    edges.add(new ContagionNetwork.Edge("oracle:" + o.id(), "protocol:" + spec.id(),
                            Math.min(1, loss / total), "feed reading zero leaves " + Math.round(loss) + " USD bad debt"));
                }
            }
        }
        for (OracleSpec o : snapshot.oracles()) {
            double w = o instanceof OracleSpec.Fallback ? 0.5 : 1;
            for (OracleId src : o.sources()) {
                edges.add(new ContagionNetwork.Edge("oracle:" + src, "oracle:" + o.id(), w, "feed reads it"));
            }
        }
        for (Asset a : snapshot.assets()) {
            AssetId parent = ShockScope.parent(a);
            if (parent != null) {
                edges.add(new ContagionNetwork.Edge("asset:" + parent, "asset:" + a.id(), 1, "stands on it"));
            }
            if (a.kind() instanceof AssetKind.Bridged b) {
                edges.add(new ContagionNetwork.Edge("bridge:" + b.bridge(), "asset:" + a.id(), 1, "minted by the bridge"));
            }
            if (a.kind() instanceof AssetKind.Receipt r && index.containsKey("protocol:" + r.issuer())) {
                edges.add(new ContagionNetwork.Edge("protocol:" + r.issuer(), "asset:" + a.id(), 1, "receipt it issues"));
            }
        }
        for (ProtocolSpec spec : snapshot.protocols()) {
            AssetId minted = spec instanceof ProtocolSpec.CdpSystem c ? c.stablecoin()
                    : spec instanceof ProtocolSpec.StabilityPoolSystem s ? s.stablecoin() : null;
            if (minted != null) {
                edges.add(new ContagionNetwork.Edge("protocol:" + spec.id(), "asset:" + minted, 1,
                        "stablecoin it mints"));
            }
        }
        return rank(index, kinds, lent, edges);
    }

    private static ContagionNetwork rank(Map<String, Integer> index, List<ContagionNetwork.Kind> kinds,
                                         Map<ProtocolId, Double> lent, List<ContagionNetwork.Edge> edges) {
        int n = index.size();
        double[][] w = new double[n][n];
        for (ContagionNetwork.Edge e : edges) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from != null && to != null) {
                w[from][to] = Math.min(1, w[from][to] + e.weight());
            }
        }
        double totalLent = lent.values().stream().mapToDouble(Double::doubleValue).sum();
        double[] v = new double[n];
        double[] lentUsd = new double[n];
        lent.forEach((p, usd) -> {
            int i = index.get("protocol:" + p);
            lentUsd[i] = usd;
            v[i] = totalLent > 0 ? usd / totalLent : 0;
        });
        List<String> ids = new ArrayList<>(index.keySet());
        List<ContagionNetwork.Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DebtRank.Result r = DebtRank.DEFAULT.run(w, v, new int[] {i}, 1);
            double[] h = r.distress();
            List<Integer> hit = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i && h[j] > 0.01) {
                    hit.add(j);
                }
            }
            hit.sort(Comparator.comparingDouble((Integer j) -> -h[j]).thenComparing(ids::get));
            nodes.add(new ContagionNetwork.Node(ids.get(i), kinds.get(i), lentUsd[i], v[i], r.debtRank(),
                    hit.stream().map(ids::get).toList()));
        }
        return new ContagionNetwork(nodes, edges);
    }

    /** Bad debt in {@code protocol} if the legs matching {@code gone} were worth nothing (collateral and debt alike). */
    private static double badDebt(ExposureBook book, ProtocolId protocol, Predicate<Position.Leg> gone) {
        double loss = 0;
        for (Position p : book.positions()) {
            if (!p.protocol().equals(protocol)) {
                continue;
            }
            boolean touched = false;
            double collateral = 0;
            double debt = p.fixedDebtUsd();
            for (Position.Leg l : p.legs()) {
                if (gone.test(l)) {
                    touched = true;
                } else {
                    collateral += l.collateralUsd();
                    debt += l.debtUsd();
                }
            }
            if (touched) {
                loss += Math.max(0, debt - collateral) - Math.max(0, p.debtUsd() - p.collateralUsd());
            }
        }
        return Math.max(0, loss);
    }

    private static void add(Map<String, Integer> index, List<ContagionNetwork.Kind> kinds, String id,
                            ContagionNetwork.Kind kind) {
        index.put(id, index.size());
        kinds.add(kind);
    }
}
