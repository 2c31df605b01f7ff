package dev.fracture.engine;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.BridgeId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.ScenarioEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference price of every asset in a run (DESIGN.md, "Price formation"): the scenario's base path, lowered by
 * the square-root impact of all forced selling of the asset so far. An asset the scenario does not drive that stands
 * on another — bridged, liquid staking, receipt — follows its parent's reference price (impact included) at the
 * snapshot's ratio, and a bridged token is further scaled by the share of its origin that still backs it.
 *
 * <p>Forced selling of a liquid-staking token that a wrapper converts into its underlying at the contract's rate
 * (Lido's wstETH; {@code dev.fracture.market.WrapperVenue}) presses on the underlying's impact law, not its own: anyone
 * can unwrap at that rate, so the token cannot trade apart from its underlying, and a sale of it is a sale of the
 * underlying. It still counts, in {@link #sold}, as forced selling of the token that was sold.
 *
 * <p>Assets are indexed in id order; prices are recomputed parents first, so a child always reads its parent's price
 * of the same block.
 */
final class ReferencePrices implements OracleBank.ReferenceView {
    private final SimulationSetup setup;
    private final List<Asset> assets;
    private final Map<AssetId, Integer> index = new HashMap<>();
    /** The same index over the snapshot's own id instances; read-only once built, so safe for concurrent planners. */
    private final Map<AssetId, Integer> byIdentity = new java.util.IdentityHashMap<>();
    private final double[] reference;
    private final double[] sold;
    /** Forced selling each asset's impact law reads: its own, plus that of the tokens wrapped on it. */
    private final double[] pressure;
    /** The asset whose impact law a forced sale of each asset presses on: itself, or a wrapper's underlying. */
    private final int[] pressOn;
    private final SquareRootImpact[] impact;
    /** For an asset the scenario does not drive: the asset it follows (-1 none), at the snapshot's ratio. */
    private final int[] parent;
    private final double[] ratio;
    private final BridgeId[] bridgeOf;
    /** Assets in an order where every parent comes before its children. */
    private final int[] order;

    ReferencePrices(SimulationSetup setup) {
        this.setup = setup;
        this.assets = setup.snapshot().assets().stream().sorted(Comparator.comparing(Asset::id)).toList();
        int n = assets.size();
        for (int i = 0; i < n; i++) {
            index.put(assets.get(i).id(), i);
            byIdentity.put(assets.get(i).id(), i);
        }
        this.reference = new double[n];
        this.sold = new double[n];
        this.pressure = new double[n];
        this.pressOn = new int[n];
        this.impact = new SquareRootImpact[n];
        this.parent = new int[n];
        this.ratio = new double[n];
        this.bridgeOf = new BridgeId[n];
        for (int i = 0; i < n; i++) {
            Asset a = assets.get(i);
            impact[i] = setup.impact().get(a.id());
            parent[i] = -1;
            AssetId up = parentOf(a);
            if (up != null && !setup.basePrices().drives(a.id())) {
                parent[i] = index.get(up);
                ratio[i] = a.referencePriceUsd() / assets.get(parent[i]).referencePriceUsd();
            }
            if (a.kind() instanceof AssetKind.Bridged b) {
                bridgeOf[i] = b.bridge();
            }
        }
        for (int i = 0; i < n; i++) {
            pressOn[i] = i;
        }
        for (VenueSpec v : setup.snapshot().venues()) {
            if (v instanceof VenueSpec.Wrapper w) {
                int wrapped = index.get(w.wrapped());
                int underlying = index.get(w.underlying());
                if (parent[wrapped] == underlying) {
                    // Only while the token follows its underlying: a token the scenario drives has a path of its own.
                    pressOn[wrapped] = underlying;
                }
            }
        }
        this.order = parentsFirst();
        for (int i : order) {
            reference[i] = parent[i] >= 0 ? reference[parent[i]] * ratio[i] : base(i, 0);
        }
    }

    private static AssetId parentOf(Asset a) {
        if (a.kind() instanceof AssetKind.Bridged b) {
            return b.origin();
        }
        if (a.kind() instanceof AssetKind.LiquidStaking l) {
            return l.underlying();
        }
        if (a.kind() instanceof AssetKind.Receipt r) {
            return r.redeemsFor();
        }
        return null;
    }

    private int[] parentsFirst() {
        int n = assets.size();
        int[] out = new int[n];
        boolean[] placed = new boolean[n];
        int k = 0;
        while (k < n) {
            boolean progress = false;
            for (int i = 0; i < n; i++) {
                if (!placed[i] && (parent[i] < 0 || placed[parent[i]])) {
                    placed[i] = true;
                    out[k++] = i;
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("asset derivation cycle");
            }
        }
        return out;
    }

    /** Recomputes every reference price for time {@code now}. */
    void update(long now) {
        for (int i : order) {
            double drop = impact[i] == null ? 0 : impact[i].fraction(pressure[i]);
            double path = parent[i] >= 0 ? reference[parent[i]] * ratio[i] : base(i, now);
            if (bridgeOf[i] != null) {
                path *= backing(bridgeOf[i], now);
            }
            reference[i] = path * (1 - drop);
        }
    }

    /**
     * Share of its origin that still backs a token minted by {@code bridge} at {@code t}: the setup's backing losses
     * and the scenario's bridge exploits ({@link ScenarioEvent.BridgeExploit}) in effect.
     */
    private double backing(BridgeId bridge, long t) {
        double backing = 1;
        for (SimulationSetup.BackingLoss loss : setup.backingLosses()) {
            if (loss.bridge().equals(bridge) && t >= loss.atSeconds()) {
                backing *= 1 - loss.loss();
            }
        }
        for (ScenarioEvent e : setup.dynamics().events()) {
            if (e instanceof ScenarioEvent.BridgeExploit x && x.bridge().equals(bridge)
                    && t >= x.atSeconds()) {
                backing *= 1 - x.backingLoss();
            }
        }
        return backing;
    }

    /** The scenario's base price of asset {@code i} at {@code t}, checked. */
    double base(int i, long t) {
        double p = setup.basePrices().usd(assets.get(i).id(), t);
        if (!(p > 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("base price of " + assets.get(i).id() + " at " + t
                    + " s must be a positive finite number (was " + p + ")");
        }
        return p;
    }

    @Override
    public double usd(AssetId asset) {
        return reference[index(asset)];
    }

    double usd(int i) {
        return reference[i];
    }

    int index(AssetId asset) {
        // Most ids asked for are the snapshot's own instances: found by identity without hashing their strings.
        Integer i = byIdentity.get(asset);
        if (i == null) {
            i = index.get(asset);
        }
        if (i == null) {
            throw new IllegalArgumentException("unknown asset '" + asset + "'");
        }
        return i;
    }

    int size() {
        return assets.size();
    }

    Asset asset(int i) {
        return assets.get(i);
    }

    List<Asset> assets() {
        return assets;
    }

    /** Adds forced selling of {@code asset}, USD at the reference price when sold: it moves later prices. */
    void addForcedSale(AssetId asset, double usd) {
        int i = index(asset);
        sold[i] += usd;
        pressure[pressOn[i]] += usd;
    }

    /** Forced sales of asset {@code i} so far, USD. */
    double sold(int i) {
        return sold[i];
    }

    /** The index of the asset the scenario names as its shock ({@link BasePrices#primary}), or -1. */
    int primaryIndex() {
        AssetId primary = setup.basePrices().primary();
        Integer i = primary == null ? null : index.get(primary);
        return i == null ? -1 : i;
    }

    /** Whether asset {@code i} follows another asset rather than a path of its own. */
    boolean derived(int i) {
        return parent[i] >= 0;
    }
}
