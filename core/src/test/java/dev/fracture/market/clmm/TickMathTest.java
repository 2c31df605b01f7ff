package dev.fracture.market.clmm;

import static dev.fracture.market.clmm.V3TestValues.big;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Expected values from v3-core {@code contracts/libraries/TickMath.sol} and {@code test/TickMath.spec.ts}. */
class TickMathTest {

    @Test
    void sqrtRatioAtTheBoundsIsTheContractsConstants() {
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK)).isEqualTo(BigInteger.valueOf(4295128739L));
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK))
                .isEqualTo(big("1461446703485210103287273052203988822378723970342"));
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK)).isEqualTo(TickMath.MIN_SQRT_RATIO);
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK)).isEqualTo(TickMath.MAX_SQRT_RATIO);
    }

    @Test
    void sqrtRatioMatchesPublishedValuesNextToTheBounds() {
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK + 1)).isEqualTo(BigInteger.valueOf(4295343490L));
        assertThat(TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK - 1))
                .isEqualTo(big("1461373636630004318706518188784493106690254656249"));
    }

    @Test
    void sqrtRatioAtTickZeroIsTwoToThe96() {
        assertThat(TickMath.getSqrtRatioAtTick(0)).isEqualTo(BigInteger.ONE.shiftLeft(96));
    }

    @Test
    void sqrtRatioMatchesTheContractSnapshotForSmallTicks() {
        assertThat(TickMath.getSqrtRatioAtTick(-50)).isEqualTo(big("79030349367926598376800521322"));
        assertThat(TickMath.getSqrtRatioAtTick(50)).isEqualTo(big("79426470787362580746886972461"));
        assertThat(TickMath.getSqrtRatioAtTick(-100)).isEqualTo(big("78833030112140176575862854579"));
        assertThat(TickMath.getSqrtRatioAtTick(100)).isEqualTo(big("79625275426524748796330556128"));
    }

    @Test
    void ticksBeyondTheBoundsRevertWithT() {
        assertThatThrownBy(() -> TickMath.getSqrtRatioAtTick(TickMath.MIN_TICK - 1)).hasMessageContaining("(T)");
        assertThatThrownBy(() -> TickMath.getSqrtRatioAtTick(TickMath.MAX_TICK + 1)).hasMessageContaining("(T)");
    }

    @Test
    void tickAtSqrtRatioAtTheBounds() {
        assertThat(TickMath.getTickAtSqrtRatio(TickMath.MIN_SQRT_RATIO)).isEqualTo(TickMath.MIN_TICK);
        assertThat(TickMath.getTickAtSqrtRatio(BigInteger.valueOf(4295343490L))).isEqualTo(TickMath.MIN_TICK + 1);
        assertThat(TickMath.getTickAtSqrtRatio(big("1461373636630004318706518188784493106690254656249")))
                .isEqualTo(TickMath.MAX_TICK - 1);
        assertThat(TickMath.getTickAtSqrtRatio(TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE)))
                .isEqualTo(TickMath.MAX_TICK - 1);
    }

    @Test
    void pricesOutsideTheRangeRevertWithR() {
        assertThatThrownBy(() -> TickMath.getTickAtSqrtRatio(TickMath.MIN_SQRT_RATIO.subtract(BigInteger.ONE)))
                .hasMessageContaining("(R)");
        assertThatThrownBy(() -> TickMath.getTickAtSqrtRatio(TickMath.MAX_SQRT_RATIO)).hasMessageContaining("(R)");
    }

    @Test
    void tickAtSqrtRatioIsTheGreatestTickAtOrBelowThePrice() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            int tick = random.nextInt(TickMath.MIN_TICK + 1, TickMath.MAX_TICK);
            BigInteger atTick = TickMath.getSqrtRatioAtTick(tick);
            assertThat(TickMath.getTickAtSqrtRatio(atTick)).isEqualTo(tick);
            assertThat(TickMath.getTickAtSqrtRatio(atTick.subtract(BigInteger.ONE))).isEqualTo(tick - 1);
            BigInteger next = TickMath.getSqrtRatioAtTick(tick + 1);
            assertThat(TickMath.getTickAtSqrtRatio(next.subtract(BigInteger.ONE))).isEqualTo(tick);
        }
    }
}
