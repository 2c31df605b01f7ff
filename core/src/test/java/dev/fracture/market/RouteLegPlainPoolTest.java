package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.ChainId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A leg on a FAST constant-product pool answers the router without quote objects ({@link RouteLeg#plainDelivered},
 * asked by {@link LegQuotes}, through which the router reads every leg); the answer must be the bits of the venue's
 * own quote, {@code delivered(venueQuote(a))}, for every amount, in both directions and through bridges' fees, the
 * leg must fill every amount as the quote does, and an amount the pool refuses must fail as the quote fails.
 */
class RouteLegPlainPoolTest {
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void thePlainAnswerIsTheQuotesBits(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int pool = 0; pool < 40; pool++) {
            double r0 = Math.pow(10, rnd.nextDouble(-2, 7));
            double r1 = Math.pow(10, rnd.nextDouble(0, 10));
            int fee = new int[] {100, 500, 3000, 10_000}[rnd.nextInt(4)];
            ConstantProductPool venue = Fixtures.pair(r0, r1, fee, MathMode.FAST);
            List<Bridge> in = rnd.nextBoolean() ? List.of() : List.of(bridge(rnd.nextInt(1, 60)));
            List<Bridge> out = rnd.nextBoolean() ? List.of() : List.of(bridge(rnd.nextInt(1, 60)));
            boolean wethIn = rnd.nextBoolean();
            RouteLeg leg = new RouteLeg(venue, wethIn ? WETH : USDC, wethIn ? USDC : WETH, in, out, List.of(), 0);
            assertThat(leg.plain()).isTrue();
            LegQuotes quotes = new LegQuotes(List.of(leg));
            double reserveIn = wethIn ? r0 : r1;
            for (int k = 0; k < 200; k++) {
                // From dust to many times the pool: the output's curve in every regime, and exact zero.
                double amount = k == 0 ? 0 : reserveIn * Math.pow(10, rnd.nextDouble(-12, 3));
                double expected = amount <= 0 ? 0 : leg.delivered(leg.venueQuote(amount));
                assertThat(Double.doubleToRawLongBits(leg.plainDelivered(amount)))
                        .as("seed %d pool %d amount %s", seed, pool, amount)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(Double.doubleToRawLongBits(quotes.delivered(0, amount)))
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(quotes.fills(0, amount)).isEqualTo(amount <= 0 || leg.venueQuote(amount).complete())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void anAmountThePoolRefusesFailsAsItsQuoteFails(double amount) {
        ConstantProductPool venue = Fixtures.pair(1_000, 2_000_000, 3000, MathMode.FAST);
        RouteLeg leg = new RouteLeg(venue, WETH, USDC, List.of(), List.of(), List.of(), 0);
        String message = catchMessage(() -> leg.venueQuote(amount));
        assertThatThrownBy(() -> leg.plainDelivered(amount)).hasMessage(message);
        assertThatThrownBy(() -> new LegQuotes(List.of(leg)).delivered(0, amount)).hasMessage(message);
        assertThatThrownBy(() -> new LegQuotes(List.of(leg)).fills(0, amount)).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXACT"})
    void anExactPoolIsQuotedAsAnyVenue(MathMode mode) {
        ConstantProductPool venue = Fixtures.pair(1_000, 2_000_000, 3000, mode);
        assertThat(new RouteLeg(venue, WETH, USDC, List.of(), List.of(), List.of(), 0).plain()).isFalse();
    }

    private static Bridge bridge(int feeBps) {
        return new Bridge(BridgeId.of("b" + feeBps), ChainId.of("ethereum"), ChainId.of("arbitrum"), 60, 1e9, feeBps,
                BridgeStatus.OPEN);
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the quote did not fail");
    }
}
