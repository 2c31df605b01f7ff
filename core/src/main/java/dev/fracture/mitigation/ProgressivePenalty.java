package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A progressive liquidation penalty with TWAP valuation. For each collateral of the protocol it follows the market
 * price on the protocol's chain ({@link BlockView#marketUsd}) and its time-weighted average over
 * {@code twapWindowSeconds}. While the market price is more than {@code slippageThreshold} below that TWAP, the
 * protocol values the collateral at the TWAP (health checks and seizure alike: a fire-sale price does not by itself
 * make positions liquidatable, and a liquidator gets fewer units per debt repaid), and the liquidation penalty
 * rises by {@code penaltyBpsPerPercent} for each percent of slippage beyond the threshold, rounded to the nearest
 * basis point, the whole penalty at most {@code maxPenaltyBps}. The penalty is the protocol's bonus to the
 * liquidator (Aave's {@code liquidationBonus} less 100%); Morpho markets take the valuation only, their incentive
 * factor being the contract's function of the LLTV. One protocol, or every protocol when none is named.
 *
 * <p>The market price and its TWAP are kept per collateral asset, not per chain: a collateral liquidated on two
 * chains under one penalty shares one history.
 *
 * <p>Sources: seed document 002, "decentralized circuit breakers ... progressively increase the liquidation penalty
 * or introduce a time-weighted average price (TWAP) for collateral valuation only after a pre-defined threshold of
 * market slippage is crossed"; TWAP oracles as in Uniswap v2/v3 (Adams et al., <i>Uniswap v3 Core</i>, 2021, §5);
 * Euler v1's soft liquidations, whose discount grows with how far a position is underwater (Euler Finance,
 * <i>Liquidations</i> documentation, 2022).
 */
final class ProgressivePenalty implements Mitigation {
    private final MitigationSpec.ProgressivePenalty spec;
    private final String label;
    private final Map<AssetId, PriceWindow> windows = new HashMap<>();
    private final Map<AssetId, Double> slippage = new HashMap<>();
    private int largestExtraBps;
    private int valuedAtTwap;

    ProgressivePenalty(MitigationSpec.ProgressivePenalty spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** One protocol, or every protocol when none is named. */
    private boolean covers(ProtocolId protocol) {
        return spec.protocol() == null || spec.protocol().equals(protocol);
    }

    @Override
    public void onBlock(BlockView block) {
        // Sampling before arbitrage too keeps the window's history from the run's first block on.
        windows.forEach((asset, w) -> w.add(block.now(), block.marketUsd(asset)));
    }

    @Override
    public double valuationUsd(ProtocolId protocol, AssetId collateral, double oracleUsd, BlockView block) {
        if (!covers(protocol)) {
            return oracleUsd;
        }
        PriceWindow w = windows.computeIfAbsent(collateral, k -> new PriceWindow(spec.twapWindowSeconds()));
        double market = block.marketUsd(collateral);
        w.add(block.now(), market);
        double twap = w.twap(block.now());
        double slip = 1 - market / twap;
        if (slip > spec.slippageThreshold()) {
            slippage.put(collateral, slip);
            valuedAtTwap++;
            return twap;
        }
        slippage.remove(collateral);
        return oracleUsd;
    }

    @Override
    public int bonusBps(ProtocolId protocol, AssetId collateral, int bonusBps, BlockView block) {
        Double slip = covers(protocol) ? slippage.get(collateral) : null;
        if (slip == null) {
            return bonusBps;
        }
        int extra = extraBps(slip, spec.slippageThreshold(), spec.penaltyBpsPerPercent());
        int penalty = Math.min(spec.maxPenaltyBps(), Math.max(0, bonusBps - 10_000) + extra);
        int raised = Math.max(bonusBps, 10_000 + penalty);
        largestExtraBps = Math.max(largestExtraBps, raised - bonusBps);
        return raised;
    }

    /** bps per percent × percent of slippage beyond the threshold, to the nearest basis point. */
    static int extraBps(double slippage, double threshold, double bpsPerPercent) {
        return (int) Math.round(bpsPerPercent * 100 * (slippage - threshold));
    }

    /** Changes no borrowing power and holds no capital: the cost falls on borrowers liquidated in a fire sale. */
    @Override
    public double capitalCostUsd() {
        return 0;
    }

    @Override
    public List<String> measures() {
        return List.of("valuedAtTwap", "largestExtraBps");
    }

    @Override
    public double[] values() {
        return new double[] {valuedAtTwap, largestExtraBps};
    }
}
