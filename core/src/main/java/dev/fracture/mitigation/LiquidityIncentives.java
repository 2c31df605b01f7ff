package dev.fracture.mitigation;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incentivised liquidity for one asset. On every chain where the asset trades in a two-asset venue, the incentives
 * draw a fee-free constant-product pool, {@code incentive-<asset>-<chain>}, against the asset its liquidations sell
 * into: the spec's {@code against} when given (then on the asset's own chain, whether or not it trades there yet);
 * otherwise a stablecoin the asset already trades against on that chain (the other asset of the first such venue by
 * id) — lending markets lend stablecoins against volatile collateral, so that is where a liquidator's sale goes —,
 * and only where it trades against no stablecoin the other asset of its first venue by id. Depth placed against a
 * pair no liquidation sells through (ETH against stETH, say) would leave every liquidation as it was. The pool is
 * sized so that selling {@code depthUsd} of the asset into it moves its price by exactly {@code bandPct}: with price
 * p of the asset in the other (at the snapshot) and k = 1/√(1 − band) − 1, it holds x = depthUsd / (price_usd · k)
 * of the asset and x · p of the other. The router and arbitrageurs use it like any
 * venue. Its liquidity providers are paid to stay: {@link #protectedDepthUsd} reports depthUsd for these pools, the
 * depth an LP-withdrawal behaviour may not pull from them. Each block the pool's depth within the band of its current
 * price is measured ({@code depthUsd}, USD at the reference price).
 *
 * <p>Sources: seed document 002, "volatility-targeted liquidity incentives: protocol fees should be
 * disproportionately allocated to liquidity provided within a tight band around predicted liquidation thresholds";
 * liquidity mining programs that pay LPs for in-range depth (e.g. Merkl's and Arrakis' concentrated-liquidity
 * incentives; Aave's and Curve's gauges); Uniswap v2's constant product, x·y = k (Adams, Zinsmeister and Robinson,
 * <i>Uniswap v2 Core</i>, 2020), for the depth-to-band relation.
 */
final class LiquidityIncentives implements Mitigation {
    private final dev.fracture.scenario.MitigationSpec.LiquidityIncentives spec;
    private final String label;
    private final Map<VenueId, AssetId> placed = new LinkedHashMap<>();
    private final Map<VenueId, Double> depthNow = new LinkedHashMap<>();
    private double capitalUsd;

    LiquidityIncentives(dev.fracture.scenario.MitigationSpec.LiquidityIncentives spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The pool id on {@code chain}. */
    static VenueId venueId(AssetId asset, ChainId chain) {
        return VenueId.of("incentive-" + asset.value() + "-" + chain.value());
    }

    @Override
    public EcosystemSnapshot prepare(EcosystemSnapshot s) {
        Asset asset = Snapshots.asset(s, spec.asset());
        double k = 1 / Math.sqrt(1 - spec.bandPct()) - 1;
        List<VenueSpec> added = new ArrayList<>();
        for (Map.Entry<ChainId, AssetId> pair : counterparts(s, asset).entrySet()) {
            ChainId chain = pair.getKey();
            AssetId otherId = pair.getValue();
            Asset other = Snapshots.asset(s, otherId);
            double x = spec.depthUsd() / (asset.referencePriceUsd() * k);
            double y = x * asset.referencePriceUsd() / other.referencePriceUsd();
            VenueId id = venueId(spec.asset(), chain);
            added.add(new VenueSpec.ConstantProduct(id, chain, spec.asset(), otherId,
                    units(x, asset.decimals()), units(y, other.decimals()), 0));
            placed.put(id, otherId);
            depthNow.put(id, spec.depthUsd());
            capitalUsd += 2 * x * asset.referencePriceUsd();
        }
        return Snapshots.withVenues(s, added);
    }

    /**
     * Per chain that gets a pool, in the order its first venue comes by id, the asset the pool holds against the
     * incentivised one (see the class comment): {@code against}, or the chain's first stablecoin counterpart, or its
     * first counterpart of any kind.
     */
    private Map<ChainId, AssetId> counterparts(EcosystemSnapshot s, Asset asset) {
        if (spec.against() != null) {
            return Map.of(asset.chain(), spec.against());
        }
        Map<ChainId, AssetId> out = new LinkedHashMap<>();
        Set<ChainId> stable = new HashSet<>();
        List<VenueSpec> candidates = s.venues().stream().filter(v -> v.assets().size() == 2
                && !(v instanceof VenueSpec.Wrapper) && v.assets().contains(spec.asset())).sorted(Comparator.comparing(v -> v.id().value())).toList();
        for (VenueSpec v : candidates) {
            AssetId other = v.assets().get(0).equals(spec.asset()) ? v.assets().get(1) : v.assets().get(0);
            boolean isStable = Snapshots.asset(s, other).kind() instanceof AssetKind.Stablecoin;
            boolean firstOnChain = !out.containsKey(v.chain());
            boolean firstStable = isStable && !stable.contains(v.chain());
            if (firstOnChain || firstStable) {
                out.put(v.chain(), other);
            }
            if (isStable) {
                stable.add(v.chain());
            }
        }
        return out;
    }

    private static BigDecimal units(double amount, int decimals) {
        return new BigDecimal(amount, MathContext.DECIMAL64).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    @Override
    public void onBlock(BlockView block) {
        for (Map.Entry<VenueId, AssetId> e : placed.entrySet()) {
            if (block.chain().equals(chainOf(e.getKey()))) {
                depthNow.put(e.getKey(), block.depthUsd(e.getKey(), spec.asset(), e.getValue(), spec.bandPct()));
            }
        }
    }

    private ChainId chainOf(VenueId id) {
        String prefix = "incentive-" + spec.asset().value() + "-";
        return ChainId.of(id.value().substring(prefix.length()));
    }

    @Override
    public double protectedDepthUsd(VenueId venue) {
        return placed.containsKey(venue) ? spec.depthUsd() : 0;
    }

    /** The liquidity placed (both sides, USD at the snapshot): capital paid to sit in a band, not lent. */
    @Override
    public double capitalCostUsd() {
        return capitalUsd;
    }

    @Override
    public List<String> measures() {
        return List.of("depthUsd");
    }

    @Override
    public double[] values() {
        return new double[] {depthNow.values().stream().mapToDouble(Double::doubleValue).sum()};
    }
}
