package dev.fracture.engine;

import dev.fracture.market.Quote;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;

/**
 * Pulls a two-asset venue's price back toward the reference prices, as arbitrageurs against the global market do:
 * while the venue pays more for an asset than the reference ratio (fees included), they sell it into the venue
 * until its marginal rate equals the reference, bringing at most {@code capitalUsd} per block. The trade size comes
 * from the venue's own {@link Venue#depth}, so the venue's curve, not a formula here, decides it.
 */
final class Arbitrageur {
    /** The largest move below 1 a double holds: a venue's price moved by a share {@code < 1} of itself. */
    static final double MAX_MOVE = Math.nextDown(1.0);

    private Arbitrageur() {
    }

    /** Trades once on {@code venue} if it is away from the reference; returns the USD value sold into it. */
    static double pull(Venue venue, OracleBank.ReferenceView reference, double capitalUsd) {
        return pull(venue, reference, capitalUsd, null);
    }

    /**
     * The same, recording the tokens that came from and went to the global market in {@code flows} (null: not
     * recorded): the arbitrageur buys what it sells into the venue there and sells there what it receives.
     */
    static double pull(Venue venue, OracleBank.ReferenceView reference, double capitalUsd, ExternalFlows flows) {
        if (venue.assets().size() != 2 || capitalUsd <= 0) {
            return 0;
        }
        AssetId a = venue.assets().get(0);
        AssetId b = venue.assets().get(1);
        double usdA = reference.usd(a);
        double usdB = reference.usd(b);
        double target = usdA / usdB;
        double sellA = venue.marginalRate(a, b);
        if (sellA > target * (1 + 1e-9)) {
            return trade(venue, a, b, 1 - target / sellA, capitalUsd / usdA, flows) * usdA;
        }
        double sellB = venue.marginalRate(b, a);
        if (sellB > (1 / target) * (1 + 1e-9)) {
            return trade(venue, b, a, 1 - (1 / target) / sellB, capitalUsd / usdB, flows) * usdB;
        }
        return 0;
    }

    private static double trade(Venue venue, AssetId in, AssetId out, double move, double maxAmount,
                                ExternalFlows flows) {
        if (!(move > 0)) {
            return 0;
        }
        // 1 − target/rate rounds to exactly 1 once the venue is more than about 10^16 away from the reference (a pool
        // drained to dust on one side); the venue must still be pulled back, as far as the capital allows.
        move = Math.min(move, MAX_MOVE);
        double amount = Math.min(venue.depth(in, out, move), maxAmount);
        if (!(amount > 0) || Double.isInfinite(amount)) {
            return 0;
        }
        Quote q = venue.swapExactIn(in, out, amount);
        if (flows != null) {
            flows.in(in, q.amountIn());
            flows.out(out, q.amountOut());
        }
        return q.amountIn();
    }
}
