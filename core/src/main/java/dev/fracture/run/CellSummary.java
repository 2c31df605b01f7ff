package dev.fracture.run;

/**
 * The statistics of one grid cell over its paths.
 *
 * @param liquidatedUsd          debt repaid by liquidations, USD
 * @param badDebtUsd             bad debt realised, USD
 * @param shortfallUsd           bad debt realised plus underwater debt at the horizon, USD
 * @param cascadeMultiplier      the engine's cascade multiplier
 * @param insolvencyProbability  the share of insolvent paths, Wilson interval
 * @param borrowingPowerUsd      of the cell's snapshot ({@link BorrowingPower})
 */
public record CellSummary(GridCell cell, int paths, MetricStats liquidatedUsd, MetricStats badDebtUsd,
                          MetricStats shortfallUsd, MetricStats cascadeMultiplier, Estimate insolvencyProbability,
                          double borrowingPowerUsd) {
}
