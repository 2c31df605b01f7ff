package dev.fracture.oracle;

import dev.fracture.market.Quote;
import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;

/**
 * Moving a feed through a thin venue.
 *
 * <p>Spot feed: the trade that moves the venue's spot by a fraction is the venue's {@link Venue#depth}.
 *
 * <p>TWAP: the mean tick over a window W is Σ tick·Δt / W (v3-core Oracle.sol's cumulative, read by
 * OracleLibrary.consult). Holding the pool's tick Δ ticks away from its base for k blocks of {@code blockTime}
 * seconds adds Δ·k·blockTime to the cumulative, so the TWAP moves by Δ·min(k·blockTime, W)/W ticks (before
 * consult's floor). In prices: a TWAP move by a factor r needs the spot held at r^(W / (k·blockTime)) for the k
 * blocks. The tick is continuous here; the realized mean tick is floored, so it can fall short by one tick
 * (0.01%).
 *
 * <p>Cost, in quote units, valued at the pre-trade spot price: what the manipulator pays minus what she gets.
 * Two models, chosen by {@link Arbitrage}:
 * <ul>
 * <li>{@code NONE}: nobody trades against the manipulated price. One push at the start, held k blocks, then
 * unwound by selling back everything received; the cost is the round trip's loss (fees both ways and, in exact
 * mode, rounding). This is the floor: on a fee-free x·y = k pool it is zero.</li>
 * <li>{@code EVERY_BLOCK}: an arbitrageur restores the reference price after each push, so the manipulator pushes
 * again each of the k blocks and each push loses its whole slippage plus fee (the arbitrageur's profit): k times
 * the one-way loss. This is the usual estimate for a liquid reference market.</li>
 * </ul>
 * The venue is never changed: all trades run on {@link Venue#copy()}.
 */
public final class Manipulation {
    private static final String WHAT = "manipulation";

    /** Whether arbitrage undoes the push between blocks. */
    public enum Arbitrage { NONE, EVERY_BLOCK }

    /** Which way the base price is pushed. */
    public enum Direction { DOWN, UP }

    private Manipulation() {
    }

    /** The amount of {@code tokenIn} that sold into {@code venue} moves its spot of tokenIn in tokenOut down by {@code fraction}. */
    public static double spotMoveTrade(Venue venue, AssetId tokenIn, AssetId tokenOut, double fraction) {
        return venue.depth(tokenIn, tokenOut, fraction);
    }

    /** The TWAP shift in ticks from holding the tick {@code tickDelta} away for k blocks: Δ·min(k·blockTime, W)/W. */
    public static double twapTickShift(double tickDelta, int blocks, long blockTime, long window) {
        checkHold(blocks, blockTime, window);
        return tickDelta * Math.min((double) blocks * blockTime, window) / window;
    }

    /**
     * The price factor the spot must be held at for a TWAP move by {@code twapFactor} (0.9 for 10% down):
     * twapFactor^(W / min(k·blockTime, W)).
     */
    public static double requiredSpotFactor(double twapFactor, int blocks, long blockTime, long window) {
        OracleChecks.price(WHAT, "twapFactor", twapFactor);
        checkHold(blocks, blockTime, window);
        return Math.pow(twapFactor, window / Math.min((double) blocks * blockTime, window));
    }

    /**
     * The cost of moving the TWAP of {@code base} in {@code quote} on {@code venue} by {@code twapMoveFraction}
     * in {@code direction}, holding for k blocks in a window W. Returns an infinite cost when the venue cannot move
     * that far (a push down by 100% or more).
     */
    public static ManipulationCost twapCost(Venue venue, AssetId base, AssetId quote, double twapMoveFraction,
                                            Direction direction, int blocks, long blockTime, long window,
                                            Arbitrage arbitrage) {
        if (venue == null || base == null || quote == null || direction == null || arbitrage == null) {
            throw OracleChecks.fail(WHAT, "venue, base, quote, direction and arbitrage must not be null");
        }
        if (!(twapMoveFraction > 0) || Double.isInfinite(twapMoveFraction)
                || (direction == Direction.DOWN && twapMoveFraction >= 1)) {
            throw OracleChecks.fail(WHAT, "twapMoveFraction must be > 0 (and < 1 downwards), got " + twapMoveFraction);
        }
        double twapFactor = direction == Direction.DOWN ? 1 - twapMoveFraction : 1 + twapMoveFraction;
        double spotFactor = requiredSpotFactor(twapFactor, blocks, blockTime, window);
        // Selling base moves base-in-quote down by f; selling quote moves quote-in-base down by f, i.e. base up by 1/(1−f).
        double f = direction == Direction.DOWN ? 1 - spotFactor : 1 - 1 / spotFactor;
        if (!(f > 0 && f < 1)) {
            return new ManipulationCost(f, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
        AssetId in = direction == Direction.DOWN ? base : quote;
        AssetId out = direction == Direction.DOWN ? quote : base;
        double spot = venue.spotPrice(base, quote);
        Venue what = venue.copy();
        double amount = what.depth(in, out, f);
        Quote push = what.swapExactIn(in, out, amount);
        double cost;
        int pushes;
        if (arbitrage == Arbitrage.EVERY_BLOCK) {
            cost = direction == Direction.DOWN
                    ? push.amountIn() * spot - push.amountOut()
                    : push.amountIn() - push.amountOut() * spot;
            pushes = blocks;
        } else {
            Quote unwind = what.swapExactIn(out, in, push.amountOut());
            double lostIn = push.amountIn() - unwind.amountOut();
            cost = direction == Direction.DOWN ? lostIn * spot : lostIn;
            pushes = 1;
        }
        return new ManipulationCost(f, push.amountIn(), pushes, cost, cost * pushes);
    }

    private static void checkHold(int blocks, long blockTime, long window) {
        if (blocks <= 0) {
            throw OracleChecks.fail(WHAT, "blocks must be > 0, got " + blocks);
        }
        OracleChecks.positive(WHAT, "blockTime", blockTime);
        if (window <= 0) {
            throw OracleChecks.fail(WHAT, "window must be > 0 seconds, got " + window + " (BP)");
        }
    }
}
