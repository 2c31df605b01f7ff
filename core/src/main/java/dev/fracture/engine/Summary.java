package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.SortedMaps;
import dev.fracture.model.VenueId;
import java.util.List;
import java.util.Map;

/**
 * What a run comes to.
 *
 * @param liquidatedUsd        debt repaid by liquidations, USD at the prices of each block
 * @param liquidations         how many liquidations landed
 * @param forcedSalesUsd       forced selling per asset, USD at the reference price: liquidators' sales of seized
 *                             collateral (and of collateral bought from a protocol), the sales perp makers and options
 *                             dealers make to hedge, and a mitigation's own unwinding — every sale the impact law
 *                             turns into a lower reference price
 * @param badDebtUsd           bad debt realized, per protocol
 * @param underwaterUsd        debt of positions whose collateral is worth less than their debt at the end (bad debt
 *                             waiting to be realized), per protocol
 * @param maxDrawdown          largest fall of each asset's reference price from its running peak
 * @param initialMove          the move of the shocked asset's scenario path alone (no impact), over the run
 * @param finalMove            its reference price's move including the cascade's impact
 * @param cascadeMultiplier    finalMove / initialMove: how much the cascade amplified the shock (1 = not at all)
 * @param lastLiquidationTime  seconds into the run of the last liquidation (-1 if none): when the cascade came to rest
 * @param badDebtByChain       bad debt realized, per chain (the sum of its protocols')
 * @param venueMaxDrawdown     largest fall of each two-asset venue's price (of its first asset in its second) from its
 *                             running peak
 * @param slippageUsd          slippage paid by liquidators selling seized collateral, per protocol: the collateral's
 *                             value at the reference price less what its sale brought
 * @param timeToStabilize      seconds into the run from which the shocked asset's reference price stays within
 *                             {@link #STABLE_BAND} of its final value and no liquidation lands any more (the first
 *                             block after both the last block outside the band and the last liquidation); -1 when
 *                             the run ends before that
 * @param contagion            damage in protocols with no direct exposure to the shocked asset, with its channel
 */
public record Summary(double liquidatedUsd, int liquidations, Map<AssetId, Double> forcedSalesUsd,
                      Map<ProtocolId, Double> badDebtUsd, Map<ProtocolId, Double> underwaterUsd,
                      Map<AssetId, Double> maxDrawdown, AssetId shockedAsset, double initialMove, double finalMove,
                      double cascadeMultiplier, long lastLiquidationTime, Map<ChainId, Double> badDebtByChain,
                      Map<VenueId, Double> venueMaxDrawdown, Map<ProtocolId, Double> slippageUsd,
                      long timeToStabilize, List<ContagionRow> contagion) {
    /** The band around its final value that the shocked asset's reference price must stay in to count as stable. */
    public static final double STABLE_BAND = 0.005;

    /**
     * Every map iterates in key order (ids are comparable): {@code Map.copyOf}'s order is salted per JVM, and the
     * same run must print the same JSON.
     */
    public Summary {
        forcedSalesUsd = SortedMaps.copyOf(forcedSalesUsd);
        badDebtUsd = SortedMaps.copyOf(badDebtUsd);
        underwaterUsd = SortedMaps.copyOf(underwaterUsd);
        maxDrawdown = SortedMaps.copyOf(maxDrawdown);
        badDebtByChain = badDebtByChain == null ? Map.of() : SortedMaps.copyOf(badDebtByChain);
        venueMaxDrawdown = venueMaxDrawdown == null ? Map.of() : SortedMaps.copyOf(venueMaxDrawdown);
        slippageUsd = slippageUsd == null ? Map.of() : SortedMaps.copyOf(slippageUsd);
        contagion = contagion == null ? List.of() : List.copyOf(contagion);
    }

    /** The first cut's summary, without the per-chain, venue, slippage, stability and contagion figures. */
    public Summary(double liquidatedUsd, int liquidations, Map<AssetId, Double> forcedSalesUsd,
                   Map<ProtocolId, Double> badDebtUsd, Map<ProtocolId, Double> underwaterUsd,
                   Map<AssetId, Double> maxDrawdown, AssetId shockedAsset, double initialMove, double finalMove,
                   double cascadeMultiplier, long lastLiquidationTime) {
        this(liquidatedUsd, liquidations, forcedSalesUsd, badDebtUsd, underwaterUsd, maxDrawdown, shockedAsset,
                initialMove, finalMove, cascadeMultiplier, lastLiquidationTime, Map.of(), Map.of(), Map.of(), -1,
                List.of());
    }

    /** Slippage paid by liquidators over every protocol, USD. */
    public double totalSlippageUsd() {
        return slippageUsd.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalBadDebtUsd() {
        return badDebtUsd.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
