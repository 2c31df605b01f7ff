package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return largest(market, prices, account.collaterals(), c -> c.usedAsCollateral() && c.balance().signum() != 0
                && market.reserve(c.asset(), "collateral").liquidationThresholdBps() != 0,
                AaveCollateral::asset, AaveCollateral::balance, "collateral");
    }

    /** The debt to repay, or null when the account owes nothing. */
    public static AssetId largestDebt(AaveMarket market, AavePrices prices, AaveAccount account) {
        return largest(market, prices, account.debts(), d -> d.balance().signum() != 0, AaveDebt::asset,
                AaveDebt::balance, "debt");
    }

    /** The eligible item of largest value, the first among equals; a lone one without valuing it. */
    private static <T> AssetId largest(AaveMarket market, AavePrices prices, List<T> items, Predicate<T> eligible,
                                       Function<T, AssetId> asset, Function<T, BigInteger> balance, String role) {
        T best = null;
        BigInteger bestValue = null;
        for (T item : items) {
            if (!eligible.test(item)) {
                continue;
            }
            if (best == null) {
                best = item;
                continue;
            }
            if (bestValue == null) {
                bestValue = value(market, prices, balance.apply(best), asset.apply(best), role);
            }
            BigInteger v = value(market, prices, balance.apply(item), asset.apply(item), role);
            if (v.compareTo(bestValue) > 0) {
                best = item;
                bestValue = v;
            }
        }
        return best == null ? null : asset.apply(best);
    }

    private static BigInteger value(AaveMarket market, AavePrices prices, BigInteger balance, AssetId asset,
                                    String role) {
        return AaveHealth.valueInBase(balance, prices.bigPrice(asset), market.reserve(asset, role).decimals());
    }
}
