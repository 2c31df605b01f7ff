package dev.fracture.mitigation;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incentivised liquidity for one asset. On every chain where the asset trades in a two-asset venue, the incentives
 * draw a fee-free constant-product pool, {@code incentive-<asset>-<chain>}, against the other asset of the first such
 * venue (by id), sized so that selling {@code depthUsd} of the asset into it moves its price by exactly
 * {@code bandPct}: with price p of the asset in the other (at the snapshot) and k = 1/√(1 − band) − 1, the pool holds
 * x = depthUsd / (price_usd · k) of the asset and x · p of the other. The router and arbitrageurs use it like any
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
        Set<ChainId> chains = new LinkedHashSet<>();
        List<VenueSpec> added = new ArrayList<>();
        List<VenueSpec> candidates = s.venues().stream().filter(v -> v.assets().size() == 2
                && v.assets().contains(spec.asset())).sorted(Comparator.comparing(v -> v.id().value())).toList();
        for (VenueSpec v : candidates) {
            if (!chains.add(v.chain())) {
                continue;
            }
            AssetId otherId = v.assets().get(0).equals(spec.asset()) ? v.assets().get(1) : v.assets().get(0);
            Asset other = Snapshots.asset(s, otherId);
            double x = spec.depthUsd() / (asset.referencePriceUsd() * k);
            double y = x * asset.referencePriceUsd() / other.referencePriceUsd();
            VenueId id = venueId(spec.asset(), v.chain());
            added.add(new VenueSpec.ConstantProduct(id, v.chain(), spec.asset(), otherId,
                    units(x, asset.decimals()), units(y, other.decimals()), 0));
            placed.put(id, otherId);
            depthNow.put(id, spec.depthUsd());
            capitalUsd += 2 * x * asset.referencePriceUsd();
        }
        return Snapshots.withVenues(s, added);
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
