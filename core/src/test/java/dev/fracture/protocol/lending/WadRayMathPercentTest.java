package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code PercentageMath.percentMul} and {@code percentDiv} (aave/aave-v3-core,
 * {@code contracts/protocol/libraries/math/PercentageMath.sol}): half-up basis-point arithmetic, whichever path
 * {@link WadRayMath} takes (two 64-bit words or {@code BigInteger}), against the formula written out here.
 */
class WadRayMathPercentTest {
    private static final BigInteger FACTOR = BigInteger.valueOf(10_000);

    static LongStream seeds() {
        return LongStream.range(0, 12).map(s -> 0xBA5E_0000L + s * 104_729);
    }

    private static BigInteger mul(BigInteger value, BigInteger bps) {
        return value.multiply(bps).add(BigInteger.valueOf(5_000)).divide(FACTOR);
    }

    private static BigInteger div(BigInteger value, BigInteger bps) {
        return value.multiply(FACTOR).add(bps.shiftRight(1)).divide(bps);
    }

    @Test
    void halfUpByHand() {
        // 10,001 x 50% = 5,000.5, rounded half up to 5,001; 1 / 0.03% = 3,333.33…, (10,000 + 1) / 3 = 3,333.
        assertThat(WadRayMath.percentMul(BigInteger.valueOf(10_001), 5_000)).isEqualTo(BigInteger.valueOf(5_001));
        assertThat(WadRayMath.percentMul(BigInteger.valueOf(9_999), 5_000)).isEqualTo(BigInteger.valueOf(5_000));
        assertThat(WadRayMath.percentDiv(BigInteger.ONE, 3)).isEqualTo(BigInteger.valueOf(3_333));
        // A 105% bonus on 5 x 2^100 units (two words): exact, as 5 x 2^100 is a multiple
        // of 20; and 2^100 x 1.05 = ...644.8, rounded half up.
        BigInteger big = BigInteger.valueOf(5).shiftLeft(100);
        assertThat(WadRayMath.percentMul(BigInteger.ONE.shiftLeft(100), 10_500))
                .isEqualTo(new BigInteger("1331033130239640871571538365645"));
        assertThat(WadRayMath.percentMul(big, 10_500)).isEqualTo(big.multiply(BigInteger.valueOf(21)).divide(
                BigInteger.valueOf(20)));
        assertThat(WadRayMath.percentDiv(big.multiply(BigInteger.valueOf(21)).divide(BigInteger.valueOf(20)),
                10_500)).isEqualTo(big);
        assertThatThrownBy(() -> WadRayMath.percentDiv(BigInteger.TEN, 0)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyValueAndPercentageGivesTheFormulasNumber(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 3_000; k++) {
            BigInteger value = new BigInteger(random.nextInt(0, 131), new Random(random.nextLong()));
            if (random.nextInt(20) == 0) {
                value = value.negate();
            }
            long bps = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(0, 10_001);
                case 1 -> random.nextLong(0, 1L << 16);
                case 2 -> random.nextLong(1, Long.MAX_VALUE);
                default -> 10_000 + random.nextLong(0, 2_000);
            };
            BigInteger p = BigInteger.valueOf(bps);
            assertThat(WadRayMath.percentMul(value, bps)).as("%s x %s bps", value, bps).isEqualTo(mul(value, p));
            assertThat(WadRayMath.percentMul(value, p)).as("%s x %s bps", value, bps).isEqualTo(mul(value, p));
            if (bps > 0) {
                assertThat(WadRayMath.percentDiv(value, bps)).as("%s / %s bps", value, bps).isEqualTo(div(value, p));
                assertThat(WadRayMath.percentDiv(value, p)).as("%s / %s bps", value, bps).isEqualTo(div(value, p));
            }
        }
    }

    @Test
    void theHalfCarriesIntoTheHighWord() {
        // (2^64 - 1) x 1 bp + 5,000 passes 2^64 in the low word; (2^64 + 4,999) / 10,000 = 1,844,674,407,370,955.
        BigInteger word = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(WadRayMath.percentMul(word, 1)).isEqualTo(new BigInteger("1844674407370955"));
        // 1,844,674,407,370,955 x 10,000 = 2^64 - 1,616; half of 20,000 bps added passes 2^64:
        // (2^64 + 8,384) / 20,000 = 922,337,203,685,478.
        assertThat(WadRayMath.percentDiv(new BigInteger("1844674407370955"), 20_000))
                .isEqualTo(new BigInteger("922337203685478"));
    }

    @Test
    void aPercentageBeyondAWordStillGivesTheFormulasNumber() {
        BigInteger value = new BigInteger("123456789012345678901234567890");
        BigInteger p = BigInteger.ONE.shiftLeft(70).add(BigInteger.valueOf(12_345));
        assertThat(WadRayMath.percentMul(value, p)).isEqualTo(mul(value, p));
        assertThat(WadRayMath.percentDiv(value, p)).isEqualTo(div(value, p));
    }

    @Test
    void twoWordsReadAsTheirNumber() {
        assertThat(UnsignedWide.toBigInteger(0, -1)).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        assertThat(UnsignedWide.toBigInteger(1, 0)).isEqualTo(BigInteger.ONE.shiftLeft(64));
        assertThat(UnsignedWide.toBigInteger(3, 5)).isEqualTo(BigInteger.valueOf(3).shiftLeft(64).add(BigInteger.valueOf(5)));
        assertThat(UnsignedWide.toBigInteger(0, 42)).isEqualTo(BigInteger.valueOf(42));
        BigInteger wide = BigInteger.ONE.shiftLeft(100).add(BigInteger.valueOf(7));
        assertThat(UnsignedWide.high(wide)).isEqualTo(1L << 36);
        assertThat(UnsignedWide.high(BigInteger.valueOf(Long.MAX_VALUE))).isZero();
        assertThat(UnsignedWide.quotient(1L << 36, 7, 10)).isEqualTo(wide.divide(BigInteger.TEN));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aProductOverAProductIsTheUnboundedQuotient(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int answered = 0;
        for (int k = 0; k < 3_000; k++) {
            long a = random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(0, 63);
            BigInteger b = new BigInteger(random.nextInt(0, 128), new Random(random.nextLong()));
            long c = Math.max(1, random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(0, 63));
            long d = Math.max(1, random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(0, 63));
            long e = Math.max(1, random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(0, 63));
            a = Math.max(1, a);
            BigInteger exact = BigInteger.valueOf(a).multiply(b).multiply(BigInteger.valueOf(c))
                    .divide(BigInteger.valueOf(d).multiply(BigInteger.valueOf(e)));
            BigInteger q = UnsignedWide.productQuotient(a, b, c, d, e);
            if (q == null) {
                assertThat(exact.bitLength()).as("no answer below 2^127").isGreaterThanOrEqualTo(127);
            } else {
                answered++;
                assertThat(q).as("%s x %s x %s / (%s x %s)", a, b, c, d, e).isEqualTo(exact);
            }
        }
        assertThat(answered).isGreaterThan(1_000);
        // By hand: 1 USD (1e8) x 15,000 USDC (1.5e10 units) x 10^18 / (2,000 USD (2e11) x 10^6) = 7.5e18 wei.
        assertThat(UnsignedWide.productQuotient(100_000_000L, BigInteger.valueOf(15_000_000_000L),
                1_000_000_000_000_000_000L, 200_000_000_000L, 1_000_000L))
                .isEqualTo(new BigInteger("7500000000000000000"));
    }
}
