package dev.fracture.scenario;

import dev.fracture.model.AssetId;

/**
 * How forced selling moves an asset's reference price: the square-root law of market impact,
 * ΔP/P = Y · σ_daily · √(Q / V_daily), with Q the USD sold, V_daily the asset's daily traded volume in USD and
 * σ_daily its daily volatility (Almgren, Thum, Hauptmann and Li, 2005, "Direct estimation of equity market
 * impact"; Tóth et al., 2011, "Anomalous price impact and the critical nature of liquidity in financial
 * markets"). Y is of order one; the empirical studies find 0.5 to 1.
 *
 * @param coefficientY    Y, dimensionless, in (0, 5]
 * @param dailyVolumeUsd  V_daily, USD per day
 * @param dailyVolatility σ_daily, a fraction (0.04 = 4% a day)
 */
public record ImpactSpec(AssetId asset, double coefficientY, double dailyVolumeUsd, double dailyVolatility) {
    public ImpactSpec {
        Checks.required("asset", asset);
        if (!(coefficientY > 0 && coefficientY <= 5)) {
            throw new ScenarioFieldException("coefficientY", "must be in (0, 5] (was " + Checks.show(coefficientY)
                    + ")");
        }
        Checks.positive("dailyVolumeUsd", dailyVolumeUsd);
        if (!(dailyVolatility > 0 && dailyVolatility <= 5)) {
            throw new ScenarioFieldException("dailyVolatility", "must be in (0, 5] (was "
                    + Checks.show(dailyVolatility) + ")");
        }
    }

    /** ΔP/P for selling {@code quantityUsd} (a positive fraction: the price falls by this share). */
    public double relativeImpact(double quantityUsd) {
        if (!(quantityUsd >= 0)) {
            throw new IllegalArgumentException("impact quantityUsd must be >= 0 (was " + quantityUsd + ")");
        }
        return coefficientY * dailyVolatility * StrictMath.sqrt(quantityUsd / dailyVolumeUsd);
    }
}
