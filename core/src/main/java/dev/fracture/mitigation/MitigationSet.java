package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.MitigationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mitigations of one run, built fresh from their specs, and the one place the engine calls: each hook of
 * {@link Mitigation} dispatched to all of them in the order the scenario lists them. Building checks every spec
 * against the snapshot (a protocol or asset it names must exist and be of a kind the mitigation applies to) and
 * throws {@link IllegalArgumentException} naming the mitigation, its position and the field; the setup-time
 * mitigations change the snapshot in order, each on the copy the previous one made ({@link #snapshot()}).
 */
public final class MitigationSet {
    private final List<Mitigation> mitigations;
    private final EcosystemSnapshot snapshot;

    private MitigationSet(List<Mitigation> mitigations, EcosystemSnapshot snapshot) {
        this.mitigations = List.copyOf(mitigations);
        this.snapshot = snapshot;
    }

    /** Checks {@code specs} against {@code snapshot} without building anything (setups call it to fail early). */
    public static void check(List<MitigationSpec> specs, EcosystemSnapshot snapshot) {
        for (int i = 0; i < specs.size(); i++) {
            check(specs.get(i), i, snapshot);
        }
    }

    /**
     * Builds the run's mitigations in order, each checked against and applied to the snapshot as the ones before it
     * left it (so segmenting a protocol that an earlier mitigation isolated is refused by name).
     */
    public static MitigationSet of(List<MitigationSpec> specs, EcosystemSnapshot snapshot) {
        List<Mitigation> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        TradingHalts[] halts = new TradingHalts[1];
        TradingHalts anyHalt = (asset, chain, now) -> halts[0].halted(asset, chain, now);
        EcosystemSnapshot prepared = snapshot;
        for (int i = 0; i < specs.size(); i++) {
            MitigationSpec spec = specs.get(i);
            check(spec, i, prepared);
            String base = baseLabel(spec);
            int n = seen.merge(base, 1, Integer::sum);
            Mitigation m = build(spec, n == 1 ? base : base + "#" + n, prepared, anyHalt);
            prepared = m.prepare(prepared);
            out.add(m);
        }
        MitigationSet set = new MitigationSet(out, prepared);
        halts[0] = set::tradingHalted;
        return set;
    }

    private static String baseLabel(MitigationSpec spec) {
        if (spec instanceof MitigationSpec.CircuitBreaker b) {
            return "breaker/" + b.asset().value() + "/" + b.scope().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (spec instanceof MitigationSpec.LiquidationRateLimit r) {
            return "rate-limit/" + (r.protocol() == null ? "all" : r.protocol().value());
        }
        if (spec instanceof MitigationSpec.ProgressivePenalty p) {
            return "progressive-penalty/" + (p.protocol() == null ? "all" : p.protocol().value());
        }
        if (spec instanceof MitigationSpec.InternalDutchAuction a) {
            return "auction/" + a.protocol().value();
        }
        if (spec instanceof MitigationSpec.CollateralSegmentation c) {
            return "segmentation/" + c.protocol().value();
        }
        if (spec instanceof MitigationSpec.IsolatedMarkets i) {
            return "isolated/" + i.protocol().value();
        }
        if (spec instanceof MitigationSpec.Backstop b) {
            return "backstop/" + (b.protocol() == null ? "all" : b.protocol().value());
        }
        if (spec instanceof MitigationSpec.SyntheticLiquidityLayer) {
            return "synthetic-layer";
        }
        if (spec instanceof MitigationSpec.LiquidityIncentives l) {
            return "incentives/" + l.asset().value();
        }
        return "dynamic-parameters";
    }

    private static Mitigation build(MitigationSpec spec, String label, EcosystemSnapshot s, TradingHalts halts) {
        if (spec instanceof MitigationSpec.CircuitBreaker b) {
            return new CircuitBreaker(b, label);
        }
        if (spec instanceof MitigationSpec.LiquidationRateLimit r) {
            return new LiquidationRateLimit(r, label);
        }
        if (spec instanceof MitigationSpec.ProgressivePenalty p) {
            return new ProgressivePenalty(p, label);
        }
        if (spec instanceof MitigationSpec.InternalDutchAuction a) {
            return new InternalDutchAuction(a, label);
        }
        if (spec instanceof MitigationSpec.CollateralSegmentation c) {
            return new CollateralSegmentation(c, label);
        }
        if (spec instanceof MitigationSpec.IsolatedMarkets i) {
            return new IsolatedMarkets(i, label);
        }
        if (spec instanceof MitigationSpec.Backstop b) {
            return new Backstop(b, label);
        }
        if (spec instanceof MitigationSpec.SyntheticLiquidityLayer l) {
            return new SyntheticLiquidityLayer(l, label, halts);
        }
        if (spec instanceof MitigationSpec.LiquidityIncentives l) {
            return new LiquidityIncentives(l, label);
        }
        MitigationSpec.DynamicParameters d = (MitigationSpec.DynamicParameters) spec;
        return new DynamicParameters(d, label, s.assets().stream().map(a -> a.id()).sorted().toList(),
                ltvCutUsd(s, d.ltvCutBps()));
    }

    /** Per asset: Σ over pooled protocols of its collateral value at the snapshot × min(LTV, cut). */
    private static Map<AssetId, Double> ltvCutUsd(EcosystemSnapshot s, int cutBps) {
        Map<AssetId, Double> out = new LinkedHashMap<>();
        for (ProtocolSpec p : s.protocols()) {
            if (p instanceof ProtocolSpec.PooledLending l) {
                for (ProtocolSpec.PooledLending.Account a : l.accounts()) {
                    for (ProtocolSpec.PooledLending.Supply c : a.collaterals()) {
                        ProtocolSpec.PooledLending.Reserve r = Snapshots.reserve(l, c.asset());
                        if (c.usedAsCollateral() && r != null) {
                            out.merge(c.asset(), Snapshots.usd(s, c.asset(), c.amount())
                                    * Math.min(r.ltvBps(), cutBps) / 10_000.0, Double::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void check(MitigationSpec spec, int index, EcosystemSnapshot s) {
        String where = "mitigation " + spec.getClass().getSimpleName() + " (mitigations[" + index + "])";
        if (spec instanceof MitigationSpec.CircuitBreaker b) {
            asset(where, "asset", b.asset(), s);
        } else if (spec instanceof MitigationSpec.LiquidationRateLimit r) {
            optionalProtocol(where, r.protocol(), s);
        } else if (spec instanceof MitigationSpec.ProgressivePenalty p) {
            optionalProtocol(where, p.protocol(), s);
        } else if (spec instanceof MitigationSpec.InternalDutchAuction a) {
            protocol(where, a.protocol(), s);
        } else if (spec instanceof MitigationSpec.CollateralSegmentation c) {
            pooled(where, c.protocol(), s);
            // A group may name assets the protocol does not list: they simply hold no collateral there.
            for (int k = 0; k < c.correlatedGroup().size(); k++) {
                asset(where, "correlatedGroup[" + k + "]", c.correlatedGroup().get(k), s);
            }
        } else if (spec instanceof MitigationSpec.IsolatedMarkets i) {
            pooled(where, i.protocol(), s);
        } else if (spec instanceof MitigationSpec.Backstop b) {
            optionalProtocol(where, b.protocol(), s);
        } else if (spec instanceof MitigationSpec.LiquidityIncentives l) {
            asset(where, "asset", l.asset(), s);
            if (l.bandPct() >= 1) {
                throw new IllegalArgumentException(where + ": bandPct must be below 1 (was " + l.bandPct()
                        + "): a pool cannot hold depth down to a price of zero");
            }
            if (l.against() != null) {
                asset(where, "against", l.against(), s);
                ChainId assetChain = s.asset(l.asset()).orElseThrow().chain();
                ChainId againstChain = s.asset(l.against()).orElseThrow().chain();
                if (!assetChain.equals(againstChain)) {
                    throw new IllegalArgumentException(where + ": against '" + l.against() + "' is on chain '"
                            + againstChain + "', asset '" + l.asset() + "' on '" + assetChain
                            + "': a pool holds two assets of one chain");
                }
            }
            boolean trades = s.venues().stream().anyMatch(v -> v.assets().size() == 2
                    && !(v instanceof VenueSpec.Wrapper) && v.assets().contains(l.asset()));
            if (l.against() == null && !trades) {
                throw new IllegalArgumentException(where + ": asset '" + l.asset()
                        + "' trades in no two-asset venue of the snapshot, so there is no market to place depth in"
                        + " (name the other asset with 'against')");
            }
        }
    }

    private static void asset(String where, String field, AssetId asset, EcosystemSnapshot s) {
        if (s.asset(asset).isEmpty()) {
            throw new IllegalArgumentException(where + ": " + field + " '" + asset + "' is not an asset of snapshot '"
                    + s.name() + "'");
        }
    }

    private static ProtocolSpec protocol(String where, ProtocolId id, EcosystemSnapshot s) {
        return s.protocol(id).orElseThrow(() -> new IllegalArgumentException(where + ": protocol '" + id
                + "' is not a protocol of snapshot '" + s.name() + "'"));
    }

    private static void optionalProtocol(String where, ProtocolId id, EcosystemSnapshot s) {
        if (id != null) {
            protocol(where, id, s);
        }
    }

    private static ProtocolSpec.PooledLending pooled(String where, ProtocolId id, EcosystemSnapshot s) {
        ProtocolSpec p = protocol(where, id, s);
        if (p instanceof ProtocolSpec.PooledLending l) {
            return l;
        }
        throw new IllegalArgumentException(where + ": protocol '" + id + "' is " + p.getClass().getSimpleName()
                + "; this mitigation applies to a pooled lending protocol (PooledLending)");
    }

    /** The snapshot the run uses: the given one after every setup-time mitigation. */
    public EcosystemSnapshot snapshot() {
        return snapshot;
    }

    public boolean isEmpty() {
        return mitigations.isEmpty();
    }

    public List<String> labels() {
        return mitigations.stream().map(Mitigation::label).toList();
    }

    /** See {@link Mitigation#onBlock}. */
    public void onBlock(BlockView block) {
        for (Mitigation m : mitigations) {
            m.onBlock(block);
        }
    }

    /**
     * The most a liquidation may repay now, USD (the smallest allowance of any mitigation); when {@code askedUsd} is
     * more, every mitigation whose allowance is below it hears what it held back (asked less its own allowance).
     */
    public double liquidationAllowanceUsd(ProtocolId protocol, AssetId collateral, double askedUsd, BlockView block) {
        double[] each = new double[mitigations.size()];
        double allowed = Double.POSITIVE_INFINITY;
        for (int i = 0; i < each.length; i++) {
            each[i] = mitigations.get(i).liquidationAllowanceUsd(protocol, collateral, block);
            allowed = Math.min(allowed, each[i]);
        }
        for (int i = 0; i < each.length; i++) {
            if (each[i] < askedUsd) {
                mitigations.get(i).heldBack(protocol, collateral, askedUsd - Math.max(each[i], 0), block);
            }
        }
        return allowed;
    }

    /** See {@link Mitigation#liquidated}. */
    public void liquidated(ProtocolId protocol, AssetId collateral, double repaidUsd, BlockView block) {
        for (Mitigation m : mitigations) {
            m.liquidated(protocol, collateral, repaidUsd, block);
        }
    }

    /** The valuation after every mitigation, each given the previous one's. */
    public double valuationUsd(ProtocolId protocol, AssetId collateral, double oracleUsd, BlockView block) {
        double usd = oracleUsd;
        for (Mitigation m : mitigations) {
            usd = m.valuationUsd(protocol, collateral, usd, block);
        }
        return usd;
    }

    /** The bonus after every mitigation, each given the previous one's. */
    public int bonusBps(ProtocolId protocol, AssetId collateral, int bonusBps, BlockView block) {
        int bps = bonusBps;
        for (Mitigation m : mitigations) {
            bps = m.bonusBps(protocol, collateral, bps, block);
        }
        return bps;
    }

    /** Offers the collateral to each mitigation in turn, each seeing what the previous ones left; the sum taken. */
    public Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        return inTurn(amount, (m, left) -> m.dispose(protocol, collateral, debt, left, block));
    }

    /**
     * What {@link #dispose} would take and pay for the same sale now, changing nothing: each mitigation's offer for
     * what the previous ones left.
     */
    public Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        return inTurn(amount, (m, left) -> m.offer(protocol, collateral, debt, left, block));
    }

    /** What one mitigation takes of what is left of a sale. */
    private interface Taker {
        Disposal take(Mitigation m, double left);
    }

    /** {@code amount} handed to each mitigation in turn, each taking of what the previous ones left; the sum taken. */
    private Disposal inTurn(double amount, Taker taker) {
        double left = amount;
        double proceeds = 0;
        for (Mitigation m : mitigations) {
            if (left <= 0) {
                break;
            }
            Disposal d = taker.take(m, left);
            left -= Math.min(left, d.amount());
            proceeds += d.proceeds();
        }
        return new Disposal(amount - left, proceeds);
    }

    /** Offers bad debt to each mitigation in turn; returns the part covered. */
    public double badDebt(ProtocolId protocol, double usd, BlockView block) {
        double left = usd;
        for (Mitigation m : mitigations) {
            if (left <= 0) {
                break;
            }
            left -= Math.min(left, m.badDebt(protocol, left, block));
        }
        return usd - left;
    }

    public boolean tradingHalted(AssetId asset, ChainId chain, long now) {
        for (Mitigation m : mitigations) {
            if (m.tradingHalted(asset, chain, now)) {
                return true;
            }
        }
        return false;
    }

    /** The shortest heartbeat any mitigation asks of push feeds of {@code asset} at {@code now}. */
    public long heartbeatSeconds(AssetId asset, long heartbeatSeconds, long now) {
        long beat = heartbeatSeconds;
        for (Mitigation m : mitigations) {
            beat = Math.min(beat, m.heartbeatSeconds(asset, heartbeatSeconds, now));
        }
        return beat;
    }

    /** The largest depth any mitigation protects on {@code venue}: what an LP may not withdraw from it, USD. */
    public double protectedDepthUsd(VenueId venue) {
        double usd = 0;
        for (Mitigation m : mitigations) {
            usd = Math.max(usd, m.protectedDepthUsd(venue));
        }
        return usd;
    }

    /** Trace columns: {@code mitigation:<label>:<measure>} for every measure of every mitigation. */
    public List<String> traceColumns() {
        List<String> out = new ArrayList<>();
        for (Mitigation m : mitigations) {
            m.measures().forEach(x -> out.add("mitigation:" + m.label() + ":" + x));
        }
        return out;
    }

    /** Writes the current value of every trace column from {@code offset}. */
    public void fill(double[] row, int offset) {
        int k = offset;
        for (Mitigation m : mitigations) {
            for (double v : m.values()) {
                row[k++] = v;
            }
        }
    }

    public List<MitigationOutcome> outcomes() {
        List<MitigationOutcome> out = new ArrayList<>();
        for (Mitigation m : mitigations) {
            Map<String, Double> activity = new LinkedHashMap<>();
            double[] values = m.values();
            for (int i = 0; i < values.length; i++) {
                activity.put(m.measures().get(i), values[i]);
            }
            out.add(new MitigationOutcome(m.label(), m.capitalCostUsd(), activity));
        }
        return out;
    }
}
