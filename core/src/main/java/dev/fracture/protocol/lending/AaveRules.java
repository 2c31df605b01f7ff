package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Aave v3 supply and borrow validation, after {@code ValidationLogic.validateSupply} and
 * {@code ValidationLogic.validateBorrow} (aave/aave-v3-core,
 * {@code contracts/protocol/libraries/logic/ValidationLogic.sol}) and the isolation-mode state of
 * {@code UserConfiguration.getIsolationModeState}: caps are in whole tokens and compared with
 * {@code cap * 10^decimals}; an account whose only enabled collateral has a debt ceiling is in isolation mode, may
 * borrow only assets flagged borrowable in isolation, and the isolated collateral's total isolation debt plus
 * {@code amount / 10^(decimals - 2)} must stay within its ceiling ({@code DEBT_CEILING_DECIMALS} = 2). Pause, freeze,
 * siloed borrowing and stable-rate rules are not modelled.
 */
public final class AaveRules {
    public static final AaveRules DEFAULT = new AaveRules();
    /** {@code ReserveConfiguration.DEBT_CEILING_DECIMALS}. */
    public static final int DEBT_CEILING_DECIMALS = 2;

    private AaveRules() {
    }

    /**
     * @param totalSupplied the reserve's current supply in token units (aToken supply plus what accrues to the treasury)
     */
    public AaveCheck validateSupply(AaveReserveConfig reserve, BigInteger totalSupplied, BigInteger amount) {
        Require.nonNegative(totalSupplied, "totalSupplied");
        Require.nonNegative(amount, "amount");
        if (reserve.supplyCap() != 0 && totalSupplied.add(amount)
                .compareTo(BigInteger.valueOf(reserve.supplyCap()).multiply(BigInteger.TEN.pow(reserve.decimals()))) > 0) {
            return AaveCheck.SUPPLY_CAP_EXCEEDED;
        }
        return AaveCheck.OK;
    }

    /**
     * @param reserveTotalDebt      the borrowed reserve's total debt in token units
     * @param isolationModeTotalDebt the isolated collateral's {@code isolationModeTotalDebt} (2 decimals); ignored
     *                               when the account is not in isolation mode
     */
    public AaveCheck validateBorrow(AaveMarket market, AavePrices prices, AaveAccount account, AssetId asset,
                                    BigInteger amount, BigInteger reserveTotalDebt, long isolationModeTotalDebt) {
        Objects.requireNonNull(asset, "asset");
        Require.nonNegative(amount, "amount");
        Require.nonNegative(reserveTotalDebt, "reserveTotalDebt");
        Require.nonNegative(isolationModeTotalDebt, "isolationModeTotalDebt");
        AaveReserveConfig reserve = market.reserve(asset, "borrow by account " + account.id());
        BigInteger unit = BigInteger.TEN.pow(reserve.decimals());
        if (reserve.borrowCap() != 0
                && reserveTotalDebt.add(amount).compareTo(BigInteger.valueOf(reserve.borrowCap()).multiply(unit)) > 0) {
            return AaveCheck.BORROW_CAP_EXCEEDED;
        }
        AaveReserveConfig isolated = isolationCollateral(market, account);
        if (isolated != null) {
            if (!reserve.borrowableInIsolation()) {
                return AaveCheck.ASSET_NOT_BORROWABLE_IN_ISOLATION;
            }
            BigInteger inCeilingUnits = amount.divide(BigInteger.TEN.pow(Math.max(0,
                    reserve.decimals() - DEBT_CEILING_DECIMALS)));
            if (BigInteger.valueOf(isolationModeTotalDebt).add(inCeilingUnits)
                    .compareTo(BigInteger.valueOf(isolated.debtCeiling())) > 0) {
                return AaveCheck.DEBT_CEILING_EXCEEDED;
            }
        }
        if (account.eModeCategory() != 0 && reserve.eModeCategory() != account.eModeCategory()) {
            return AaveCheck.INCONSISTENT_EMODE_CATEGORY;
        }
        AaveAccountData data = AaveHealth.DEFAULT.accountData(market, prices, account);
        if (data.totalCollateralBase().signum() == 0) {
            return AaveCheck.COLLATERAL_BALANCE_IS_ZERO;
        }
        if (data.avgLtvBps().signum() == 0) {
            return AaveCheck.LTV_VALIDATION_FAILED;
        }
        if (data.healthFactor().compareTo(AaveHealth.HEALTH_FACTOR_LIQUIDATION_THRESHOLD) <= 0) {
            return AaveCheck.HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD;
        }
        BigInteger amountInBase = AaveHealth.valueInBase(amount, prices.bigPrice(asset), reserve.decimals());
        BigInteger collateralNeeded = WadRayMath.percentDiv(data.totalDebtBase().add(amountInBase), data.avgLtvBps());
        if (collateralNeeded.compareTo(data.totalCollateralBase()) > 0) {
            return AaveCheck.COLLATERAL_CANNOT_COVER_NEW_BORROW;
        }
        return AaveCheck.OK;
    }

    /**
     * The reserve putting the account in isolation mode: its only collateral in use, when that reserve has a debt
     * ceiling; null otherwise.
     */
    public AaveReserveConfig isolationCollateral(AaveMarket market, AaveAccount account) {
        AaveReserveConfig only = null;
        int enabled = 0;
        for (AaveCollateral c : account.collaterals()) {
            if (c.usedAsCollateral()) {
                enabled++;
                only = market.reserve(c.asset(), "account " + account.id() + " collateral");
            }
        }
        return enabled == 1 && only.isolated() ? only : null;
    }
}
