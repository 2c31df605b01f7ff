package dev.fracture.agent;

import dev.fracture.market.Market;
import dev.fracture.market.OwnChainLegs;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;

/**
 * What selling an amount of one asset for another returns on the market as it stands (swap gas excluded): the
 * quote a liquidator sizes its liquidation with.
 */
@FunctionalInterface
public interface SaleQuotes {

    double proceeds(Market market, AssetId in, AssetId out, double amount);

    /**
     * An upper bound on {@link #proceeds} per unit of {@code in} sold, for any amount, on the market as it stands;
     * {@code +∞} (the default) when the quotes do not know one. A liquidator uses it to skip sizing a liquidation that
     * could not pay even at that rate.
     */
    default double rateBound(Market market, AssetId in, AssetId out) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * An upper bound on {@link #proceeds} of {@code amount} on the market as it stands ({@link Router#proceedsBound}:
     * the split's dual, a few quotes per leg instead of the router's split), searched only until it is below
     * {@code target}; {@code +∞} (the default) when the quotes do not know one.
     */
    default double proceedsBound(Market market, AssetId in, AssetId out, double amount, double target) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * A number that stays the same while every quote of {@code in} for {@code out} does (the state of the venues the
     * quotes read); -1 (the default) when the quotes cannot tell, and then a caller must assume they changed.
     */
    default long stateVersion(Market market, AssetId in, AssetId out) {
        return -1;
    }

    /**
     * How much of {@code in} to sell for {@code out} before the next unit sold returns only {@code rate} of
     * {@code out}: where selling stops paying for a seller to whom each unit costs {@code rate}
     * ({@link Router#inputAtMarginalRate}). NaN (the default) when these quotes cannot tell; a seller then searches
     * the proceeds instead.
     */
    default double inputAtMarginalRate(Market market, AssetId in, AssetId out, double rate) {
        return Double.NaN;
    }

    /**
     * A rate at and above which {@link #inputAtMarginalRate} is 0, up to the rounding of a few operations
     * ({@link Router#rateSellingNothing}; a caller keeps a relative margin of 1e-9); {@code +∞} (the default) when
     * these quotes cannot tell. A seller asking for a rate above it learns that no sale pays at the margin without
     * asking every venue.
     */
    default double rateSellingNothing(Market market, AssetId in, AssetId out) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * These quotes without any memory of earlier answers: each read from the venues as they stand when asked. Quotes
     * that remember nothing (the default) are that already; {@link RememberedQuotes.Reader} gives the quotes it
     * remembers.
     */
    default SaleQuotes unremembered() {
        return this;
    }

    /**
     * Whether {@link #proceeds} of {@code in} for {@code out} is the router's water-filling split
     * ({@link Router.Legs#splitsByWaterFilling}): the best split up to its precision, so that the proceeds of one
     * amount may be bracketed by those of others ({@link ProceedsBracket}). False (the default) when these quotes
     * cannot tell; a seller then quotes every amount it reads.
     */
    default boolean splitsByWaterFilling(Market market, AssetId in, AssetId out) {
        return false;
    }

    /**
     * {@link #proceeds} of the {@code j}-th point of {@link ProceedsBracket}'s grid ({@link ProceedsBracket#point}):
     * the same value, which quotes that remember may find without a search (the default asks {@link #proceeds}).
     */
    default double proceedsAtGridPoint(Market market, AssetId in, AssetId out, int j) {
        return proceeds(market, in, out, ProceedsBracket.point(j));
    }

    /**
     * Routes every quote afresh through {@code router}, on the seller's chain only: a liquidator sells within its
     * transaction (a flash loan must be repaid in it), so a leg through a bridge is not one it can use — the engine
     * executes the sale the same way.
     */
    static SaleQuotes routing(Router router) {
        return new SaleQuotes() {
            @Override
            public double proceeds(Market market, AssetId in, AssetId out, double amount) {
                return amount <= 0 ? 0 : router.routeOnly(market, OwnChainLegs.request(in, out, amount)).routedOut();
            }

            @Override
            public double inputAtMarginalRate(Market market, AssetId in, AssetId out, double rate) {
                return router.inputAtMarginalRate(market, OwnChainLegs.request(in, out, 1), rate);
            }
        };
    }

    /**
     * The same quotes as {@link #routing} — bit for bit, by {@link Router#routedOut} — for one market only: the
     * router's legs of each pair are found once and kept (they depend on the market's venues, assets and bridges,
     * not on its state), and the fills a seller sizing an order does not read are skipped. It knows a rate bound
     * ({@link Router#rateBound}), the rate that sells nothing ({@link Router#rateSellingNothing}) and which pairs the
     * router splits by water-filling. Safe for concurrent planners.
     */
    static SaleQuotes lean(Router router, Market market) {
        OwnChainLegs legs = new OwnChainLegs(router, market);
        return new SaleQuotes() {
            @Override
            public double proceeds(Market m, AssetId in, AssetId out, double amount) {
                if (amount <= 0) {
                    return 0;
                }
                return router.routedOut(OwnChainLegs.request(in, out, amount), legs.of(m, in, out));
            }

            @Override
            public double rateBound(Market m, AssetId in, AssetId out) {
                return router.rateBound(legs.of(m, in, out));
            }

            @Override
            public double proceedsBound(Market m, AssetId in, AssetId out, double amount, double target) {
                return router.proceedsBound(legs.of(m, in, out), amount, target);
            }

            @Override
            public long stateVersion(Market m, AssetId in, AssetId out) {
                return legs.of(m, in, out).stateVersion();
            }

            @Override
            public double inputAtMarginalRate(Market m, AssetId in, AssetId out, double rate) {
                return router.inputAtMarginalRate(legs.of(m, in, out), rate);
            }

            @Override
            public double rateSellingNothing(Market m, AssetId in, AssetId out) {
                return router.rateSellingNothing(legs.of(m, in, out));
            }

            @Override
            public boolean splitsByWaterFilling(Market m, AssetId in, AssetId out) {
                return legs.of(m, in, out).splitsByWaterFilling();
            }
        };
    }
}
