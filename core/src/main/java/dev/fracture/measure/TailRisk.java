package dev.fracture.measure;

/**
 * Liquidations-at-risk and bad-debt value-at-risk over a horizon, from a {@link MonteCarloSample}, stated with horizon
 * and confidence as Gauntlet-style risk reports state them: the 95th-percentile liquidations, the 95th- and
 * 99th-percentile bad debt, USD.
 */
public record TailRisk(long horizonSeconds, int paths, long seed, double liquidationsAtRisk95Usd,
                       double badDebtVar95Usd, double badDebtVar99Usd, double meanLiquidationsUsd,
                       double meanBadDebtUsd) {
}
