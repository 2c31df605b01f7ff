package dev.fracture.protocol.lending;

/**
 * {@link AaveLiquidation#seizure} of a call that covers the whole debt (what a liquidator sizing an opportunity
 * asks) or a given part of it (what a landed liquidation asks: its {@code debtToCover}), in the contract's steps
 * ({@code LiquidationLogic._calculateDebt} and {@code _calculateAvailableCollateralToLiquidate}, aave/aave-v3-core
 * {@code contracts/protocol/libraries/logic/LiquidationLogic.sol}) in 64-bit words instead of {@code BigInteger}: the
 * same operations in the same order, each truncating or rounding half up as the contract does, so the amounts are the
 * same to the last unit — or no answer at all, and the caller then asks the {@code BigInteger} form, which answers or
 * reverts as it always does.
 *
 * <p>No answer is given when a value leaves the words' range (a balance or debt of 2^113 units or more, a product
 * quotient of 2^127 or more), when a price is not positive or a bonus or fee is out of the basis-point range, and when
 * the call would revert (collateral not enabled or with a zero threshold, a health factor not below 1e18): the
 * {@code BigInteger} form names the reason.
 *
 * <p>Why: a cascade sizes every liquidatable account's opportunity at every oracle move (millions of times in a large
 * run), and the {@code BigInteger} form allocates a number for every product, quotient and difference — its numbers
 * were a fifth of the bytes the benchmark's run allocated.
 */
final class FixedWidthLiquidation {
    private static final long WAD = 1_000_000_000_000_000_000L;
    private static final long CLOSE_FACTOR_HF_THRESHOLD = AaveLiquidation.CLOSE_FACTOR_HF_THRESHOLD.longValueExact();
    private static final long PERCENTAGE_FACTOR = 10_000;
    private static final long HALF_PERCENTAGE = 5_000;
    private static final UnsignedWide.Divisor PERCENTAGE_DIVISOR = UnsignedWide.pow10Divisor(4);
    /** Amounts below 2^113 times a basis-point figure below 2^15 stay below 2^128: {@link WadRayMath}'s bound. */
    private static final int AMOUNT_BITS = 113;
    private static final int PERCENT_BITS = 15;
    /** The divisions by basis-point figures met so far ({@link #percentDivisor}). */
    private static final UnsignedWide.Divisor[] PERCENT_DIVISORS = new UnsignedWide.Divisor[1 << PERCENT_BITS];

    /**
     * The amounts of a call: the close factor applied, the debt repaid, the collateral seized and the collateral the
     * liquidator receives (seized less the protocol's fee), each in two words (high, low). The static forms
     * ({@link #seizure}) answer with one, for a caller that keeps a call's amounts (the tests, which hold them to the
     * {@code BigInteger} form); the engine's checks and landings read a thread's instance's fields ({@link #seize}).
     */
    record Amounts(int closeFactorBps, long debtRepaidHigh, long debtRepaidLow, long seizedHigh, long seizedLow,
                   long toLiquidatorHigh, long toLiquidatorLow) {
        boolean repaysNothing() {
            return (debtRepaidHigh | debtRepaidLow) == 0;
        }
    }

    /** Each thread's instance for {@link #ofThread}. */
    private static final ThreadLocal<FixedWidthLiquidation> OF_THREAD =
            ThreadLocal.withInitial(FixedWidthLiquidation::new);

    /** The high word of the last two-word result; the low word is the method's return value. */
    private long high;
    /** The four words each product quotient of the call is reckoned in, one after the other. */
    private final long[] words = new long[4];
    /** The last call's amounts ({@link #seize}), in the order of {@link Amounts}'s fields. */
    private int closeFactorBps;
    private long debtRepaidHigh;
    private long debtRepaidLow;
    private long seizedHigh;
    private long seizedLow;
    private long toLiquidatorHigh;
    private long toLiquidatorLow;

    private FixedWidthLiquidation() {
    }

    /**
     * The calling thread's instance, whose {@link #seize} leaves a call's amounts in its fields until the thread's next
     * call: for the checks and landings of a cascade, which size millions of calls a run and read two of each call's
     * amounts at once, without a record and the instance's own words made per call — they were about 0.6 GB a run at
     * 1,000,000 accounts, and spaced out in memory the opportunities the checks make, which the rounds read next.
     */
    static FixedWidthLiquidation ofThread() {
        return OF_THREAD.get();
    }

    /**
     * {@link #seizure(long, long, long, long, long, long, long, boolean, AaveReserveConfig, AaveReserveConfig, int,
     * UnsignedWide.Divisor, UnsignedWide.Divisor)} into this instance's fields ({@link #debtRepaidHigh} and so on):
     * false where that answers null, and the fields then hold nothing of use.
     */
    boolean seize(long healthFactor, long coverHigh, long coverLow, long debtHigh, long debtLow, long balanceHigh,
                  long balanceLow, boolean used, AaveReserveConfig collateral, AaveReserveConfig debt, int bonusBps,
                  UnsignedWide.Divisor collateralPrice, UnsignedWide.Divisor debtPrice) {
        if ((coverHigh | coverLow) == 0 || healthFactor < 0 || healthFactor >= WAD || !used
                || collateral.liquidationThresholdBps() == 0
                || bits(debtHigh, debtLow) > AMOUNT_BITS || bits(balanceHigh, balanceLow) > AMOUNT_BITS
                || collateralPrice.value() <= 0 || debtPrice.value() <= 0 || bonusBps <= 0
                || bonusBps >= 1 << PERCENT_BITS
                || collateral.liquidationProtocolFeeBps() < 0
                || collateral.liquidationProtocolFeeBps() >= 1 << PERCENT_BITS
                || collateral.decimals() > 18 || debt.decimals() > 18) {
            return false;
        }
        return amounts(healthFactor > CLOSE_FACTOR_HF_THRESHOLD
                        ? AaveLiquidation.DEFAULT_LIQUIDATION_CLOSE_FACTOR_BPS
                        : AaveLiquidation.MAX_LIQUIDATION_CLOSE_FACTOR_BPS, coverHigh, coverLow, debtHigh, debtLow,
                balanceHigh, balanceLow, collateral, debt, bonusBps, collateralPrice, debtPrice);
    }

    /** Whether the last {@link #seize} repays nothing. */
    boolean repaysNothing() {
        return (debtRepaidHigh | debtRepaidLow) == 0;
    }

    long debtRepaidHigh() {
        return debtRepaidHigh;
    }

    long debtRepaidLow() {
        return debtRepaidLow;
    }

    long seizedHigh() {
        return seizedHigh;
    }

    long seizedLow() {
        return seizedLow;
    }

    long toLiquidatorHigh() {
        return toLiquidatorHigh;
    }

    long toLiquidatorLow() {
        return toLiquidatorLow;
    }

    /**
     * The seizure of a call covering all of a debt of {@code debt} (two words, not zero) against a collateral balance
     * of {@code balance} (two words, not zero), of an account at {@code healthFactor} (one word; a factor of 2^63 or
     * more read as {@link Long#MAX_VALUE}); null when this form gives no answer (see the class).
     *
     * @param used            whether the account has the collateral enabled
     * @param bonusBps        the liquidation bonus in force for this collateral and the account's e-mode
     *                        ({@link AaveMarket#liquidationBonusBps})
     * @param collateralPrice the oracle's price of the collateral (8 decimals)
     * @param debtPrice       the oracle's price of the debt asset (8 decimals)
     */
    static Amounts seizure(long healthFactor, long debtHigh, long debtLow, long balanceHigh, long balanceLow,
                           boolean used, AaveReserveConfig collateral, AaveReserveConfig debt, int bonusBps,
                           long collateralPrice, long debtPrice) {
        return seizure(healthFactor, debtHigh, debtLow, debtHigh, debtLow, balanceHigh, balanceLow, used, collateral,
                debt, bonusBps, collateralPrice, debtPrice);
    }

    /**
     * The seizure of a call covering up to {@code cover} (two words, unsigned, not zero) of the debt: what a landed
     * liquidation asks ({@code debtToCover} of {@code executeLiquidationCall}); the rest as {@link #seizure(long, long,
     * long, long, long, boolean, AaveReserveConfig, AaveReserveConfig, int, long, long)} says.
     */
    static Amounts seizure(long healthFactor, long coverHigh, long coverLow, long debtHigh, long debtLow,
                           long balanceHigh, long balanceLow, boolean used, AaveReserveConfig collateral,
                           AaveReserveConfig debt, int bonusBps, long collateralPrice, long debtPrice) {
        if (collateralPrice <= 0 || debtPrice <= 0) {
            return null;
        }
        return seizure(healthFactor, coverHigh, coverLow, debtHigh, debtLow, balanceHigh, balanceLow, used, collateral,
                debt, bonusBps, new UnsignedWide.Divisor(collateralPrice), new UnsignedWide.Divisor(debtPrice));
    }

    /**
     * {@link #seizure(long, long, long, long, long, long, long, boolean, AaveReserveConfig, AaveReserveConfig, int,
     * long, long)} at prices kept with their reciprocals. The seizure divides a four-word product by each price; by a
     * kept divisor each word's division is two multiplications instead of the processor's divisions, which were two
     * fifths of the time a cascade spent listing Aave's liquidatable accounts.
     */
    static Amounts seizure(long healthFactor, long coverHigh, long coverLow, long debtHigh, long debtLow,
                           long balanceHigh, long balanceLow, boolean used, AaveReserveConfig collateral,
                           AaveReserveConfig debt, int bonusBps, UnsignedWide.Divisor collateralPrice,
                           UnsignedWide.Divisor debtPrice) {
        FixedWidthLiquidation call = new FixedWidthLiquidation();
        if (!call.seize(healthFactor, coverHigh, coverLow, debtHigh, debtLow, balanceHigh, balanceLow, used,
                collateral, debt, bonusBps, collateralPrice, debtPrice)) {
            return null;
        }
        return new Amounts(call.closeFactorBps, call.debtRepaidHigh, call.debtRepaidLow, call.seizedHigh,
                call.seizedLow, call.toLiquidatorHigh, call.toLiquidatorLow);
    }

    /** The amounts of a call that passed {@link #seize}'s checks, into the fields; false where the words cannot tell. */
    private boolean amounts(int closeFactor, long coverHigh, long coverLow, long debtHigh, long debtLow,
                           long balanceHigh, long balanceLow, AaveReserveConfig collateral, AaveReserveConfig debt,
                           int bonus, UnsignedWide.Divisor collateralPrice, UnsignedWide.Divisor debtPrice) {
        // debtTarget = min(debtToCover, percentMul(debt, closeFactor)). The two close factors the contract has need no
        // division: (d·10000 + 5000) / 10000 is d, and (d·5000 + 5000) / 10000 = (d + 1) / 2 as rationals, so their
        // floors are equal (d below 2^113: d + 1 stays in the words).
        long targetLow;
        long targetHigh;
        if (closeFactor == PERCENTAGE_FACTOR) {
            targetHigh = debtHigh;
            targetLow = debtLow;
        } else if (closeFactor == HALF_PERCENTAGE) {
            long plusOneLow = debtLow + 1;
            long plusOneHigh = plusOneLow == 0 ? debtHigh + 1 : debtHigh;
            targetLow = (plusOneLow >>> 1) | (plusOneHigh << 63);
            targetHigh = plusOneHigh >>> 1;
        } else {
            targetLow = percentMul(debtHigh, debtLow, closeFactor);
            targetHigh = high;
        }
        if (compare(targetHigh, targetLow, coverHigh, coverLow) > 0) {
            targetHigh = coverHigh;
            targetLow = coverLow;
        }
        long collateralUnit = UnsignedWide.pow10(collateral.decimals());
        long debtUnit = UnsignedWide.pow10(debt.decimals());
        long[] base = words;
        if (!UnsignedWide.productQuotient(debtPrice.value(), targetHigh, targetLow, collateralUnit, collateralPrice,
                UnsignedWide.pow10Divisor(debt.decimals()), base) || bits(base[1], base[0]) > AMOUNT_BITS) {
            return false;
        }
        long maxLow = percentMul(base[1], base[0], bonus);
        long maxHigh = high;
        long amountHigh;
        long amountLow;
        long repaidHigh;
        long repaidLow;
        if (compare(maxHigh, maxLow, balanceHigh, balanceLow) > 0) {
            amountHigh = balanceHigh;
            amountLow = balanceLow;
            // The base's words are read: the same scratch holds this quotient.
            long[] covered = words;
            if (!UnsignedWide.productQuotient(collateralPrice.value(), balanceHigh, balanceLow, debtUnit, debtPrice,
                    UnsignedWide.pow10Divisor(collateral.decimals()), covered)
                    || bits(covered[1], covered[0]) > AMOUNT_BITS) {
                return false;
            }
            repaidLow = percentDiv(covered[1], covered[0], bonus);
            repaidHigh = high;
        } else {
            amountHigh = maxHigh;
            amountLow = maxLow;
            repaidHigh = targetHigh;
            repaidLow = targetLow;
        }
        long feeHigh = 0;
        long feeLow = 0;
        int feeBps = collateral.liquidationProtocolFeeBps();
        if (feeBps != 0) {
            if (bits(amountHigh, amountLow) > AMOUNT_BITS) {
                return false;
            }
            long principalLow = percentDiv(amountHigh, amountLow, bonus);
            long principalHigh = high;
            if (compare(principalHigh, principalLow, amountHigh, amountLow) > 0) {
                // A bonus below 100% makes the bonus part negative: the BigInteger form's arithmetic.
                return false;
            }
            long bonusLow = amountLow - principalLow;
            long bonusHigh = amountHigh - principalHigh - (Long.compareUnsigned(amountLow, principalLow) < 0 ? 1 : 0);
            feeLow = percentMul(bonusHigh, bonusLow, feeBps);
            feeHigh = high;
        }
        long toLiquidatorLow = amountLow - feeLow;
        long toLiquidatorHigh = amountHigh - feeHigh - (Long.compareUnsigned(amountLow, feeLow) < 0 ? 1 : 0);
        closeFactorBps = closeFactor;
        debtRepaidHigh = repaidHigh;
        debtRepaidLow = repaidLow;
        seizedHigh = amountHigh;
        seizedLow = amountLow;
        this.toLiquidatorHigh = toLiquidatorHigh;
        this.toLiquidatorLow = toLiquidatorLow;
        return true;
    }

    /** {@code PercentageMath.percentMul}: {@code (value * bps + 5000) / 10000} for a value below 2^113. */
    private long percentMul(long valueHigh, long valueLow, long bps) {
        return mulAddDivide(valueHigh, valueLow, bps, HALF_PERCENTAGE, PERCENTAGE_DIVISOR);
    }

    /** {@code PercentageMath.percentDiv}: {@code (value * 10000 + bps / 2) / bps} for a value below 2^113. */
    private long percentDiv(long valueHigh, long valueLow, int bps) {
        return mulAddDivide(valueHigh, valueLow, PERCENTAGE_FACTOR, bps >> 1, percentDivisor(bps));
    }

    /**
     * The division by a basis-point figure ({@code 0 < bps < 2^15}: a bonus), kept with its reciprocal once it is
     * first met. Threads may race to fill an entry; each makes the same divisor, whose fields are final, so a thread
     * reading another's sees it whole (JLS 17.5).
     */
    private static UnsignedWide.Divisor percentDivisor(int bps) {
        UnsignedWide.Divisor kept = PERCENT_DIVISORS[bps];
        if (kept == null) {
            kept = new UnsignedWide.Divisor(bps);
            PERCENT_DIVISORS[bps] = kept;
        }
        return kept;
    }

    /**
     * {@code floor((value · factor + addend) / d)} for a value below 2^113, a factor and addend below 2^15 and the kept
     * divisor {@code d} of that range: the sum stays below 2^128. Returns the low word; the high word is left in
     * {@link #high}.
     */
    private long mulAddDivide(long valueHigh, long valueLow, long factor, long addend, UnsignedWide.Divisor kept) {
        long low = valueLow * factor;
        long productHigh = UnsignedWide.multiplyHigh(valueLow, factor) + valueHigh * factor;
        long sum = low + addend;
        if (Long.compareUnsigned(sum, low) < 0) {
            productHigh++;
        }
        if (productHigh == 0) {
            // A one-word sum (a six-decimal token's amount, mostly): its high quotient is 0, with no division.
            high = 0;
            return UnsignedWide.divide(0, sum, kept);
        }
        // The high word's quotient by the kept divisor too: a one-word dividend is a two-word one of high word 0.
        high = UnsignedWide.divide(0, productHigh, kept);
        long rest = productHigh - high * kept.value();
        return UnsignedWide.divide(rest, sum, kept);
    }

    /** How many bits the two-word number takes. */
    private static int bits(long high, long low) {
        return high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
    }

    /** The unsigned order of two two-word numbers. */
    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }
}
