package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import java.util.List;

/**
 * A mitigation inside one run: the hooks the cascade engine calls, each a no-op unless the mitigation acts there.
 * The engine calls them in this order within a block of chain c at time t (docs/mitigations.md, "Hooks"):
 * <ol>
 *   <li>{@link #onBlock} after the reference prices of t are computed, before the oracles read them;</li>
 *   <li>{@link #heartbeatSeconds} for every push feed as the oracles update;</li>
 *   <li>{@link #tradingHalted} for every venue of chain c before arbitrageurs trade on it, and before any sale;</li>
 *   <li>for each protocol of chain c: {@link #valuationUsd} and {@link #bonusBps} when the protocol reads its
 *   prices and prices a liquidation; {@link #liquidationAllowanceUsd} for every landed liquidation before it is
 *   applied, {@link #heldBack} for what an allowance cut, {@link #liquidated} after; {@link #dispose} for
 *   collateral a liquidator sells, before the router; {@link #badDebt} when a liquidation realizes bad debt.</li>
 * </ol>
 * {@link #prepare} runs once, before the run, on the snapshot the run will use. A mitigation is stateful and
 * belongs to one run: {@link MitigationSet#of} builds fresh ones each time.
 */
public interface Mitigation {

    /** A short stable label naming the mitigation and what it covers, e.g. {@code breaker/ETH}. */
    String label();

    /**
     * Changes the snapshot before the run (segmentation, isolated markets, incentive liquidity) and returns the
     * snapshot to use; the default leaves it as it is. The snapshot is immutable: a change is a new snapshot.
     */
    default EcosystemSnapshot prepare(EcosystemSnapshot snapshot) {
        return snapshot;
    }

    /** Every block of every chain, after the block's reference prices: windows, regimes, unwinding. */
    default void onBlock(BlockView block) {
    }

    /**
     * The most debt, in USD at the block's reference prices, that a liquidation of {@code protocol} seizing
     * {@code collateral} may still repay in this block: 0 halts it, infinity leaves it alone. A liquidation larger
     * than the allowance is cut down to it; what is left waits for a later block.
     */
    default double liquidationAllowanceUsd(ProtocolId protocol, AssetId collateral, BlockView block) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A landed liquidation asked to repay {@code usd} more than this mitigation's allowance let through (the whole of
     * it when the allowance was 0). A position that waits is counted again in every block it is held back.
     */
    default void heldBack(ProtocolId protocol, AssetId collateral, double usd, BlockView block) {
    }

    /** A liquidation of {@code protocol} repaid {@code repaidUsd} of debt in this block. */
    default void liquidated(ProtocolId protocol, AssetId collateral, double repaidUsd, BlockView block) {
    }

    /**
     * The USD price at which {@code protocol} values {@code collateral}, given what its oracle says; the default is
     * the oracle's price. Called when the protocol reads its prices for the block.
     */
    default double valuationUsd(ProtocolId protocol, AssetId collateral, double oracleUsd, BlockView block) {
        return oracleUsd;
    }

    /**
     * The liquidation bonus (10000 = none, 10500 = 5%) that {@code protocol} pays on {@code collateral}, given what
     * it pays without the mitigation; called after {@link #valuationUsd} in the same block.
     */
    default int bonusBps(ProtocolId protocol, AssetId collateral, int bonusBps, BlockView block) {
        return bonusBps;
    }

    /**
     * Takes some of {@code amount} of {@code collateral} that a liquidator of {@code protocol} sells for
     * {@code debt}, before the router sees it; returns what it took and paid ({@link Disposal#NONE} for nothing).
     */
    default Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        return Disposal.NONE;
    }

    /**
     * What {@link #dispose} would take and pay for the same sale now, changing nothing: a liquidator's transaction
     * checks its sale's output before it lands (a flash loan must be repaid within it).
     */
    default Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        return Disposal.NONE;
    }

    /** A liquidation of {@code protocol} realized {@code usd} of bad debt; returns the part this mitigation covers. */
    default double badDebt(ProtocolId protocol, double usd, BlockView block) {
        return 0;
    }

    /** Whether venues of {@code chain} trading {@code asset} are halted at {@code now}: no sales, no arbitrage. */
    default boolean tradingHalted(AssetId asset, ChainId chain, long now) {
        return false;
    }

    /**
     * The heartbeat a push feed of {@code asset} keeps at {@code now}, given its own; the shortest over the
     * mitigations applies.
     */
    default long heartbeatSeconds(AssetId asset, long heartbeatSeconds, long now) {
        return heartbeatSeconds;
    }

    /**
     * The depth on {@code venue}, USD, that its liquidity providers are paid to keep within the mitigation's band of
     * the reference price and so may not withdraw. An LP-withdrawal behaviour reads this before it pulls liquidity.
     */
    default double protectedDepthUsd(VenueId venue) {
        return 0;
    }

    /** The capital-efficiency cost, USD (see {@link MitigationOutcome#capitalCostUsd()}). */
    double capitalCostUsd();

    /** Names of what the mitigation measures, in a fixed order: its trace columns and outcome. */
    List<String> measures();

    /** The current value of each of {@link #measures()}, in the same order. */
    double[] values();
}
