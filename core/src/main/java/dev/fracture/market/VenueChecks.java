package dev.fracture.market;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueId;
import java.math.BigInteger;
import java.util.List;

/**
 * The argument rules every venue shares, so that the messages read the same whichever venue rejects a call:
 * {@code venue <id>: <rule>, got <value>}.
 */
final class VenueChecks {
    private VenueChecks() {
    }

    static IllegalArgumentException fail(VenueId venue, String rule) {
        return new IllegalArgumentException("venue " + venue + ": " + rule);
    }

    /** Index of {@code asset} among {@code assets}, or an exception naming the venue and the asset. */
    static int indexOf(VenueId venue, List<AssetId> assets, AssetId asset) {
        int i = assets.indexOf(asset);
        if (i < 0) {
            throw fail(venue, "does not trade asset " + asset + " (trades " + assets + ")");
        }
        return i;
    }

    static void requireDistinct(VenueId venue, AssetId tokenIn, AssetId tokenOut) {
        if (tokenIn.equals(tokenOut)) {
            throw fail(venue, "tokenIn and tokenOut must differ, both are " + tokenIn);
        }
    }

    static void requireAmount(VenueId venue, String name, double amount) {
        if (!Double.isFinite(amount) || amount < 0) {
            throw fail(venue, name + " must be finite and non-negative, got " + amount);
        }
    }

    /** An amount in integer units: present and non-negative (zero is an empty, complete quote). */
    static void requireUnits(VenueId venue, String name, BigInteger amount) {
        if (amount == null) {
            throw fail(venue, name + " must not be null");
        }
        if (amount.signum() < 0) {
            throw fail(venue, name + " must be non-negative, got " + amount);
        }
    }

    /**
     * Integer quotes need the integer state only an EXACT venue keeps; a FAST venue's doubles cannot be exact to the
     * unit, so it refuses rather than pretend.
     */
    static void requireExactForUnits(VenueId venue, MathMode mode) {
        if (mode != MathMode.EXACT) {
            throw new IllegalStateException("venue " + venue + " is in fast mode; integer quotes need exact mode");
        }
    }

    /** A marginal rate asked for ({@link Venue#inputAtMarginalRate}): a finite number above 0. */
    static void requireRate(VenueId venue, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw fail(venue, "rate must be a finite number > 0, got " + rate);
        }
    }

    static void requireMoveFraction(VenueId venue, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw fail(venue, "priceMoveFraction must be in [0, 1), got " + fraction);
        }
    }

    static void requireProfile(VenueId venue, int buckets, double rangeFraction) {
        if (buckets < 1) {
            throw fail(venue, "buckets must be at least 1, got " + buckets);
        }
        if (!(rangeFraction > 0 && rangeFraction < 1)) {
            throw fail(venue, "rangeFraction must be in (0, 1), got " + rangeFraction);
        }
    }

    /** Fee in millionths, as Uniswap and the order-book spec store it; a fee of 100% would make every trade empty. */
    static void requireFeePips(VenueId venue, String name, int feePips) {
        if (feePips < 0 || feePips >= 1_000_000) {
            throw fail(venue, name + " must be in [0, 1000000), got " + feePips);
        }
    }

    /** A share of liquidity to withdraw: in (0, 1), so that the venue keeps a price. */
    static void requireWithdrawFraction(VenueId venue, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw fail(venue, "withdrawal fraction must be in (0, 1), got " + fraction);
        }
    }
}
