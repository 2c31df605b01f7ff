package dev.fracture.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortestDecimal#units}: a token amount held as a double in integer units, always the integer its shortest
 * decimal gives ({@code of(x).movePointRight(decimals).setScale(0, mode)}, the definition, itself checked against
 * OpenJDK 25's texts in {@link ShortestDecimalTest}), whether or not the double's own value decided it.
 */
class ShortestDecimalUnitsTest {
    private static final RoundingMode[] MODES = {RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_EVEN};
    private static final int[] DECIMALS = {0, 2, 6, 8, 9, 12, 18, 22, 24};

    private static BigInteger definition(double x, int decimals, RoundingMode mode) {
        return ShortestDecimal.of(x).movePointRight(decimals).setScale(0, mode).toBigIntegerExact();
    }

    @Test
    void worksByHand() {
        // 0.1 ETH is 10^17 wei, though the double 0.1 is a little above it.
        assertThat(ShortestDecimal.units(0.1, 18, RoundingMode.FLOOR)).isEqualTo(BigInteger.TEN.pow(17));
        // 1234.567891 is a little below its decimal as a double (its exact product with 10^6 is
        // 1234567890.99999991776...): the decimal's 1234567891, not the product's floor; and 2.675 in hundredths is 267.5 as a decimal, 268 by
        // half-even, though the double's own 267.4999999999999822... would round to 267.
        assertThat(new java.math.BigDecimal(1234.567891).movePointRight(6).setScale(0, RoundingMode.FLOOR))
                .isEqualByComparingTo("1234567890");
        assertThat(ShortestDecimal.units(1234.567891, 6, RoundingMode.FLOOR)).isEqualTo(BigInteger.valueOf(1234567891));
        assertThat(ShortestDecimal.decided(1234.567891, 6, RoundingMode.FLOOR)).isEqualTo(ShortestDecimal.UNDECIDED);
        assertThat(ShortestDecimal.units(2.675, 2, RoundingMode.HALF_EVEN)).isEqualTo(BigInteger.valueOf(268));
        assertThat(ShortestDecimal.units(2.675, 3, RoundingMode.FLOOR)).isEqualTo(BigInteger.valueOf(2675));
        // Halves go to the even unit: 1000000.5 -> 1000000, 1000001.5 -> 1000002, 2.5 -> 2.
        assertThat(ShortestDecimal.units(1.0000005, 6, RoundingMode.HALF_EVEN)).isEqualTo(BigInteger.valueOf(1000000));
        assertThat(ShortestDecimal.units(1.0000015, 6, RoundingMode.HALF_EVEN)).isEqualTo(BigInteger.valueOf(1000002));
        assertThat(ShortestDecimal.units(2.5e-6, 6, RoundingMode.HALF_EVEN)).isEqualTo(BigInteger.TWO);
        // An amount far from any boundary is decided without its decimal: 1234.5678912345 USDC -> 1234567891.2345.
        assertThat(ShortestDecimal.decided(1234.5678912345, 6, RoundingMode.FLOOR)).isEqualTo(1234567891L);
        assertThat(ShortestDecimal.decided(1234.5678912345, 6, RoundingMode.CEILING)).isEqualTo(1234567892L);
        assertThat(ShortestDecimal.decided(1234.5678912345, 6, RoundingMode.HALF_EVEN)).isEqualTo(1234567891L);
        assertThat(ShortestDecimal.units(0.0, 6, RoundingMode.CEILING)).isEqualTo(BigInteger.ZERO);
        assertThat(ShortestDecimal.units(-1.25, 1, RoundingMode.FLOOR)).isEqualTo(BigInteger.valueOf(-13));
    }

    @Test
    void refusesWhatNoIntegerNames() {
        assertThatThrownBy(() -> ShortestDecimal.units(Double.NaN, 6, RoundingMode.FLOOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shortest decimal: NaN is not a finite number");
        assertThatThrownBy(() -> ShortestDecimal.units(Double.POSITIVE_INFINITY, 6, RoundingMode.FLOOR))
                .hasMessage("shortest decimal: Infinity is not a finite number");
        assertThatThrownBy(() -> ShortestDecimal.units(1.0, -1, RoundingMode.FLOOR))
                .hasMessage("shortest decimal: decimals must be >= 0, got -1");
    }

    /**
     * Seeded random amounts, half of them short decimals (whose scaled value lies at or next to a whole unit, where
     * the double's own value would round the wrong way), the others arbitrary doubles across 21 orders of magnitude.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void equalsTheDefinitionOnRandomAmounts(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < 4000; n++) {
            double x = rnd.nextBoolean()
                    ? Double.parseDouble(rnd.nextLong(1, 10_000_000_000L) + "e-" + rnd.nextInt(0, 13))
                    : Math.pow(10, rnd.nextDouble(-9, 12)) * (1 + rnd.nextDouble());
            int decimals = DECIMALS[rnd.nextInt(DECIMALS.length)];
            for (RoundingMode mode : MODES) {
                assertThat(ShortestDecimal.units(x, decimals, mode)).as("%s at %d decimals, %s", x, decimals, mode)
                        .isEqualTo(definition(x, decimals, mode));
                long decided = ShortestDecimal.decided(x, decimals, mode);
                if (decided != ShortestDecimal.UNDECIDED) {
                    assertThat(BigInteger.valueOf(decided)).isEqualTo(definition(x, decimals, mode));
                }
            }
        }
    }

    /** The point of the fast answer: arbitrary amounts of a 6-decimal token are nearly all decided without a decimal. */
    @Test
    void decidesNearlyEveryArbitrarySixDecimalAmount() {
        SplittableRandom rnd = new SplittableRandom(42);
        int decided = 0;
        int total = 10_000;
        for (int n = 0; n < total; n++) {
            double x = Math.pow(10, rnd.nextDouble(-3, 9)) * (1 + rnd.nextDouble());
            if (ShortestDecimal.decided(x, 6, RoundingMode.HALF_EVEN) != ShortestDecimal.UNDECIDED) {
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(total * 99 / 100);
    }
}
