package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.ray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three abaci.sol price curves against values worked from their definitions. */
class AbaciTest {

    @Test
    void linearDecreaseFallsOneTenthEvery360sAndIsZeroAtTau() {
        LinearDecrease calc = new LinearDecrease(3600);
        BigInteger top = ray("1000");
        for (int k = 0; k <= 10; k++) {
            // (3600 − 360k)·RAY/3600 is exactly (10 − k)/10 RAY, so the rmul is exact too.
            assertThat(calc.price(top, 360L * k)).isEqualTo(ray(String.valueOf(1000 - 100 * k)));
            assertThat(calc.price(1000.0, 360L * k)).isCloseTo(1000 - 100 * k, within(1e-9));
        }
        assertThat(calc.price(top, 3601)).isZero();
        assertThat(calc.price(top, 1_000_000)).isZero();
        // Mid-interval: 1000·(3600 − 1)/3600 = 999.7222…, floored in the factor then in rmul.
        BigInteger factor = BigInteger.valueOf(3599).multiply(DssMath.RAY).divide(BigInteger.valueOf(3600));
        assertThat(calc.price(top, 1)).isEqualTo(top.multiply(factor).divide(DssMath.RAY));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void stairstepIsPreviousStepTimesCutAndFlatWithinAStep(long seed) {
        Random rnd = new Random(seed);
        long step = 1 + rnd.nextInt(120);
        BigInteger cut = ray("0.9").add(BigInteger.valueOf(rnd.nextInt(99_000_000)).multiply(BigInteger.TEN.pow(18)));
        StairstepExponentialDecrease calc = new StairstepExponentialDecrease(step, cut);
        BigInteger top = ray(String.valueOf(100 + rnd.nextInt(5000)));
        BigInteger previous = calc.price(top, 0);
        assertThat(previous).isEqualTo(top);
        for (int k = 1; k <= 60; k++) {
            BigInteger atStep = calc.price(top, k * step);
            assertThat(calc.price(top, k * step + step - 1)).isEqualTo(atStep);
            assertThat(calc.price(top, k * step - 1)).isEqualTo(previous);
            // rpow rounds each product, so the k-th power differs from k exact products by a few units of 1e-27.
            BigDecimal expected = new BigDecimal(previous).multiply(new BigDecimal(cut)).divide(new BigDecimal(DssMath.RAY));
            assertThat(new BigDecimal(atStep).subtract(expected).abs()
                    .divide(new BigDecimal(top), MathContext.DECIMAL64).doubleValue()).isLessThan(1e-24);
            assertThat(calc.price(DssMath.toDouble(top, DssMath.RAY), k * step))
                    .isCloseTo(DssMath.toDouble(atStep, DssMath.RAY), within(1e-9 * DssMath.toDouble(top, DssMath.RAY)));
            previous = atStep;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600, 3600, 86_400})
    void exponentialDecreaseHalvesOverItsHalfLife(long halfLife) {
        ExponentialDecrease calc = ExponentialDecrease.withHalfLife(halfLife);
        BigInteger top = ray("2000");
        // cut = 0.5^(1/h) carried in a double: about 1e-16 relative per second, so 1e-11 over a day.
        double tolerance = 1e-16 * halfLife * 4 + 1e-20;
        for (int n = 1; n <= 3; n++) {
            double price = DssMath.toDouble(calc.price(top, n * halfLife), DssMath.RAY);
            assertThat(price / (2000 / Math.pow(2, n))).isCloseTo(1.0, within(tolerance * n));
        }
        assertThat(calc.price(top, 0)).isEqualTo(top);
        assertThat(calc.price(2000.0, halfLife)).isCloseTo(1000.0, within(1000 * tolerance));
    }
}
