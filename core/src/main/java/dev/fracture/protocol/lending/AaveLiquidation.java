package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Aave v3 liquidation call, exact: {@code LiquidationLogic.executeLiquidationCall}, {@code _calculateDebt} and
 * {@code _calculateAvailableCollateralToLiquidate} (aave/aave-v3-core,
 * {@code contracts/protocol/libraries/logic/LiquidationLogic.sol}) with the checks of
 * {@code ValidationLogic.validateLiquidationCall}.
 * <p>
 * The close factor is 50% ({@code DEFAULT_LIQUIDATION_CLOSE_FACTOR}) while the health factor is strictly above
 * {@code CLOSE_FACTOR_HF_THRESHOLD} = 0.95e18 and 100% ({@code MAX_LIQUIDATION_CLOSE_FACTOR}) at or below it — the
 * contract compares with {@code >}, so exactly 0.95e18 already allows a full liquidation. Collateral seized is
 * {@code debt * debtPrice * collateralUnit / (collateralPrice * debtUnit)} (truncated) times the bonus (percentMul);
 * when the account holds less, all of it is seized and the debt repaid is what it covers at the bonus
 * (percentDiv). The protocol fee is {@code liquidationProtocolFee} of the bonus part
 * {@code collateral - collateral.percentDiv(bonus)}. Debt left with no collateral stays on the account (no
 * write-off in v3.0). Not modelled: receiving aTokens instead of the underlying, the price oracle sentinel, and the
 * v3.3 dust rules.
 */
public final class AaveLiquidation {
    public static final AaveLiquidation DEFAULT = new AaveLiquidation();

    public static final int DEFAULT_LIQUIDATION_CLOSE_FACTOR_BPS = 5_000;
    public static final int MAX_LIQUIDATION_CLOSE_FACTOR_BPS = 10_000;
    public static final BigInteger CLOSE_FACTOR_HF_THRESHOLD = new BigInteger("950000000000000000");

    private AaveLiquidation() {
    }

    /** The close factor the contract applies at a health factor (WAD). */
    public static int closeFactorBps(BigInteger healthFactor) {
        return healthFactor.compareTo(CLOSE_FACTOR_HF_THRESHOLD) > 0
                ? DEFAULT_LIQUIDATION_CLOSE_FACTOR_BPS : MAX_LIQUIDATION_CLOSE_FACTOR_BPS;
    }

    /**
     * Liquidates up to {@code debtToCover} of the account's {@code debtAsset} debt against its
     * {@code collateralAsset} collateral.
     *
     * @throws IllegalArgumentException when the call would revert: unknown assets, a health factor not below 1e18,
     *                                  collateral not enabled or with a zero threshold, no debt in that asset, or a
     *                                  negative or zero amount
     */
    public AaveLiquidationResult liquidate(AaveMarket market, AavePrices prices, AaveAccount account,
                                           AssetId collateralAsset, AssetId debtAsset, BigInteger debtToCover) {
        return liquidate(market, prices, account, AaveHealth.DEFAULT.accountData(market, prices, account),
                collateralAsset, debtAsset, debtToCover);
    }

    /**
     * {@link #liquidate(AaveMarket, AavePrices, AaveAccount, AssetId, AssetId, BigInteger)} for a caller that has
     * the account's data at these prices already ({@code data}: {@link AaveHealth#accountData} of this market,
     * prices and account), so that it is not computed twice.
     */
    public AaveLiquidationResult liquidate(AaveMarket market, AavePrices prices, AaveAccount account,
                                           AaveAccountData data, AssetId collateralAsset, AssetId debtAsset,
                                           BigInteger debtToCover) {
        Seizure s = seizure(market, prices, account, data, collateralAsset, debtAsset, debtToCover);
        AaveAccount after = account.withBalances(collateralAsset, s.remainingCollateral, debtAsset,
                s.remainingDebt);
        return new AaveLiquidationResult(collateralAsset, debtAsset, data.healthFactor(), s.closeFactorBps,
                s.debtRepaid, s.collateralSeized, s.collateralToLiquidator(), s.protocolFee, s.remainingDebt,
                s.remainingCollateral, after);
    }

    /**
     * What {@link #liquidate(AaveMarket, AavePrices, AaveAccount, AaveAccountData, AssetId, AssetId, BigInteger)}
     * would repay and hand the liquidator, the same checks and arithmetic, without building the account after it:
     * what a liquidator sizing the call reads (an account's opportunity is found at every price move in a cascade).
     */
    public Seizure seizure(AaveMarket market, AavePrices prices, AaveAccount account, AaveAccountData data,
                           AssetId collateralAsset, AssetId debtAsset, BigInteger debtToCover) {
        return seizure(market, prices, Position.of(account, collateralAsset, debtAsset), data, collateralAsset,
                debtAsset, debtToCover);
    }

    /**
     * {@link #seizure(AaveMarket, AavePrices, AaveAccount, AaveAccountData, AssetId, AssetId, BigInteger)} from what
     * the call reads of the account ({@code position}), for a holder of accounts that keeps no records of them
     * ({@link AaveAccountTable}).
     */
    public Seizure seizure(AaveMarket market, AavePrices prices, Position position, AaveAccountData data,
                           AssetId collateralAsset, AssetId debtAsset, BigInteger debtToCover) {
        AccountId account = position.account();
        Objects.requireNonNull(debtToCover, "debtToCover");
        if (debtToCover.signum() <= 0) {
            throw new IllegalArgumentException("debtToCover must be > 0, was " + debtToCover);
        }
        AaveReserveConfig collateralReserve = reserve(market, collateralAsset, account, "collateral");
        AaveReserveConfig debtReserve = reserve(market, debtAsset, account, "debt");
        if (!data.liquidatable()) {
            throw new IllegalArgumentException(where(account) + ": health factor " + data.healthFactor()
                    + " is not below 1e18 (HEALTH_FACTOR_NOT_BELOW_THRESHOLD)");
        }
        if (position.collateral() == null || !position.usedAsCollateral()
                || collateralReserve.liquidationThresholdBps() == 0) {
            throw new IllegalArgumentException(where(account) + ": " + collateralAsset
                    + " is not enabled as collateral (COLLATERAL_CANNOT_BE_LIQUIDATED)");
        }
        BigInteger userDebt = position.debt();
        if (userDebt.signum() == 0) {
            throw new IllegalArgumentException(where(account) + ": no debt in " + debtAsset
                    + " (SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER)");
        }

        int closeFactor = closeFactorBps(data.healthFactor());
        BigInteger maxLiquidatable = WadRayMath.percentMul(userDebt, closeFactor);
        BigInteger debtTarget = debtToCover.min(maxLiquidatable);

        AaveEModeCategory eMode = AaveHealth.eMode(market, position.eModeCategory(), account);
        int bonus = market.liquidationBonusBps(eMode, collateralReserve);

        BigInteger collateralPrice = prices.bigPrice(collateralAsset);
        BigInteger debtPrice = prices.bigPrice(debtAsset);
        BigInteger collateralUnit = WadRayMath.pow10(collateralReserve.decimals());
        BigInteger debtUnit = WadRayMath.pow10(debtReserve.decimals());
        BigInteger balance = position.collateral();

        BigInteger baseCollateral = productQuotient(debtPrice, debtTarget, collateralUnit, collateralPrice, debtUnit);
        BigInteger maxCollateral = WadRayMath.percentMul(baseCollateral, bonus);
        BigInteger collateralAmount;
        BigInteger debtRepaid;
        if (maxCollateral.compareTo(balance) > 0) {
            collateralAmount = balance;
            debtRepaid = WadRayMath.percentDiv(productQuotient(collateralPrice, collateralAmount, debtUnit, debtPrice,
                    collateralUnit), bonus);
        } else {
            collateralAmount = maxCollateral;
            debtRepaid = debtTarget;
        }
        BigInteger fee = BigInteger.ZERO;
        if (collateralReserve.liquidationProtocolFeeBps() != 0) {
            BigInteger bonusCollateral = collateralAmount.subtract(WadRayMath.percentDiv(collateralAmount, bonus));
            fee = WadRayMath.percentMul(bonusCollateral, collateralReserve.liquidationProtocolFeeBps());
        }
        return new Seizure(closeFactor, debtRepaid, collateralAmount, fee, userDebt.subtract(debtRepaid),
                balance.subtract(collateralAmount));
    }

    /**
     * What a liquidation call reads of the account: its id and e-mode category, its balance of the collateral asset
     * (null when it holds none) and whether it is enabled as collateral, and its debt in the debt asset (zero when it
     * owes none).
     */
    public record Position(AccountId account, int eModeCategory, BigInteger collateral, boolean usedAsCollateral,
                           BigInteger debt) {
        public Position {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(debt, "debt");
        }

        /** What a call against {@code collateral} and {@code debt} reads of {@code account}. */
        public static Position of(AaveAccount account, AssetId collateral, AssetId debt) {
            for (AaveCollateral c : account.collaterals()) {
                if (c.asset().equals(collateral)) {
                    return new Position(account.id(), account.eModeCategory(), c.balance(), c.usedAsCollateral(),
                            account.debtBalance(debt));
                }
            }
            return new Position(account.id(), account.eModeCategory(), null, false, account.debtBalance(debt));
        }
    }

    /**
     * A liquidation call's amounts (token units): the close factor applied, the debt repaid, the collateral seized,
     * the protocol's fee out of it, and what stays on the account.
     */
    public record Seizure(int closeFactorBps, BigInteger debtRepaid, BigInteger collateralSeized,
                          BigInteger protocolFee, BigInteger remainingDebt, BigInteger remainingCollateral) {
        /** The collateral the liquidator receives: seized less the protocol's fee. */
        public BigInteger collateralToLiquidator() {
            return collateralSeized.subtract(protocolFee);
        }
    }

    /**
     * {@code a * b * c / (d * e)}, truncated, as the contract's one division: in 64-bit words where every factor fits
     * them ({@link UnsignedWide#productQuotient}: prices, units of up to 18 decimals, amounts below 2^127), else in
     * {@code BigInteger} — the same number.
     */
    private static BigInteger productQuotient(BigInteger a, BigInteger b, BigInteger c, BigInteger d, BigInteger e) {
        if (a.signum() > 0 && a.bitLength() <= 63 && b.signum() >= 0 && b.bitLength() <= 127 && c.signum() > 0
                && c.bitLength() <= 63 && d.signum() > 0 && d.bitLength() <= 63 && e.signum() > 0
                && e.bitLength() <= 63) {
            BigInteger q = UnsignedWide.productQuotient(a.longValue(), b, c.longValue(), d.longValue(), e.longValue());
            if (q != null) {
                return q;
            }
        }
        return a.multiply(b).multiply(c).divide(d.multiply(e));
    }

    /** Where a failed call is reported: built only when one fails. */
    private static String where(AccountId account) {
        return "liquidation of account " + account;
    }

    private static AaveReserveConfig reserve(AaveMarket market, AssetId asset, AccountId account, String role) {
        AaveReserveConfig r = market.reserves().get(asset);
        return r != null ? r : market.reserve(asset, where(account) + " " + role);
    }
}
