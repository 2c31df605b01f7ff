package dev.fracture.protocol.perp;

/**
 * Pool-based perpetuals in the GMX style: the liquidity pool takes the other side of every trade, so LPs gain what
 * traders lose and pay what they win (GMX docs "Trading" and "Providing liquidity"). Open interest per side is
 * capped ({@code MaxOpenInterestExceeded}); opening and closing pay {@code positionFeeRate × size}, split between
 * the pool and the venue; a position whose collateral plus P&amp;L minus the closing fee falls below
 * {@code minCollateralFactor × size} is liquidated: the trader gets nothing, the keeper a flat fee, and the pool the
 * rest of the collateral. Prices are the oracle price the keeper executes at (no price impact, borrowing or funding
 * fees: simplified, see docs/model.md). A position's collateral is held in escrow beside the pool: every USD a
 * trader pays or receives comes from or goes to that escrow, the pool, the venue or a keeper.
 */
public final class PoolPerp {
    public static final PoolPerp DEFAULT = new PoolPerp();

    private PoolPerp() {
    }

    /** Opens a position: the trader deposits {@code collateralUsd}, out of which the position fee is paid. */
    public PoolTrade open(PoolState state, PoolParams params, boolean isLong, double collateralUsd, double sizeUsd,
                          double price) {
        Require.positive(collateralUsd, "collateralUsd");
        Require.positive(sizeUsd, "sizeUsd");
        Require.positive(price, "price");
        double fee = sizeUsd * params.positionFeeRate();
        double collateral = collateralUsd - fee;
        if (collateral <= 0 || sizeUsd / collateral > params.maxLeverage()) {
            throw new IllegalArgumentException("leverage " + sizeUsd / collateral + " exceeds maxLeverage "
                    + params.maxLeverage() + " (collateral after fee " + collateral + ")");
        }
        double longOi = state.longOpenInterest() + (isLong ? sizeUsd : 0);
        double shortOi = state.shortOpenInterest() + (isLong ? 0 : sizeUsd);
        if (longOi > params.maxLongOpenInterest()) {
            throw new IllegalArgumentException("MaxOpenInterestExceeded: longOpenInterest " + longOi
                    + " would exceed maxLongOpenInterest " + params.maxLongOpenInterest());
        }
        if (shortOi > params.maxShortOpenInterest()) {
            throw new IllegalArgumentException("MaxOpenInterestExceeded: shortOpenInterest " + shortOi
                    + " would exceed maxShortOpenInterest " + params.maxShortOpenInterest());
        }
        PoolState after = new PoolState(state.poolCash() + fee * params.feeToPoolShare(), longOi, shortOi,
                state.venueFees() + fee * (1 - params.feeToPoolShare()), state.keeperFees());
        return new PoolTrade(new PoolPosition(isLong, sizeUsd, sizeUsd / price, collateral), after, -collateralUsd,
                fee);
    }

    public boolean liquidatable(PoolPosition position, PoolParams params, double price) {
        Require.positive(price, "price");
        double remaining = position.collateralUsd() + position.pnl(price)
                - position.sizeUsd() * params.positionFeeRate();
        return remaining < params.minCollateralFactor() * position.sizeUsd();
    }

    /** Closes a healthy position: the trader receives collateral + P&amp;L − fee, paid by (or to) the pool. */
    public PoolTrade close(PoolState state, PoolParams params, PoolPosition position, double price) {
        if (liquidatable(position, params, price)) {
            throw new IllegalArgumentException("position is liquidatable at price " + price + "; liquidate it");
        }
        double pnl = position.pnl(price);
        double fee = position.sizeUsd() * params.positionFeeRate();
        double payout = position.collateralUsd() + pnl - fee;
        PoolState after = new PoolState(state.poolCash() - pnl + fee * params.feeToPoolShare(),
                openInterest(state.longOpenInterest(), position, true),
                openInterest(state.shortOpenInterest(), position, false),
                state.venueFees() + fee * (1 - params.feeToPoolShare()), state.keeperFees());
        return new PoolTrade(null, after, payout, fee);
    }

    /** Liquidates: the keeper's fee comes out of the collateral, the pool keeps the rest, the trader gets nothing. */
    public PoolTrade liquidate(PoolState state, PoolParams params, PoolPosition position, double price) {
        if (!liquidatable(position, params, price)) {
            throw new IllegalArgumentException("position is not liquidatable at price " + price);
        }
        double keeper = Math.min(params.liquidationFeeUsd(), position.collateralUsd());
        PoolState after = new PoolState(state.poolCash() + position.collateralUsd() - keeper,
                openInterest(state.longOpenInterest(), position, true),
                openInterest(state.shortOpenInterest(), position, false), state.venueFees(),
                state.keeperFees() + keeper);
        return new PoolTrade(null, after, 0, 0);
    }

    /** LPs' value: pool cash less the traders' unrealized P&amp;L at this price. */
    public double lpValue(PoolState state, Iterable<PoolPosition> open, double price) {
        double v = state.poolCash();
        for (PoolPosition p : open) {
            v -= p.pnl(price);
        }
        return v;
    }

    private static double openInterest(double oi, PoolPosition position, boolean longSide) {
        return position.isLong() == longSide ? Math.max(0, oi - position.sizeUsd()) : oi;
    }
}
