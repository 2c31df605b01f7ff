package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Risk parameters by volatility regime. Each asset's realised volatility is measured from its reference price over
 * the last hour, annualised: σ = √(Σ r² · SECONDS_PER_YEAR / 3600), r the log returns between the blocks that sampled
 * it (every block of every chain; before the run the price is taken as at rest). While σ exceeds
 * {@code volThreshold} the asset is in the high regime, and then:
 * <ul>
 *   <li>liquidations seizing it pay a bonus {@code penaltyCutBps} lower (never below 100%: no bonus);</li>
 *   <li>push feeds of it update at least every {@code oracleHeartbeatSeconds};</li>
 *   <li>new-borrowing LTVs against it are {@code ltvCutBps} lower. The engine does not simulate new borrowing
 *   (positions only shrink by liquidation), so this cut changes nothing in a run but its capital-efficiency cost:
 *   the borrowing power it takes, Σ over pooled-lending protocols of the asset's collateral value at the snapshot ×
 *   min(LTV, cut), counted once for every asset that entered the high regime.</li>
 * </ul>
 * Liquidation thresholds are not cut: cutting them in a crash would itself liquidate positions.
 *
 * <p>Sources: seed documents 002 ("dynamic, volatility-dependent models") and 003 ("dynamic risk parameters that
 * automatically adjust based on market volatility"); Gauntlet's and Chaos Labs' volatility-driven parameter
 * recommendations to Aave governance (e.g. Chaos Labs, <i>Aave v3 Risk Oracles</i>, 2024); Chainlink's heartbeat and
 * deviation parameters (Chainlink, <i>Data Feeds: heartbeat and deviation threshold</i>).
 */
final class DynamicParameters implements Mitigation {
    static final long VOL_WINDOW_SECONDS = 3600;
    static final double SECONDS_PER_YEAR = 365 * 86_400.0;

    private final MitigationSpec.DynamicParameters spec;
    private final String label;
    /** Per asset: its reference price window. */
    private final Map<AssetId, PriceWindow> windows = new LinkedHashMap<>();
    private final Map<AssetId, Boolean> high = new LinkedHashMap<>();
    /** Per asset: borrowing power its LTV cut takes, USD at the snapshot. */
    private final Map<AssetId, Double> ltvCutUsd;
    private final Map<AssetId, Boolean> everHigh = new LinkedHashMap<>();
    private int switches;

    DynamicParameters(MitigationSpec.DynamicParameters spec, String label, List<AssetId> assets,
                      Map<AssetId, Double> ltvCutUsd) {
        this.spec = spec;
        this.label = label;
        this.ltvCutUsd = Map.copyOf(ltvCutUsd);
        for (AssetId a : assets) {
            windows.put(a, new PriceWindow(VOL_WINDOW_SECONDS));
            high.put(a, false);
        }
    }

    @Override
    public String label() {
        return label;
    }

    /** Annualised realised volatility from Σ r² over the window. */
    static double annualised(double sumSquaredLogReturns) {
        return Math.sqrt(sumSquaredLogReturns * SECONDS_PER_YEAR / VOL_WINDOW_SECONDS);
    }

    @Override
    public void onBlock(BlockView block) {
        long now = block.now();
        for (Map.Entry<AssetId, PriceWindow> e : windows.entrySet()) {
            AssetId asset = e.getKey();
            PriceWindow w = e.getValue();
            w.add(now, block.referenceUsd(asset));
            double vol = annualised(w.sumSquaredLogReturns(now));
            boolean isHigh = vol > spec.volThreshold();
            if (isHigh != high.get(asset)) {
                high.put(asset, isHigh);
                switches++;
                if (isHigh) {
                    everHigh.put(asset, true);
                }
                block.log("regime-" + (isHigh ? "high" : "normal"), asset.value(), String.format(Locale.ROOT,
                        "%s: realised volatility %.4g %s threshold %.4g", label, vol, isHigh ? ">" : "<=",
                        spec.volThreshold()), 0);
            }
        }
    }

    boolean highRegime(AssetId asset) {
        return high.getOrDefault(asset, false);
    }

    @Override
    public int bonusBps(ProtocolId protocol, AssetId collateral, int bonusBps, BlockView block) {
        return highRegime(collateral) ? Math.max(10_000, bonusBps - spec.penaltyCutBps()) : bonusBps;
    }

    @Override
    public long heartbeatSeconds(AssetId asset, long heartbeatSeconds, long now) {
        return highRegime(asset) ? Math.min(heartbeatSeconds, spec.oracleHeartbeatSeconds()) : heartbeatSeconds;
    }

    @Override
    public double capitalCostUsd() {
        double usd = 0;
        for (AssetId a : everHigh.keySet()) {
            usd += ltvCutUsd.getOrDefault(a, 0.0);
        }
        return usd;
    }

    @Override
    public List<String> measures() {
        return List.of("highRegimeAssets", "switches");
    }

    @Override
    public double[] values() {
        return new double[] {high.values().stream().filter(b -> b).count(), switches};
    }
}
