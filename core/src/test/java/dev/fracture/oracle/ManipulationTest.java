package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.model.AssetId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManipulationTest {
    private static final AssetId WETH = OracleFixtures.WETH.id();
    private static final AssetId USDC = OracleFixtures.USDC.id();

    /**
     * Fee-free x·y = k: selling dx of x moves the price y/x to k/(x+dx)², a factor (x/(x+dx))². A move down by f
     * needs (x/(x+dx))² = 1 − f, dx = x·(1/√(1−f) − 1).
     */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45})
    void spotMoveTradeOnAFeeFreePairIsTheClosedForm(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double x = 10 + random.nextDouble() * 10_000;
        double y = x * (100 + random.nextDouble() * 3000);
        ConstantProductPool pair = OracleFixtures.pair(x, y, 0, MathMode.FAST);
        double f = 0.001 + random.nextDouble() * 0.8;
        double dx = Manipulation.spotMoveTrade(pair, WETH, USDC, f);
        double reserve = pair.reserve(WETH);
        assertThat(dx).isCloseTo(reserve * (1 / Math.sqrt(1 - f) - 1), within(reserve * 1e-12));
        Quote q = pair.copy().swapExactIn(WETH, USDC, dx);
        assertThat(q.spotAfter() / q.spotBefore()).isCloseTo(1 - f, within(1e-12));
    }

    /**
     * With fee γ kept in the pool: selling Δ leaves x + Δ and y·x/(x + γΔ), price factor x²/((x+γΔ)(x+Δ)) = 1 − f,
     * i.e. γΔ² + x(1+γ)Δ − x²·f/(1−f) = 0, solved here with the textbook root.
     */
    @Test
    void spotMoveTradeWithAFeeSolvesTheFeeAdjustedQuadratic() {
        ConstantProductPool pair = OracleFixtures.pair(1000, 2_000_000, 3000, MathMode.FAST);
        double g = 0.997;
        double x = 1000;
        for (double f : new double[] {0.01, 0.05, 0.2, 0.5}) {
            double c = x * x * f / (1 - f);
            double b = x * (1 + g);
            double expected = (-b + Math.sqrt(b * b + 4 * g * c)) / (2 * g);
            double dx = Manipulation.spotMoveTrade(pair, WETH, USDC, f);
            assertThat(dx).isCloseTo(expected, within(expected * 1e-9));
            Quote q = pair.copy().swapExactIn(WETH, USDC, dx);
            assertThat(q.spotAfter() / q.spotBefore()).isCloseTo(1 - f, within(1e-12));
        }
    }

    /**
     * A tick held Δ away for k blocks moves the consulted mean tick by floor of Δ·k·blockTime/W, measured on an
     * observation ring written block by block.
     */
    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53, 54, 55, 56})
    void twapShiftFromAHeldManipulationIsTheTickMath(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int base = random.nextInt(-250_000, 250_000);
        int delta = random.nextInt(-20_000, 20_000);
        long blockTime = 12;
        long window = 1800;
        int blocks = random.nextInt(1, 150);
        TwapFeed feed = TwapFeed.of(window, 18, 6);
        TwapState s = feed.start(0, 512, base, 1);
        long t = 0;
        for (int i = 0; i < 200; i++) {
            t += blockTime;
            s = feed.record(s, t, base, 1);
        }
        for (int i = 0; i < blocks; i++) {
            s = feed.record(s, t, base + delta, 1);   // the push: from t on the tick is manipulated
            t += blockTime;
        }
        s = feed.record(s, t, base, 1);               // released at t
        double shift = Manipulation.twapTickShift(delta, blocks, blockTime, window);
        assertThat(feed.meanTick(s, t)).isEqualTo((int) Math.floor(base + shift));
        assertThat(shift).isCloseTo(delta * Math.min(blocks * 12.0, 1800) / 1800, within(1e-9));
    }

    @Test
    void requiredSpotFactorCompoundsOverTheUncoveredWindow() {
        assertThat(Manipulation.requiredSpotFactor(0.9, 150, 12, 1800)).isCloseTo(0.9, within(1e-15));
        assertThat(Manipulation.requiredSpotFactor(0.9, 300, 12, 1800)).isCloseTo(0.9, within(1e-15));
        assertThat(Manipulation.requiredSpotFactor(0.9, 75, 12, 1800)).isCloseTo(0.81, within(1e-15));
        assertThat(Manipulation.requiredSpotFactor(1.1, 50, 12, 1800)).isCloseTo(1.331, within(1e-12));
    }

    /**
     * On a fee-free pair, selling dx and letting arbitrage restore the price loses dx·y/x − y·dx/(x+dx) =
     * y·dx²/(x(x+dx)) quote per block; without arbitrage the round trip on a fee-free curve loses nothing.
     */
    @Test
    void twapCostOnAFeeFreePairMatchesTheClosedForms() {
        double x = 1000;
        double y = 2_000_000;
        ConstantProductPool pair = OracleFixtures.pair(x, y, 0, MathMode.FAST);
        ManipulationCost withArb = Manipulation.twapCost(pair, WETH, USDC, 0.1, Manipulation.Direction.DOWN, 75,
                12, 1800, Manipulation.Arbitrage.EVERY_BLOCK);
        assertThat(withArb.spotMoveFraction()).isCloseTo(0.19, within(1e-12));   // 1 − 0.9²
        double dx = x * (1 / Math.sqrt(0.81) - 1);
        assertThat(withArb.tradeAmount()).isCloseTo(dx, within(1e-9));
        double perBlock = y * dx * dx / (x * (x + dx));
        assertThat(withArb.costPerPush()).isCloseTo(perBlock, within(perBlock * 1e-9));
        assertThat(withArb.pushes()).isEqualTo(75);
        assertThat(withArb.totalCost()).isCloseTo(75 * perBlock, within(75 * perBlock * 1e-9));

        ManipulationCost noArb = Manipulation.twapCost(pair, WETH, USDC, 0.1, Manipulation.Direction.DOWN, 75, 12,
                1800, Manipulation.Arbitrage.NONE);
        assertThat(noArb.pushes()).isEqualTo(1);
        assertThat(noArb.totalCost()).isCloseTo(0, within(1e-6));
        assertThat(pair.spotPrice(WETH, USDC)).isEqualTo(2000);                  // the venue itself is untouched
    }

    @Test
    void pushingUpBuysBaseWithQuoteAndFeesMakeTheRoundTripCostly() {
        ConstantProductPool pair = OracleFixtures.pair(1000, 2_000_000, 3000, MathMode.FAST);
        ManipulationCost up = Manipulation.twapCost(pair, WETH, USDC, 0.1, Manipulation.Direction.UP, 150, 12, 1800,
                Manipulation.Arbitrage.NONE);
        assertThat(up.spotMoveFraction()).isCloseTo(1 - 1 / 1.1, within(1e-12));
        Quote push = pair.copy().swapExactIn(USDC, WETH, up.tradeAmount());
        assertThat(push.spotBefore() / push.spotAfter()).isCloseTo(1.1, within(1e-9));
        // Two legs each paying 0.3%: a little under 0.6% of the pushed amount.
        assertThat(up.totalCost()).isBetween(0.005 * up.tradeAmount(), 0.006 * up.tradeAmount());
    }
}
