package dev.fracture.market;

import static dev.fracture.market.ConstantProductForms.GAMMA;
import static dev.fracture.market.ConstantProductForms.cpOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Routes through a wrapper (Lido's wstETH {@code unwrap}, rate ρ = 1.2 here) against closed forms: unwrapping a pays
 * ρ·a of the underlying, which a constant-product pool sells for out = Y·γb / (X + γb) (Uniswap v2 whitepaper, eq. 2)
 * with b = ρ·a; by the chain rule the path's marginal rate at a is ρ·γXY / (X + γρa)², so the input at which it falls
 * to r is a = (√(ργXY / r) − X) / (γρ).
 */
class RouterWrapperTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId STETH = AssetId.of("steth");
    private static final AssetId WST = AssetId.of("wst");
    private static final AssetId USDC = AssetId.of("usdc");
    private static final double RHO = 1.2;

    /** The wrapper WST/stETH and stETH/ETH 1,000 / 1,000 at 0.3%, with {@code more} venues beside them. */
    private static Market market(List<VenueSpec> more) {
        List<Chain> chains = List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125)));
        List<Asset> assets = List.of(
                new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(STETH, ETHEREUM, "stETH", 18, new AssetKind.LiquidStaking(ETH, BigDecimal.ONE), 2000),
                new Asset(WST, ETHEREUM, "wstETH", 18, new AssetKind.LiquidStaking(STETH, new BigDecimal("1.2")),
                        2400),
                new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
        List<VenueSpec> venues = new ArrayList<>(List.of(
                new VenueSpec.Wrapper(VenueId.of("lido"), ETHEREUM, WST, STETH),
                cp("steth-eth", STETH, ETH, "1000", "1000")));
        venues.addAll(more);
        return Market.of(new EcosystemSnapshot("wrapper", Instant.parse("2025-01-01T00:00:00Z"), chains, assets,
                List.of(), venues), MathMode.FAST);
    }

    private static VenueSpec cp(String id, AssetId a, AssetId b, String ra, String rb) {
        return ConstantProductForms.pair(ETHEREUM, id, a, b, ra, rb);
    }

    private static RouteRequest sell(AssetId in, AssetId out, double amount) {
        return RouteRequest.of(in, out, amount).withGas(GasSchedule.FREE).withMaxLatency(0);
    }

    @Test
    void unwrapsAndSellsTheUnderlying() {
        RouteResult r = Router.DEFAULT.route(market(List.of()), sell(WST, ETH, 50));
        double expected = cpOut(1000, 1000, RHO * 50);
        assertThat(r.routedOut()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(r.fills()).hasSize(2);
        LegFill unwrap = r.fills().get(0);
        assertThat(unwrap.venue().value()).isEqualTo("lido");
        assertThat(unwrap.hop()).isEqualTo(LegFill.Hop.TO_INTERMEDIATE);
        assertThat(unwrap.delivered()).isCloseTo(60, within(1e-12));
        assertThat(r.fills().get(1).venue().value()).isEqualTo("steth-eth");
        assertThat(r.fills().get(1).venueAmountIn()).isCloseTo(60, within(1e-12));
    }

    @Test
    void theInputAtAMarginalRateFollowsTheChainRuleThroughTheWrapper() {
        Market market = market(List.of());
        for (double r : new double[] {1.1, 0.9, 0.5}) {
            double expected = (Math.sqrt(RHO * GAMMA * 1000 * 1000 / r) - 1000) / (GAMMA * RHO);
            double got = Router.DEFAULT.inputAtMarginalRate(market, sell(WST, ETH, 1), r);
            assertThat(got).as("rate %s", r).isCloseTo(expected, within(expected * 1e-9));
        }
        // At and above ρ·γ (the path's rate at zero size) it sells nothing.
        assertThat(Router.DEFAULT.inputAtMarginalRate(market, sell(WST, ETH, 1), RHO * GAMMA * 1.0001)).isZero();
    }

    @Test
    void splitsWithADirectPoolAtTheBestShare() {
        Market market = market(List.of(cp("wst-eth", WST, ETH, "500", "600")));
        double a = 200;
        DoubleUnaryOperator total = x -> cpOut(500, 600, x) + cpOut(1000, 1000, RHO * (a - x));
        double best = total.applyAsDouble(ConstantProductForms.argMax(total, a));
        RouteResult r = Router.DEFAULT.route(market, sell(WST, ETH, a));
        assertThat(r.routedOut()).isCloseTo(best, within(best * 1e-6));
        assertThat(r.routedOut()).isGreaterThan(cpOut(500, 600, a)).isGreaterThan(cpOut(1000, 1000, RHO * a));
        // The unwrap-and-sell path counts at its rate at zero in the split's dual bound: above the best split.
        double bound = Router.DEFAULT.proceedsBound(Router.DEFAULT.legs(market, sell(WST, ETH, a)), a);
        assertThat(bound).isGreaterThanOrEqualTo(best * (1 - 1e-12));
    }

    @Test
    void aHopTheWrapperServesIsTheWrapperAlone() {
        // A thin WST/stETH pool beside the wrapper: the unwrap pays ρ for any size, so the hop ignores the pool.
        Market market = market(List.of(cp("wst-steth", WST, STETH, "10", "12")));
        RouteResult r = Router.DEFAULT.route(market, sell(WST, ETH, 50));
        assertThat(r.fills()).extracting(f -> f.venue().value()).containsExactly("lido", "steth-eth");
    }

    @Test
    void sellingTheWrappedTokenForItsUnderlyingUnwrapsAndHasNoPoolToMerge() {
        RouteResult r = Router.DEFAULT.route(market(List.of()), sell(WST, STETH, 1_000_000));
        assertThat(r.routedOut()).isCloseTo(1_200_000, within(1e-6));
        assertThat(r.complete()).isTrue();
        // The unified-pool comparison merges liquidity; a wrapper holds none, so there is nothing to compare with.
        assertThat(r.unifiedOut()).isNaN();
    }

    /** ETH/USDC 1,000 / 2,000,000 at 0.3%: the last hop of the three-hop routes below. */
    private static VenueSpec ethUsdc() {
        return cp("eth-usdc", ETH, USDC, "1000", "2000000");
    }

    @Test
    void sellsForAThirdAssetByUnwrappingSellingTheUnderlyingAndSellingWhatThatPays() {
        // No pool trades WST: unwrap 50 → 60 stETH, sell for ETH, sell that for USDC; each step a closed form.
        RouteResult r = Router.DEFAULT.route(market(List.of(ethUsdc())), sell(WST, USDC, 50));
        double eth = cpOut(1000, 1000, RHO * 50);
        double expected = cpOut(1000, 2_000_000, eth);
        assertThat(r.routedOut()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(r.complete()).isTrue();
        assertThat(r.fills()).extracting(f -> f.venue().value()).containsExactly("lido", "steth-eth", "eth-usdc");
        assertThat(r.fills()).extracting(LegFill::hop).containsExactly(LegFill.Hop.TO_INTERMEDIATE,
                LegFill.Hop.BETWEEN_INTERMEDIATES, LegFill.Hop.FROM_INTERMEDIATE);
        assertThat(r.fills()).extracting(LegFill::fromSeller).containsExactly(true, false, false);
        assertThat(r.fills()).extracting(LegFill::toBuyer).containsExactly(false, false, true);
        assertThat(r.fills().get(1).venueAmountIn()).isCloseTo(60, within(1e-12));
        assertThat(r.fills().get(2).venueAmountIn()).isCloseTo(eth, within(eth * 1e-12));
    }

    @Test
    void theMiddleHopSplitsBetweenAPoolAndTheUnwrapAtTheBestShare() {
        // With a WST/ETH pool (500 / 600) beside the unwrap, the first hop's ETH is the most the two can pay for a,
        // and one ETH/USDC pool then sells it: the best route is cpOut(ETH/USDC, max over x of the two legs' ETH).
        Market market = market(List.of(cp("wst-eth", WST, ETH, "500", "600"), ethUsdc()));
        double a = 200;
        DoubleUnaryOperator eth = x -> cpOut(500, 600, x) + cpOut(1000, 1000, RHO * (a - x));
        double expected = cpOut(1000, 2_000_000, eth.applyAsDouble(ConstantProductForms.argMax(eth, a)));
        RouteResult r = Router.DEFAULT.route(market, sell(WST, USDC, a));
        assertThat(r.routedOut()).isCloseTo(expected, within(expected * 1e-6));
        assertThat(r.routedOut()).isGreaterThan(cpOut(1000, 2_000_000, cpOut(500, 600, a)))
                .isGreaterThan(cpOut(1000, 2_000_000, cpOut(1000, 1000, RHO * a)));
        assertThat(r.fills()).extracting(f -> f.venue().value())
                .containsExactlyInAnyOrder("wst-eth", "lido", "steth-eth", "eth-usdc");
        assertThat(r.fills()).extracting(LegFill::stage).isSorted();
    }

    @Test
    void theInputAtAMarginalRateThroughThreeHopsIsWhereTheChainRulesSlopeIsThatRate() {
        // d/da cpOut2(cpOut1(ρa)) = slope2(cpOut1(ρa)) · slope1(ρa) · ρ: at the router's answer it equals the rate.
        Market market = market(List.of(ethUsdc()));
        for (double rate : new double[] {2000, 1500, 800}) {
            double a = Router.DEFAULT.inputAtMarginalRate(market, sell(WST, USDC, 1), rate);
            double b = RHO * a;
            double slope = ConstantProductForms.cpSlope(1000, 2_000_000, cpOut(1000, 1000, b))
                    * ConstantProductForms.cpSlope(1000, 1000, b) * RHO;
            assertThat(a).as("rate %s", rate).isPositive();
            assertThat(slope).as("rate %s", rate).isCloseTo(rate, within(rate * 1e-9));
        }
        // At zero size the route pays ρ·γ·γ·2000 = 2385.6 USDC a WST; at and above that it sells nothing.
        assertThat(Router.DEFAULT.inputAtMarginalRate(market, sell(WST, USDC, 1), RHO * GAMMA * GAMMA * 2000 * 1.0001))
                .isZero();
    }

    @Test
    void buysTheWrappedTokenByBuyingTheUnderlyingAndWrappingIt() {
        // 100,000 USDC → ETH → stETH → wrap at 1/ρ.
        RouteResult r = Router.DEFAULT.route(market(List.of(ethUsdc())), sell(USDC, WST, 100_000));
        double expected = cpOut(1000, 1000, cpOut(2_000_000, 1000, 100_000)) / RHO;
        assertThat(r.routedOut()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(r.fills()).extracting(f -> f.venue().value()).containsExactly("eth-usdc", "steth-eth", "lido");
        assertThat(r.fills()).extracting(LegFill::hop).containsExactly(LegFill.Hop.TO_INTERMEDIATE,
                LegFill.Hop.BETWEEN_INTERMEDIATES, LegFill.Hop.FROM_INTERMEDIATE);
    }
}
