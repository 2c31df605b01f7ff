package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each switch of Liquity's PriceFeed rules, with its constants (4 h timeout, 50% jump, 5% agreement). */
class FallbackFeedTest {
    private static final FallbackFeed FEED = FallbackFeed.of(FallbackParams.liquity());
    private static final long NOW = 100_000;
    private static final FallbackState TRUSTING_PRIMARY = new FallbackState(FallbackStatus.PRIMARY, 2000, NOW - 60);
    private static final FallbackState TRUSTING_FALLBACK = new FallbackState(FallbackStatus.FALLBACK, 1990, NOW - 60);
    private static final FallbackState TRUSTING_NEITHER = new FallbackState(FallbackStatus.NEITHER, 1980, NOW - 9000);

    private static FeedReading live(double value) {
        return new FeedReading(value, NOW - 10, value);
    }

    private static FeedReading jumped(double value, double previous) {
        return new FeedReading(value, NOW - 10, previous);
    }

    private static FeedReading frozen(double value) {
        return FeedReading.of(value, NOW - 14_401);
    }

    private static final FeedReading BROKEN = FeedReading.of(0, NOW - 10);

    @Test
    void workingPrimaryIsUsed() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, live(2010), live(1500)))
                .isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 2010, NOW - 10));
    }

    @Test
    void frozenPrimarySwitchesToALiveFallback() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, frozen(2010), live(1995)))
                .isEqualTo(new FallbackState(FallbackStatus.FALLBACK, 1995, NOW - 10));
    }

    @Test
    void primaryExactlyAtTheTimeoutIsNotFrozen() {
        FeedReading atTimeout = FeedReading.of(2010, NOW - 14_400);
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, atTimeout, live(1995)).status()).isEqualTo(FallbackStatus.PRIMARY);
    }

    @Test
    void frozenPrimaryAndFrozenFallbackTrustTheFallbackButServeTheLastGoodPrice() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, frozen(2010), frozen(1995)))
                .isEqualTo(new FallbackState(FallbackStatus.FALLBACK, 2000, NOW - 60));
    }

    @Test
    void frozenPrimaryAndBrokenFallbackKeepThePrimaryWithTheLastGoodPrice() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, frozen(2010), BROKEN))
                .isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 2000, NOW - 60));
    }

    @Test
    void brokenPrimaryAndBrokenFallbackTrustNeither() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, BROKEN, BROKEN))
                .isEqualTo(new FallbackState(FallbackStatus.NEITHER, 2000, NOW - 60));
        FeedReading future = FeedReading.of(2000, NOW + 1);
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, future, live(1990)).status()).isEqualTo(FallbackStatus.FALLBACK);
    }

    @Test
    void jumpAboveHalfConfirmedByTheFallbackKeepsThePrimary() {
        // (2000 − 900) / 2000 = 55% > 50%; the fallback at 920 is within 5% of 900 (2.2%).
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, jumped(900, 2000), live(920)))
                .isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 900, NOW - 10));
    }

    @Test
    void jumpAboveHalfContradictedByTheFallbackSwitchesToIt() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, jumped(900, 2000), live(1990)))
                .isEqualTo(new FallbackState(FallbackStatus.FALLBACK, 1990, NOW - 10));
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, jumped(900, 2000), BROKEN).status())
                .isEqualTo(FallbackStatus.NEITHER);
    }

    @Test
    void jumpOfExactlyHalfIsNotAJump() {
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, jumped(1000, 2000), live(1990)))
                .isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 1000, NOW - 10));
    }

    @Test
    void fallbackHandsBackToThePrimaryWhenBothAreLiveAndAgree() {
        assertThat(FEED.fetch(TRUSTING_FALLBACK, NOW, live(2000), live(2090)))     // 4.5%
                .isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 2000, NOW - 10));
        assertThat(FEED.fetch(TRUSTING_FALLBACK, NOW, live(2000), live(2110)))     // 5.5%
                .isEqualTo(new FallbackState(FallbackStatus.FALLBACK, 2110, NOW - 10));
        assertThat(FEED.fetch(TRUSTING_FALLBACK, NOW, live(2000), BROKEN).status()).isEqualTo(FallbackStatus.NEITHER);
    }

    @Test
    void neitherServesTheLastGoodPriceUntilBothAgree() {
        assertThat(FEED.fetch(TRUSTING_NEITHER, NOW, live(2000), live(2500))).isSameAs(TRUSTING_NEITHER);
        assertThat(FEED.fetch(TRUSTING_NEITHER, NOW, live(2000), live(2010)).status()).isEqualTo(FallbackStatus.PRIMARY);
        assertThat(FEED.isStale(TRUSTING_NEITHER, NOW)).isTrue();
    }

    @Test
    void crossCheckingEveryReadSwitchesOnDisagreementWithoutAJump() {
        FallbackFeed strict = FallbackFeed.of(new FallbackParams(14_400, 14_400, 0.5, 0.05, true));
        assertThat(strict.fetch(TRUSTING_PRIMARY, NOW, live(2000), live(1800)))
                .isEqualTo(new FallbackState(FallbackStatus.FALLBACK, 1800, NOW - 10));
        assertThat(FEED.fetch(TRUSTING_PRIMARY, NOW, live(2000), live(1800)).status())
                .isEqualTo(FallbackStatus.PRIMARY);
    }

    @Test
    void startingNeedsAWorkingPrimary() {
        assertThat(FEED.start(NOW, live(2000))).isEqualTo(new FallbackState(FallbackStatus.PRIMARY, 2000, NOW - 10));
        assertThatThrownBy(() -> FEED.start(NOW, frozen(2000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FallbackParams(14_400, 14_400, 1.5, 0.05, false))
                .hasMessageContaining("maxRoundChange");
    }
}
