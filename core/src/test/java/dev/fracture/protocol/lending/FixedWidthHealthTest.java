package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixed-width account check against the contract's formula in unbounded integers ({@code BigInteger}): the same
 * record to the last unit wherever it answers, and no answer beyond its range.
 */
class FixedWidthHealthTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");

    static LongStream seeds() {
        return LongStream.range(0, 20).map(s -> 0x5EED_0000L + s * 7919);
    }

    private static BigInteger unsigned(long word) {
        return BigInteger.valueOf(word).and(TWO_64.subtract(BigInteger.ONE));
    }

    /** A word of the given width, its top bit set (so every width from 1 to 64 bits is met). */
    private static long word(SplittableRandom random, int bits) {
        long w = random.nextLong();
        return bits == 64 ? w | Long.MIN_VALUE : ((w >>> (64 - bits)) | (1L << (bits - 1)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theDoubleWordQuotientIsTheQuotientOfTheUnboundedNumbers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 2_000; k++) {
            long divisor = word(random, random.nextInt(1, 65));
            long hi = Long.remainderUnsigned(random.nextLong(), divisor);
            long lo = random.nextLong();
            BigInteger dividend = unsigned(hi).shiftLeft(64).or(unsigned(lo));
            BigInteger expected = dividend.divide(unsigned(divisor));
            assertThat(unsigned(UnsignedWide.divide(hi, lo, divisor))).as("%s / %s", dividend, unsigned(divisor))
                    .isEqualTo(expected);
            // The same division by the divisor kept with its reciprocal (Möller–Granlund).
            assertThat(unsigned(UnsignedWide.divide(hi, lo, new UnsignedWide.Divisor(divisor))))
                    .as("%s / kept %s", dividend, unsigned(divisor)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aDivisionByAKeptPowerOfTenIsTheQuotientOfTheUnboundedNumbers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int exponent = 0; exponent <= 18; exponent++) {
            long unit = UnsignedWide.pow10(exponent);
            UnsignedWide.Divisor kept = UnsignedWide.pow10Divisor(exponent);
            assertThat(UnsignedWide.pow10DivisorOf(unit)).isSameAs(kept);
            for (int k = 0; k < 500; k++) {
                // Every high word from 0 to the largest below the unit, and low words of every width.
                long hi = k % 5 == 0 ? 0 : k % 5 == 1 ? unit - 1 : Long.remainderUnsigned(random.nextLong(), unit);
                long lo = k % 7 == 0 ? -1 : random.nextLong() >>> random.nextInt(64);
                BigInteger dividend = unsigned(hi).shiftLeft(64).or(unsigned(lo));
                assertThat(unsigned(UnsignedWide.divide(hi, lo, kept))).as("%s / 10^%d", dividend, exponent)
                        .isEqualTo(dividend.divide(BigInteger.valueOf(unit)));
            }
        }
        assertThat(UnsignedWide.pow10DivisorOf(12_345)).isNull();
    }

    @Test
    void theQuotientAtTheEdgesOfItsRange() {
        long[][] cases = {
                {0, 0, 1}, {0, -1, 1}, {0, -1, -1}, {-2, -1, -1}, {-2, 0, -1}, {0x7FFF_FFFFL, -1, 0x8000_0000L},
                {Long.MAX_VALUE, -1, Long.MIN_VALUE}, {9_999, -1, 10_000}, {999_999_999_999_999_999L, -1,
                1_000_000_000_000_000_000L}, {1, 0, 2}, {0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L, 0x1_0000_0000L},
        };
        for (long[] c : cases) {
            BigInteger dividend = unsigned(c[0]).shiftLeft(64).or(unsigned(c[1]));
            assertThat(unsigned(UnsignedWide.divide(c[0], c[1], c[2]))).as("%s / %s", dividend, unsigned(c[2]))
                    .isEqualTo(dividend.divide(unsigned(c[2])));
            assertThat(unsigned(UnsignedWide.divide(c[0], c[1], new UnsignedWide.Divisor(c[2]))))
                    .as("%s / kept %s", dividend, unsigned(c[2])).isEqualTo(dividend.divide(unsigned(c[2])));
        }
        assertThatThrownBy(() -> UnsignedWide.divide(5, 0, 5)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("is not below the divisor 5");
        assertThatThrownBy(() -> UnsignedWide.divide(5, 0, new UnsignedWide.Divisor(5)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("is not below the divisor 5");
        assertThatThrownBy(() -> new UnsignedWide.Divisor(0)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theHighWordOfAProductIsTheUnboundedProductsHighWord(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 2_000; k++) {
            long a = word(random, random.nextInt(1, 65));
            long b = word(random, random.nextInt(1, 65));
            BigInteger product = unsigned(a).multiply(unsigned(b));
            assertThat(unsigned(UnsignedWide.multiplyHigh(a, b))).isEqualTo(product.shiftRight(64));
            assertThat(unsigned(a * b)).isEqualTo(product.and(TWO_64.subtract(BigInteger.ONE)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aValueInBaseCurrencyIsTheContractsTruncatedQuotientOrNoAnswer(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int answered = 0;
        for (int k = 0; k < 2_000; k++) {
            BigInteger balance = new BigInteger(random.nextInt(0, 135), new java.util.Random(random.nextLong()));
            long price = random.nextInt(4) == 0 ? random.nextLong(0, 1L << 62) : (long) Math.pow(10, random.nextDouble(0, 13));
            int decimals = random.nextInt(0, 22);
            long value = FixedWidthHealth.valueInBase(balance, price, decimals);
            BigInteger exact = AaveHealth.valueInBase(balance, BigInteger.valueOf(price), decimals);
            if (value >= 0) {
                answered++;
                assertThat(BigInteger.valueOf(value)).as("%s x %s / 10^%s", balance, price, decimals)
                        .isEqualTo(exact);
            } else {
                // No answer only outside the range: a wide balance, wide decimals or a value of 2^62 or more.
                assertThat(balance.bitLength() > 127 || decimals > 18 || exact.bitLength() > 62)
                        .as("%s x %s / 10^%s gave no answer", balance, price, decimals).isTrue();
            }
        }
        assertThat(answered).isGreaterThan(500);
    }

    @Test
    void aHealthFactorWorkedByHandAcrossBothWordsOfAnEighteenDecimalBalance() {
        // 10 WETH (1e19 wei: past a signed word) at 2,000 USD, threshold 82.5%; 15,000 USDC of debt at 1 USD.
        RandomAave.Case c = RandomAave.tenWethAgainstFifteenThousandUsdc();
        AaveMarket market = c.market();
        AavePrices prices = c.prices();
        AaveAccount account = c.account();
        AaveAccountData data = FixedWidthHealth.accountData(market, prices, account);
        // Collateral 1e19 * 2e11 / 1e18 = 2e12 (20,000 USD); debt 1.5e10 * 1e8 / 1e6 = 1.5e12;
        // percentMul(2e12, 8250) = 1.65e12; wadDiv(1.65e12, 1.5e12) = 1.1e18.
        assertThat(data).isEqualTo(new AaveAccountData(BigInteger.valueOf(2_000_000_000_000L),
                BigInteger.valueOf(1_500_000_000_000L), BigInteger.valueOf(8000), BigInteger.valueOf(8250),
                new BigInteger("1100000000000000000"), false));

        // One USDC of debt: 1.65e12 * 1e18 / 1e8 = 1.65e22, a factor past 64 bits.
        AaveAccount healthy = new AaveAccount(AccountId.of("b"), 0, account.collaterals(),
                List.of(new AaveDebt(USDC, new BigInteger("1000000"))));
        assertThat(FixedWidthHealth.accountData(market, prices, healthy).healthFactor())
                .isEqualTo(new BigInteger("16500000000000000000000"));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theAccountDataIsTheUnboundedFormulasRecordWhereverItAnswers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 500; k++) {
            RandomAave.Case c = RandomAave.next(random, k);
            AaveAccountData exact = AaveHealth.DEFAULT.exactAccountData(c.market(), c.prices(), c.account());
            AaveAccountData fixed = FixedWidthHealth.accountData(c.market(), c.prices(), c.account());
            // Accounts of 10,000 to 100 million USD: always within the fixed width, so always answered.
            assertThat(fixed).as("%s", c.account()).isEqualTo(exact);
            assertThat(AaveHealth.DEFAULT.accountData(c.market(), c.prices(), c.account())).isEqualTo(exact);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wideAndEModeAccountsAnswerTheSameOrFallBack(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int fixed = 0;
        int fellBack = 0;
        for (int k = 0; k < 400; k++) {
            int assets = random.nextInt(1, 6);
            List<AaveReserveConfig> reserves = new ArrayList<>();
            Map<AssetId, Long> prices = new HashMap<>();
            for (int a = 0; a < assets; a++) {
                AssetId id = AssetId.of("X" + a);
                int lt = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 9_500);
                int ltv = random.nextInt(4) == 0 ? 0 : Math.max(0, lt - random.nextInt(0, 1_000));
                reserves.add(new AaveReserveConfig(id, random.nextInt(0, 25), Math.min(ltv, lt), lt,
                        lt == 0 ? 0 : 10_000 + random.nextInt(0, 100_000_000 / Math.max(lt, 1) - 10_000 + 1),
                        0, 0, 0, 0, true, random.nextInt(3)));
                prices.put(id, 1 + (long) Math.pow(10, random.nextDouble(0, 16)));
            }
            List<AaveEModeCategory> eModes = List.of(new AaveEModeCategory(1, 9000, 9300, 10100),
                    new AaveEModeCategory(2, 0, 9700, 10200));
            AaveMarket market = AaveMarket.of(reserves, eModes);
            List<AaveCollateral> collaterals = new ArrayList<>();
            List<AaveDebt> debts = new ArrayList<>();
            for (int a = 0; a < assets; a++) {
                BigInteger balance = new BigInteger(random.nextInt(0, 132), new java.util.Random(random.nextLong()));
                if (random.nextBoolean()) {
                    collaterals.add(new AaveCollateral(AssetId.of("X" + a), balance, random.nextInt(5) != 0));
                } else {
                    debts.add(new AaveDebt(AssetId.of("X" + a), balance));
                }
            }
            AaveAccount account = new AaveAccount(AccountId.of("w" + k), random.nextInt(3), collaterals, debts);
            AavePrices p = new AavePrices(prices);
            AaveAccountData exact = AaveHealth.DEFAULT.exactAccountData(market, p, account);
            AaveAccountData data = FixedWidthHealth.accountData(market, p, account);
            if (data == null) {
                fellBack++;
            } else {
                fixed++;
                assertThat(data).as("%s", account).isEqualTo(exact);
            }
            assertThat(AaveHealth.DEFAULT.accountData(market, p, account)).isEqualTo(exact);
        }
        assertThat(fixed).isGreaterThan(50);
        assertThat(fellBack).isGreaterThan(50);
    }

    @Test
    void anUnknownReserveFailsAsTheUnboundedFormulaFails() {
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450)), List.of());
        AavePrices prices = new AavePrices(Map.of(USDC, 100_000_000L));
        AaveAccount account = new AaveAccount(AccountId.of("c"), 0,
                List.of(AaveCollateral.of(USDC, BigInteger.TEN)), List.of(new AaveDebt(WETH, BigInteger.ONE)));
        assertThatThrownBy(() -> FixedWidthHealth.accountData(market, prices, account))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account c debt");
        assertThatThrownBy(() -> AaveHealth.DEFAULT.exactAccountData(market, prices, account))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account c debt");
    }
}
