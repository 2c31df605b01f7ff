package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input is refused with an IllegalArgumentException naming the field and the rule. */
class OracleBadInputTest {

    @Test
    void pushFeedParameters() {
        assertThatThrownBy(() -> new PushFeedParams(0, 50, 8, 0, 3600))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatSeconds must be > 0");
        assertThatThrownBy(() -> new PushFeedParams(3600, -1, 8, 0, 3600))
                .hasMessageContaining("deviationThresholdBps must be finite and >= 0");
        assertThatThrownBy(() -> new PushFeedParams(3600, Double.NaN, 8, 0, 3600))
                .hasMessageContaining("deviationThresholdBps");
        assertThatThrownBy(() -> new PushFeedParams(3600, 50, 37, 0, 3600)).hasMessageContaining("decimals");
        assertThatThrownBy(() -> new PushFeedParams(3600, 50, 8, -1, 3600))
                .hasMessageContaining("reportingDelaySeconds");
    }

    @Test
    void pushFeedPrices() {
        PushFeed feed = PushFeed.of(new PushFeedParams(3600, 50, 8, 0, 3600));
        PushFeedState s = feed.start(100, 2000);
        assertThatThrownBy(() -> feed.step(s, 112, Double.NaN)).hasMessageContaining("observed must be a finite price");
        assertThatThrownBy(() -> feed.step(s, 112, -1)).hasMessageContaining("observed");
        assertThatThrownBy(() -> feed.step(s, 99, 2000)).hasMessageContaining("time must not go backwards");
        assertThatThrownBy(() -> feed.start(0, 0)).hasMessageContaining("price must be a finite price > 0");
    }

    @Test
    void twapWindowAndRing() {
        assertThatThrownBy(() -> TwapFeed.of(0, 18, 6)).hasMessageContaining("window must be > 0").hasMessageContaining("BP");
        ObservationRing ring = ObservationRing.initialize(0, 4);
        assertThatThrownBy(() -> TwapOracle.consult(ring, 10, 0, 0, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> TwapOracle.observe(ring, 10, 11, 0, 1)).hasMessageContaining("OLD");
        assertThatThrownBy(() -> ObservationRing.initialize(0, 0)).hasMessageContaining("cardinality");
        assertThatThrownBy(() -> ring.write(10, 887_273, 1)).hasMessageContaining("tick");
        assertThatThrownBy(() -> ring.write(10, 0, Double.NaN)).hasMessageContaining("liquidity");
        assertThatThrownBy(() -> TwapOracle.tickAtPrice(Double.NaN, 18, 6)).hasMessageContaining("price");
    }

    @Test
    void osmAndMedians() {
        assertThatThrownBy(() -> Osm.of(0)).hasMessageContaining("hop").hasMessageContaining("OSM/ts-is-zero");
        assertThatThrownBy(() -> Medians.ocr(new double[] {1, Double.NaN, 3}, 0))
                .hasMessageContaining("observations[1]");
        assertThatThrownBy(() -> Medians.ocr(new double[0], 0)).hasMessageContaining("observations must not be empty");
    }

    @Test
    void manipulation() {
        assertThatThrownBy(() -> Manipulation.twapTickShift(10, 0, 12, 1800)).hasMessageContaining("blocks");
        assertThatThrownBy(() -> Manipulation.twapTickShift(10, 1, 12, 0)).hasMessageContaining("window");
        assertThatThrownBy(() -> Manipulation.requiredSpotFactor(Double.NaN, 1, 12, 60))
                .hasMessageContaining("twapFactor");
    }
}
