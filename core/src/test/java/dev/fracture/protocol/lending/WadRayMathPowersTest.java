package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** {@link WadRayMath#pow10}: the unit of a token of k decimals, 10^k, for every k a uint256 can hold and beyond. */
class WadRayMathPowersTest {

    @Test
    void everyPowerIsTenRaisedThatOften() {
        BigInteger power = BigInteger.ONE;
        for (int k = 0; k <= 90; k++) {
            assertThat(WadRayMath.pow10(k)).as("10^%d", k).isEqualTo(power);
            power = power.multiply(BigInteger.TEN);
        }
        // By hand: USDC's unit (6 decimals), a WAD, and 10^77, the largest power of ten below 2^256.
        assertThat(WadRayMath.pow10(6)).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(WadRayMath.pow10(18)).isEqualTo(WadRayMath.WAD);
        assertThat(WadRayMath.pow10(77)).isLessThan(BigInteger.ONE.shiftLeft(256));
        assertThat(WadRayMath.pow10(78)).isGreaterThan(BigInteger.ONE.shiftLeft(256));
    }
}
