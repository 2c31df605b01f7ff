package dev.fracture.measure;

import dev.fracture.model.AssetId;

/**
 * Liquidity-adjusted value at risk of a holding of one asset (and what moves with it): the market VaR over the
 * horizon plus what selling the whole holding into the available venue depth costs.
 *
 * @param holder        who holds it: the asset id itself for the ecosystem's whole collateral holding, or a
 *                      protocol id
 * @param positionUsd   the holding, tokens at the reference price
 * @param z             the standard normal quantile of the confidence
 * @param marketVarUsd  {@code positionUsd · (1 − exp(−z·σ·√h))}
 * @param liquidationCostUsd the cost of selling the holding into the aggregated depth ({@link DepthCurve})
 */
public record Lvar(String holder, AssetId asset, double positionUsd, double dailyVolatility, double horizonDays,
                   double confidence, double z, double marketVarUsd, double liquidationCostUsd, double lvarUsd) {
}
