package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Venue#rateSellingNothing}: at and above it (with the 1e-9 margin a seller keeps) a venue's
 * {@link Venue#inputAtMarginalRate} is exactly 0, and just below it the sale takes something — checked against the
 * venue's own {@code inputAtMarginalRate}, which is what a liquidator's sizing would have asked.
 */
class RateSellingNothingTest {
    private static final double MARGIN = 1e-9;

    @Test
    void aConstantProductPoolSellsNothingFromItsSpotLessTheFee() {
        // 1,000 ETH and 2,000,000 USDC at 0.3%: the first unit returns 2,000 × 0.997 = 1,994 USDC.
        ConstantProductPool p = Fixtures.pair(1000, 2_000_000, 3000, MathMode.FAST);
        AssetId eth = AssetId.of("WETH");
        AssetId usdc = AssetId.of("USDC");
        assertThat(p.rateSellingNothing(eth, usdc)).isCloseTo(1994, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.inputAtMarginalRate(eth, usdc, 1994 * (1 + MARGIN))).isZero();
        assertThat(p.inputAtMarginalRate(eth, usdc, 1994 * (1 - 1e-6))).isPositive();
    }

    @Test
    void anOrderBookSellsNothingAboveItsBestBidAfterTheFee() {
        // Best bid 100, fee 10 bps: 99.9 is the most any unit returns.
        OrderBook book = Fixtures.book(List.of(Fixtures.level("100", "2"), Fixtures.level("99", "3")),
                List.of(Fixtures.level("101", "4")), 1000);
        AssetId eth = AssetId.of("ETH");
        AssetId usd = AssetId.of("USD");
        assertThat(book.rateSellingNothing(eth, usd)).isCloseTo(99.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(book.inputAtMarginalRate(eth, usd, 99.9 * (1 + MARGIN))).isZero();
        assertThat(book.inputAtMarginalRate(eth, usd, 99.8)).isEqualTo(2);
    }

    /**
     * Seeded random v3 pools in both modes, as generated and after sales that cross ticks or drain a direction
     * entirely: the rate found is exactly where the pool's own sizing starts to take input.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void aConcentratedPoolSellsNothingAboveTheFirstLiquidityItsSaleMeets(long seed) {
        for (MathMode mode : MathMode.values()) {
            SplittableRandom random = new SplittableRandom(seed);
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, (int) seed),
                    RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, mode);
            AssetId t0 = RandomClmmPools.ASSET0.id();
            AssetId t1 = RandomClmmPools.ASSET1.id();
            checkBothWays(p, t0, t1, "seed " + seed + " " + mode + " as generated");
            for (int k = 0; k < 6; k++) {
                boolean sell0 = random.nextBoolean();
                AssetId in = sell0 ? t0 : t1;
                AssetId out = sell0 ? t1 : t0;
                double units = RandomClmmPools.swapAmount(random, p, sell0).doubleValue();
                p.swapExactIn(in, out, units / Math.pow(10, sell0 ? 18 : 6));
                checkBothWays(p, t0, t1, "seed " + seed + " " + mode + " after sale " + k);
            }
            // Drain selling token0: the pool comes to rest on (or crossed below) its lowest initialized tick and sells
            // no more token0 at any rate.
            p.swapExactIn(t0, t1, p.depth(t0, t1, 1) * 2 + 1);
            assertThat(p.rateSellingNothing(t0, t1)).as("seed %d %s drained", seed, mode).isZero();
            assertThat(p.inputAtMarginalRate(t0, t1, p.spotPrice(t0, t1) * 1e-6)).isZero();
            checkBothWays(p, t0, t1, "seed " + seed + " " + mode + " drained of token1");
            p.swapExactIn(t1, t0, p.depth(t1, t0, 1) * 2 + 1);
            assertThat(p.rateSellingNothing(t1, t0)).as("seed %d %s drained the other way", seed, mode).isZero();
            checkBothWays(p, t0, t1, "seed " + seed + " " + mode + " drained of token0");
        }
    }

    @Test
    void aSaleOfAllTheLiquidityBelowLeavesThePoolCrossedIntoNoneAsTheContractDoes() {
        // Found in a cascade: a seller sizes a sale to all the liquidity left below the price (depth at a 100% move)
        // and sells it; the sale's last step runs out of input a rounding short of "reached", with the price on the
        // lowest initialized tick's very price. UniswapV3Pool.swap crosses a tick whenever the price lands on it
        // ("if (state.sqrtPriceX96 == step.sqrtPriceNextX96)"), leaving the tick one below and no liquidity in force,
        // and so must the fast state: its marginal rate for token0 is then 0 (no liquidity below), as is the rate
        // selling nothing, and selling token1 meets the range above at the spot less the fee.
        AssetId t0 = RandomClmmPools.ASSET0.id();
        AssetId t1 = RandomClmmPools.ASSET1.id();
        int found = 0;
        for (int seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(RandomClmmPools.spec(random, seed),
                    RandomClmmPools.ASSET0, RandomClmmPools.ASSET1, MathMode.FAST);
            p.swapExactIn(t0, t1, p.depth(t0, t1, 1));
            if (p.initializedTicks().isEmpty()) {
                continue;
            }
            int lowestTick = p.initializedTicks().get(0).tick();
            double lowest = dev.fracture.market.clmm.TickMath.getSqrtRatioAtTick(lowestTick).doubleValue() / 0x1p96;
            if (p.sqrtPrice() != lowest) {
                continue;
            }
            found++;
            assertThat(p.tick()).as("seed %d", seed).isEqualTo(lowestTick - 1);
            assertThat(p.liquidityApprox()).as("seed %d", seed).isZero();
            assertThat(p.marginalRate(t0, t1)).as("seed %d", seed).isZero();
            assertThat(p.rateSellingNothing(t0, t1)).as("seed %d", seed).isZero();
            assertThat(p.inputAtMarginalRate(t0, t1, p.spotPrice(t0, t1) * 0.5)).as("seed %d", seed).isZero();
            double keep = 1 - p.feePips() / 1e6;
            assertThat(p.marginalRate(t1, t0)).as("seed %d", seed).isCloseTo(p.spotPrice(t1, t0) * keep,
                    org.assertj.core.api.Assertions.within(p.spotPrice(t1, t0) * 1e-12));
            assertThat(p.rateSellingNothing(t1, t0)).as("seed %d", seed).isCloseTo(p.spotPrice(t1, t0) * keep,
                    org.assertj.core.api.Assertions.within(p.spotPrice(t1, t0) * 1e-12));
        }
        assertThat(found).as("pools drained onto their lowest tick among 200 seeds").isGreaterThan(10);
    }

    @Test
    void aPoolStandingOnTheLowerTickOfItsOnlyRangeQuotesNoRateForToken0InEitherMode() {
        // Initialized exactly at tick −200,040, the lower end of its one position [−200,040, −199,020): the contract
        // counts the position in force (the tick is −200,040), but a sale of token0 first crosses that tick — the next
        // initialized tick at or below the current one — into no liquidity, and takes nothing; a sale of token1 meets
        // the position at once, at the spot less the 0.3% fee.
        AssetId t0 = RandomClmmPools.ASSET0.id();
        AssetId t1 = RandomClmmPools.ASSET1.id();
        dev.fracture.model.VenueSpec.ConcentratedLiquidity spec = new dev.fracture.model.VenueSpec.ConcentratedLiquidity(
                dev.fracture.model.VenueId.of("on-tick"), dev.fracture.model.ChainId.of("test"), t0, t1, 3000, 60,
                dev.fracture.market.clmm.TickMath.getSqrtRatioAtTick(-200_040),
                List.of(new dev.fracture.model.VenueSpec.LiquidityPosition(-200_040, -199_020,
                        new java.math.BigInteger("50000000000000000"))));
        for (MathMode mode : MathMode.values()) {
            ConcentratedLiquidityPool p = ConcentratedLiquidityPool.of(spec, RandomClmmPools.ASSET0,
                    RandomClmmPools.ASSET1, mode);
            assertThat(p.marginalRate(t0, t1)).as("%s", mode).isZero();
            assertThat(p.rateSellingNothing(t0, t1)).as("%s", mode).isZero();
            assertThat(p.quoteExactIn(t0, t1, 1).amountOut()).as("%s: a sale of token0 gets nothing", mode).isZero();
            assertThat(p.marginalRate(t1, t0)).as("%s", mode).isCloseTo(p.spotPrice(t1, t0) * 0.997,
                    org.assertj.core.api.Assertions.within(p.spotPrice(t1, t0) * 1e-12));
            assertThat(p.quoteExactIn(t1, t0, 100).amountOut()).as("%s", mode).isPositive();
        }
    }

    @Test
    void theRouterTakesTheLargestOfItsLegs() {
        // Two constant-product pools of one pair: 2,000 × 0.997 = 1,994 and 2,000 × 0.9995 = 1,999 USDC per ETH.
        Market market = Market.of(twoPools(), MathMode.FAST);
        Router.Legs legs = Router.DEFAULT.legs(market, RouteRequest.of(AssetId.of("ETH"), AssetId.of("USDC"), 1)
                .withMaxLatency(0).withGas(GasSchedule.FREE));
        assertThat(Router.DEFAULT.rateSellingNothing(legs))
                .isCloseTo(1999, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Router.DEFAULT.inputAtMarginalRate(legs, 1999 * (1 + MARGIN))).isZero();
        assertThat(Router.DEFAULT.inputAtMarginalRate(legs, 1996)).isPositive();
        assertThat(Router.DEFAULT.rateSellingNothing(Router.DEFAULT.legs(market,
                RouteRequest.of(AssetId.of("USDC"), AssetId.of("ETH"), 1).withMaxLatency(0)
                        .withGas(GasSchedule.FREE)))).isCloseTo(0.0005 * 0.9995, org.assertj.core.api.Assertions
                .within(1e-15));
    }

    private static void checkBothWays(ConcentratedLiquidityPool p, AssetId t0, AssetId t1, String where) {
        check(p, t0, t1, where + ", selling token0");
        check(p, t1, t0, where + ", selling token1");
    }

    private static void check(ConcentratedLiquidityPool p, AssetId in, AssetId out, String where) {
        double nothing = p.rateSellingNothing(in, out);
        assertThat(nothing).as(where).isGreaterThanOrEqualTo(0);
        double spot = p.spotPrice(in, out);
        double[] above = nothing > 0
                ? new double[] {nothing * (1 + MARGIN), nothing * 1.001, nothing * 1.5, nothing * 10}
                : new double[] {spot * 1e-9, spot * 1e-3, spot * 0.5, spot};
        for (double rate : above) {
            assertThat(p.inputAtMarginalRate(in, out, rate)).as("%s at %s (nothing from %s)", where, rate, nothing)
                    .isZero();
        }
        // Where the liquidity lies more than 1e-5 of the spot away the answer is that share of the spot, above the
        // true one (the pool's own sizing rounds there); otherwise it is the true one: just below it a sale takes
        // something.
        boolean far = nothing <= spot * (1 - p.feePips() / 1e6) * 1e-5 * (1 + 1e-9);
        if (nothing > 0 && !far) {
            assertThat(p.inputAtMarginalRate(in, out, nothing * (1 - 1e-6)))
                    .as("%s: just below %s the sale takes something", where, nothing).isPositive();
        }
    }

    private static dev.fracture.model.EcosystemSnapshot twoPools() {
        var chain = dev.fracture.model.ChainId.of("ethereum");
        AssetId eth = AssetId.of("ETH");
        AssetId usdc = AssetId.of("USDC");
        return new dev.fracture.model.EcosystemSnapshot("two-pools", java.time.Instant.EPOCH,
                List.of(new dev.fracture.model.Chain(chain, "Ethereum", 12, eth,
                        new dev.fracture.model.GasPriceModel(10, 0, 0.125))),
                List.of(new dev.fracture.model.Asset(eth, chain, "ETH", 18, new dev.fracture.model.AssetKind.Native(),
                                2000),
                        new dev.fracture.model.Asset(usdc, chain, "USDC", 6,
                                new dev.fracture.model.AssetKind.Stablecoin("USD", java.math.BigDecimal.ONE), 1)),
                List.of(),
                List.of(new dev.fracture.model.VenueSpec.ConstantProduct(dev.fracture.model.VenueId.of("deep"),
                                chain, eth, usdc, new java.math.BigDecimal("1000"), new java.math.BigDecimal("2000000"),
                                3000),
                        new dev.fracture.model.VenueSpec.ConstantProduct(dev.fracture.model.VenueId.of("cheap"),
                                chain, eth, usdc, new java.math.BigDecimal("400"), new java.math.BigDecimal("800000"),
                                500)));
    }
}
