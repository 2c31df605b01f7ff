package dev.fracture.market;

import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Builds a {@link LiquidityProfile} from two cumulative curves, so each venue only has to say how much base it
 * trades between its spot price and a given price. Bands come out in ascending price order: the lower bands
 * (base the venue buys as the price falls) first, then the upper bands (base it sells as the price rises).
 */
final class PriceBands {
    private PriceBands() {
    }

    /**
     * @param boughtDownTo base the venue absorbs as its price falls from spot to the argument (non-decreasing as
     *                     the argument falls)
     * @param soldUpTo     base the venue gives up as its price rises from spot to the argument
     */
    static LiquidityProfile build(AssetId base, AssetId quote, double spot, int buckets, double rangeFraction,
                                  DoubleUnaryOperator boughtDownTo, DoubleUnaryOperator soldUpTo) {
        List<LiquidityProfile.Band> bands = new ArrayList<>(2 * buckets);
        double step = spot * rangeFraction / buckets;
        for (int k = buckets; k >= 1; k--) {
            double lower = spot - k * step;
            double upper = spot - (k - 1) * step;
            double amount = boughtDownTo.applyAsDouble(lower) - (k == 1 ? 0 : boughtDownTo.applyAsDouble(upper));
            bands.add(new LiquidityProfile.Band(lower, upper, Math.max(0, amount)));
        }
        for (int k = 1; k <= buckets; k++) {
            double lower = spot + (k - 1) * step;
            double upper = spot + k * step;
            double amount = soldUpTo.applyAsDouble(upper) - (k == 1 ? 0 : soldUpTo.applyAsDouble(lower));
            bands.add(new LiquidityProfile.Band(lower, upper, Math.max(0, amount)));
        }
        return new LiquidityProfile(base, quote, spot, bands);
    }

    /**
     * Smallest t in [0, cap] with {@code reached(t)} true, by doubling then bisection; {@code reached} must be
     * monotone (false then true). Returns {@code cap} when even the cap does not reach.
     */
    static double firstReaching(DoublePredicate reached, double start, double cap) {
        // A start of zero would never double.
        double hi = Math.max(start, Double.MIN_NORMAL);
        while (hi < cap && !reached.test(hi)) {
            hi *= 2;
        }
        if (hi >= cap) {
            if (!reached.test(cap)) {
                return cap;
            }
            hi = cap;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > hi * 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            if (reached.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
