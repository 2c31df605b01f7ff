package dev.fracture.market;

import static dev.fracture.market.EthUsdcMarkets.book;
import static dev.fracture.market.EthUsdcMarkets.market;
import static dev.fracture.market.EthUsdcMarkets.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search for the common marginal rate λ* of a split ({@link RateBracket}) against λ* worked by hand. A fee-free
 * constant-product pool R_in / R_out sells x at the marginal rate R_out·R_in/(R_in + x)², so its input at λ is
 * √(R_out·R_in)·u − R_in with u = 1/√λ — affine in u beyond its rate at zero (Angeris, Evans, Chitra et al., 2022,
 * §4; the Uniswap v2 whitepaper's x·y = k). Where the legs in use take X together, u* = (X + ΣR_in)/Σ√(R_out·R_in)
 * over those legs. For such legs the search's model of each leg is the leg itself, so it lands on λ* within a few
 * tries — where a secant through the bracket's ends, which treats the legs starting inside it as if they had taken
 * their share all along, and the geometric steps before it took six to eight.
 */
class RateBracketTest {
    private static final AssetId ETH = EthUsdcMarkets.ETH;
    private static final AssetId USDC = EthUsdcMarkets.USDC;
    /** Three fee-free pools of 1,000 ETH at 2,200, 2,100 and 2,000 USDC. */
    private static final Market THREE_POOLS = market(List.of(pool("a", "1000", "2200000", 0),
            pool("b", "1000", "2100000", 0), pool("c", "1000", "2000000", 0)));

    private static RateBracket narrowed(Market market, double amount) {
        List<RouteLeg> legs = Router.DEFAULT.legs(market, RouteRequest.of(ETH, USDC, 1)
                .withGas(GasSchedule.FREE).withMaxLatency(0)).list();
        RateBracket bracket = new RateBracket(legs, RateBracket.ratesAtZero(legs), amount);
        bracket.narrow(WaterFillingSplit.PRECISION);
        return bracket;
    }

    @ParameterizedTest
    @ValueSource(doubles = {80, 500, 5000, 50_000})
    void threePoolsInUseLandOnTheHandWorkedRateInFourTries(double amount) {
        // All three in use once the rate has fallen below c's 2,000: at u = 1/√2000, a takes √2.2e9·u − 1000 ≈ 48.8
        // and b √2.1e9·u − 1000 ≈ 24.7, so from about 73.5 ETH up every pool sells.
        double roots = Math.sqrt(2.2e9) + Math.sqrt(2.1e9) + Math.sqrt(2e9);
        double u = (amount + 3000) / roots;
        double lambda = 1 / (u * u);
        RateBracket bracket = narrowed(THREE_POOLS, amount);
        assertThat(bracket.failed()).isFalse();
        assertThat(bracket.hi()).isCloseTo(lambda, within(lambda * 1e-11));
        assertThat(bracket.tries()).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 10, 20})
    void oneOfThreePoolsInUseLandsOnItsOwnRate(double amount) {
        // Under 23.5 ETH only a sells: λ* = R_out·R_in/(R_in + X)² = 2.2e9/(1000 + X)².
        double lambda = 2.2e9 / ((1000 + amount) * (1000 + amount));
        RateBracket bracket = narrowed(THREE_POOLS, amount);
        assertThat(bracket.hi()).isCloseTo(lambda, within(lambda * 1e-11));
        assertThat(bracket.tries()).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.2, 3, 9})
    void aBookBesidePoolsStillNarrowsToThePrecision(double amount) {
        // A bid of 10 ETH at 1,995 beside a fee-free pool of 1,000 / 2,000,000: the book's input steps at 1,995,
        // which no model of a line follows, so the search falls back on the secant and halving — and still ends with
        // a bracket whose excess is within the precision asked (RateBracket#excess), λ* being 1,995 once the pool's
        // rate has fallen to it at x* = √(2e9/1995) − 1000 ≈ 1.2523.
        Market market = market(List.of(pool("a", "1000", "2000000", 0), book("book", new double[][] {{1995, 10}})));
        RateBracket bracket = narrowed(market, amount);
        assertThat(bracket.failed()).isFalse();
        assertThat(bracket.excess()).isLessThanOrEqualTo(WaterFillingSplit.PRECISION * bracket.hi() * amount);
        double xStar = Math.sqrt(2e9 / 1995) - 1000;
        double lambda = amount <= xStar ? 2e9 / ((1000 + amount) * (1000 + amount)) : 1995;
        assertThat(bracket.hi()).isCloseTo(lambda, within(lambda * 1e-9));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /**
     * Seeded random sets of two to five constant-product pools with fees, and orders from a hundredth of an ETH to
     * more than they hold together: λ* from the closed form — pool i's input at u is (a_i·u − R_in,i)/γ_i with
     * a_i = √(R_out,i·γ_i·R_in,i) beyond its kink √(R_in,i/(γ_i·R_out,i)), so over the pools in use
     * u* = (X + ΣR_in,i/γ_i)/Σ(a_i/γ_i), the pools in use being those whose kink lies below u*, found adding them in
     * order of their kinks. Within four tries every time: the model's answer lands on u* to rounding, and when the
     * rounding falls past it the next try just short of it closes the bracket (without that try, a further model
     * step lands on the same point and the secant crawls).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomPoolsWithFeesLandOnTheClosedFormRateInFourTries(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(4);
        double[] rIn = new double[n];
        double[] rOut = new double[n];
        double[] gamma = new double[n];
        List<VenueSpec> pools = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rIn[i] = 100 + random.nextInt(5000);
            rOut[i] = rIn[i] * (1800 + random.nextInt(400));
            int fee = new int[] {0, 500, 3000, 10000}[random.nextInt(4)];
            gamma[i] = 1 - fee / 1e6;
            pools.add(pool("p" + i, Double.toString(rIn[i]), Double.toString(rOut[i]), fee));
        }
        double amount = Math.pow(10, -2 + 6 * random.nextDouble());
        Integer[] byKink = new Integer[n];
        for (int i = 0; i < n; i++) {
            byKink[i] = i;
        }
        Arrays.sort(byKink, (x, y) -> Double.compare(Math.sqrt(rIn[x] / (gamma[x] * rOut[x])),
                Math.sqrt(rIn[y] / (gamma[y] * rOut[y]))));
        double u = Double.NaN;
        double inSum = 0;
        double slopeSum = 0;
        for (int k = 0; k < n; k++) {
            int i = byKink[k];
            double kink = Math.sqrt(rIn[i] / (gamma[i] * rOut[i]));
            if (k > 0 && u <= kink) {
                break;
            }
            inSum += rIn[i] / gamma[i];
            slopeSum += Math.sqrt(rOut[i] * gamma[i] * rIn[i]) / gamma[i];
            u = (amount + inSum) / slopeSum;
        }
        double lambda = 1 / (u * u);
        RateBracket bracket = narrowed(market(pools), amount);
        assertThat(bracket.failed()).as("seed %d", seed).isFalse();
        assertThat(bracket.hi()).as("seed %d: %d pools, %s ETH", seed, n, amount)
                .isCloseTo(lambda, within(lambda * 1e-9));
        assertThat(bracket.tries()).as("seed %d: %d pools, %s ETH", seed, n, amount).isLessThanOrEqualTo(4);
    }
}
