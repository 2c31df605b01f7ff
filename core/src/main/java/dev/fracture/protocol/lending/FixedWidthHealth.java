package dev.fracture.protocol.lending;

import java.math.BigInteger;

/**
 * {@code GenericLogic.calculateUserAccountData} (aave/aave-v3-core, {@code contracts/protocol/libraries/logic/
 * GenericLogic.sol}) in 64- and 128-bit words instead of {@link BigInteger}: the same operations in the same order,
 * each truncating or rounding half up as the contract does, so the answer is the same to the last unit — or no answer
 * at all when a value leaves the words' range, and the caller then takes the {@code BigInteger} form
 * ({@link AaveHealth#accountData}).
 *
 * <p>Why: a cascade re-checks every liquidatable account at every oracle move (millions of checks in a large run),
 * and the {@code BigInteger} form allocates a number for every product, sum and quotient. The range kept here covers
 * every realistic account: each balance below 2^127 units, each reserve's decimals at most 18, and every value in
 * base currency (8 decimals) below 2^62 — 46 billion USD — alone and summed. Within it the products are exact: a
 * value times a basis-point weight stays below 2^78 and a value times {@code 1e18} below 2^122, both held in two
 * words ({@link UnsignedWide}).
 */
final class FixedWidthHealth {
    /** Values and totals in base currency stay below this; beyond it the caller takes the {@code BigInteger} form. */
    private static final long LIMIT = 1L << 62;
    private static final long WAD = 1_000_000_000_000_000_000L;
    private static final UnsignedWide.Divisor PERCENTAGE_DIVISOR = UnsignedWide.pow10Divisor(4);
    private static final long HALF_PERCENTAGE = 5_000;

    private FixedWidthHealth() {
    }

    /**
     * The exact account data, or null when some value leaves the fixed width (then nothing is decided here). Unknown
     * reserves and e-mode categories fail as {@link AaveHealth#accountData} fails, in the same order.
     */
    static AaveAccountData accountData(AaveMarket market, AavePrices prices, AaveAccount account) {
        Sums sums = new Sums();
        AaveEModeCategory eMode = AaveHealth.eMode(market, account);
        for (AaveCollateral c : account.collaterals()) {
            AaveReserveConfig r = AaveHealth.reserve(market, c.asset(), account, "collateral");
            if (!c.usedAsCollateral() || r.liquidationThresholdBps() == 0) {
                continue;
            }
            if (!sums.collateral(valueInBase(c.balance(), prices.price(c.asset()), r.decimals()), r, eMode)) {
                return null;
            }
        }
        for (AaveDebt d : account.debts()) {
            AaveReserveConfig r = AaveHealth.reserve(market, d.asset(), account, "debt");
            if (!sums.debt(valueInBase(d.balance(), prices.price(d.asset()), r.decimals()))) {
                return null;
            }
        }
        return sums.data();
    }

    /**
     * One account's running sums, collateral after collateral, then debt after debt, in the contract's order: the
     * totals in base currency and the value × basis-point weights in two words each. The records' form above and the
     * arrays' form ({@link AaveAccountTable}) both add through it.
     */
    static final class Sums {
        private long totalCollateral;
        private long totalDebt;
        // Sums of value × basis points, two words each (high, low).
        private long ltvHigh;
        private long ltvLow;
        private long thresholdHigh;
        private long thresholdLow;
        private boolean zeroLtv;
        /** The low word of the last {@link #healthNumerator}. */
        private long numeratorLow;

        /**
         * Adds a collateral that counts (used, with a threshold above zero) of {@code value} in base currency, its
         * weights those of reserve {@code r} or of the account's e-mode category; false when the value was out of
         * range (-1 from {@link #valueInBase}) or the total leaves the fixed width.
         */
        boolean collateral(long value, AaveReserveConfig r, AaveEModeCategory eMode) {
            if (value < 0) {
                return false;
            }
            totalCollateral += value;
            if (totalCollateral >= LIMIT) {
                return false;
            }
            boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
            long ltv = inEMode ? eMode.ltvBps() : r.ltvBps();
            long threshold = inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps();
            // The contract tests the reserve's own LTV for zero, not the e-mode one.
            if (r.ltvBps() != 0) {
                long low = value * ltv;
                long sum = ltvLow + low;
                ltvHigh += Math.multiplyHigh(value, ltv) + (Long.compareUnsigned(sum, ltvLow) < 0 ? 1 : 0);
                ltvLow = sum;
            } else {
                zeroLtv = true;
            }
            long low = value * threshold;
            long sum = thresholdLow + low;
            thresholdHigh += Math.multiplyHigh(value, threshold) + (Long.compareUnsigned(sum, thresholdLow) < 0 ? 1 : 0);
            thresholdLow = sum;
            return true;
        }

        /** Adds a debt of {@code value} in base currency; false as {@link #collateral} says. */
        boolean debt(long value) {
            if (value < 0) {
                return false;
            }
            totalDebt += value;
            return totalDebt < LIMIT;
        }

        /**
         * The health factor of the sums in one word, the {@link #data}'s {@code healthFactor} where it is below
         * 2^63 and {@link Long#MAX_VALUE} where it is not (no debt, or a factor over 9.2e18 — an account that is
         * neither liquidatable nor near the close factor's threshold): what a check that finds no opportunity needs,
         * without the data's numbers.
         */
        long healthFactorWord() {
            if (totalDebt == 0) {
                return Long.MAX_VALUE;
            }
            long high = healthNumerator(averageThreshold());
            if (Long.compareUnsigned(high, totalDebt) >= 0) {
                return Long.MAX_VALUE;
            }
            long hf = UnsignedWide.divide(high, numeratorLow, totalDebt);
            return hf < 0 ? Long.MAX_VALUE : hf;
        }

        /** The account data of the sums. */
        AaveAccountData data() {
            // A weighted sum over the total is at most the largest weight (basis points): the quotient fits one word.
            long avgLtv = totalCollateral == 0 ? 0 : UnsignedWide.divide(ltvHigh, ltvLow, totalCollateral);
            long avgThreshold = averageThreshold();
            BigInteger hf;
            if (totalDebt == 0) {
                hf = AaveAccountData.NO_DEBT_HEALTH_FACTOR;
            } else {
                // The quotient can pass one word (a healthy account's factor over 18.4).
                long high = healthNumerator(avgThreshold);
                hf = UnsignedWide.quotient(high, numeratorLow, totalDebt);
            }
            return new AaveAccountData(BigInteger.valueOf(totalCollateral), BigInteger.valueOf(totalDebt),
                    BigInteger.valueOf(avgLtv), BigInteger.valueOf(avgThreshold), hf, zeroLtv);
        }

        /** The average liquidation threshold, basis points: the weighted sum over the total collateral. */
        private long averageThreshold() {
            return totalCollateral == 0 ? 0 : UnsignedWide.divide(thresholdHigh, thresholdLow, totalCollateral);
        }

        /**
         * The numerator of {@code WadRayMath.wadDiv(percentMul(totalCollateral, avgThreshold), totalDebt)}, that is
         * {@code a * 1e18 + totalDebt / 2} for {@code a} below 2^62: returns its high word and leaves the low one in
         * {@link #numeratorLow}. The health factor is its quotient by the total debt.
         */
        private long healthNumerator(long avgThreshold) {
            long a = percentMul(totalCollateral, avgThreshold);
            long low = a * WAD;
            long high = Math.multiplyHigh(a, WAD);
            numeratorLow = low + (totalDebt >> 1);
            return high + (Long.compareUnsigned(numeratorLow, low) < 0 ? 1 : 0);
        }
    }

    /**
     * {@code balance * price / 10^decimals}, truncated ({@code GenericLogic._getUserBalanceInBaseCurrency}); -1 when
     * the balance has more than 127 bits, the decimals are above 18, the price is negative or the value reaches
     * {@link #LIMIT}.
     */
    static long valueInBase(BigInteger balance, long price, int decimals) {
        if (balance.bitLength() > 127) {
            return -1;
        }
        return valueInBase(UnsignedWide.high(balance), balance.longValue(), price, decimals);
    }

    /** {@link #valueInBase(BigInteger, long, int)} of the balance {@code balanceHigh·2^64 + balanceLow}, below 2^127. */
    static long valueInBase(long balanceHigh, long balanceLow, long price, int decimals) {
        if (decimals > 18 || price < 0) {
            return -1;
        }
        long unit = UnsignedWide.pow10(decimals);
        // (balanceHigh·2^64 + balanceLow) × price in three words; the top one must be zero.
        long word0 = balanceLow * price;
        long carryIn = UnsignedWide.multiplyHigh(balanceLow, price);
        long word1 = carryIn + balanceHigh * price;
        long word2 = Math.multiplyHigh(balanceHigh, price) + (Long.compareUnsigned(word1, carryIn) < 0 ? 1 : 0);
        if (word2 != 0 || Long.compareUnsigned(word1, unit) >= 0) {
            return -1;
        }
        long value = UnsignedWide.divide(word1, word0, UnsignedWide.pow10Divisor(decimals));
        return value < 0 || value >= LIMIT ? -1 : value;
    }

    /** {@code PercentageMath.percentMul}: {@code (value * bps + 5000) / 10000}, for a value below 2^62. */
    private static long percentMul(long value, long bps) {
        long low = value * bps;
        long high = Math.multiplyHigh(value, bps);
        long sum = low + HALF_PERCENTAGE;
        high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        return UnsignedWide.divide(high, sum, PERCENTAGE_DIVISOR);
    }
}
