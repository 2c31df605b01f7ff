package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;

/**
 * What a liquidation bot targets on an Aave v3 account: its collateral of largest value against its debt of largest
 * value, both in the oracle's base currency ({@link AaveHealth#valueInBase}, as {@code GenericLogic} values them),
 * the first among equals. A collateral counts only while enabled, held and with a liquidation threshold above zero
 * ({@code ValidationLogic.validateLiquidationCall} refuses the others). Most accounts hold one collateral and one
 * debt: a lone candidate is the answer without valuing it.
 */
public final class AaveTargets {
    private AaveTargets() {
    }

    /** The collateral to seize, or null when the account holds none that may be liquidated. */
    public static AssetId largestCollateral(AaveMarket market, AavePrices prices, AaveAccount account) {
        AaveCollateral best = null;
        BigInteger bestValue = null;
        for (AaveCollateral c : account.collaterals()) {
            if (!c.usedAsCollateral() || c.balance().signum() == 0
                    || market.reserve(c.asset(), "collateral").liquidationThresholdBps() == 0) {
                continue;
            }
            if (best == null) {
                best = c;
                continue;
            }
            if (bestValue == null) {
                bestValue = value(market, prices, best.balance(), best.asset(), "collateral");
            }
            BigInteger v = value(market, prices, c.balance(), c.asset(), "collateral");
            if (v.compareTo(bestValue) > 0) {
                best = c;
                bestValue = v;
            }
        }
        return best == null ? null : best.asset();
    }

    /** The debt to repay, or null when the account owes nothing. */
    public static AssetId largestDebt(AaveMarket market, AavePrices prices, AaveAccount account) {
        AaveDebt best = null;
        BigInteger bestValue = null;
        for (AaveDebt d : account.debts()) {
            if (d.balance().signum() == 0) {
                continue;
            }
            if (best == null) {
                best = d;
                continue;
            }
            if (bestValue == null) {
                bestValue = value(market, prices, best.balance(), best.asset(), "debt");
            }
            BigInteger v = value(market, prices, d.balance(), d.asset(), "debt");
            if (v.compareTo(bestValue) > 0) {
                best = d;
                bestValue = v;
            }
        }
        return best == null ? null : best.asset();
    }

    private static BigInteger value(AaveMarket market, AavePrices prices, BigInteger balance, AssetId asset,
                                    String role) {
        return AaveHealth.valueInBase(balance, prices.bigPrice(asset), market.reserve(asset, role).decimals());
    }
}
