package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seizure in words against the contract's arithmetic: amounts worked by hand (the cases of
 * {@link AaveLiquidationTest}, whose figures are worked in its comments), the close factor's threshold to the unit, and
 * seeded random calls over the whole range of balances, prices, decimals, bonuses, fees and health factors, each
 * answer equal to {@link AaveLiquidation#seizure}'s in {@code BigInteger} — and no answer only where that form reverts
 * or a value leaves the words' range, computed here in unbounded integers.
 */
class FixedWidthLiquidationTest {
    private static final AssetId COLLATERAL = AssetId.of("C");
    private static final AssetId DEBT = AssetId.of("D");
    private static final BigInteger TWO_113 = BigInteger.ONE.shiftLeft(113);
    private static final long WAD = 1_000_000_000_000_000_000L;

    static LongStream seeds() {
        return LongStream.range(0, 16).map(s -> 0x5E12E_000L + s * 7_919);
    }

    private static FixedWidthLiquidation.Amounts words(long healthFactor, BigInteger debt, BigInteger balance,
                                                       boolean used, AaveReserveConfig collateral,
                                                       AaveReserveConfig debtReserve, long collateralPrice,
                                                       long debtPrice) {
        return FixedWidthLiquidation.seizure(healthFactor, UnsignedWide.high(debt), debt.longValue(),
                UnsignedWide.high(balance), balance.longValue(), used, collateral, debtReserve,
                collateral.liquidationBonusBps(), collateralPrice, debtPrice);
    }

    private static BigInteger repaid(FixedWidthLiquidation.Amounts a) {
        return UnsignedWide.toBigInteger(a.debtRepaidHigh(), a.debtRepaidLow());
    }

    private static BigInteger toLiquidator(FixedWidthLiquidation.Amounts a) {
        return UnsignedWide.toBigInteger(a.toLiquidatorHigh(), a.toLiquidatorLow());
    }

    @Test
    void theHandWorkedCallsGiveTheSameAmounts() {
        AaveReserveConfig weth = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.WETH, "test");
        AaveReserveConfig usdc = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.USDC, "test");
        BigInteger debt = new BigInteger("1700000000");
        // 1 WETH at 2,000 USD against 1,700 USDC: health factor 0.970588235294117647 > 0.95, close factor 50%: 850
        // USDC repaid for 0.44625 WETH, of which 10% of the 0.02125 bonus part is the protocol's fee: 0.444125 WETH.
        FixedWidthLiquidation.Amounts half = words(970_588_235_294_117_647L, debt, AaveLiquidationTest.ONE_ETH,
                true, weth, usdc, 200_000_000_000L, 100_000_000L);
        assertThat(half.closeFactorBps()).isEqualTo(5_000);
        assertThat(repaid(half)).isEqualTo(new BigInteger("850000000"));
        assertThat(toLiquidator(half)).isEqualTo(new BigInteger("444125000000000000"));
        // At 1,000 USD (health factor 0.485): all of the 1 WETH is seized, covering 1e9 * 1e4 / 10500 = 952380952
        // units of debt; the fee is 10% of 1e18 - 952380952380952381, rounded half up: 4761904761904762.
        FixedWidthLiquidation.Amounts all = words(485_294_117_647_058_823L, debt, AaveLiquidationTest.ONE_ETH, true,
                weth, usdc, 100_000_000_000L, 100_000_000L);
        assertThat(all.closeFactorBps()).isEqualTo(10_000);
        assertThat(repaid(all)).isEqualTo(new BigInteger("952380952"));
        assertThat(toLiquidator(all)).isEqualTo(new BigInteger("995238095238095238"));
    }

    @Test
    void theCloseFactorTurnsFullAtExactlyZeroPointNinetyFive() {
        AaveReserveConfig weth = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.WETH, "test");
        AaveReserveConfig usdc = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.USDC, "test");
        BigInteger debt = new BigInteger("1000000000");
        BigInteger balance = BigInteger.TEN.pow(19);
        // The contract compares with '>': 0.95e18 itself already allows the whole debt.
        assertThat(words(950_000_000_000_000_000L, debt, balance, true, weth, usdc, 200_000_000_000L, 100_000_000L)
                .closeFactorBps()).isEqualTo(10_000);
        assertThat(words(950_000_000_000_000_001L, debt, balance, true, weth, usdc, 200_000_000_000L, 100_000_000L)
                .closeFactorBps()).isEqualTo(5_000);
        assertThat(repaid(words(950_000_000_000_000_001L, debt, balance, true, weth, usdc, 200_000_000_000L,
                100_000_000L))).isEqualTo(new BigInteger("500000000"));
    }

    /**
     * The half close factor's target, {@code (d·5000 + 5000) / 10000}, at debts whose low word is all ones or about
     * the word's edge, worked by hand: 2^64 − 1 gives 2^63, 2^65 − 1 gives 2^64 (the carry into the high word), 2^64
     * + 2 gives 2^63 + 1 and 2^64 + 3 gives 2^63 + 2 (halves round up). Both reserves have 18 decimals and one price, and
     * the balance is far above the seizure, so the debt repaid is the target; each equals the {@code BigInteger} form's.
     */
    @Test
    void theHalfCloseFactorsTargetCarriesAcrossTheWordsEdge() {
        AaveReserveConfig collateral = AaveReserveConfig.of(COLLATERAL, 18, 8_000, 8_250, 10_500);
        AaveReserveConfig debtReserve = AaveReserveConfig.of(DEBT, 18, 8_000, 8_250, 10_500);
        AaveMarket market = AaveMarket.of(List.of(collateral, debtReserve), List.of());
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        BigInteger balance = BigInteger.ONE.shiftLeft(100);
        long hf = 960_000_000_000_000_000L;
        BigInteger[][] debtAndTarget = {
            {two64.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(63)},
            {BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE), two64},
            {two64.add(BigInteger.TWO), BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE)},
            {two64.add(BigInteger.valueOf(3)), BigInteger.ONE.shiftLeft(63).add(BigInteger.TWO)},
        };
        for (BigInteger[] row : debtAndTarget) {
            FixedWidthLiquidation.Amounts got = words(hf, row[0], balance, true, collateral, debtReserve,
                    100_000_000L, 100_000_000L);
            assertThat(got.closeFactorBps()).isEqualTo(5_000);
            assertThat(repaid(got)).as("debt " + row[0]).isEqualTo(row[1]);
            AaveLiquidation.Seizure expected = AaveLiquidation.DEFAULT.seizure(market,
                    new AavePrices(Map.of(COLLATERAL, 100_000_000L, DEBT, 100_000_000L)),
                    new AaveLiquidation.Position(AccountId.of("edge"), 0, balance, true, row[0]),
                    new AaveAccountData(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO,
                            BigInteger.valueOf(hf), false), COLLATERAL, DEBT, row[0]);
            assertThat(repaid(got)).isEqualTo(expected.debtRepaid());
            assertThat(toLiquidator(got)).isEqualTo(expected.collateralToLiquidator());
        }
    }

    @Test
    void callsTheContractWouldRevertGetNoAnswer() {
        AaveReserveConfig weth = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.WETH, "test");
        AaveReserveConfig usdc = AaveLiquidationTest.MARKET.reserve(AaveLiquidationTest.USDC, "test");
        AaveReserveConfig noThreshold = AaveReserveConfig.of(AssetId.of("Z"), 18, 0, 0, 0);
        BigInteger debt = new BigInteger("1700000000");
        BigInteger one = AaveLiquidationTest.ONE_ETH;
        // Healthy (HEALTH_FACTOR_NOT_BELOW_THRESHOLD), collateral not enabled or without a threshold
        // (COLLATERAL_CANNOT_BE_LIQUIDATED): the BigInteger form reverts and names the reason.
        assertThat(words(WAD, debt, one, true, weth, usdc, 100_000_000_000L, 100_000_000L)).isNull();
        assertThat(words(WAD / 2, debt, one, false, weth, usdc, 100_000_000_000L, 100_000_000L)).isNull();
        assertThat(words(WAD / 2, debt, one, true, noThreshold, usdc, 100_000_000_000L, 100_000_000L)).isNull();
        // Out of the words: a debt of 2^113 units, a zero price.
        assertThat(words(WAD / 2, TWO_113, one, true, weth, usdc, 100_000_000_000L, 100_000_000L)).isNull();
        assertThat(words(WAD / 2, debt, one, true, weth, usdc, 0, 100_000_000L)).isNull();
        assertThat(words(WAD / 2, debt, TWO_113, true, weth, usdc, 100_000_000_000L, 100_000_000L)).isNull();
        assertThat(words(WAD / 2, debt, TWO_113.subtract(BigInteger.ONE), true, weth, usdc, 100_000_000_000L,
                100_000_000L)).isNotNull();
    }

    /**
     * Random calls: two reserves of 0 to 18 decimals (now and then more), thresholds (now and then zero), bonuses and
     * fees the configuration allows, prices of 1 to 2^62 (the oracle gives none below 1), balances and debts of 1 to 126 bits,
     * and health factors at and about the close factor's threshold and below 1e18 (now and then not below it).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomCallsGiveTheBigIntegerAmountsOrNoAnswerWhereTheWordsCannotTell(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Random bits = new Random(seed);
        int answered = 0;
        int fullClose = 0;
        int cappedByBalance = 0;
        int partCovered = 0;
        for (int n = 0; n < 4_000; n++) {
            AaveReserveConfig collateral = reserve(random, COLLATERAL);
            AaveReserveConfig debtReserve = reserve(random, DEBT);
            AaveMarket market = AaveMarket.of(List.of(collateral, debtReserve), List.of());
            long collateralPrice = price(random);
            long debtPrice = price(random);
            BigInteger balance = amount(random, bits);
            BigInteger debt = amount(random, bits);
            // The whole debt (what a liquidator sizing the call asks) or what a landed plan asks: one unit, part of
            // the debt, or far more than it.
            BigInteger cover = switch (random.nextInt(6)) {
                case 0 -> BigInteger.ONE;
                case 1 -> debt.shiftRight(random.nextInt(1, 12)).max(BigInteger.ONE);
                case 2 -> debt.shiftLeft(random.nextInt(1, 8));
                default -> debt;
            };
            boolean used = random.nextInt(20) != 0;
            long hf = healthFactor(random);
            AavePrices prices = new AavePrices(Map.of(COLLATERAL, collateralPrice, DEBT, debtPrice));
            AaveLiquidation.Position position = new AaveLiquidation.Position(AccountId.of("a" + n), 0, balance, used,
                    debt);
            AaveAccountData data = new AaveAccountData(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO,
                    BigInteger.ZERO, BigInteger.valueOf(hf), false);
            AaveLiquidation.Seizure expected = null;
            RuntimeException reverted = null;
            try {
                expected = AaveLiquidation.DEFAULT.seizure(market, prices, position, data, COLLATERAL, DEBT, cover);
            } catch (IllegalArgumentException | ArithmeticException e) {
                reverted = e;
            }
            FixedWidthLiquidation.Amounts got = cover.equals(debt) && random.nextBoolean()
                    ? words(hf, debt, balance, used, collateral, debtReserve, collateralPrice, debtPrice)
                    : cover.bitLength() > 127 ? null : FixedWidthLiquidation.seizure(hf, UnsignedWide.high(cover),
                            cover.longValue(), UnsignedWide.high(debt), debt.longValue(), UnsignedWide.high(balance),
                            balance.longValue(), used, collateral, debtReserve, collateral.liquidationBonusBps(),
                            collateralPrice, debtPrice);
            String what = "call " + n + ": hf " + hf + ", cover " + cover + ", debt " + debt + ", balance " + balance
                    + ", " + collateral
                    + ", " + debtReserve + ", prices " + collateralPrice + "/" + debtPrice;
            if (got == null) {
                assertThat(reverted != null || cover.bitLength() > 127 || beyondTheWords(hf, cover, debt, balance,
                        collateral, debtReserve, collateralPrice, debtPrice)).as(what).isTrue();
                continue;
            }
            assertThat(reverted).as(what).isNull();
            answered++;
            assertThat(got.closeFactorBps()).as(what).isEqualTo(expected.closeFactorBps());
            assertThat(repaid(got)).as(what).isEqualTo(expected.debtRepaid());
            assertThat(toLiquidator(got)).as(what).isEqualTo(expected.collateralToLiquidator());
            assertThat(UnsignedWide.toBigInteger(got.seizedHigh(), got.seizedLow())).as(what)
                    .isEqualTo(expected.collateralSeized());
            partCovered += cover.compareTo(expected.debtRepaid()) == 0 && cover.compareTo(debt) < 0 ? 1 : 0;
            fullClose += got.closeFactorBps() == 10_000 ? 1 : 0;
            cappedByBalance += expected.remainingCollateral().signum() == 0 ? 1 : 0;
        }
        // Most calls are answered, of both close factors and both branches of the collateral cap.
        assertThat(answered).isGreaterThan(2_000);
        assertThat(fullClose).isGreaterThan(200);
        assertThat(answered - fullClose).isGreaterThan(200);
        assertThat(cappedByBalance).isGreaterThan(200);
        assertThat(answered - cappedByBalance).isGreaterThan(200);
        // And calls whose cover, less than the debt, is what they repay.
        assertThat(partCovered).isGreaterThan(100);
    }

    /**
     * Whether a value of the call leaves the words' range, reckoned in unbounded integers: a debt or balance of 2^113
     * units or more, decimals above 18, a price that is not positive, or the collateral the debt target (the close
     * factor's part of the debt or the cover, whichever is less) buys (or the
     * debt the balance covers, when the balance caps the seizure) of 2^113 units or more.
     */
    private static boolean beyondTheWords(long hf, BigInteger cover, BigInteger debt, BigInteger balance,
                                          AaveReserveConfig collateral, AaveReserveConfig debtReserve,
                                          long collateralPrice, long debtPrice) {
        if (debt.bitLength() > 113 || balance.bitLength() > 113 || collateral.decimals() > 18
                || debtReserve.decimals() > 18 || collateralPrice <= 0 || debtPrice <= 0) {
            return true;
        }
        int closeFactor = hf > 950_000_000_000_000_000L ? 5_000 : 10_000;
        BigInteger target = debt.multiply(BigInteger.valueOf(closeFactor)).add(BigInteger.valueOf(5_000))
                .divide(BigInteger.valueOf(10_000)).min(cover);
        BigInteger collateralUnit = BigInteger.TEN.pow(collateral.decimals());
        BigInteger debtUnit = BigInteger.TEN.pow(debtReserve.decimals());
        BigInteger base = BigInteger.valueOf(debtPrice).multiply(target).multiply(collateralUnit)
                .divide(BigInteger.valueOf(collateralPrice).multiply(debtUnit));
        if (base.bitLength() > 113) {
            return true;
        }
        BigInteger max = base.multiply(BigInteger.valueOf(collateral.liquidationBonusBps()))
                .add(BigInteger.valueOf(5_000)).divide(BigInteger.valueOf(10_000));
        BigInteger covered = BigInteger.valueOf(collateralPrice).multiply(balance).multiply(debtUnit)
                .divide(BigInteger.valueOf(debtPrice).multiply(collateralUnit));
        return max.compareTo(balance) > 0 && covered.bitLength() > 113;
    }

    private static AaveReserveConfig reserve(SplittableRandom random, AssetId asset) {
        int decimals = random.nextInt(30) == 0 ? random.nextInt(19, 28) : random.nextInt(0, 19);
        if (random.nextInt(25) == 0) {
            return AaveReserveConfig.of(asset, decimals, 0, 0, 0);
        }
        int threshold = random.nextInt(1, 9_800);
        int ltv = random.nextInt(0, threshold + 1);
        // threshold × bonus at most 100%, the bonus at least 100% (AaveReserveConfig's rules).
        int bonus = random.nextInt(10_000, Math.min(15_000, 100_000_000 / threshold) + 1);
        int fee = random.nextInt(3) == 0 ? 0 : random.nextInt(0, 10_001);
        return new AaveReserveConfig(asset, decimals, ltv, threshold, bonus, fee, 0, 0, 0, true, 0);
    }

    private static long price(SplittableRandom random) {
        return Math.max(1, (long) Math.exp(random.nextDouble(0, Math.log(0x1p62))));
    }

    private static BigInteger amount(SplittableRandom random, Random bits) {
        return new BigInteger(random.nextInt(1, 127), bits).add(BigInteger.ONE);
    }

    private static long healthFactor(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> 950_000_000_000_000_000L;
            case 1 -> 950_000_000_000_000_001L;
            case 2 -> WAD - 1;
            case 3 -> random.nextInt(10) == 0 ? WAD + random.nextLong(0, WAD) : random.nextLong(0, WAD);
            case 4, 5 -> random.nextLong(950_000_000_000_000_001L, WAD);
            default -> random.nextLong(0, 950_000_000_000_000_000L);
        };
    }
}
