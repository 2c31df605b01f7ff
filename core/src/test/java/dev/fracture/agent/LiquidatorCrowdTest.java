package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.Router;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Liquidator#planCrowd}: the plans it makes for a crowd are, member by member and bit for bit, the plans
 * {@link Liquidator#plan} makes for each, and a position it passes over (null) is one no member plans. The market is {@link LiquidatorTest}'s: ETH at $2,000 sells into one fee-free
 * constant-product pool of 1,000 ETH and 2,000,000 USDC; the protocol pays a 5% bonus (collateral per debt
 * 1.05 / 2000); a liquidation costs 300,000 gas at a 10 gwei base fee plus the member's priority fee, ETH at $2,000,
 * i.e. 0.6 USD per gwei of fee.
 */
class LiquidatorCrowdTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final double K = 1.05 / 2000;
    private static final double BASE_FEE = 10;
    private static final UsdPrices PRICES = a -> a.equals(ETH) ? 2000 : 1;
    private static final Market MARKET = Market.of(new EcosystemSnapshot("crowd-test",
            Instant.parse("2025-01-01T00:00:00Z"),
            List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(BASE_FEE, 0, 0.125))),
            List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                    new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
            List.of(),
            List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC, new BigDecimal("1000"),
                    new BigDecimal("2000000"), 0))), MathMode.FAST);
    /** Quotes that know the pool's rate bound (2,000 USDC per ETH), as the fast engine's do. */
    private static final SaleQuotes LEAN_QUOTES = SaleQuotes.lean(Router.DEFAULT, MARKET);
    private static final Liquidator LEAN = new Liquidator(LEAN_QUOTES);

    private static LiquidationOpportunity opportunity(double maxRepay, FlashLoanTerms flash, long detected) {
        return new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("alice"), ETHEREUM, USDC, ETH, maxRepay,
                K, 1e9, flash, 300_000, detected);
    }

    private static LiquidatorLedger member(String id, double capitalUsdc, boolean flash, double priority,
                                           double minProfit, int latency, double slippageShare, double inventory) {
        return new LiquidatorLedger(new LiquidatorProfile(id, Map.of(ETHEREUM, Map.of(USDC, capitalUsdc)), flash,
                priority, 1.0, minProfit, latency, slippageShare, inventory));
    }

    private static LiquidatorCrowd crowd(List<LiquidatorLedger> members, long block) {
        return new LiquidatorCrowd(members, ETHEREUM, block, PRICES, BASE_FEE, 2000);
    }

    /**
     * A group's least cost of a liquidation by a member old enough to act, worked by hand: 300,000 gas at 10 gwei
     * plus the member's priority fee, ETH at $2,000 (0.6 USD per gwei), plus its minimum profit. Members: A
     * (priority 2, min profit 5, latency 0) costs 12 × 0.6 + 5 = 12.2; B (priority 0, min profit 1, latency 3)
     * 10 × 0.6 + 1 = 7; C (priority 50, min profit 0, latency 1) 60 × 0.6 = 36. Asked again, in any order, for
     * another gas, and past the longest latency, the answers are the same.
     */
    @Test
    void theLeastCostByAgeIsWorkedByHand() {
        LiquidatorCrowd c = crowd(List.of(member("A", 0, false, 2, 5, 0, 0.5, 0),
                member("B", 0, false, 0, 1, 3, 0.5, 0), member("C", 0, false, 50, 0, 1, 0.5, 0)), 10);
        LiquidatorCrowd.Group everyone = c.ownCapital(false);
        for (int round = 0; round < 2; round++) {
            assertThat(everyone.cheapestCostUsd(300_000, -5)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(everyone.cheapestCostUsd(300_000, 0)).isCloseTo(12.2, within(1e-9));
            assertThat(everyone.cheapestCostUsd(300_000, 2)).isCloseTo(12.2, within(1e-9));
            assertThat(everyone.cheapestCostUsd(300_000, 3)).isCloseTo(7, within(1e-9));
            assertThat(everyone.cheapestCostUsd(300_000, 1_000)).isCloseTo(7, within(1e-9));
            // Half the gas (0.3 USD per gwei): A 8.6, B 4, C 18.
            assertThat(everyone.cheapestCostUsd(150_000, 5)).isCloseTo(4, within(1e-9));
            assertThat(everyone.cheapestCostUsd(150_000, 1)).isCloseTo(8.6, within(1e-9));
        }
    }

    private static boolean nobodyPlans(Liquidator liquidator, List<LiquidatorLedger> members,
                                       LiquidationOpportunity o, long block) {
        return liquidator.planCrowd(crowd(members, block), o, MARKET, PRICES, block) == null;
    }

    /** No member plans alone, and the crowd passes the position over. */
    private static void assertNobodyPlans(List<LiquidatorLedger> members, LiquidationOpportunity o, long block) {
        assertThat(anyPlans(LEAN, members, o, block)).as("a member's own plan").isFalse();
        assertThat(nobodyPlans(LEAN, members, o, block)).as("the crowd passes it over").isTrue();
    }

    /** Some member plans alone, and the crowd does not pass the position over. */
    private static void assertSomeonePlans(List<LiquidatorLedger> members, LiquidationOpportunity o, long block) {
        assertThat(anyPlans(LEAN, members, o, block)).as("a member's own plan").isTrue();
        assertThat(nobodyPlans(LEAN, members, o, block)).as("the crowd passes it over").isFalse();
    }

    private static boolean anyPlans(Liquidator liquidator, List<LiquidatorLedger> members, LiquidationOpportunity o,
                                     long block) {
        return members.stream().anyMatch(m -> liquidator.plan(m, o, MARKET, PRICES, BASE_FEE, block).isPresent());
    }

    @Test
    void passesOverAPositionWhoseWholeBonusIsBelowEveryMembersGas() {
        // Repaying 100 USDC seizes 0.0525 ETH = 105 USD: at most 5 USD of bonus. The cheapest member pays
        // 300,000 × 11 gwei = 0.0033 ETH = 6.60 USD of gas with no minimum profit, so nobody can take it.
        List<LiquidatorLedger> members = List.of(member("a", 1e6, false, 1, 0, 0, 1, 1e6),
                member("b", 0, true, 5, 0, 0, 1, 0));
        LiquidationOpportunity small = opportunity(100, FlashLoanTerms.FREE, 0);
        assertNobodyPlans(members, small, 3);
        // At 1,000 USDC the bonus is 50 USD less 0.03 USD of slippage: both members take it.
        LiquidationOpportunity larger = opportunity(1_000, FlashLoanTerms.FREE, 0);
        assertSomeonePlans(members, larger, 3);
    }

    @Test
    void judgesEachMembersGasWithItsOwnMinimumProfit() {
        // A 10,000 USDC repayment seizes 5.25 ETH (the cap: profit would peak only at 24.7 ETH, where the pool's
        // marginal rate 2e9 / (1000 + c)² falls to 1 / K); selling it returns 2e6 × 5.25 / 1005.25 = 10,445.16 USDC,
        // so a flash-funded member clears 445.16 USD before gas. "cheap-gas" bids 1 gwei (6.60 USD of gas) but wants
        // 450: 438.56 < 450. "low-minimum" wants 400 but bids 100 gwei (300,000 × 110 gwei = 0.033 ETH = 66 USD):
        // 379.16 < 400. The cheapest gas and the lowest minimum together (406.60) would be covered, yet no member
        // can take it: each member's own gas and minimum count.
        List<LiquidatorLedger> members = List.of(member("cheap-gas", 0, true, 1, 450, 0, 1, 0),
                member("low-minimum", 0, true, 100, 400, 0, 1, 0));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.FREE, 0);
        assertNobodyPlans(members, o, 1);
        // Lower the second member's minimum to 370: 379.16 ≥ 370, it plans, and the crowd must say so.
        List<LiquidatorLedger> willing = List.of(members.get(0), member("low-minimum", 0, true, 100, 370, 0, 1, 0));
        assertSomeonePlans(willing, o, 1);
    }

    @Test
    void waitsForTheShortestReactionLatency() {
        List<LiquidatorLedger> members = List.of(member("a", 0, true, 1, 0, 2, 1, 0), member("b", 0, true, 1, 0, 3, 1, 0));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.FREE, 10);
        assertNobodyPlans(members, o, 11);
        assertSomeonePlans(members, o, 12);
    }

    @Test
    void passesOverASaleWhoseSlippageEveryMemberRefuses() {
        // Every sale into the pool returns less than the collateral's reference value, and no member tolerates any
        // slippage (share 0); the own-capital member has no inventory room to hold instead.
        List<LiquidatorLedger> members = List.of(member("a", 0, true, 1, 0, 0, 0.0, 0),
                member("b", 1e9, false, 1, 0, 0, 0.0, 0));
        LiquidationOpportunity o = opportunity(100_000, FlashLoanTerms.FREE, 0);
        assertNobodyPlans(members, o, 1);
        // With 100 USD of room it could hold 100 USD of ETH for 95.24 USD of debt: 4.76 USD of bonus, under its
        // 6.60 USD of gas.
        List<LiquidatorLedger> cramped = List.of(members.get(0), member("b", 1e9, false, 1, 0, 0, 0.0, 100));
        assertNobodyPlans(cramped, o, 1);
        // With 1,000,000 USD of room the own-capital member holds the whole 52.5 ETH instead: 5,000 USD of bonus
        // less 6.60 of gas.
        List<LiquidatorLedger> holder = List.of(members.get(0), member("b", 1e9, false, 1, 0, 0, 0.0, 1e6));
        assertSomeonePlans(holder, o, 1);
    }

    @Test
    void aMemberHoldingLessThanTheCapSizesItsOwnSaleWhenTheCapsSaleIsRefusedByAll() {
        // 100,000 USDC may be repaid. "whale" (1e9 USDC) sizes the sale at the pool's marginal rate: 24.7 ETH for
        // 47,047 USDC, returning 2e6 × 24.7 / 1024.7 = 48,210 USDC for 49,400 USD of collateral — 1,190 of slippage on
        // 2,353 of bonus (51%), over the 30% both members tolerate, and neither has room to hold. "small" holds 10,000
        // USDC: its own sale of 5.25 ETH slips 54.84 USD on a 500 USD bonus (11%) and clears 445.16 less 6.60 of
        // gas. The crowd passes the cap's sale over for "whale" and still plans "small" alone.
        LiquidatorLedger whale = member("whale", 1e9, false, 1, 0, 0, 0.3, 0);
        LiquidatorLedger small = member("small", 10_000, false, 1, 0, 0, 0.3, 0);
        LiquidationOpportunity o = opportunity(100_000, FlashLoanTerms.NONE, 0);
        assertThat(LEAN.plan(whale, o, MARKET, PRICES, BASE_FEE, 1)).as("whale alone").isEmpty();
        LiquidationPlan smalls = LEAN.plan(small, o, MARKET, PRICES, BASE_FEE, 1).orElseThrow();
        assertThat(smalls.repay()).isEqualTo(10_000);
        LiquidationPlan[] plans = LEAN.planCrowd(crowd(List.of(whale, small), 1), o, MARKET, PRICES, 1);
        assertThat(plans).as("the crowd").isNotNull();
        assertThat(plans[0]).isNull();
        assertThat(plans[1]).isEqualTo(smalls);
    }

    /** Each member's own plan for {@code o} in block 1 ({@link Liquidator#plan}), null where it plans nothing. */
    private static LiquidationPlan[] ownPlans(List<LiquidatorLedger> members, LiquidationOpportunity o) {
        LiquidationPlan[] each = new LiquidationPlan[members.size()];
        for (int k = 0; k < each.length; k++) {
            each[k] = LEAN.plan(members.get(k), o, MARKET, PRICES, BASE_FEE, 1).orElse(null);
        }
        return each;
    }

    /**
     * The bids across both ways a member is found: "small" (priority 1 gwei) plans alone in its group, whose cap's
     * sale "whale" refuses (the case above), and "flashy", a flash-loan member tolerating any slippage, sells the
     * cap's sale of its own group (24.7 ETH, 1,163 USD after slippage, before its gas). At a priority of 0.5 gwei the
     * highest fee is small's alone, at 1 gwei both tie (in member order: flashy first), at 2 gwei flashy's alone.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0.5, small", "1, flashy small", "2, flashy"})
    void bidsAreTheHighestFeePlansOfAShortMemberAndOfTheFeeOrder(double flashyFee, String winners) {
        LiquidatorLedger flashy = member("flashy", 0, true, flashyFee, 0, 0, 1.0, 0);
        LiquidatorLedger whale = member("whale", 1e9, false, 1, 0, 0, 0.3, 0);
        LiquidatorLedger small = member("small", 10_000, false, 1, 0, 0, 0.3, 0);
        List<LiquidatorLedger> members = List.of(flashy, whale, small);
        LiquidationOpportunity o = opportunity(100_000, FlashLoanTerms.FREE, 0);
        LiquidationPlan[] each = ownPlans(members, o);
        assertThat(each[0]).as("flashy alone").isNotNull();
        assertThat(each[1]).as("whale alone").isNull();
        assertThat(each[2]).as("small alone").isNotNull();
        LiquidationRound.Bids bids = LEAN.bidCrowd(crowd(members, 1), o, MARKET, PRICES, 1);
        assertThat(bids).isNotNull();
        assertThat(java.util.Arrays.stream(bids.top()).map(LiquidationPlan::liquidator).toList())
                .containsExactly(winners.split(" "));
        assertThat(bids.top()).containsExactly(LiquidationRound.Bids.of(each).top());
        assertThat(bids.topFee()).isEqualTo(Math.max(flashyFee, 1));
    }

    /**
     * A plan found among the short members does not end the search by fee while a higher fee may still plan: "small"
     * plans at 1 gwei as above; "dear" (flash, 3 gwei) wants a million dollars and plans nothing; "flashy" (flash,
     * 2 gwei) sells the cap's sale. The highest fee that plans is flashy's 2 gwei, below dear's and above small's,
     * so flashy alone wins — each member's own plan, summed up by fee, says so.
     */
    @Test
    void aShortMembersPlanDoesNotHideAHigherFeeBelowTheTopFee() {
        LiquidatorLedger dear = member("dear", 0, true, 3, 1e6, 0, 1.0, 0);
        LiquidatorLedger flashy = member("flashy", 0, true, 2, 0, 0, 1.0, 0);
        LiquidatorLedger whale = member("whale", 1e9, false, 1, 0, 0, 0.3, 0);
        LiquidatorLedger small = member("small", 10_000, false, 1, 0, 0, 0.3, 0);
        List<LiquidatorLedger> members = List.of(dear, flashy, whale, small);
        LiquidationOpportunity o = opportunity(100_000, FlashLoanTerms.FREE, 0);
        LiquidationPlan[] each = ownPlans(members, o);
        assertThat(each[0]).as("dear alone").isNull();
        assertThat(each[1]).as("flashy alone").isNotNull();
        assertThat(each[2]).as("whale alone").isNull();
        assertThat(each[3]).as("small alone").isNotNull();
        LiquidationRound.Bids bids = LEAN.bidCrowd(crowd(members, 1), o, MARKET, PRICES, 1);
        assertThat(bids).isNotNull();
        assertThat(bids.topFee()).isEqualTo(2);
        assertThat(bids.top()).containsExactly(each[1]);
    }

    /**
     * The search by fee passes a block of {@code LiquidatorCrowd.BLOCK} levels over at once only where each of its
     * levels would be passed over ({@code blockPassedOver}). A 10,000 USDC repayment seizes 5.25 ETH, whose sale
     * clears 445.16 USD before gas (as above); gas is 0.6 USD per gwei of base fee plus priority. "Picky" members
     * (1e9 USDC each, minimum profit 1,000 USD) refuse it at any fee; "taker" (minimum profit 0) takes it, clearing
     * 445.16 − 0.6 × (10 + 13) = 431.36 USD at 13 gwei. With seven picky members at 20 down to 14 gwei, taker at 13 and
     * a picky one at 12, taker's level is the eighth of the first block: the block's least minimum profit is taker's 0,
     * under what the sale clears at the block's lowest fee, so the block is walked level by level and taker's plan is
     * the bid. With eight picky members at 20 down to 13 gwei and taker at 12, the first block is passed over at once
     * (431.36 < 1,000 at 13 gwei, its lowest fee) and taker, in the next, is still found. Each member's own plan
     * says which member plans.
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void aBlockOfFeeLevelsIsPassedOverOnlyWhereEachLevelWouldBe(int pickyAbove) {
        List<LiquidatorLedger> members = new ArrayList<>();
        for (int k = 0; k < pickyAbove; k++) {
            members.add(member("picky" + k, 1e9, false, 20 - k, 1_000, 0, 1.0, 0));
        }
        double takerFee = 20 - pickyAbove;
        LiquidatorLedger taker = member("taker", 1e9, false, takerFee, 0, 0, 1.0, 0);
        members.add(taker);
        members.add(member("picky-low", 1e9, false, takerFee - 1, 1_000, 0, 1.0, 0));
        LiquidationOpportunity o = opportunity(10_000, FlashLoanTerms.NONE, 0);
        LiquidationPlan[] each = ownPlans(members, o);
        for (int k = 0; k < members.size(); k++) {
            assertThat(each[k] != null).as(members.get(k).profile().id()).isEqualTo(members.get(k) == taker);
        }
        LiquidationPlan takers = each[pickyAbove];
        assertThat(takers.repay()).isEqualTo(10_000);
        assertThat(takers.profitUsd()).isCloseTo(445.16 - 0.6 * (10 + takerFee), within(0.01));
        LiquidationRound.Bids bids = LEAN.bidCrowd(crowd(members, 1), o, MARKET, PRICES, 1);
        assertThat(bids).isNotNull();
        assertThat(bids.top()).containsExactly(takers);
        assertThat(bids.topFee()).isEqualTo(takerFee);
    }

    /**
     * The planners by fee with their levels summed up, worked by hand. Members (priority fee, USDC held, flash user):
     * a (3, 0, yes), b (2, 500, no), c (2, 200, yes), d (2, 0, no), e (1, 900, no). By fee: a | b c d | e, so places
     * 0 | 1 2 3 | 4. With a flash loan offered the planners are a, b, c and e (d holds nothing and borrows nothing):
     * places 0, 1, 2, 4 in three steps (levels 0, 1 and 2 at fees 3, 2 and 1) starting at 0, 1 and 3; the least
     * capital per step of members not using flash loans is -, 500 (b), 900 (e), and of those using them 0 (a), 200
     * (c), -. Without one: b, c, e, in two steps (levels 1 and 2) starting at 0 and 2.
     */
    @Test
    void thePlannersFeeLevelsAreSummedUpByKind() {
        List<LiquidatorLedger> members = List.of(member("a", 0, true, 3, 0, 0, 1, 0),
                member("b", 500, false, 2, 0, 0, 1, 0), member("c", 200, true, 2, 0, 0, 1, 0),
                member("d", 0, false, 2, 0, 0, 1, 0), member("e", 900, false, 1, 0, 0, 1, 0));
        LiquidatorCrowd crowd = crowd(members, 1);
        LiquidatorCrowd.Planners withFlash = crowd.planners(USDC, true);
        assertThat(withFlash.places).containsExactly(0, 1, 2, 4);
        assertThat(withFlash.stepStart).containsExactly(0, 1, 3, 4);
        assertThat(withFlash.stepLevel).containsExactly(0, 1, 2);
        assertThat(withFlash.stepFee).containsExactly(3, 2, 1);
        assertThat(withFlash.stepLeast[0]).containsExactly(Double.NaN, 500, 900);
        assertThat(withFlash.stepLeast[1]).containsExactly(0, 200, Double.NaN);
        LiquidatorCrowd.Planners without = crowd.planners(USDC, false);
        assertThat(without.places).containsExactly(1, 2, 4);
        assertThat(without.stepStart).containsExactly(0, 2, 3);
        assertThat(without.stepLevel).containsExactly(1, 2);
        assertThat(without.stepFee).containsExactly(2, 1);
        assertThat(without.stepLeast[0]).containsExactly(500, 900);
        assertThat(without.stepLeast[1]).containsExactly(200, Double.NaN);
        assertThat(crowd.planners(USDC, true)).isSameAs(withFlash);
    }

    @Test
    void refusesACrowdOfAnotherChainOrBlockOrANegativeBaseFee() {
        List<LiquidatorLedger> members = List.of(member("a", 0, true, 1, 0, 0, 1, 0));
        LiquidationOpportunity o = opportunity(1_000, FlashLoanTerms.FREE, 0);
        assertThatThrownBy(() -> LEAN.planCrowd(crowd(members, 4), o, MARKET, PRICES, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 4");
        LiquidatorCrowd elsewhere = new LiquidatorCrowd(members, ChainId.of("base"), 5, PRICES, BASE_FEE, 2000);
        assertThatThrownBy(() -> LEAN.planCrowd(elsewhere, o, MARKET, PRICES, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
        assertThatThrownBy(() -> new LiquidatorCrowd(members, ETHEREUM, 5, PRICES, -1, 2000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base fee");
    }

    /**
     * Seeded random crowds and positions: each member's plan from the crowd equals (as a record: every amount to
     * the bit) the plan {@link Liquidator#plan} makes for it alone, and when the crowd is passed over, every member's
     * own plan is empty; and the crowd's bids ({@link Liquidator#bidCrowd}) are the members' own plans of the highest
     * fee, in member order (priority fees of 1, 16, 31 or 46 gwei, so that members often tie). Some
     * members have already held inventory or spent gas this block, some hold less capital than a position's cap, and
     * flash loans are offered or not. The test also requires both answers to occur often, so that it cannot pass by
     * never (or always) passing over.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aPositionPassedOverIsOneNoMemberPlans(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int passedOver = 0;
        int planned = 0;
        int tiedTops = 0;
        int knownFlashSales = 0;
        for (int trial = 0; trial < 60; trial++) {
            long block = 100;
            List<LiquidatorLedger> members = new ArrayList<>();
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                boolean flash = rnd.nextBoolean();
                double capital = rnd.nextInt(4) == 0 ? 0 : Math.pow(10, 2 + rnd.nextDouble() * 5);
                LiquidatorLedger l = member("m" + k, capital, flash, 1 + 15 * rnd.nextInt(4),
                        rnd.nextDouble() * 200, rnd.nextInt(4), rnd.nextDouble(), rnd.nextInt(3) == 0 ? 0
                                : rnd.nextDouble() * 2e5);
                if (rnd.nextInt(3) == 0) {
                    // Some inventory already held (room shrinks, perhaps below zero) and gas already spent.
                    LiquidationOpportunity earlier = opportunity(1_000, FlashLoanTerms.NONE, 0);
                    double held = rnd.nextDouble() * 150;
                    l.record(new LiquidationPlan(l.profile().id(), earlier, held / K * 0.9, held,
                            LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.HOLD, 0, 1, 0, 0, 1,
                            rnd.nextDouble() * 1.2, l.profile().priorityFeeGwei()), block);
                }
                members.add(l);
            }
            double repay = Math.pow(10, 1 + rnd.nextDouble() * 6);
            FlashLoanTerms terms = switch (rnd.nextInt(3)) {
                case 0 -> FlashLoanTerms.NONE;
                case 1 -> FlashLoanTerms.FREE;
                default -> FlashLoanTerms.AAVE_V3;
            };
            LiquidationOpportunity o = opportunity(repay, terms, block - rnd.nextInt(5));
            Liquidator liquidator = rnd.nextBoolean() ? LEAN
                    : new Liquidator(new RememberedQuotes(LEAN_QUOTES).round(trial));
            LiquidationPlan[] crowdPlans = liquidator.planCrowd(crowd(members, block), o, MARKET, PRICES, block);
            boolean nobody = crowdPlans == null;
            boolean someone = anyPlans(liquidator, members, o, block);
            LiquidationPlan[] each = new LiquidationPlan[members.size()];
            for (int k = 0; k < members.size(); k++) {
                each[k] = liquidator.plan(members.get(k), o, MARKET, PRICES, BASE_FEE, block).orElse(null);
                if (!nobody) {
                    assertThat(crowdPlans[k]).as("trial %d of seed %d, member %d", trial, seed, k).isEqualTo(each[k]);
                }
            }
            // The bids are the members' own plans of the highest fee, in member order, found without the others.
            LiquidationRound.Bids bids = liquidator.bidCrowd(crowd(members, block), o, MARKET, PRICES, block);
            LiquidationRound.Bids expected = LiquidationRound.Bids.of(each);
            if (expected == null) {
                assertThat(bids).as("trial %d of seed %d: bids", trial, seed).isNull();
            } else {
                assertThat(bids).as("trial %d of seed %d: bids", trial, seed).isNotNull();
                assertThat(bids.topFee()).isEqualTo(expected.topFee());
                assertThat(bids.top()).as("trial %d of seed %d: top plans", trial, seed)
                        .containsExactly(expected.top());
                assertThat(bids.opportunity()).isSameAs(o);
                if (expected.top().length > 1) {
                    tiedTops++;
                }
                knownFlashSales += assertKnownFlashSalesAreTheirPlans(bids, expected.top(), members,
                        "trial " + trial + " of seed " + seed);
            }
            if (nobody) {
                assertThat(someone).as("trial %d of seed %d: passed over, yet a member plans", trial, seed).isFalse();
                passedOver++;
            }
            if (someone) {
                planned++;
            }
        }
        assertThat(passedOver).as("positions passed over").isGreaterThanOrEqualTo(10);
        assertThat(planned).as("positions someone plans").isGreaterThanOrEqualTo(10);
        assertThat(tiedTops).as("positions whose highest fee several members bid").isGreaterThanOrEqualTo(1);
        assertThat(knownFlashSales).as("plans the bids know as flash sales").isGreaterThanOrEqualTo(5);
    }

    /**
     * Each of {@code bids}' plans that it marks a known flash sale ({@link LiquidationRound.Bids#knownFlashSale}) is,
     * in the member's own plan {@code expected[j]}, a flash-funded sale by that member repaying exactly the bids'
     * {@code flashRepay} for exactly their {@code flashCollateral}; returns how many are marked.
     */
    private static int assertKnownFlashSalesAreTheirPlans(LiquidationRound.Bids bids, LiquidationPlan[] expected,
                                                          List<LiquidatorLedger> members, String where) {
        int known = 0;
        for (int j = 0; j < expected.length; j++) {
            if (!bids.knownFlashSale(j)) {
                continue;
            }
            known++;
            LiquidationPlan own = expected[j];
            assertThat(own.funding()).as("%s, plan %d: funding", where, j).isEqualTo(LiquidationPlan.Funding.FLASH_LOAN);
            assertThat(own.disposal()).as("%s, plan %d: disposal", where, j).isEqualTo(LiquidationPlan.Disposal.SELL);
            assertThat(own.repay()).as("%s, plan %d: repay", where, j).isEqualTo(bids.flashRepay());
            assertThat(own.collateral()).as("%s, plan %d: collateral", where, j).isEqualTo(bids.flashCollateral());
            assertThat(own.liquidator()).as("%s, plan %d: member", where, j)
                    .isEqualTo(members.get(bids.member(j)).profile().id());
        }
        return known;
    }

    /**
     * One view of a pair ({@link Liquidator#pair}) serves a run of positions of that pair, as the fast engine's slice
     * does: seeded random positions of one crowd — sizes, gas, ages (some younger than every latency), flash loans
     * offered or not, some under water at the pool's price — each get from {@link Liquidator#bidCrowd(Liquidator.CrowdPair,
     * LiquidationOpportunity)} the bids of the members' own plans ({@link Liquidator#plan}, member by member), the
     * plans made on demand equal to them to the bit. The view keeps the costs of the last gas and age asked, so the
     * positions alternate between them. Both answers must occur often.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void oneViewOfAPairServesARunOfItsPositions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long block = 50;
        List<LiquidatorLedger> members = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            double capital = rnd.nextInt(3) == 0 ? 0 : Math.pow(10, 2 + rnd.nextDouble() * 4);
            members.add(member("m" + k, capital, rnd.nextBoolean(), 1 + 15 * rnd.nextInt(3), rnd.nextDouble() * 100,
                    rnd.nextInt(4), rnd.nextDouble(), rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 1e5));
        }
        LiquidatorCrowd crowd = crowd(members, block);
        Liquidator.CrowdPair pair = LEAN.pair(crowd, ETH, USDC, MARKET, PRICES);
        int nobody = 0;
        int someone = 0;
        int passedOver = 0;
        int knownFlashSales = 0;
        for (int n = 0; n < 200; n++) {
            FlashLoanTerms terms = switch (rnd.nextInt(3)) {
                case 0 -> FlashLoanTerms.NONE;
                case 1 -> FlashLoanTerms.FREE;
                default -> FlashLoanTerms.AAVE_V3;
            };
            // Collateral per debt from 20% under water to a 10% bonus at the pool's price of 2,000.
            double perDebt = (0.8 + 0.3 * rnd.nextDouble()) / 2000;
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("p" + n),
                    ETHEREUM, USDC, ETH, Math.pow(10, 1 + rnd.nextDouble() * 6), perDebt, 1e9, terms,
                    rnd.nextBoolean() ? 300_000 : 150_000, block - rnd.nextInt(6));
            LiquidationPlan[] each = new LiquidationPlan[members.size()];
            for (int k = 0; k < members.size(); k++) {
                each[k] = LEAN.plan(members.get(k), o, MARKET, PRICES, BASE_FEE, block).orElse(null);
            }
            LiquidationRound.Bids expected = LiquidationRound.Bids.of(each);
            LiquidationRound.Bids bids = LEAN.bidCrowd(pair, o);
            // The first check on the position's terms alone passes over only positions nobody plans.
            if (LEAN.passesOver(pair, o.repayable(), o.collateralPerDebt(), o.gasUnits(), o.detectedBlock(),
                    o.flashLoan().available())) {
                assertThat(expected).as("position %d of seed %d: passed over on its terms", n, seed).isNull();
                passedOver++;
            }
            if (expected == null) {
                assertThat(bids).as("position %d of seed %d", n, seed).isNull();
                nobody++;
                continue;
            }
            someone++;
            assertThat(bids).as("position %d of seed %d", n, seed).isNotNull();
            assertThat(bids.topFee()).isEqualTo(expected.topFee());
            assertThat(bids.count()).isEqualTo(expected.count());
            for (int j = bids.count() - 1; j >= 0; j--) {
                assertThat(bids.plan(j)).as("position %d of seed %d, plan %d", n, seed, j)
                        .isEqualTo(expected.plan(j));
            }
            // The hash of the position (31 × the protocol id's text hash + the account id's), and the same one
            // carried when the caller keeps it.
            int hash = 31 * "lender".hashCode() + ("p" + n).hashCode();
            assertThat(bids.positionHash()).isEqualTo(hash).isEqualTo(expected.positionHash());
            LiquidationRound.Bids given = LEAN.bidCrowd(pair, o, hash);
            assertThat(given.positionHash()).isEqualTo(hash);
            assertThat(given.topFee()).isEqualTo(expected.topFee());
            assertThat(given.count()).isEqualTo(expected.count());
            knownFlashSales += assertKnownFlashSalesAreTheirPlans(given, expected.top(), members,
                    "position " + n + " of seed " + seed);
        }
        assertThat(knownFlashSales).as("plans the bids know as flash sales").isGreaterThanOrEqualTo(2);
        assertThat(nobody).as("positions nobody plans").isGreaterThanOrEqualTo(20);
        assertThat(someone).as("positions someone plans").isGreaterThanOrEqualTo(20);
        assertThat(passedOver).as("positions passed over on their terms").isGreaterThanOrEqualTo(10);
    }

    /**
     * {@link Liquidator#passesOverEvery} asked at the extremes of a run of positions (the largest repayable amount and
     * collateral per debt, the least gas) answers true only when {@link Liquidator#passesOver} passes over every
     * position of the run, each old enough to act on: seeded random crowds (own capital, flash loans, inventory room)
     * and runs of one to four positions around the pool's price, near where they start to pay. Half the trials value
     * ETH at $2,300 while the pool still sells it at 2,000, so that holding the collateral pays where selling it does
     * not (the hold bound decides). Both answers occur, and runs passed over whole whose members hold.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void aRunPassedOverAtItsExtremesHasEveryPositionPassedOver(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long block = 50;
        int passedWhole = 0;
        int notPassedWhole = 0;
        for (int trial = 0; trial < 300; trial++) {
            List<LiquidatorLedger> members = new ArrayList<>();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
                double capital = rnd.nextInt(3) == 0 ? 0 : Math.pow(10, rnd.nextDouble() * 5);
                members.add(member("m" + k, capital, rnd.nextBoolean(), rnd.nextInt(30), rnd.nextDouble() * 20,
                        rnd.nextInt(4), rnd.nextDouble(), rnd.nextInt(2) == 0 ? 0 : Math.pow(10, rnd.nextDouble() * 5)));
            }
            double ethUsd = rnd.nextBoolean() ? 2000 : 2300;
            UsdPrices prices = a -> a.equals(ETH) ? ethUsd : 1;
            Liquidator.CrowdPair pair = LEAN.pair(new LiquidatorCrowd(members, ETHEREUM, block, prices, BASE_FEE,
                    ethUsd), ETH, USDC, MARKET, prices);
            boolean flash = rnd.nextBoolean();
            int count = 1 + rnd.nextInt(4);
            double[] repayable = new double[count];
            double[] perDebt = new double[count];
            long[] gas = new long[count];
            double maxRepayable = 0;
            double maxPerDebt = 0;
            long minGas = Long.MAX_VALUE;
            for (int j = 0; j < count; j++) {
                repayable[j] = Math.pow(10, rnd.nextDouble() * 5);
                // From 15% under water to a 6% bonus at the pool's price of 2,000 (up to 22% at $2,300).
                perDebt[j] = (0.85 + 0.21 * rnd.nextDouble()) / 2000;
                gas[j] = rnd.nextBoolean() ? 300_000 : 150_000;
                maxRepayable = Math.max(maxRepayable, repayable[j]);
                maxPerDebt = Math.max(maxPerDebt, perDebt[j]);
                minGas = Math.min(minGas, gas[j]);
            }
            if (!LEAN.passesOverEvery(pair, maxRepayable, maxPerDebt, minGas, flash)) {
                notPassedWhole++;
                continue;
            }
            passedWhole++;
            for (int j = 0; j < count; j++) {
                assertThat(LEAN.passesOver(pair, repayable[j], perDebt[j], gas[j], block - 10, flash))
                        .as("trial %d of seed %d, position %d of a run passed over whole", trial, seed, j).isTrue();
            }
        }
        assertThat(passedWhole).as("runs passed over whole").isGreaterThanOrEqualTo(30);
        assertThat(notPassedWhole).as("runs not passed over whole").isGreaterThanOrEqualTo(30);
    }

    /**
     * Where only flash-funded members can plan (the position offers a flash loan and every member borrows), the test
     * of a run of one position is the position's own first check, the sale bound alone, to the bit: seeded positions
     * around the gas threshold answer the same both ways, and both answers occur.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void aRunOfOneFlashPositionIsTestedAsThePositionItself(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long block = 50;
        Liquidator.CrowdPair pair = LEAN.pair(crowd(List.of(member("a", 0, true, 2, 3, 1, 0.5, 0),
                member("b", 0, true, 20, 0, 2, 0.5, 0)), block), ETH, USDC, MARKET, PRICES);
        int passed = 0;
        for (int n = 0; n < 400; n++) {
            double repayable = Math.pow(10, 2 + rnd.nextDouble() * 3);
            double perDebt = (0.99 + 0.03 * rnd.nextDouble()) / 2000;
            long gas = 100_000 + rnd.nextInt(300_000);
            boolean own = LEAN.passesOver(pair, repayable, perDebt, gas, block - 10, true);
            assertThat(LEAN.passesOverEvery(pair, repayable, perDebt, gas, true))
                    .as("position %d of seed %d", n, seed).isEqualTo(own);
            passed += own ? 1 : 0;
        }
        assertThat(passed).isBetween(40, 360);
    }

    /** Extremes that are not numbers at least 0 pass nothing over. */
    @Test
    void extremesThatAreNotNumbersPassNothingOver() {
        Liquidator.CrowdPair pair = LEAN.pair(crowd(List.of(member("a", 0, true, 2, 1e9, 0, 0.5, 0)), 50), ETH, USDC,
                MARKET, PRICES);
        assertThat(LEAN.passesOverEvery(pair, 1, K, 300_000, true)).isTrue();
        assertThat(LEAN.passesOverEvery(pair, Double.NaN, K, 300_000, true)).isFalse();
        assertThat(LEAN.passesOverEvery(pair, 1, Double.NaN, 300_000, true)).isFalse();
        assertThat(LEAN.passesOverEvery(pair, -1, K, 300_000, true)).isFalse();
        assertThat(LEAN.passesOverEvery(pair, 1, -K, 300_000, true)).isFalse();
    }

    /** A pair's view refuses a position of another pair or chain, naming both. */
    @Test
    void aViewOfAPairRefusesAPositionOfAnotherPair() {
        LiquidatorCrowd crowd = crowd(List.of(member("a", 1e6, false, 1, 0, 0, 1, 0)), 5);
        Liquidator.CrowdPair pair = LEAN.pair(crowd, ETH, USDC, MARKET, PRICES);
        LiquidationOpportunity reversed = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("bob"),
                ETHEREUM, ETH, USDC, 1, 2000, 1e9, FlashLoanTerms.NONE, 300_000, 0);
        assertThatThrownBy(() -> LEAN.bidCrowd(pair, reversed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bob").hasMessageContaining("the pair is ETH for USDC");
        LiquidationOpportunity elsewhere = new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("carol"),
                ChainId.of("base"), USDC, ETH, 1_000, K, 1e9, FlashLoanTerms.NONE, 300_000, 0);
        assertThatThrownBy(() -> LEAN.bidCrowd(pair, elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carol").hasMessageContaining("on base");
    }
}
