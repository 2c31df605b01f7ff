package dev.fracture.protocol.options;

import java.util.List;

/**
 * Implied volatility by strike and expiry: an at-the-money term structure plus a smile in forward log-moneyness
 * {@code k = ln(K / F)}, {@code F = S e^((r − q) T)}.
 *
 * <p><b>Term structure.</b> Between pillars the at-the-money total variance {@code w(T) = σ_atm(T)² T} is linear in
 * {@code T} (interpolating variance, not vol, is what keeps forward variance between two expiries non-negative:
 * Gatheral, <i>The Volatility Surface</i>, 2006, ch. 3). Before the first pillar and after the last the vol is flat.
 * Pillars must have strictly increasing expiries and non-decreasing total variance — a fall would be a calendar
 * arbitrage (a shorter option worth more time value than a longer one at the same moneyness) and a negative forward
 * variance.
 *
 * <p><b>Smile.</b> {@code σ(k, T) = max(floor, σ_atm(T) + skew·k + curvature·k²)}: a quadratic in log-moneyness, the
 * same shape at every expiry. {@code skew < 0} is the usual crypto and equity put skew (lower strikes, higher vols);
 * {@code curvature > 0} lifts both wings. The floor (> 0) keeps total variance positive in the far wings, where a
 * quadratic with a slope would otherwise cross zero; it is a simplification standing in for a fitted
 * arbitrage-free parametrization such as SVI (Gatheral 2004), which this engine does not need to fit quotes.
 *
 * @param atm       the pillars, by increasing expiry
 * @param skew      ∂σ/∂k at the money, vol per unit of log-moneyness
 * @param curvature ½ ∂²σ/∂k², vol per unit of log-moneyness squared
 * @param floor     lowest vol the smile may give, > 0
 */
public record VolSurface(List<AtmPoint> atm, double skew, double curvature, double floor) {
    public VolSurface {
        Checks.present(atm, "atm term structure");
        atm = List.copyOf(atm);
        if (atm.isEmpty()) {
            throw new IllegalArgumentException("atm term structure must have at least one pillar");
        }
        for (int i = 1; i < atm.size(); i++) {
            AtmPoint before = atm.get(i - 1);
            AtmPoint after = atm.get(i);
            if (!(after.expiry() > before.expiry())) {
                throw new IllegalArgumentException("atm expiries must increase strictly, but " + after.expiry()
                        + " follows " + before.expiry());
            }
            if (after.totalVariance() < before.totalVariance()) {
                throw new IllegalArgumentException("atm total variance must not decrease with expiry (calendar "
                        + "arbitrage): " + after.totalVariance() + " at " + after.expiry() + " after "
                        + before.totalVariance() + " at " + before.expiry());
            }
        }
        Checks.finite(skew, "skew");
        Checks.finite(curvature, "curvature");
        Checks.positive(floor, "vol floor");
    }

    /** A surface with the same vol at every strike and expiry. */
    public static VolSurface flat(double vol) {
        return new VolSurface(List.of(new AtmPoint(1, vol)), 0, 0, Math.min(vol, 1e-4));
    }

    /** A smile-free term structure. */
    public static VolSurface of(List<AtmPoint> atm) {
        return new VolSurface(atm, 0, 0, 1e-4);
    }

    /** At-the-money total variance {@code σ_atm(T)² T}. */
    public double atmTotalVariance(double years) {
        Checks.unexpired(years, "time to expiry");
        AtmPoint first = atm.get(0);
        if (years <= first.expiry()) {
            return first.vol() * first.vol() * years;
        }
        AtmPoint last = atm.get(atm.size() - 1);
        if (years >= last.expiry()) {
            return last.vol() * last.vol() * years;
        }
        int i = 1;
        while (atm.get(i).expiry() < years) {
            i++;
        }
        AtmPoint a = atm.get(i - 1);
        AtmPoint b = atm.get(i);
        double weight = (years - a.expiry()) / (b.expiry() - a.expiry());
        return a.totalVariance() + weight * (b.totalVariance() - a.totalVariance());
    }

    /** At-the-money vol at {@code years}. */
    public double atmVol(double years) {
        return Math.sqrt(atmTotalVariance(years) / years);
    }

    /** Vol at forward log-moneyness {@code k = ln(K/F)} and {@code years} to expiry. */
    public double vol(double logMoneyness, double years) {
        Checks.finite(logMoneyness, "log-moneyness");
        double smile = atmVol(years) + skew * logMoneyness + curvature * logMoneyness * logMoneyness;
        return Math.max(floor, smile);
    }

    /** Vol of a strike given the forward. */
    public double vol(double strike, double forward, double years) {
        Checks.positive(strike, "strike");
        Checks.positive(forward, "forward");
        return vol(Math.log(strike / forward), years);
    }

    /** Total variance {@code σ(k, T)² T}; positive for every k and T > 0 by construction. */
    public double totalVariance(double logMoneyness, double years) {
        double v = vol(logMoneyness, years);
        return v * v * years;
    }
}
