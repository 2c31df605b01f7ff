package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;

/**
 * The closed forms the routing tests work their expected values from, independently of the router: a 0.3%
 * constant-product pool's output out = Y·γa / (X + γa) (Uniswap v2 whitepaper, eq. 2) and its slope
 * γXY / (X + γa)², and a ternary search for the best split of an order between two concave legs.
 */
final class ConstantProductForms {
    /** The v2 fee factor, 997/1000. */
    static final double GAMMA = 0.997;

    private ConstantProductForms() {
    }

    /** A 0.3% pair on {@code chain} with reserves {@code ra} of {@code a} and {@code rb} of {@code b}. */
    static VenueSpec pair(ChainId chain, String id, AssetId a, AssetId b, String ra, String rb) {
        return new VenueSpec.ConstantProduct(VenueId.of(id), chain, a, b, new BigDecimal(ra), new BigDecimal(rb), 3000);
    }

    /** Output of selling {@code a} into reserves X = {@code x} (in) and Y = {@code y} (out). */
    static double cpOut(double x, double y, double a) {
        return a <= 0 ? 0 : y * GAMMA * a / (x + GAMMA * a);
    }

    /** dOut/da at {@code a}. */
    static double cpSlope(double x, double y, double a) {
        return GAMMA * x * y / ((x + GAMMA * a) * (x + GAMMA * a));
    }

    /** The x in [0, total] maximizing a unimodal {@code f}, by ternary search to the last bits. */
    static double argMax(DoubleUnaryOperator f, double total) {
        double lo = 0;
        double hi = total;
        for (int i = 0; i < 200; i++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (f.applyAsDouble(m1) < f.applyAsDouble(m2)) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        return (lo + hi) / 2;
    }
}
