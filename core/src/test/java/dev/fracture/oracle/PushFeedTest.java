package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PushFeedTest {
    /** Heartbeat 1 h, 0.5% threshold, 8 decimals, no delay, consumers accept answers up to 1 h 1 min old. */
    private static final PushFeed INSTANT = PushFeed.of(new PushFeedParams(3600, 50, 8, 0, 3660));

    @Test
    void deviationBelowTheThresholdDoesNotReportAndAtTheThresholdDoes() {
        PushFeedState s = INSTANT.start(0, 2000);
        s = INSTANT.step(s, 12, 2005);          // 0.25%: below 0.5%
        assertThat(s.latest().roundId()).isEqualTo(1);
        assertThat(INSTANT.value(s, 12)).isEqualTo(2000);
        s = INSTANT.step(s, 24, 2010);          // 10 / 2000 = 0.5% exactly: |Δ|/last >= threshold reports
        assertThat(INSTANT.latestRoundData(s)).isEqualTo(new RoundData(2, 2010, 24, 24, 2));
        s = INSTANT.step(s, 36, 2019.9);        // 9.9 / 2010 = 0.4925% against the new answer: no report
        assertThat(s.latest().roundId()).isEqualTo(2);
        s = INSTANT.step(s, 48, 1999.9);        // 10.1 / 2010 = 0.5025% down: reports
        assertThat(INSTANT.latestRoundData(s)).isEqualTo(new RoundData(3, 1999.9, 48, 48, 3));
    }

    @Test
    void heartbeatReportsAnUnchangedPriceOneHeartbeatAfterTheLastObservation() {
        PushFeedState s = INSTANT.start(100, 2000);
        s = INSTANT.step(s, 3699, 2001);        // 3599 s and 0.05%: nothing
        assertThat(s.latest().roundId()).isEqualTo(1);
        s = INSTANT.step(s, 3700, 2001);        // 3600 s: heartbeat
        assertThat(INSTANT.latestRoundData(s)).isEqualTo(new RoundData(2, 2001, 3700, 3700, 2));
        s = INSTANT.step(s, 7299, 2001);
        assertThat(s.latest().roundId()).isEqualTo(2);
        s = INSTANT.step(s, 7300, 2001);
        assertThat(s.latest().roundId()).isEqualTo(3);
    }

    @Test
    void aReportLandsOneDelayAfterItsObservationAndBlocksNewRoundsMeanwhile() {
        PushFeed feed = PushFeed.of(new PushFeedParams(3600, 50, 8, 30, 3660));
        PushFeedState s = feed.start(0, 2000);
        s = feed.step(s, 12, 2100);             // 5%: observed at 12, lands at 42
        assertThat(s.pending()).isEqualTo(new PushFeedState.Pending(2100, 12, 42));
        assertThat(feed.value(s, 12)).isEqualTo(2000);
        s = feed.step(s, 24, 2200);             // in flight: no second round
        s = feed.step(s, 36, 2200);
        assertThat(feed.value(s, 36)).isEqualTo(2000);
        assertThat(feed.updatedAt(s)).isEqualTo(0);
        s = feed.step(s, 48, 2200);             // lands (updatedAt 42), then 2200 vs 2100 = 4.8% starts round 3
        assertThat(feed.latestRoundData(s)).isEqualTo(new RoundData(2, 2100, 12, 42, 2));
        assertThat(s.pending()).isEqualTo(new PushFeedState.Pending(2200, 48, 78));
        s = feed.step(s, 78, 2200);
        assertThat(feed.latestRoundData(s)).isEqualTo(new RoundData(3, 2200, 48, 78, 3));
        assertThat(s.hasPending()).isFalse();
    }

    @Test
    void staleOnceOlderThanMaxAge() {
        PushFeedState s = INSTANT.start(0, 2000);
        assertThat(INSTANT.isStale(s, 3660)).isFalse();
        assertThat(INSTANT.isStale(s, 3661)).isTrue();
    }

    @Test
    void answersAreRoundedHalfEvenToTheDecimals() {
        PushFeed whole = PushFeed.of(new PushFeedParams(3600, 50, 0, 0, 3600));
        assertThat(whole.start(0, 2.5).latest().answer()).isEqualTo(2);
        assertThat(whole.start(0, 3.5).latest().answer()).isEqualTo(4);
        assertThat(whole.start(0, 3.49).latest().answer()).isEqualTo(3);
    }

    @Test
    void medianOfSourcesFeedsTheTrigger() {
        PushFeedState s = INSTANT.start(0, 2000);
        s = INSTANT.stepMedian(s, 12, new double[] {2500, 2001, 1000, 2002, 2003}, 1);
        assertThat(s.latest().roundId()).isEqualTo(1);     // median 2002: 0.1%, the outliers are ignored
        s = INSTANT.stepMedian(s, 24, new double[] {2500, 2100, 1000, 2101, 2102}, 1);
        assertThat(s.latest().answer()).isEqualTo(2101);
    }

    /**
     * On a random walk sampled every 12 s, every landed round must be explained by one of the two rules against the
     * previous round, and no block between two rounds may have met either rule (checked against the walk itself).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void roundsAreExactlyTheBlocksWhereARuleFires(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PushFeed feed = PushFeed.of(new PushFeedParams(600 + random.nextInt(3000), random.nextInt(1, 200), 8, 0,
                3600));
        double threshold = feed.params().deviationThreshold();
        double price = 2000;
        PushFeedState s = feed.start(0, price);
        for (long t = 12; t < 50_000; t += 12) {
            price *= Math.exp(0.002 * (random.nextDouble() * 2 - 1));
            RoundData before = s.latest();
            s = feed.step(s, t, price);
            double observed = feed.round(price);
            boolean fires = Math.abs(observed - before.answer()) / before.answer() >= threshold
                    || t - before.startedAt() >= feed.params().heartbeatSeconds();
            assertThat(s.latest().roundId()).isEqualTo(before.roundId() + (fires ? 1 : 0));
            if (fires) {
                assertThat(s.latest().answer()).isEqualTo(observed);
            }
        }
    }
}
