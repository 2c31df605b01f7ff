package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Morpho Blue's {@code mulDivDown}/{@code mulDivUp} in words ({@link UnsignedWide#mulDiv}) against the integer
 * arithmetic of {@link BigInteger} — {@code floor(x·y / d)} and {@code floor((x·y + d - 1) / d)}, the contract's
 * {@code MathLib} — on seeded random operands of every width up to 128 bits and on the edges of the words.
 */
class UnsignedWideMulDivTest {
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    private static BigInteger down(BigInteger x, BigInteger y, BigInteger d) {
        return x.multiply(y).divide(d);
    }

    private static BigInteger up(BigInteger x, BigInteger y, BigInteger d) {
        return x.multiply(y).add(d.subtract(BigInteger.ONE)).divide(d);
    }

    /** The words' answer: the quotient where it is below 2^128, null exactly where it is not. */
    private static void agrees(BigInteger x, BigInteger y, BigInteger d) {
        for (boolean roundUp : new boolean[] {false, true}) {
            BigInteger expected = roundUp ? up(x, y, d) : down(x, y, d);
            BigInteger words = UnsignedWide.mulDiv(x, y, d, roundUp);
            if (expected.compareTo(TWO_128) >= 0) {
                assertThat(words).as("%s * %s / %s (up %s) reaches 2^128", x, y, d, roundUp).isNull();
            } else {
                assertThat(words).as("%s * %s / %s (up %s)", x, y, d, roundUp).isEqualTo(expected);
            }
        }
    }

    /** A number of {@code bits} bits (0 for zero), its bits random, now and then all ones or a lone top bit. */
    private static BigInteger of(SplittableRandom random, int bits) {
        if (bits == 0) {
            return BigInteger.ZERO;
        }
        int shape = random.nextInt(8);
        if (shape == 0) {
            return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }
        if (shape == 1) {
            return BigInteger.ONE.shiftLeft(bits - 1);
        }
        BigInteger value = new BigInteger(bits, new java.util.Random(random.nextLong()));
        return value.setBit(bits - 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261122, 7_000_000_007L, -5})
    void equalsBigIntegerOnRandomOperandsOfEveryWidth(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            BigInteger x = of(random, random.nextInt(129));
            BigInteger y = of(random, random.nextInt(129));
            BigInteger d = of(random, 1 + random.nextInt(128));
            agrees(x, y, d);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void equalsBigIntegerWhereTheQuotientIsNearTwoTo128(long seed) {
        // A divisor and a product close to it times 2^128: the third quotient digit's test, and the estimates that
        // are two too large (a normalized divisor whose second digit is large).
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            BigInteger d = of(random, 65 + random.nextInt(64));
            BigInteger target = TWO_128.subtract(BigInteger.valueOf(random.nextInt(3))).multiply(d)
                    .add(BigInteger.valueOf(random.nextLong()).abs().mod(d.add(BigInteger.ONE)));
            BigInteger x = of(random, 64 + random.nextInt(65));
            BigInteger y = target.divide(x).min(TWO_128.subtract(BigInteger.ONE));
            agrees(x, y, d);
            agrees(x, y.add(BigInteger.ONE).min(TWO_128.subtract(BigInteger.ONE)), d);
        }
    }

    @ParameterizedTest
    @CsvSource({
            // x, y, d: Morpho's own scales (ConstantsLib: ORACLE_PRICE_SCALE 1e36, WAD 1e18, VIRTUAL_SHARES 1e6)
            "100000000000000000000, 2000000000000000000000000000000, 1000000000000000000000000000000000000",
            "1000000000000000000000000000, 1000000000000000000000000001, 1000001",
            "340282366920938463463374607431768211455, 340282366920938463463374607431768211455, "
                    + "340282366920938463463374607431768211455",
            "340282366920938463463374607431768211455, 340282366920938463463374607431768211455, "
                    + "340282366920938463463374607431768211454",
            "340282366920938463463374607431768211455, 1, 1",
            "0, 340282366920938463463374607431768211455, 3",
            "18446744073709551616, 18446744073709551616, 18446744073709551617",
            "18446744073709551615, 18446744073709551615, 18446744073709551615",
            "860000000000000000, 1000000000000000000, 958000000000000000"
    })
    void equalsBigIntegerOnTheEdgesOfTheWords(String x, String y, String d) {
        agrees(new BigInteger(x), new BigInteger(y), new BigInteger(d));
    }

    @Test
    void answersAWorkedMorphoQuotient() {
        // 1 WETH at 900 USDC (900e24 at the 1e36 scale) is worth 900e6 loan units: 1e18 * 900e24 / 1e36.
        BigInteger value = UnsignedWide.mulDiv(BigInteger.TEN.pow(18), new BigInteger("900000000000000000000000000"),
                BigInteger.TEN.pow(36), false);
        assertThat(value).isEqualTo(BigInteger.valueOf(900_000_000L));
        // Rounded up, 10 / 3 is 4; down, 3.
        assertThat(UnsignedWide.mulDiv(BigInteger.TEN, BigInteger.ONE, BigInteger.valueOf(3), true))
                .isEqualTo(BigInteger.valueOf(4));
        assertThat(UnsignedWide.mulDiv(BigInteger.TEN, BigInteger.ONE, BigInteger.valueOf(3), false))
                .isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void leavesOperandsOutsideTheWordsToBigInteger() {
        BigInteger wide = TWO_128;
        assertThat(UnsignedWide.mulDiv(wide, BigInteger.ONE, BigInteger.TWO, false)).isNull();
        assertThat(UnsignedWide.mulDiv(BigInteger.ONE, wide, BigInteger.TWO, false)).isNull();
        assertThat(UnsignedWide.mulDiv(BigInteger.ONE, BigInteger.ONE, wide, false)).isNull();
        assertThat(UnsignedWide.mulDiv(BigInteger.ONE.negate(), BigInteger.ONE, BigInteger.TWO, false)).isNull();
        assertThat(UnsignedWide.mulDiv(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO, false)).isNull();
        // MorphoBlue then reckons in BigInteger: the same MathLib numbers.
        assertThat(MorphoBlue.mulDivDown(wide, BigInteger.valueOf(3), BigInteger.TWO))
                .isEqualTo(wide.multiply(BigInteger.valueOf(3)).shiftRight(1));
        assertThat(MorphoBlue.mulDivUp(wide, BigInteger.valueOf(3), wide.add(BigInteger.ONE)))
                .isEqualTo(up(wide, BigInteger.valueOf(3), wide.add(BigInteger.ONE)));
    }
}
