package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.SortedMaps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The standard risk report, version {@value #SCHEMA_VERSION}: a per-asset, cross-protocol fragility report with the
 * snapshot it came from and every parameter its measures used. Its JSON form and schema are described in
 * docs/risk-report.md; {@code dev.fracture.io.RiskReportJson} writes it.
 */
public record RiskReport(String schemaVersion, SnapshotRef snapshot, Parameters parameters, List<AssetRisk> assets,
                         List<FeedDependency> oracles, ContagionNetwork contagion) {
    public static final String SCHEMA_VERSION = "1.0.0";

    public RiskReport {
        assets = List.copyOf(assets);
        oracles = List.copyOf(oracles);
    }

    /** The snapshot measured: its name and instant, and how many protocols and positions it holds. */
    public record SnapshotRef(String ecosystem, Instant asOf, int protocols, int positions) {
    }

    /**
     * The parameters every asset's measures used.
     *
     * @param lvarHorizonDays    the LVaR horizon, days
     * @param lvarConfidence     the LVaR confidence, a fraction
     * @param boundaryBand       the solvency boundary's depth band, a fraction of the price
     * @param jumpThreshold      the jump in resting price that counts as a fracture, a fraction of the reference price
     */
    public record Parameters(int maxDownPercent, int maxUpPercent, double jumpThreshold, double boundaryBand,
                             double lvarHorizonDays, double lvarConfidence, List<Double> fragmentationSizesUsd) {
        public Parameters {
            fragmentationSizesUsd = List.copyOf(fragmentationSizesUsd);
        }
    }

    /**
     * Every measure of one asset. {@code lvar} is empty and {@code dailyVolatility} null when no volatility was given
     * for the asset; {@code fragmentation} null when no venue trades it; {@code tailRisk} null without a Monte Carlo
     * sample.
     */
    public record AssetRisk(AssetId asset, ChainId chain, String symbol, double referencePriceUsd,
                            LiquidationCurve curve, CascadeCurve cascade, Depth depth, SolvencyBoundary boundary,
                            Double dailyVolatility, List<Lvar> lvar, Concentration concentration,
                            Fragmentation fragmentation, TailRisk tailRisk) {
        public AssetRisk {
            lvar = List.copyOf(lvar);
        }
    }

    /** The options a report is built with; {@link #DEFAULT} is the standard report's. */
    public record Options(ShockGrid grid, double jumpThreshold, double boundaryBand, double lvarHorizonDays,
                          double lvarConfidence, Map<AssetId, Double> dailyVolatility,
                          Map<AssetId, MonteCarloSample> samples, List<Double> fragmentationSizesUsd) {
        public static final Options DEFAULT = new Options(ShockGrid.DEFAULT, CascadeCalculator.DEFAULT_JUMP_THRESHOLD,
                SolvencyBoundaryCalculator.DEFAULT_BAND, 1, 0.99, Map.of(), Map.of(),
                List.of(1e6, 1e7, 1e8));

        public Options {
            dailyVolatility = SortedMaps.copyOf(dailyVolatility);
            samples = SortedMaps.copyOf(samples);
            fragmentationSizesUsd = List.copyOf(fragmentationSizesUsd);
        }

        public Options withVolatility(Map<AssetId, Double> volatility) {
            return new Options(grid, jumpThreshold, boundaryBand, lvarHorizonDays, lvarConfidence, volatility, samples,
                    fragmentationSizesUsd);
        }

        public Options withSamples(Map<AssetId, MonteCarloSample> s) {
            return new Options(grid, jumpThreshold, boundaryBand, lvarHorizonDays, lvarConfidence, dailyVolatility, s,
                    fragmentationSizesUsd);
        }
    }
}
