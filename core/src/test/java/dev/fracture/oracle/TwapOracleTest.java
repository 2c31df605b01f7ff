package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.ConcentratedLiquidityPool;
import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.market.clmm.TickMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwapOracleTest {

    /**
     * Tick 100 over [0, 10), −50 over [10, 20), −200 over [20, 30), 7 from 30 on; observations written at 10, 20, 30.
     * Cumulatives: 0 at 0, 1000 at 10, 500 at 20, −1500 at 30, −1430 at 40.
     */
    private static ObservationRing handPath() {
        return ObservationRing.initialize(0, 10)
                .write(10, 100, 1)
                .write(20, -50, 1)
                .write(30, -200, 1);
    }

    @Test
    void cumulativesFollowTheTickPath() {
        ObservationRing ring = handPath();
        assertThat(ring.newest()).isEqualTo(new Observation(30, -1500, 30, true));
        assertThat(TwapOracle.observe(ring, 40, 0, 7, 1).tickCumulative()).isEqualTo(-1430);
        assertThat(TwapOracle.observe(ring, 40, 40, 7, 1).tickCumulative()).isEqualTo(0);
        assertThat(TwapOracle.observe(ring, 40, 20, 7, 1).tickCumulative()).isEqualTo(500);
    }

    @Test
    void interpolatesBetweenObservationsWithTheTickBetweenThem() {
        ObservationRing ring = handPath();
        // target 15: 1000 + (500 − 1000) / 10 · 5 = 750
        assertThat(TwapOracle.observe(ring, 40, 25, 7, 1).tickCumulative()).isEqualTo(750);
        // target 27: 500 + (−1500 − 500) / 10 · 7 = −900
        assertThat(TwapOracle.observe(ring, 40, 13, 7, 1).tickCumulative()).isEqualTo(-900);
        // target 35, after the newest: carried forward with the current tick, −1500 + 7 · 5
        assertThat(TwapOracle.observe(ring, 40, 5, 7, 1).tickCumulative()).isEqualTo(-1465);
    }

    @Test
    void meanTickRoundsTowardNegativeInfinity() {
        ObservationRing ring = handPath();
        assertThat(TwapOracle.consult(ring, 40, 40, 7, 1)).isEqualTo(-36);   // −1430 / 40 = −35.75
        assertThat(TwapOracle.consult(ring, 40, 30, 7, 1)).isEqualTo(-81);   // −2430 / 30 exactly
        assertThat(TwapOracle.consult(ring, 40, 25, 7, 1)).isEqualTo(-88);   // −2180 / 25 = −87.2, not −87
        assertThat(TwapOracle.consult(ring, 40, 10, 7, 1)).isEqualTo(7);
        ObservationRing early = ObservationRing.initialize(0, 4).write(10, 100, 1);
        // at 15 with tick −50: cumulative 750; at 1: 100, so (750 − 100) / 14 = 46.4 → 46
        assertThat(TwapOracle.consult(early, 15, 14, -50, 1)).isEqualTo(46);
        assertThat(TwapOracle.meanTick(-1, 2)).isEqualTo(-1);
        assertThat(TwapOracle.meanTick(1, 2)).isEqualTo(0);
    }

    @Test
    void aWindowBeforeTheOldestObservationRevertsOld() {
        assertThatThrownBy(() -> TwapOracle.consult(handPath(), 40, 41, 7, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(OLD)");
        ObservationRing small = ObservationRing.initialize(0, 3).write(10, 1, 1).write(20, 1, 1).write(30, 1, 1);
        assertThat(small.oldest().blockTimestamp()).isEqualTo(10);           // slot 0 overwritten by the wrap
        assertThat(TwapOracle.consult(small, 30, 20, 1, 1)).isEqualTo(1);
        assertThatThrownBy(() -> TwapOracle.consult(small, 30, 21, 1, 1)).hasMessageContaining("(OLD)");
    }

    @Test
    void oneWritePerBlock() {
        ObservationRing ring = handPath();
        assertThat(ring.write(30, 999, 1)).isSameAs(ring);
    }

    @Test
    void priceAtTickIsTickMathsSqrtRatioSquaredWithDecimals() {
        for (int tick : new int[] {-887272, -200_000, -1, 0, 1, 73_135, 887272}) {
            BigDecimal sqrt = new BigDecimal(TickMath.getSqrtRatioAtTick(tick))
                    .divide(new BigDecimal(BigInteger.ONE.shiftLeft(96)), MathContext.DECIMAL128);
            double expected = sqrt.multiply(sqrt).scaleByPowerOfTen(12).doubleValue();
            assertThat(TwapOracle.priceAtTick(tick, 18, 6)).isCloseTo(expected, within(expected * 1e-12));
        }
        assertThat(TwapOracle.priceAtTick(0, 6, 6)).isEqualTo(1.0);
    }

    @Test
    void tickAtPriceIsTheGreatestTickAtOrBelowThePrice() {
        for (int tick : new int[] {-200_001, -200_000, -5, 0, 5, 100_000}) {
            double mid = Math.sqrt(TwapOracle.priceAtTick(tick, 18, 6) * TwapOracle.priceAtTick(tick + 1, 18, 6));
            assertThat(TwapOracle.tickAtPrice(mid, 18, 6)).isEqualTo(tick);
        }
    }

    /**
     * Against a brute force over seconds: a random tick path changing at random block times; the mean tick over a
     * window is floor(Σ over each second of the tick in force / window).
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void consultEqualsTheSecondBySecondAverageFloored(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int horizon = 4000;
        int[] tickAt = new int[horizon];
        int tick = random.nextInt(-300_000, 300_000);
        TwapFeed feed = TwapFeed.of(1800, 18, 6);
        TwapState s = feed.start(0, 64, tick, 1e18);
        int t = 0;
        while (true) {
            int next = t + random.nextInt(1, 40);
            if (next >= horizon) {
                break;
            }
            for (int u = t; u < next; u++) {
                tickAt[u] = tick;
            }
            tick += random.nextInt(-500, 500);
            s = feed.record(s, next, tick, 1e18);
            t = next;
        }
        for (int u = t; u < horizon; u++) {
            tickAt[u] = tick;
        }
        for (int check = 0; check < 50; check++) {
            int now = random.nextInt(t, horizon);
            long window = random.nextInt(1, 1000);
            if (now - window < s.ring().oldest().blockTimestamp()) {
                continue;
            }
            long sum = 0;
            for (long u = now - window; u < now; u++) {
                sum += tickAt[(int) u];
            }
            assertThat(TwapOracle.consult(s.ring(), now, window, s.tick(), s.liquidity()))
                    .isEqualTo((int) Math.floorDiv(sum, window));
        }
    }

    @Test
    void feedOverAConcentratedPoolReadsItsTickEachBlock() {
        ConcentratedLiquidityPool pool = OracleFixtures.clPool(MathMode.FAST);
        TwapFeed feed = TwapFeed.of(120, 18, 6);
        int t0 = pool.tick();
        TwapState s = feed.start(0, 16, pool);
        s = feed.record(s, 12, pool);
        pool.swapExactIn(OracleFixtures.WETH.id(), OracleFixtures.USDC.id(), 50);
        int t1 = pool.tick();
        assertThat(t1).isLessThan(t0);
        s = feed.record(s, 24, pool);
        // the window [10, 130): t0 until 24 (14 s), then t1 (106 s)
        long expected = Math.floorDiv(14L * t0 + 106L * t1, 120);
        assertThat(feed.meanTick(s, 130)).isEqualTo((int) expected);
        assertThat(feed.value(s, 130)).isEqualTo(TwapOracle.priceAtTick((int) expected, 18, 6));
        assertThat(feed.isStale(s, 119)).isTrue();
        assertThat(feed.isStale(s, 120)).isFalse();
        assertThat(feed.updatedAt(s)).isEqualTo(24);
    }

    @Test
    void feedOverAnyVenueUsesItsSpotAsATick() {
        ConstantProductPool pair = OracleFixtures.pair(1000, 2_000_000, 3000, MathMode.FAST);
        TwapFeed feed = TwapFeed.of(60, 18, 6);
        int tick = feed.tickOf(pair, OracleFixtures.WETH.id(), OracleFixtures.USDC.id());
        assertThat(TwapOracle.priceAtTick(tick, 18, 6)).isLessThanOrEqualTo(2000.0);
        assertThat(TwapOracle.priceAtTick(tick + 1, 18, 6)).isGreaterThan(2000.0);
        TwapState s = feed.start(0, 8, tick, 1);
        s = feed.record(s, 60, pair, OracleFixtures.WETH.id(), OracleFixtures.USDC.id());
        assertThat(feed.value(s, 60)).isCloseTo(2000.0, within(2000 * 1.0001e-4));
    }
}
