package dev.fracture.market;

import dev.fracture.model.ChainId;
import java.util.List;

/**
 * The counterfactual that the fragmentation cost is measured against: one pool holding all the liquidity of every venue
 * that trades the pair, on every chain — reachable in time or not — with no bridges between its parts and one
 * swap's gas (the cheapest chain's).
 *
 * <p>Each venue's {@link LiquidityProfile} gives, band by band below its spot price, how much of the sell asset
 * it absorbs as its price falls through that band. The unified pool stacks these bands by their distance from
 * each venue's own spot (arbitrage would have aligned the prices of one pool), so at every relative price it
 * holds the sum of all venues' liquidity there. Its spot is the mean of the venues' spots weighted by their depth
 * within 2%. Its fee is given by the caller — the router passes the fee rate its own route paid, so that the
 * comparison measures fragmentation and not fee tiers. Its gas is one swap on the seller's chain (the cheapest
 * venue there; the cheapest anywhere if none is there). Within a band the liquidity is taken as spread evenly over
 * price, so a partly filled band is priced at its filled part; bands reach down to 0.5% of spot.
 */
public final class UnifiedPool {
    public static final UnifiedPool DEFAULT = new UnifiedPool(250, 0.995);

    /** Price ranges tried in turn, the first one deep enough to absorb the order being used. */
    private static final double[] RANGES = {0.02, 0.08, 0.32};

    private final int bands;
    private final double range;

    public UnifiedPool(int bands, double range) {
        if (bands < 1 || !(range > 0 && range < 1)) {
            throw new IllegalArgumentException("unified pool: bands >= 1 and 0 < range < 1 required");
        }
        this.bands = bands;
        this.range = range;
    }

    /**
     * Output of the unified pool for the request, net of one swap's gas. The bands are laid over the shallowest
     * range (2%, 8%, 32%, then the full range) whose stacked liquidity absorbs the order, so a small order is
     * priced on fine bands and a large one still reaches deep.
     */
    double output(List<RouteLeg> legs, RouteRequest request, double fee, ChainId sellChain) {
        if (legs.isEmpty()) {
            return 0;
        }
        for (double r : RANGES) {
            if (r < range) {
                double[] result = walk(legs, request, fee, sellChain, r);
                if (result[1] <= 0) {
                    return result[0];
                }
            }
        }
        return walk(legs, request, fee, sellChain, range)[0];
    }

    /** {output net of gas, sell amount left unabsorbed} over bands reaching {@code reach} below spot. */
    private double[] walk(List<RouteLeg> legs, RouteRequest request, double fee, ChainId sellChain, double reach) {
        double[] stacked = new double[bands];
        double weightSum = 0;
        double spotSum = 0;
        double gas = Double.POSITIVE_INFINITY;
        double gasHome = Double.POSITIVE_INFINITY;
        for (RouteLeg leg : legs) {
            Venue v = leg.venue;
            double spot = v.spotPrice(leg.tokenIn, leg.tokenOut);
            if (!(spot > 0)) {
                continue;
            }
            LiquidityProfile profile = v.liquidityProfile(leg.tokenIn, leg.tokenOut, bands, reach);
            double near = 0;
            for (LiquidityProfile.Band band : profile.bands()) {
                if (band.priceUpper() > spot * (1 + 1e-12)) {
                    continue;
                }
                double relUpper = band.priceUpper() / spot;
                int k = (int) Math.round((1 - relUpper) / reach * bands);
                if (k >= 0 && k < bands) {
                    stacked[k] += band.baseAmount();
                    if (relUpper > 1 - 0.02) {
                        near += band.baseAmount();
                    }
                }
            }
            double w = Math.max(near, 0);
            weightSum += w;
            spotSum += w * spot;
            gas = Math.min(gas, leg.gasCost);
            if (leg.venueChain.equals(sellChain)) {
                gasHome = Math.min(gasHome, leg.gasCost);
            }
        }
        if (weightSum <= 0) {
            return new double[] {0, 0};
        }
        if (gasHome < Double.POSITIVE_INFINITY) {
            gas = gasHome;
        }
        double spot = spotSum / weightSum;
        double left = request.amountIn() * (1 - fee);
        double out = 0;
        double width = reach / bands;
        for (int k = 0; k < bands && left > 0; k++) {
            double hi = 1 - k * width;
            if (stacked[k] <= 0) {
                continue;
            }
            double take = Math.min(left, stacked[k]);
            double avgRel = hi - (take / stacked[k]) * width / 2;
            out += take * avgRel * spot;
            left -= take;
        }
        return new double[] {Math.max(out - gas, 0), left};
    }
}
