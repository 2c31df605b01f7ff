package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.OrderBook;
import org.junit.jupiter.api.Test;

class FundingTest {
    static final FundingParams HOURLY = FundingParams.hyperliquid(5_000);

    @Test
    void fundingAccruedOverFourHourlyIntervalsByHand() {
        // 8-hour rate F = P + clamp(0.0001 − P, ±0.0005), paid 1/8 per hour:
        //  P = 0.0003  -> 0.0003 − 0.0002 = 0.0001 -> 0.0000125 per hour
        //  P = −0.0002 -> −0.0002 + 0.0003 = 0.0001 -> 0.0000125
        //  P = 0.001   -> 0.001 − 0.0005 (clamped) = 0.0005 -> 0.0000625
        //  P = 0       -> 0.0001 -> 0.0000125
        // A 10-unit long pays size × oracle × rate: 0.0125 + 0.01275 (oracle 102) + 0.06125 (98) + 0.0125 = 0.099.
        double[] premiums = {0.0003, -0.0002, 0.001, 0};
        double[] oracles = {100, 102, 98, 100};
        FundingAccrual longSide = Funding.DEFAULT.accrue(10, premiums, oracles, HOURLY);
        assertThat(longSide.payments()).hasSize(4);
        assertThat(longSide.payments().get(0)).isCloseTo(-0.0125, within(1e-15));
        assertThat(longSide.payments().get(1)).isCloseTo(-0.01275, within(1e-15));
        assertThat(longSide.payments().get(2)).isCloseTo(-0.06125, within(1e-15));
        assertThat(longSide.total()).isCloseTo(-0.099, within(1e-14));
        FundingAccrual shortSide = Funding.DEFAULT.accrue(-10, premiums, oracles, HOURLY);
        assertThat(shortSide.total() + longSide.total()).isCloseTo(0, within(1e-15));
    }

    @Test
    void eightHourVenuePaysTheWholeRateOncePerInterval() {
        FundingParams binance = FundingParams.binance(0.0075, 5_000);
        assertThat(Funding.DEFAULT.rate(0.001, binance)).isCloseTo(0.0005, within(1e-15));
        assertThat(Funding.DEFAULT.rate(0.05, binance)).isCloseTo(0.0075, within(1e-15)); // 0.0495 capped
    }

    @Test
    void hourlyRateIsCappedAtFourPercent() {
        // P = 0.5: F = 0.5 − 0.0005 = 0.4995 per 8 h, 0.0624 per hour, capped at 0.04.
        assertThat(Funding.DEFAULT.rate(0.5, HOURLY)).isCloseTo(0.04, within(1e-15));
        assertThat(Funding.DEFAULT.rate(-0.5, HOURLY)).isCloseTo(-0.04, within(1e-15));
    }

    @Test
    void premiumIndexFromImpactPrices() {
        // Oracle 100; the book trades above it: 5,000 USD sells at 101 (impact bid), buys at 102 (impact ask).
        // P = (max(101 − 100, 0) − max(100 − 102, 0)) / 100 = 0.01.
        OrderBook rich = PerpFixtures.book("X", new double[][] {{101, 100}}, new double[][] {{102, 100}}, 0);
        assertThat(Funding.DEFAULT.premiumIndex(rich, 100, HOURLY)).isCloseTo(0.01, within(1e-15));
        // Book around the oracle: impact bid 99 below, impact ask 101 above: no premium.
        OrderBook fair = PerpFixtures.book("X", new double[][] {{99, 100}}, new double[][] {{101, 100}}, 0);
        assertThat(Funding.DEFAULT.premiumIndex(fair, 100, HOURLY)).isZero();
        // Impact bid walks two levels: 30 at 100 (3,000 USD) then 2,000 / 90 at 90 -> 5,000 / 52.222 = 95.74.
        OrderBook thin = PerpFixtures.book("X", new double[][] {{100, 30}, {90, 100}}, new double[][] {{110, 100}}, 0);
        assertThat(Funding.DEFAULT.impactPrice(thin, 5_000, true)).isCloseTo(5_000 / (30 + 2_000 / 90.0),
                within(1e-9));
    }

    @Test
    void markPriceIsTheMedianOfThreeEstimates() {
        // oracle + basis EMA = 100.5; median(bid 100, ask 101, last 103) = 101; CEX perps 100.8 -> 100.8.
        assertThat(MarkPrice.DEFAULT.mark(100, 0.5, 100, 101, 103, 100.8, 100.6)).isEqualTo(100.8);
        // No CEX input: the 30 s mid EMA (100.6) joins as third -> median(100.5, 101, 100.6) = 100.6.
        assertThat(MarkPrice.DEFAULT.mark(100, 0.5, 100, 101, 103, Double.NaN, 100.6)).isEqualTo(100.6);
        // An EMA with window 150 s moves 1 − e^(−1) of the way in 150 s.
        assertThat(MarkPrice.DEFAULT.ema(0, 1, 150, 150)).isCloseTo(1 - Math.exp(-1), within(1e-15));
    }
}
