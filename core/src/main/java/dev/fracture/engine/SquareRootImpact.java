package dev.fracture.engine;

/**
 * The square-root law of market impact: selling Q (USD) of an asset whose market trades V (USD) a day with daily
 * volatility σ moves its price by ΔP/P = Y·σ·√(Q/V), Y of order one (Almgren, Thum, Hauptmann and Li, "Direct
 * estimation of equity market impact", 2005; Tóth, Lempérière, Deremble et al., "Anomalous price impact and the
 * critical nature of liquidity in financial markets", 2011). The engine applies it to the cumulative forced selling
 * of a cascade, treated as one metaorder whose impact is permanent over the horizon — the conservative reading
 * for a crash, when no one steps in to revert it within hours.
 */
public record SquareRootImpact(double coefficient, double dailyVolumeUsd, double dailyVolatility) {
    /** Impact is capped here: beyond it the law has long stopped describing anything. */
    public static final double MAX_FRACTION = 0.95;

    public SquareRootImpact {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("impact coefficient Y must be a finite number >= 0 (was " + coefficient
                    + ")");
        }
        if (!(dailyVolumeUsd > 0) || Double.isInfinite(dailyVolumeUsd)) {
            throw new IllegalArgumentException("impact dailyVolumeUsd must be a positive finite number (was "
                    + dailyVolumeUsd + ")");
        }
        if (!(dailyVolatility >= 0) || Double.isInfinite(dailyVolatility)) {
            throw new IllegalArgumentException("impact dailyVolatility must be a finite number >= 0 (was "
                    + dailyVolatility + ")");
        }
    }

    /** Fraction by which {@code soldUsd} of cumulative selling lowers the price. */
    public double fraction(double soldUsd) {
        if (soldUsd <= 0) {
            return 0;
        }
        return Math.min(MAX_FRACTION, coefficient * dailyVolatility * Math.sqrt(soldUsd / dailyVolumeUsd));
    }
}
