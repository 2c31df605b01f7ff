package dev.fracture.market.clmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FullMath.sol semantics (v3-core {@code test/FullMath.spec.ts}) and the exactness of the division shortcut. */
class FullMathTest {

    @Test
    void mulDivIsFloorAndRoundingUpIsCeiling() {
        BigInteger q128 = FullMath.Q128;
        assertThat(FullMath.mulDiv(q128, BigInteger.valueOf(50), BigInteger.valueOf(100)))
                .isEqualTo(q128.shiftRight(1));
        assertThat(FullMath.mulDiv(q128, q128.multiply(BigInteger.valueOf(35)), q128.multiply(BigInteger.valueOf(8))))
                .isEqualTo(new BigInteger("4375").multiply(q128).divide(BigInteger.valueOf(1000)));
        assertThat(FullMath.mulDiv(q128, q128.multiply(BigInteger.valueOf(1000)), q128.multiply(BigInteger.valueOf(3000))))
                .isEqualTo(new BigInteger("113427455640312821154458202477256070485"));
        assertThat(FullMath.mulDivRoundingUp(q128, q128.multiply(BigInteger.valueOf(1000)),
                q128.multiply(BigInteger.valueOf(3000)))).isEqualTo(new BigInteger("113427455640312821154458202477256070486"));
        assertThat(FullMath.mulDiv(FullMath.MAX_UINT256, FullMath.MAX_UINT256, FullMath.MAX_UINT256))
                .isEqualTo(FullMath.MAX_UINT256);
    }

    @Test
    void overflowAndZeroDenominatorRevert() {
        assertThatThrownBy(() -> FullMath.mulDiv(FullMath.Q128, FullMath.Q128, BigInteger.ONE))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FullMath.mulDiv(FullMath.Q128, BigInteger.ONE, BigInteger.ZERO))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FullMath.mulDivRoundingUp(new BigInteger("535006138814359"),
                new BigInteger("432862656469423142931042426214547535783388063929571229938474969"), BigInteger.TWO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void divisionShortcutEqualsLongDivision() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            BigInteger d = new BigInteger(1 + random.nextInt(250), random).add(BigInteger.ONE);
            BigInteger n = new BigInteger(d.bitLength() + random.nextInt(70), random);
            BigInteger[] expected = n.divideAndRemainder(d);
            BigInteger[] actual = FullMath.divideAndRemainder(n, d);
            assertThat(actual).as("%s / %s", n, d).containsExactly(expected);
        }
    }
}
