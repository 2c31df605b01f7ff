package dev.fracture.market;

import static dev.fracture.market.EthUsdcMarkets.market;
import static dev.fracture.market.EthUsdcMarkets.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact split's per-thread scratch ({@link SplitScratch}): a split made in a thread's used arrays — left longer
 * and full of an earlier, wider split's numbers — is the split of fresh arrays to the bit, and lands on the
 * hand-worked shares; a second split on a thread whose scratch is in use gets arrays of its own.
 */
class SplitScratchTest {
    private static final AssetId ETH = EthUsdcMarkets.ETH;
    private static final AssetId USDC = EthUsdcMarkets.USDC;

    private static List<RouteLeg> legs(Market market) {
        return Router.DEFAULT.legs(market, RouteRequest.of(ETH, USDC, 1).withGas(GasSchedule.FREE)
                .withMaxLatency(0)).list();
    }

    /** Between two and {@code most} constant-product pools of random depth, price and fee. */
    private static Market randomPools(SplittableRandom rng, int most) {
        int n = 2 + rng.nextInt(most - 1);
        List<VenueSpec> pools = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            long eth = 10 + rng.nextInt(5_000);
            long price = 1_800 + rng.nextInt(400);
            int[] fees = {0, 500, 3000, 10_000};
            pools.add(pool("p" + v, Long.toString(eth), Long.toString(eth * price), fees[rng.nextInt(fees.length)]));
        }
        return market(pools);
    }

    @Test
    void aSecondSplitWhileTheThreadsScratchIsInUseGetsItsOwn() {
        SplitScratch first = SplitScratch.take();
        try {
            SplitScratch second = SplitScratch.take();
            assertThat(second).isNotSameAs(first);
            second.release();
        } finally {
            first.release();
        }
        SplitScratch again = SplitScratch.take();
        again.release();
        assertThat(again).isSameAs(first);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void splitsInAUsedScratchAreTheSplitsOfFreshArrays(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int round = 0; round < 30; round++) {
            // Wide and narrow markets in turn, so that a narrow split finds the wide one's numbers past its legs.
            List<RouteLeg> legs = legs(randomPools(rng, round % 2 == 0 ? 9 : 3));
            double amount = Math.pow(10, -1 + 5 * rng.nextDouble());
            double[] fresh = WaterFillingSplit.of(legs, new LegQuotes(legs), amount);
            SplitScratch scratch = SplitScratch.take();
            try {
                double[] reused = WaterFillingSplit.of(legs, scratch.quotes(legs), amount, scratch);
                assertThat(reused).as("seed %d round %d, %d legs, %s ETH", seed, round, legs.size(), amount)
                        .isEqualTo(fresh);
            } finally {
                scratch.release();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 50, 5000})
    void aNarrowSplitAfterAWideOneSharesInProportionToTheReserves(double amount) {
        // A wide split first fills the thread's scratch: five pools at five prices.
        SplittableRandom rng = new SplittableRandom(11);
        List<RouteLeg> wide = legs(randomPools(rng, 9));
        SplitScratch scratch = SplitScratch.take();
        try {
            WaterFillingSplit.of(wide, scratch.quotes(wide), 20_000, scratch);
        } finally {
            scratch.release();
        }
        // Then, through the router (which works in that scratch), 1,000 ETH / 2,000,000 USDC beside 3,000 / 6,000,000
        // at 0.3%: equal marginal rates at one price mean equal (R_in + γx)/R_in — a quarter and three quarters, and
        // together one pool of 4,000 / 8,000,000 delivering 8e6·γa / (4000 + γa).
        Market market = market(List.of(pool("a", "1000", "2000000", 3000), pool("b", "3000", "6000000", 3000)));
        RouteResult r = Router.DEFAULT.route(market, OwnChainLegs.request(ETH, USDC, amount));
        double a = 0;
        double b = 0;
        for (LegFill f : r.fills()) {
            if (f.venue().value().equals("a")) {
                a += f.amountIn();
            } else {
                b += f.amountIn();
            }
        }
        double optimum = 8_000_000 * 0.997 * amount / (4000 + 0.997 * amount);
        assertThat(a).isCloseTo(amount / 4, within(amount * 1e-9));
        assertThat(b).isCloseTo(3 * amount / 4, within(amount * 1e-9));
        assertThat(r.routedOut()).isCloseTo(optimum, within(optimum * 1e-11));
    }
}
