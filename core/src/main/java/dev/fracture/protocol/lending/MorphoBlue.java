package dev.fracture.protocol.lending;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Morpho Blue isolated-market health and liquidation, exact, after morpho-org/morpho-blue {@code src/Morpho.sol}
 * ({@code _isHealthy}, {@code liquidate}), {@code src/libraries/SharesMathLib.sol}, {@code src/libraries/MathLib.sol}
 * and {@code src/libraries/ConstantsLib.sol}.
 * <p>
 * A position is healthy while {@code collateral * price / 1e36 * lltv >= borrowed}, with the borrow rounded up and the
 * collateral value rounded down. The liquidation incentive factor is
 * {@code min(1.15, 1 / (1 - 0.3 * (1 - lltv)))} = {@code min(1.15, 1 / (0.3 lltv + 0.7))}. A liquidation names either
 * the collateral to seize or the shares to repay; rounding always favours the protocol. When the borrower's
 * collateral reaches zero, its remaining borrow is realized at once as bad debt: total borrow and total supply
 * assets both fall by it, so every supplier's shares are worth less. Interest accrual and fees are not modelled
 * (call with the state after accrual).
 */
public final class MorphoBlue {
    public static final MorphoBlue DEFAULT = new MorphoBlue();

    public static final BigInteger WAD = BigInteger.TEN.pow(18);
    /** {@code ConstantsLib.ORACLE_PRICE_SCALE}: the oracle returns collateral priced in loan units, scaled 1e36. */
    public static final BigInteger ORACLE_PRICE_SCALE = BigInteger.TEN.pow(36);
    public static final BigInteger MAX_LIQUIDATION_INCENTIVE_FACTOR = new BigInteger("1150000000000000000");
    public static final BigInteger LIQUIDATION_CURSOR = new BigInteger("300000000000000000");
    /** {@code SharesMathLib.VIRTUAL_SHARES} and {@code VIRTUAL_ASSETS}: guard the first depositor's share price. */
    public static final BigInteger VIRTUAL_SHARES = BigInteger.TEN.pow(6);
    public static final BigInteger VIRTUAL_ASSETS = BigInteger.ONE;

    private MorphoBlue() {
    }

    /**
     * {@code MathLib.mulDivDown}: {@code x * y / d}. Reckoned in words where the operands fit the contract's uint128
     * amounts ({@link UnsignedWide#mulDiv}, the same number), in {@code BigInteger} otherwise.
     */
    public static BigInteger mulDivDown(BigInteger x, BigInteger y, BigInteger d) {
        BigInteger inWords = UnsignedWide.mulDiv(x, y, d, false);
        return inWords != null ? inWords : x.multiply(y).divide(d);
    }

    /** {@code MathLib.mulDivUp}: {@code (x * y + (d - 1)) / d}, reckoned as {@link #mulDivDown} is. */
    public static BigInteger mulDivUp(BigInteger x, BigInteger y, BigInteger d) {
        BigInteger inWords = UnsignedWide.mulDiv(x, y, d, true);
        return inWords != null ? inWords : x.multiply(y).add(d.subtract(BigInteger.ONE)).divide(d);
    }

    public static BigInteger toSharesDown(BigInteger assets, BigInteger totalAssets, BigInteger totalShares) {
        return mulDivDown(assets, totalShares.add(VIRTUAL_SHARES), totalAssets.add(VIRTUAL_ASSETS));
    }

    public static BigInteger toSharesUp(BigInteger assets, BigInteger totalAssets, BigInteger totalShares) {
        return mulDivUp(assets, totalShares.add(VIRTUAL_SHARES), totalAssets.add(VIRTUAL_ASSETS));
    }

    public static BigInteger toAssetsDown(BigInteger shares, BigInteger totalAssets, BigInteger totalShares) {
        return mulDivDown(shares, totalAssets.add(VIRTUAL_ASSETS), totalShares.add(VIRTUAL_SHARES));
    }

    public static BigInteger toAssetsUp(BigInteger shares, BigInteger totalAssets, BigInteger totalShares) {
        return mulDivUp(shares, totalAssets.add(VIRTUAL_ASSETS), totalShares.add(VIRTUAL_SHARES));
    }

    /** The liquidation incentive factor (WAD) of a market with this LLTV. */
    public static BigInteger liquidationIncentiveFactor(BigInteger lltv) {
        BigInteger denominator = WAD.subtract(mulDivDown(LIQUIDATION_CURSOR, WAD.subtract(lltv), WAD));
        return MAX_LIQUIDATION_INCENTIVE_FACTOR.min(mulDivDown(WAD, WAD, denominator));
    }

    /** The position's borrow in loan-token units, rounded up as {@code _isHealthy} does. */
    public BigInteger borrowed(MorphoMarketState state, MorphoPosition position) {
        return toAssetsUp(position.borrowShares(), state.totalBorrowAssets(), state.totalBorrowShares());
    }

    /**
     * Collateral that repaying the position's whole borrow would seize (borrow × LIF at the oracle price, as
     * {@code Morpho.liquidate} computes seizedAssets from repaidShares). When the position holds less, a
     * liquidation can only name all its collateral as seizedAssets — asking for every share would underflow the
     * position and revert — and the rest of the borrow becomes bad debt.
     */
    public BigInteger collateralToRepayAll(MorphoMarketParams params, MorphoMarketState state,
                                           MorphoPosition position, BigInteger collateralPrice) {
        requirePrice(collateralPrice);
        BigInteger repaid = toAssetsDown(position.borrowShares(), state.totalBorrowAssets(), state.totalBorrowShares());
        return mulDivDown(mulDivDown(repaid, liquidationIncentiveFactor(params.lltv()), WAD), ORACLE_PRICE_SCALE,
                collateralPrice);
    }

    /**
     * The largest liquidation of the position now: every borrow share when its collateral covers them at the
     * incentive factor, otherwise all its collateral (realizing the rest as bad debt).
     */
    public MorphoLiquidationResult liquidateAll(MorphoMarketParams params, MorphoMarketState state,
                                                MorphoPosition position, BigInteger collateralPrice) {
        return collateralToRepayAll(params, state, position, collateralPrice).compareTo(position.collateral()) <= 0
                ? liquidateByRepaidShares(params, state, position, collateralPrice, position.borrowShares())
                : liquidateBySeizedAssets(params, state, position, collateralPrice, position.collateral());
    }

    /**
     * The amounts of {@link #liquidateAll} — the collateral seized and the loan assets repaid — without the position
     * and market after it, at the market's liquidation incentive factor {@code lif}
     * ({@link #liquidationIncentiveFactor} of {@code params.lltv()}, which a caller checking many positions of one
     * market makes once); null when the position is healthy ({@link #isHealthy}). The same operations in the same
     * order as {@code liquidateAll}'s, each made once: the debt's value for the whole shares is the one
     * {@link #collateralToRepayAll} compares and {@link #liquidateByRepaidShares} seizes from, and the assets repaid
     * for them are the borrow {@link #isHealthy} reads. Where seizing all the collateral would ask more shares than
     * the position holds, {@link #liquidateBySeizedAssets} is called for its error, as {@code liquidateAll} would.
     */
    public WholeLiquidation wholeLiquidation(MorphoMarketParams params, MorphoMarketState state,
                                             MorphoPosition position, BigInteger collateralPrice, BigInteger lif) {
        requirePrice(collateralPrice);
        BigInteger shares = position.borrowShares();
        if (shares.signum() == 0) {
            return null;
        }
        BigInteger borrowed = toAssetsUp(shares, state.totalBorrowAssets(), state.totalBorrowShares());
        BigInteger maxBorrow = mulDivDown(mulDivDown(position.collateral(), collateralPrice, ORACLE_PRICE_SCALE),
                params.lltv(), WAD);
        if (maxBorrow.compareTo(borrowed) >= 0) {
            return null;
        }
        BigInteger repaidValue = toAssetsDown(shares, state.totalBorrowAssets(), state.totalBorrowShares());
        BigInteger seizedForAll = mulDivDown(mulDivDown(repaidValue, lif, WAD), ORACLE_PRICE_SCALE, collateralPrice);
        if (seizedForAll.compareTo(position.collateral()) <= 0) {
            return new WholeLiquidation(seizedForAll, borrowed);
        }
        BigInteger quoted = mulDivUp(position.collateral(), collateralPrice, ORACLE_PRICE_SCALE);
        BigInteger repaidShares = toSharesUp(mulDivUp(quoted, WAD, lif), state.totalBorrowAssets(),
                state.totalBorrowShares());
        if (repaidShares.compareTo(shares) > 0) {
            liquidateBySeizedAssets(params, state, position, collateralPrice, position.collateral());
        }
        return new WholeLiquidation(position.collateral(),
                toAssetsUp(repaidShares, state.totalBorrowAssets(), state.totalBorrowShares()));
    }

    /** {@link #wholeLiquidation}'s answer: the collateral seized and the loan assets repaid, in units. */
    public record WholeLiquidation(BigInteger seizedAssets, BigInteger repaidAssets) {
    }

    /** {@code Morpho._isHealthy}. */
    public boolean isHealthy(MorphoMarketParams params, MorphoMarketState state, MorphoPosition position,
                             BigInteger collateralPrice) {
        requirePrice(collateralPrice);
        if (position.borrowShares().signum() == 0) {
            return true;
        }
        BigInteger maxBorrow = mulDivDown(mulDivDown(position.collateral(), collateralPrice, ORACLE_PRICE_SCALE),
                params.lltv(), WAD);
        return maxBorrow.compareTo(borrowed(state, position)) >= 0;
    }

    /** Liquidates by the collateral to seize ({@code seizedAssets > 0, repaidShares = 0} in the contract). */
    public MorphoLiquidationResult liquidateBySeizedAssets(MorphoMarketParams params, MorphoMarketState state,
                                                           MorphoPosition position, BigInteger collateralPrice,
                                                           BigInteger seizedAssets) {
        requireUnhealthy(params, state, position, collateralPrice);
        if (seizedAssets.signum() <= 0) {
            throw new IllegalArgumentException("seizedAssets must be > 0, was " + seizedAssets);
        }
        BigInteger lif = liquidationIncentiveFactor(params.lltv());
        BigInteger quoted = mulDivUp(seizedAssets, collateralPrice, ORACLE_PRICE_SCALE);
        BigInteger repaidShares = toSharesUp(mulDivUp(quoted, WAD, lif), state.totalBorrowAssets(),
                state.totalBorrowShares());
        return settle(state, position, seizedAssets, repaidShares);
    }

    /** Liquidates by the borrow shares to repay ({@code seizedAssets = 0, repaidShares > 0} in the contract). */
    public MorphoLiquidationResult liquidateByRepaidShares(MorphoMarketParams params, MorphoMarketState state,
                                                           MorphoPosition position, BigInteger collateralPrice,
                                                           BigInteger repaidShares) {
        requireUnhealthy(params, state, position, collateralPrice);
        if (repaidShares.signum() <= 0) {
            throw new IllegalArgumentException("repaidShares must be > 0, was " + repaidShares);
        }
        BigInteger lif = liquidationIncentiveFactor(params.lltv());
        BigInteger repaidValue = toAssetsDown(repaidShares, state.totalBorrowAssets(), state.totalBorrowShares());
        BigInteger seized = mulDivDown(mulDivDown(repaidValue, lif, WAD), ORACLE_PRICE_SCALE, collateralPrice);
        return settle(state, position, seized, repaidShares);
    }

    private MorphoLiquidationResult settle(MorphoMarketState state, MorphoPosition position, BigInteger seized,
                                           BigInteger repaidShares) {
        // The contract's checked subtractions: asking for more than the position holds reverts.
        if (repaidShares.compareTo(position.borrowShares()) > 0) {
            throw new IllegalArgumentException("liquidation of " + position.id() + ": repaidShares " + repaidShares
                    + " exceed the position's borrowShares " + position.borrowShares());
        }
        if (seized.compareTo(position.collateral()) > 0) {
            throw new IllegalArgumentException("liquidation of " + position.id() + ": seizedAssets " + seized
                    + " exceed the position's collateral " + position.collateral());
        }
        BigInteger repaidAssets = toAssetsUp(repaidShares, state.totalBorrowAssets(), state.totalBorrowShares());
        BigInteger borrowShares = position.borrowShares().subtract(repaidShares);
        BigInteger totalBorrowShares = state.totalBorrowShares().subtract(repaidShares);
        BigInteger totalBorrowAssets = state.totalBorrowAssets().subtract(repaidAssets).max(BigInteger.ZERO);
        BigInteger collateral = position.collateral().subtract(seized);
        BigInteger totalSupplyAssets = state.totalSupplyAssets();
        BigInteger badDebtShares = BigInteger.ZERO;
        BigInteger badDebtAssets = BigInteger.ZERO;
        if (collateral.signum() == 0) {
            badDebtShares = borrowShares;
            badDebtAssets = totalBorrowAssets.min(toAssetsUp(badDebtShares, totalBorrowAssets, totalBorrowShares));
            totalBorrowAssets = totalBorrowAssets.subtract(badDebtAssets);
            totalSupplyAssets = totalSupplyAssets.subtract(badDebtAssets);
            totalBorrowShares = totalBorrowShares.subtract(badDebtShares);
            borrowShares = BigInteger.ZERO;
        }
        MorphoMarketState after = new MorphoMarketState(totalSupplyAssets, state.totalSupplyShares(),
                totalBorrowAssets, totalBorrowShares);
        return new MorphoLiquidationResult(seized, repaidAssets, repaidShares, badDebtAssets, badDebtShares,
                new MorphoPosition(position.id(), borrowShares, collateral), after);
    }

    private void requireUnhealthy(MorphoMarketParams params, MorphoMarketState state, MorphoPosition position,
                                  BigInteger collateralPrice) {
        Objects.requireNonNull(params, "params");
        if (isHealthy(params, state, position, collateralPrice)) {
            throw new IllegalArgumentException("liquidation of " + position.id() + ": position is healthy (HEALTHY_POSITION)");
        }
    }

    private static void requirePrice(BigInteger price) {
        Objects.requireNonNull(price, "collateralPrice");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("collateralPrice must be > 0, was " + price);
        }
    }
}
