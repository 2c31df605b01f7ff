package dev.fracture.measure;

import dev.fracture.market.Market;
import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.ChainId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Depth of an asset's on-chain markets, from each venue's own {@link Venue#depth}: a venue counts when it trades an
 * asset that moves with the shock against one that does not (selling ETH for stETH exits nothing when both fall
 * together); a venue with several such counter-assets (a Curve pool of three) counts once, on its deepest side, so
 * one pool's liquidity is not added twice. Volumes are the tokens sold valued at the reference price.
 *
 * <p><b>Liquidity velocity</b> — "the speed at which available capital can be deployed to counter an adverse price
 * swing without causing catastrophic slippage" (the source documents, ../shared/seeds/002, Liquidity Fracture
 * Cascades) — is measured here as the value per hour that arbitrage can bring into each chain where the asset trades:
 * the hourly capacity of the open bridges joining it to another chain whose latency is under an hour. Capital already
 * on a chain and arbitrage funded on centralized exchanges are not in a snapshot, so this is a lower bound on how fast
 * depth comes back; {@code hoursToRefill2Percent} divides the 2% depth by it.
 */
public final class DepthCalculator {
    public static final DepthCalculator DEFAULT = new DepthCalculator();

    /** Grid of the depth curve the cascade and LVaR read: every half percent down to 95%. */
    static final int CURVE_STEPS = 190;
    static final double CURVE_STEP = 0.005;

    private DepthCalculator() {
    }

    public Depth depth(Market market, ShockScope scope) {
        List<Side> sides = sides(market, scope);
        List<Depth.VenueDepth> venues = new ArrayList<>();
        Map<ChainId, double[]> byChain = new LinkedHashMap<>();
        double[] total = new double[Depth.MOVES.length];
        for (Side s : sides) {
            double[] d = new double[Depth.MOVES.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = s.usd(Depth.MOVES[k]);
                total[k] += d[k];
            }
            double[] c = byChain.computeIfAbsent(s.venue.chain(), x -> new double[Depth.MOVES.length]);
            for (int k = 0; k < d.length; k++) {
                c[k] += d[k];
            }
            venues.add(new Depth.VenueDepth(s.venue.id(), s.venue.chain(), s.sold, s.received, bands(d)));
        }
        List<Depth.ChainDepth> chains = new ArrayList<>();
        double velocity = 0;
        for (Map.Entry<ChainId, double[]> e : byChain.entrySet()) {
            double v = velocity(market, e.getKey());
            velocity += v;
            chains.add(new Depth.ChainDepth(e.getKey(), bands(e.getValue()), v));
        }
        double hours = velocity > 0 ? total[0] / velocity : Double.POSITIVE_INFINITY;
        return new Depth(scope.asset(), bands(total), chains, venues, velocity, hours);
    }

    /** The aggregated depth curve over every counted venue, every half percent down to 95%. */
    public DepthCurve curve(Market market, ShockScope scope) {
        List<Side> sides = sides(market, scope);
        double[] moves = new double[CURVE_STEPS + 1];
        double[] usd = new double[CURVE_STEPS + 1];
        for (int k = 1; k <= CURVE_STEPS; k++) {
            moves[k] = k * CURVE_STEP;
            for (Side s : sides) {
                usd[k] += s.usd(moves[k]);
            }
            usd[k] = Math.max(usd[k], usd[k - 1]);
        }
        return DepthCurve.of(moves, usd);
    }

    /** One venue's side: sell {@code sold} (moves with the shock) for {@code received} (does not). */
    private record Side(Venue venue, AssetId sold, AssetId received, double priceUsd) {
        double usd(double move) {
            double amount = venue.depth(sold, received, move);
            return Double.isFinite(amount) ? amount * priceUsd : 0;
        }
    }

    private static List<Side> sides(Market market, ShockScope scope) {
        List<Side> out = new ArrayList<>();
        for (Venue v : market.venues()) {
            if (v.fixedRate()) {
                continue; // a wrapper's depth is unbounded: it converts, it does not hold liquidity
            }
            Side best = null;
            double bestDepth = -1;
            for (AssetId sold : v.assets()) {
                if (!scope.moves(sold)) {
                    continue;
                }
                for (AssetId received : v.assets()) {
                    if (scope.moves(received)) {
                        continue;
                    }
                    Asset a = market.asset(sold);
                    Side s = new Side(v, sold, received, a.referencePriceUsd());
                    double d = s.usd(Depth.MOVES[Depth.MOVES.length - 1]);
                    if (d > bestDepth) {
                        best = s;
                        bestDepth = d;
                    }
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        out.sort(Comparator.comparing(s -> s.venue.id().value()));
        return out;
    }

    private static double velocity(Market market, ChainId chain) {
        double v = 0;
        for (Bridge b : market.snapshot().bridges()) {
            if (b.status() == BridgeStatus.OPEN && (b.chainA().equals(chain) || b.chainB().equals(chain))
                    && b.latencySeconds() < 3600) {
                v += b.capacityPerHourUsd();
            }
        }
        return v;
    }

    private static List<Depth.Band> bands(double[] d) {
        List<Depth.Band> out = new ArrayList<>();
        for (int k = 0; k < d.length; k++) {
            out.add(new Depth.Band(Depth.MOVES[k], d[k]));
        }
        return out;
    }
}
