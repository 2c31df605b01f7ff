package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Venue#inputAtMarginalRate}: selling that much leaves the next unit returning the rate asked. Checked per venue
 * type against the slope of its own quotes (central differences) or, where the fee stays out of the price, the
 * marginal rate of the pool after the sale; by hand for an order book's steps; and for the router, whose split at the
 * returned size gives every leg that slope.
 */
class MarginalRateSizingTest {

    /** d(out)/d(in) of selling through {@code v} at {@code x}, by a central difference of quotes. */
    private static double slope(Venue v, AssetId in, AssetId out, double x) {
        double h = x * 1e-5;
        return (v.quoteExactIn(in, out, x + h).amountOut() - v.quoteExactIn(in, out, x - h).amountOut()) / (2 * h);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 500, 3000, 10_000})
    void constantProductSellsUntilItsSlopeIsTheRate(int feePips) {
        // 1,000 ETH and 2,000,000 USDC: the first unit returns 2,000 × (1 − fee); ask for 1,800 and 1,500.
        ConstantProductPool p = Fixtures.pair(1000, 2_000_000, feePips, MathMode.FAST);
        AssetId eth = AssetId.of("WETH");
        AssetId usdc = AssetId.of("USDC");
        for (double rate : new double[] {1800, 1500}) {
            double x = p.inputAtMarginalRate(eth, usdc, rate);
            double g = 1 - feePips / 1e6;
            // Closed form: R_out·γ·R_in / (R_in + γx)² = rate.
            assertThat(2_000_000 * g * 1000 / Math.pow(1000 + g * x, 2)).isCloseTo(rate, within(rate * 1e-12));
            assertThat(slope(p, eth, usdc, x)).isCloseTo(rate, within(rate * 1e-6));
        }
        assertThat(p.inputAtMarginalRate(eth, usdc, 2500)).as("already below").isZero();
        assertThatThrownBy(() -> p.inputAtMarginalRate(eth, usdc, -1)).hasMessageContaining("rate must be");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void concentratedLiquidityStopsWhereItsPriceTimesTheFeeIsTheRate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, (int) seed),
                RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.FAST);
        AssetId in = RandomClmmPools.ASSET0.id();
        AssetId out = RandomClmmPools.ASSET1.id();
        double atZero = p.spotPrice(in, out) * (1 - p.feePips() / 1e6);
        double rate = atZero * (1 - 0.002 * (1 + random.nextInt(5)));
        double x = p.inputAtMarginalRate(in, out, rate);
        Venue after = p.copy();
        Quote q = after.swapExactIn(in, out, x);
        double left = after.marginalRate(in, out);
        assertThat(left).as("seed %d: no further unit pays more than the rate", seed)
                .isLessThanOrEqualTo(rate * (1 + 1e-9));
        if (((ConcentratedLiquidityPool) after).liquidityApprox() > 0) {
            // Inside a range the fee leaves v3 liquidity alone: the pool's marginal rate after the sale is its slope.
            assertThat(left).as("seed %d", seed).isCloseTo(rate, within(rate * 1e-9));
        }
        assertThat(p.inputAtMarginalRate(in, out, atZero * 1.01)).isZero();
        assertThatThrownBy(() -> p.inputAtMarginalRate(in, out, Double.POSITIVE_INFINITY))
                .hasMessageContaining("rate must be a finite number > 0");
    }

    @Test
    void stableSwapStopsWhereItsSpotTimesTheFeeIsTheRate() {
        BigInteger million = BigInteger.TEN.pow(6 + 6);
        StableSwapPool p = Fixtures.stable(new int[] {6, 6}, new BigInteger[] {million, million}, 200, 4_000_000,
                MathMode.FAST);
        double atZero = p.marginalRate(Fixtures.coin(0), Fixtures.coin(1));
        double rate = atZero * 0.99;
        double x = p.inputAtMarginalRate(Fixtures.coin(0), Fixtures.coin(1), rate);
        Venue after = p.copy();
        after.swapExactIn(Fixtures.coin(0), Fixtures.coin(1), x);
        assertThat(after.marginalRate(Fixtures.coin(0), Fixtures.coin(1))).isCloseTo(rate, within(rate * 1e-6));
    }

    @Test
    void anOrderBookTakesTheLevelsThatStillPayTheRate() {
        // Bids 100 × 2, 99 × 3, 98 × 5, fee 10 bps: net 99.9, 98.901, 97.902. At 98.5 the first two levels pay.
        OrderBook book = Fixtures.book(List.of(Fixtures.level("100", "2"), Fixtures.level("99", "3"),
                Fixtures.level("98", "5")), List.of(Fixtures.level("101", "4")), 1000);
        assertThat(book.inputAtMarginalRate(AssetId.of("ETH"), AssetId.of("USD"), 98.5)).isEqualTo(5);
        assertThat(book.inputAtMarginalRate(AssetId.of("ETH"), AssetId.of("USD"), 99.95)).isZero();
        assertThat(book.inputAtMarginalRate(AssetId.of("ETH"), AssetId.of("USD"), 1)).isEqualTo(10);
        assertThatThrownBy(() -> book.inputAtMarginalRate(AssetId.of("ETH"), AssetId.of("USD"), Double.NaN))
                .hasMessageContaining("venue book").hasMessageContaining("rate must be a finite number > 0");
    }

    @Test
    void theRoutersSplitAtThatSizeGivesEveryLegTheRate() {
        // Two pools of one pair, different depths and fees: water filling at rate ρ takes from each what brings its
        // own slope to ρ, and the order is their sum.
        Market market = TwoPools.market();
        RouteRequest shape = RouteRequest.of(TwoPools.ETH, TwoPools.USDC, 1).withMaxLatency(0)
                .withGas(GasSchedule.FREE);
        double rate = 1900;
        double total = Router.DEFAULT.inputAtMarginalRate(market, shape, rate);
        double sum = 0;
        for (Venue v : market.venues()) {
            double x = v.inputAtMarginalRate(TwoPools.ETH, TwoPools.USDC, rate);
            assertThat(x).isPositive();
            assertThat(slope(v, TwoPools.ETH, TwoPools.USDC, x)).isCloseTo(rate, within(rate * 1e-6));
            sum += x;
        }
        assertThat(total).isEqualTo(sum);
        // The routed proceeds of that order: selling a bit more or less returns less per unit than the rate, or
        // more — the slope of the router's own split is the rate (to its slicing).
        double h = total * 1e-3;
        double up = Router.DEFAULT.route(market, RouteRequest.of(TwoPools.ETH, TwoPools.USDC, total + h)
                .withMaxLatency(0).withGas(GasSchedule.FREE)).routedOut();
        double down = Router.DEFAULT.route(market, RouteRequest.of(TwoPools.ETH, TwoPools.USDC, total - h)
                .withMaxLatency(0).withGas(GasSchedule.FREE)).routedOut();
        assertThat((up - down) / (2 * h)).isCloseTo(rate, within(rate * 1e-3));
    }

    /** Two constant-product ETH/USDC pools on one chain: 1,000/2,000,000 at 0.3% and 400/800,000 at 0.05%. */
    private static final class TwoPools {
        static final AssetId ETH = AssetId.of("ETH");
        static final AssetId USDC = AssetId.of("USDC");

        static Market market() {
            var chain = dev.fracture.model.ChainId.of("ethereum");
            var snapshot = new dev.fracture.model.EcosystemSnapshot("two-pools", java.time.Instant.EPOCH,
                    List.of(new dev.fracture.model.Chain(chain, "Ethereum", 12, ETH,
                            new dev.fracture.model.GasPriceModel(10, 0, 0.125))),
                    List.of(new dev.fracture.model.Asset(ETH, chain, "ETH", 18, new dev.fracture.model.AssetKind.Native(),
                                    2000),
                            new dev.fracture.model.Asset(USDC, chain, "USDC", 6,
                                    new dev.fracture.model.AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                    List.of(),
                    List.of(new dev.fracture.model.VenueSpec.ConstantProduct(dev.fracture.model.VenueId.of("deep"),
                                    chain, ETH, USDC, new BigDecimal("1000"), new BigDecimal("2000000"), 3000),
                            new dev.fracture.model.VenueSpec.ConstantProduct(dev.fracture.model.VenueId.of("cheap"),
                                    chain, ETH, USDC, new BigDecimal("400"), new BigDecimal("800000"), 500)));
            return Market.of(snapshot, MathMode.FAST);
        }
    }
}
