package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;

/**
 * Aave v3 account health, in two modes over the same records.
 * <ul>
 *   <li>{@link #accountData} reproduces {@code GenericLogic.calculateUserAccountData} (aave/aave-v3-core,
 *   {@code contracts/protocol/libraries/logic/GenericLogic.sol}) to the last unit: each balance is valued as
 *   {@code balance * price / 10^decimals} with integer division per reserve; only reserves used as collateral with a
 *   non-zero liquidation threshold count; LTV and threshold are averaged weighted by value and truncated; the health
 *   factor is {@code totalCollateral.percentMul(avgThreshold).wadDiv(totalDebt)} with half-up rounding.</li>
 *   <li>{@link #healthFactorFast} is the same formula in doubles without the intermediate roundings; it differs from
 *   the exact one by the truncations only (relative ~1e-12 for accounts worth more than a few thousand dollars, more
 *   when the truncated average threshold loses a basis point — see docs/model.md, Lending).</li>
 * </ul>
 * The e-mode category's own price source (v3.0 {@code EModeCategory.priceSource}) is not modelled: prices come from
 * {@link AavePrices} only.
 */
public final class AaveHealth {
    public static final AaveHealth DEFAULT = new AaveHealth();

    /** {@code ValidationLogic.HEALTH_FACTOR_LIQUIDATION_THRESHOLD}: below 1e18 an account can be liquidated. */
    public static final BigInteger HEALTH_FACTOR_LIQUIDATION_THRESHOLD = WadRayMath.WAD;

    private AaveHealth() {
    }

    /**
     * The exact account data, as the contract computes it: in 64- and 128-bit words where every value fits them
     * ({@link FixedWidthHealth}, nearly every account), else in {@code BigInteger} — the same answer either way.
     */
    public AaveAccountData accountData(AaveMarket market, AavePrices prices, AaveAccount account) {
        AaveAccountData fixedWidth = FixedWidthHealth.accountData(market, prices, account);
        return fixedWidth != null ? fixedWidth : exactAccountData(market, prices, account);
    }

    /**
     * The account data in {@code BigInteger} arithmetic without a bound: the contract's formula as written, the
     * specification {@link #accountData}'s fixed-width form is held to (and its benchmark's reference).
     */
    public AaveAccountData exactAccountData(AaveMarket market, AavePrices prices, AaveAccount account) {
        BigInteger totalCollateral = BigInteger.ZERO;
        BigInteger totalDebt = BigInteger.ZERO;
        BigInteger ltvWeighted = BigInteger.ZERO;
        BigInteger thresholdWeighted = BigInteger.ZERO;
        boolean zeroLtv = false;
        AaveEModeCategory eMode = eMode(market, account);
        for (AaveCollateral c : account.collaterals()) {
            AaveReserveConfig r = reserve(market, c.asset(), account, "collateral");
            if (!c.usedAsCollateral() || r.liquidationThresholdBps() == 0) {
                continue;
            }
            BigInteger value = valueInBase(c.balance(), prices.bigPrice(c.asset()), r.decimals());
            totalCollateral = totalCollateral.add(value);
            boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
            int ltv = inEMode ? eMode.ltvBps() : r.ltvBps();
            int threshold = inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps();
            // The contract tests the reserve's own LTV for zero, not the e-mode one.
            if (r.ltvBps() != 0) {
                ltvWeighted = ltvWeighted.add(value.multiply(BigInteger.valueOf(ltv)));
            } else {
                zeroLtv = true;
            }
            thresholdWeighted = thresholdWeighted.add(value.multiply(BigInteger.valueOf(threshold)));
        }
        for (AaveDebt d : account.debts()) {
            AaveReserveConfig r = reserve(market, d.asset(), account, "debt");
            totalDebt = totalDebt.add(valueInBase(d.balance(), prices.bigPrice(d.asset()), r.decimals()));
        }
        BigInteger avgLtv = totalCollateral.signum() == 0 ? BigInteger.ZERO : ltvWeighted.divide(totalCollateral);
        BigInteger avgThreshold = totalCollateral.signum() == 0 ? BigInteger.ZERO
                : thresholdWeighted.divide(totalCollateral);
        BigInteger hf = totalDebt.signum() == 0 ? AaveAccountData.NO_DEBT_HEALTH_FACTOR
                : WadRayMath.wadDiv(WadRayMath.percentMul(totalCollateral, avgThreshold), totalDebt);
        return new AaveAccountData(totalCollateral, totalDebt, avgLtv, avgThreshold, hf, zeroLtv);
    }

    /** The exact health factor in WAD. */
    public BigInteger healthFactor(AaveMarket market, AavePrices prices, AaveAccount account) {
        return accountData(market, prices, account).healthFactor();
    }

    /** The health factor in doubles (1.0 = boundary), infinity without debt. */
    public double healthFactorFast(AaveMarket market, AavePrices prices, AaveAccount account) {
        AaveEModeCategory eMode = eMode(market, account);
        double weighted = 0;
        double debt = 0;
        for (AaveCollateral c : account.collaterals()) {
            AaveReserveConfig r = market.reserve(c.asset(), "account " + account.id() + " collateral");
            if (!c.usedAsCollateral() || r.liquidationThresholdBps() == 0) {
                continue;
            }
            boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
            int threshold = inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps();
            weighted += c.balance().doubleValue() * prices.price(c.asset()) / Math.pow(10, r.decimals()) * threshold;
        }
        for (AaveDebt d : account.debts()) {
            AaveReserveConfig r = market.reserve(d.asset(), "account " + account.id() + " debt");
            debt += d.balance().doubleValue() * prices.price(d.asset()) / Math.pow(10, r.decimals());
        }
        return debt == 0 ? Double.POSITIVE_INFINITY : weighted / 10_000.0 / debt;
    }

    /** {@code balance * price / 10^decimals}, truncated, as {@code GenericLogic._getUserBalanceInBaseCurrency}. */
    public static BigInteger valueInBase(BigInteger balance, BigInteger price, int decimals) {
        return balance.multiply(price).divide(WadRayMath.pow10(decimals));
    }

    /** The market's reserve of {@code asset}; the error naming the account is built only when there is none. */
    static AaveReserveConfig reserve(AaveMarket market, AssetId asset, AaveAccount account, String role) {
        AaveReserveConfig r = market.reserves().get(asset);
        return r != null ? r : market.reserve(asset, "account " + account.id() + " " + role);
    }

    static AaveEModeCategory eMode(AaveMarket market, AaveAccount account) {
        return eMode(market, account.eModeCategory(), account.id());
    }

    /** The market's e-mode category {@code category} of {@code account} (null for 0, none). */
    static AaveEModeCategory eMode(AaveMarket market, int category, AccountId account) {
        if (category == 0) {
            return null;
        }
        AaveEModeCategory e = market.eModes().get(category);
        if (e == null) {
            throw new IllegalArgumentException("account " + account + ": eModeCategory " + category
                    + " is not a category of this market");
        }
        return e;
    }
}
