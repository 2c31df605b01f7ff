package dev.fracture.protocol.perp;

/**
 * One position in one market.
 *
 * @param market         market id
 * @param size           base units, positive long, negative short, never zero
 * @param entryPrice     average entry price, USD per base unit
 * @param mode           cross or isolated
 * @param isolatedMargin USD held by an isolated position (0 for a cross one)
 */
public record PerpPosition(String market, double size, double entryPrice, MarginMode mode, double isolatedMargin) {
    public PerpPosition {
        Require.notNull(market, "market");
        Require.finite(size, "size");
        if (size == 0) {
            throw new IllegalArgumentException("size of a position in " + market + " must be non-zero");
        }
        Require.positive(entryPrice, "entryPrice");
        Require.notNull(mode, "mode");
        Require.nonNegative(isolatedMargin, "isolatedMargin");
        if (mode == MarginMode.CROSS && isolatedMargin != 0) {
            throw new IllegalArgumentException("isolatedMargin of a cross position in " + market
                    + " must be 0, was " + isolatedMargin);
        }
    }

    public static PerpPosition cross(String market, double size, double entryPrice) {
        return new PerpPosition(market, size, entryPrice, MarginMode.CROSS, 0);
    }

    public static PerpPosition isolated(String market, double size, double entryPrice, double margin) {
        return new PerpPosition(market, size, entryPrice, MarginMode.ISOLATED, margin);
    }

    public boolean isLong() {
        return size > 0;
    }

    /** {@code size × (mark − entry)}, USD. */
    public double unrealizedPnl(double mark) {
        return size * (mark - entryPrice);
    }

    /** {@code |size| × mark}, USD. */
    public double notional(double mark) {
        return Math.abs(size) * mark;
    }

    public PerpPosition withSize(double newSize) {
        return new PerpPosition(market, newSize, entryPrice, mode, isolatedMargin);
    }
}
