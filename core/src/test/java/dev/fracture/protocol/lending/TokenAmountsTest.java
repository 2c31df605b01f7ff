package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TokenAmounts#decimal64} against {@code BigDecimal}'s rounding to 16 digits and its double, and
 * {@link TokenAmounts#nearest} against {@code BigDecimal}'s double, bit for bit.
 */
class TokenAmountsTest {
    static LongStream seeds() {
        return LongStream.range(0, 12).map(s -> 0x70CE_0000L + s * 15_485_863);
    }

    private static double expected(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals).round(MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void sixteenDigitsHalfToEvenByHand() {
        // 12,345,678,901,234,565 wei: 17 digits, the last a 5 after an even 6 — stays 1.234567890123456 ether;
        // …575 rounds up to …58; 9,999,999,999,999,999.5 units at 1 decimal carry into 1e16.
        assertThat(TokenAmounts.decimal64(new BigInteger("12345678901234565"), 18)).isEqualTo(0.01234567890123456);
        assertThat(TokenAmounts.decimal64(new BigInteger("12345678901234575"), 18)).isEqualTo(0.01234567890123458);
        assertThat(TokenAmounts.decimal64(new BigInteger("99999999999999995"), 1)).isEqualTo(1e16);
        assertThat(TokenAmounts.decimal64(BigInteger.ZERO, 6)).isEqualTo(0.0);
        assertThat(TokenAmounts.decimal64(BigInteger.valueOf(1_500_000), 6)).isEqualTo(1.5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyAmountGivesBigDecimalsDouble(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 5_000; k++) {
            BigInteger units = new BigInteger(random.nextInt(0, 140), new Random(random.nextLong()));
            if (random.nextInt(4) == 0 && units.bitLength() > 4) {
                // A tie or a near tie at the 16th digit: the rest after the kept digits set to exactly half, or one off.
                int digits = units.toString().length();
                if (digits > 16) {
                    BigInteger unit = BigInteger.TEN.pow(digits - 16);
                    BigInteger half = unit.shiftRight(1);
                    units = units.divide(unit).multiply(unit).add(half).add(BigInteger.valueOf(random.nextInt(-1, 2)));
                }
            }
            int decimals = random.nextInt(0, 40);
            assertThat(Double.doubleToRawLongBits(TokenAmounts.decimal64(units, decimals)))
                    .as("%s units at %s decimals", units, decimals)
                    .isEqualTo(Double.doubleToRawLongBits(expected(units, decimals)));
            if (units.bitLength() <= 128) {
                // The same amount given as two words (a seizure reckoned in words): the same bits, also past 2^127.
                assertThat(Double.doubleToRawLongBits(TokenAmounts.decimal64(UnsignedWide.high(units),
                        units.longValue(), decimals))).as("%s units in words at %s decimals", units, decimals)
                        .isEqualTo(Double.doubleToRawLongBits(expected(units, decimals)));
            }
        }
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    @Test
    void theNearestDoubleByHand() {
        // 1.5 ETH, 2^53 + 1 wei (between two doubles 2 apart: a tie, to the even 2^53), 2^53 + 3 wei (a tie, up to
        // 2^53 + 4), and 0.1 USDC — 100,000 units over 10^6, the double nearest 0.1.
        assertThat(TokenAmounts.nearest(new BigInteger("1500000000000000000"), 18)).isEqualTo(1.5);
        assertThat(TokenAmounts.nearest(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE), 0)).isEqualTo(0x1p53);
        assertThat(TokenAmounts.nearest(BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(3)), 0))
                .isEqualTo(0x1p53 + 4);
        assertThat(TokenAmounts.nearest(BigInteger.valueOf(100_000), 6)).isEqualTo(0.1);
        // (2^53 + 1) x 10^18 wei at 18 decimals: the same tie, reached through the division.
        assertThat(TokenAmounts.nearest(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE)
                .multiply(BigInteger.TEN.pow(18)), 18)).isEqualTo(0x1p53);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyAmountGivesBigDecimalsNearestDouble(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 5_000; k++) {
            int decimals = random.nextInt(0, 22);
            BigInteger units = new BigInteger(random.nextInt(0, 135), new Random(random.nextLong()));
            if (random.nextInt(3) == 0) {
                // An exact tie between two doubles (54 significant bits, the last one set), shifted, times the unit
                // — or one unit either side of it.
                BigInteger tie = BigInteger.valueOf((random.nextLong() >>> 11) | (1L << 53) | 1)
                        .shiftLeft(random.nextInt(0, 60));
                units = tie.multiply(BigInteger.TEN.pow(decimals)).add(BigInteger.valueOf(random.nextInt(-1, 2)))
                        .max(BigInteger.ZERO);
            }
            assertThat(bits(TokenAmounts.nearest(units, decimals))).as("%s units at %s decimals", units, decimals)
                    .isEqualTo(bits(new BigDecimal(units, decimals).doubleValue()));
        }
    }
}
