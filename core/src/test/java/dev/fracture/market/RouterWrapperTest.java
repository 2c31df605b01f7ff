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
    private static final double RHO = 1.2;

    /** The wrapper WST/stETH and stETH/ETH 1,000 / 1,000 at 0.3%, with {@code more} venues beside them. */
    private static Market market(List<VenueSpec> more) {
        List<Chain> chains = List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125)));
        List<Asset> assets = List.of(
                new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(STETH, ETHEREUM, "stETH", 18, new AssetKind.LiquidStaking(ETH, BigDecimal.ONE), 2000),
                new Asset(WST, ETHEREUM, "wstETH", 18, new AssetKind.LiquidStaking(STETH, new BigDecimal("1.2")),
                        2400));
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
}
