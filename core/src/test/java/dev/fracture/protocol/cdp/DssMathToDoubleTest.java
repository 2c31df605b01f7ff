package dev.fracture.protocol.cdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DssMath#toDouble} on the units moves the decimal point instead of dividing: the same number, so the same
 * correctly rounded double as the exact quotient, bit for bit, on seeded random amounts from 1 unit to 2²⁴⁰.
 */
class DssMathToDoubleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void movingTheDecimalPointGivesTheQuotientsDouble(long seed) {
        Random rnd = new Random(seed);
        for (BigInteger unit : new BigInteger[] {DssMath.WAD, DssMath.RAY, DssMath.RAD}) {
            for (int k = 0; k < 2_000; k++) {
                BigInteger value = new BigInteger(1 + rnd.nextInt(240), rnd);
                if (rnd.nextBoolean()) {
                    value = value.negate();
                }
                double quotient = new BigDecimal(value).divide(new BigDecimal(unit)).doubleValue();
                assertThat(Double.doubleToLongBits(DssMath.toDouble(value, unit))).as("%s / %s", value, unit)
                        .isEqualTo(Double.doubleToLongBits(quotient));
            }
        }
    }
}
