package dev.fracture.market;

import static dev.fracture.market.EthUsdcMarkets.market;
import static dev.fracture.market.EthUsdcMarkets.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.VenueSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Router#proceedsBound}, the split's Lagrangian dual ({@link DualProceedsBound}): never under the best split's
 * output, and within its search's precision of it — checked against optima worked by hand (pools of one price merge
 * into one pool; an order book's levels; a pool beside a book split where the pool's marginal rate is the level's
 * price), and against the router's own split.
 */
class DualProceedsBoundTest {
    private static final AssetId ETH = EthUsdcMarkets.ETH;
    private static final AssetId USDC = EthUsdcMarkets.USDC;

    /** A book named "book" (the tests' only one). */
    private static VenueSpec book(double[][] bids) {
        return EthUsdcMarkets.book("book", bids);
    }

    private static Router.Legs legs(Market market) {
        return Router.DEFAULT.legs(market, RouteRequest.of(ETH, USDC, 1).withGas(GasSchedule.FREE).withMaxLatency(0));
    }

    private static double routed(Market market, double amount) {
        return Router.DEFAULT.routedOut(RouteRequest.of(ETH, USDC, amount).withGas(GasSchedule.FREE)
                .withMaxLatency(0), legs(market));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1, 50, 500, 5000, 40_000})
    void poolsOfOnePriceAreBoundByTheirSummedPool(double amount) {
        // 1,000 ETH / 2,000,000 USDC and 3,000 / 6,000,000 at 0.3%: the best split gives each pool the same marginal
        // rate, which at one price means shares in proportion to reserves, so both act as one pool of 4,000 /
        // 8,000,000 and the optimum is 8e6·γa / (4000 + γa).
        Market market = market(List.of(pool("a", "1000", "2000000", 3000), pool("b", "3000", "6000000", 3000)));
        double gamma = 0.997;
        double optimum = 8_000_000 * gamma * amount / (4000 + gamma * amount);
        double bound = Router.DEFAULT.proceedsBound(legs(market), amount);
        assertThat(bound).as("never under the optimum").isGreaterThanOrEqualTo(optimum * (1 - 1e-12));
        assertThat(bound).as("within the search's precision of it").isCloseTo(optimum, within(optimum * 1e-6));
        assertThat(routed(market, amount)).as("the router's split").isLessThanOrEqualTo(bound * (1 + 1e-12));
    }

    @Test
    void anOrderBookIsBoundByTheLevelsTheSaleWalks() {
        // Bids 2,000 × 1, 1,990 × 2, 1,980 × 5, no fee: 2.5 ETH fill 1 at 2,000 and 1.5 at 1,990 = 4,985 USDC. The
        // dual at λ = 1,990 is exactly that (1,990 × 2.5 + (2,000 − 1,990) × 1); the search closes in on 1,990 from
        // above, each unit of λ above it adding 1.5, so the bound is within its precision above 4,985.
        Market market = market(List.of(book(new double[][] {{2000, 1}, {1990, 2}, {1980, 5}})));
        assertThat(Router.DEFAULT.proceedsBound(legs(market), 2.5)).isGreaterThanOrEqualTo(4985)
                .isCloseTo(4985, within(4985 * 1e-6));
        // 0.4 ETH fill at the best bid alone: 800.
        assertThat(Router.DEFAULT.proceedsBound(legs(market), 0.4)).isGreaterThanOrEqualTo(800 * (1 - 1e-12))
                .isCloseTo(800, within(800 * 1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.2, 3, 9})
    void aPoolBesideABookSplitsWhereThePoolsRateIsTheLevelsPrice(double amount) {
        // A fee-free pool of 1,000 ETH / 2,000,000 USDC (rate 2,000 at zero) beside one bid of 10 ETH at 1,995. The
        // pool's rate R_out·R_in/(R_in + x)² falls to 1,995 at x* = √(2e9/1995) − 1000 ≈ 1.2523; a sale of a ≤ x*
        // goes to the pool alone (a·2e6/(1000 + a)); a larger one gives the pool x* and the book the rest at 1,995.
        Market market = market(List.of(pool("a", "1000", "2000000", 0), book(new double[][] {{1995, 10}})));
        double xStar = Math.sqrt(2e9 / 1995) - 1000;
        double pooled = Math.min(amount, xStar);
        double optimum = pooled * 2e6 / (1000 + pooled) + (amount - pooled) * 1995;
        double bound = Router.DEFAULT.proceedsBound(legs(market), amount);
        assertThat(bound).isGreaterThanOrEqualTo(optimum * (1 - 1e-12));
        assertThat(bound).isCloseTo(optimum, within(optimum * 1e-6));
        assertThat(routed(market, amount)).isLessThanOrEqualTo(bound * (1 + 1e-12));
    }

    @Test
    void aTargetAboveTheOptimumStopsTheSearchOnceTheBoundIsUnderIt() {
        Market market = market(List.of(pool("a", "1000", "2000000", 3000), pool("b", "3000", "6000000", 3000),
                book(new double[][] {{1990, 3}, {1985, 10}})));
        double amount = 300;
        double tight = Router.DEFAULT.proceedsBound(legs(market), amount);
        double routed = routed(market, amount);
        assertThat(routed).isLessThanOrEqualTo(tight * (1 + 1e-12));
        // The router's finest move is 1/8,192 of the order, so its split of a book's levels can miss the optimum by
        // about that share of a level's worth; the bound is within that of it.
        assertThat(tight).as("tight: within 1e-4 of the router's split").isCloseTo(routed, within(routed * 1e-4));
        // A sale owing 1% more than it can bring is refused at a coarser search, still above the optimum.
        double target = tight * 1.01;
        double coarse = Router.DEFAULT.proceedsBound(legs(market), amount, target);
        assertThat(coarse).isLessThan(target).isGreaterThanOrEqualTo(tight * (1 - 1e-12));
        // A target under the optimum cannot be reached: the answer is the tight bound, never less.
        assertThat(Router.DEFAULT.proceedsBound(legs(market), amount, tight * 0.99))
                .isGreaterThanOrEqualTo(tight * (1 - 1e-12));
    }

    @Test
    void nothingToSellOrNoLegBringsNothing() {
        Market market = market(List.of(pool("a", "1000", "2000000", 3000)));
        assertThat(Router.DEFAULT.proceedsBound(legs(market), 0)).isZero();
        assertThat(Router.DEFAULT.proceedsBound(legs(market), -1)).isZero();
        assertThat(Router.DEFAULT.proceedsBound(legs(market), Double.NaN)).isZero();
        Market empty = market(List.of());
        assertThat(Router.DEFAULT.proceedsBound(legs(empty), 5)).isZero();
    }
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.2, 3, 9, 300})
    void theLineOfOneSearchBoundsEveryAmountAtTheSameState(double searched) {
        // The pool beside the book above: the optimum of every amount is worked by hand, and the line the search of
        // one amount leaves (its λ, each leg's input uncapped) must stay above all of them — weak duality for every
        // X at one λ — and equal the bound at the amount searched where no leg's input at λ passes it.
        Market market = market(List.of(pool("a", "1000", "2000000", 0), book(new double[][] {{1995, 10}})));
        double xStar = Math.sqrt(2e9 / 1995) - 1000;
        DualProceedsBound.Answer answer = DualProceedsBound.search(legs(market).list(), searched,
                Double.NEGATIVE_INFINITY);
        assertThat(answer.hasLine()).isTrue();
        for (double amount : new double[] {0.001, 0.1, 0.5, 1, xStar, 2, 5, 9, 10, 11.2, 50, 300, 5000}) {
            double pooled = Math.min(amount, xStar);
            // Past the book's 10 ETH only the pool takes more, at its falling rate.
            double booked = Math.min(amount - pooled, 10);
            double more = amount - pooled - booked;
            double optimum = more > 0
                    ? (xStar + more) * 2e6 / (1000 + xStar + more) + booked * 1995
                    : pooled * 2e6 / (1000 + pooled) + booked * 1995;
            assertThat(answer.slope() * amount + answer.intercept()).as("searched at %s, line at %s", searched,
                    amount).isGreaterThanOrEqualTo(optimum * (1 - 1e-12));
        }
        // The search's λ is at or above the optimum's, where the legs' inputs add up to at most X: none is capped,
        // and the line meets the bound at the amount searched.
        double atSearched = answer.slope() * searched + answer.intercept();
        assertThat(atSearched).isCloseTo(answer.bound(), within(answer.bound() * 1e-12));
    }
}
