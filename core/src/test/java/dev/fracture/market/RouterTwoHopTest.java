package dev.fracture.market;

import static dev.fracture.market.ConstantProductForms.cpOut;
import static dev.fracture.market.ConstantProductForms.cpSlope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.SaleQuotes;
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
 * Sales through an intermediate asset ({@link TwoHopPath}) against closed forms worked from the constant-product
 * formula out = Y·γa / (X + γa) (Uniswap v2 whitepaper, eq. 2), its slope dOut/da = γXY / (X + γa)², and the
 * composition of two such pools; the best split between a direct pool and a path is found here by golden-section
 * search on those formulas, independently of the router.
 */
class RouterTwoHopTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final AssetId USDT = AssetId.of("USDT");
    private static final AssetId DAI = AssetId.of("DAI");
    private static final AssetId WST = AssetId.of("WST");

    /** WST/ETH 1,000 / 1,200 and ETH/USDC 1,000 / 2,000,000, both 0.3%; optionally a direct WST/USDC pool. */
    private static Market market(boolean direct, List<VenueSpec> more) {
        List<Chain> chains = List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125)));
        BigDecimal one = BigDecimal.ONE;
        List<Asset> assets = List.of(
                new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", one), 1),
                new Asset(USDT, ETHEREUM, "USDT", 6, new AssetKind.Stablecoin("USD", one), 1),
                new Asset(DAI, ETHEREUM, "DAI", 18, new AssetKind.Stablecoin("USD", one), 1),
                new Asset(WST, ETHEREUM, "WST", 18, new AssetKind.Token(), 2400));
        List<VenueSpec> venues = new ArrayList<>(List.of(
                cp("wst-eth", WST, ETH, "1000", "1200"),
                cp("eth-usdc", ETH, USDC, "1000", "2000000")));
        if (direct) {
            venues.add(cp("wst-usdc", WST, USDC, "500", "1200000"));
        }
        venues.addAll(more);
        return Market.of(new EcosystemSnapshot("two-hop", Instant.parse("2025-01-01T00:00:00Z"), chains, assets,
                List.of(), venues), MathMode.FAST);
    }

    private static VenueSpec cp(String id, AssetId a, AssetId b, String ra, String rb) {
        return ConstantProductForms.pair(ETHEREUM, id, a, b, ra, rb);
    }

    /** WST sold through ETH: the WST/ETH pool's output sold into the ETH/USDC pool. */
    private static double pathOut(double a) {
        return cpOut(1000, 2_000_000, cpOut(1000, 1200, a));
    }

    private static RouteRequest sell(AssetId in, AssetId out, double amount) {
        return RouteRequest.of(in, out, amount).withGas(GasSchedule.FREE).withMaxLatency(0);
    }

    @Test
    void aPairWithNoVenueSellsThroughTheIntermediate() {
        Market market = market(false, List.of());
        RouteResult r = Router.DEFAULT.route(market, sell(WST, USDC, 10));
        double hop1 = cpOut(1000, 1200, 10);
        assertThat(r.routedOut()).isCloseTo(pathOut(10), within(pathOut(10) * 1e-9));
        assertThat(r.complete()).isTrue();
        assertThat(r.fills()).hasSize(2);
        LegFill first = r.fills().get(0);
        LegFill second = r.fills().get(1);
        assertThat(first.hop()).isEqualTo(LegFill.Hop.TO_INTERMEDIATE);
        assertThat(first.venue().value()).isEqualTo("wst-eth");
        assertThat(first.amountIn()).isCloseTo(10, within(1e-9));
        assertThat(first.delivered()).isCloseTo(hop1, within(hop1 * 1e-9));
        assertThat(first.fromSeller()).isTrue();
        assertThat(first.toBuyer()).isFalse();
        assertThat(second.hop()).isEqualTo(LegFill.Hop.FROM_INTERMEDIATE);
        assertThat(second.venue().value()).isEqualTo("eth-usdc");
        assertThat(second.venueAmountIn()).isCloseTo(first.delivered(), within(hop1 * 1e-12));
        assertThat(second.fromSeller()).isFalse();
        assertThat(second.toBuyer()).isTrue();
        // No venue trades the pair: neither a best single venue nor a unified pool of its venues exists.
        assertThat(r.bestSingleVenue()).isNull();
        assertThat(r.unifiedOut()).isNaN();
        // A path alone is bounded by its rate at zero: the split's dual bound is that rate times the amount.
        Router.Legs legs = Router.DEFAULT.legs(market, sell(WST, USDC, 10));
        assertThat(Router.DEFAULT.proceedsBound(legs, 10)).isGreaterThanOrEqualTo(r.routedOut())
                .isCloseTo(10 * Router.DEFAULT.rateBound(legs), within(1e-9));
    }

    @Test
    void aPathAboveTheDirectPoolsRateKeepsItsRateInTheBound() {
        // A direct WST/USDC pool priced 10% under the path: between the two rates only the path would take anything,
        // and the bound must still count the path's rate on the whole amount.
        double pathRate = pathOut(1e-6) / 1e-6;
        Market market = market(false, List.of(cp("wst-usdc-low", WST, USDC, "1000",
                String.valueOf(Math.round(1000 * pathRate * 0.9)))));
        Router.Legs legs = Router.DEFAULT.legs(market, sell(WST, USDC, 10));
        double routed = Router.DEFAULT.route(market, sell(WST, USDC, 10)).routedOut();
        assertThat(routed).isGreaterThan(pathOut(10) * 0.999);
        assertThat(Router.DEFAULT.proceedsBound(legs, 10)).isGreaterThanOrEqualTo(routed)
                .isGreaterThanOrEqualTo(10 * pathRate * (1 - 1e-9));
    }

    @Test
    void oneHopOnlyLeavesSuchAPairUnsold() {
        RouteResult r = Router.DEFAULT.route(market(false, List.of()), sell(WST, USDC, 10).withMaxHops(1));
        assertThat(r.fills()).isEmpty();
        assertThat(r.routedOut()).isZero();
    }

    @Test
    void splitsBetweenTheDirectPoolAndThePathAtTheirBestShare() {
        Market market = market(true, List.of());
        double a = 100;
        DoubleUnaryOperator total = x -> cpOut(500, 1_200_000, x) + pathOut(a - x);
        double split = ConstantProductForms.argMax(total, a);
        double best = total.applyAsDouble(split);
        RouteResult r = Router.DEFAULT.route(market, sell(WST, USDC, a));
        assertThat(r.routedOut()).isCloseTo(best, within(best * 1e-6));
        assertThat(r.routedOut()).isGreaterThan(cpOut(500, 1_200_000, a)).isGreaterThan(pathOut(a));
        double direct = r.fills().stream().filter(f -> f.hop() == LegFill.Hop.DIRECT)
                .mapToDouble(LegFill::amountIn).sum();
        assertThat(direct).isCloseTo(split, within(a * 0.01));
        // Bought at the buyer: the direct fill and the second hop, not the intermediate of the first.
        double delivered = r.fills().stream().filter(LegFill::toBuyer).mapToDouble(LegFill::delivered).sum();
        assertThat(delivered).isCloseTo(r.routedOut(), within(r.routedOut() * 1e-12));
        RouteResult oneHop = Router.DEFAULT.route(market, sell(WST, USDC, a).withMaxHops(1));
        assertThat(oneHop.routedOut()).isCloseTo(cpOut(500, 1_200_000, a), within(1e-6));
        // The split's dual bound counts the path at its rate at zero: above the best split, and under the rate bound.
        Router.Legs legs = Router.DEFAULT.legs(market, sell(WST, USDC, a));
        double bound = Router.DEFAULT.proceedsBound(legs, a);
        assertThat(bound).isGreaterThanOrEqualTo(best * (1 - 1e-12))
                .isLessThanOrEqualTo(a * Router.DEFAULT.rateBound(legs) * (1 + 1e-12));
    }

    @Test
    void executingTheFillsMovesBothPoolsAsQuoted() {
        Market market = market(false, List.of());
        RouteResult r = Router.DEFAULT.route(market, sell(WST, USDC, 25));
        double received = 0;
        for (LegFill f : r.fills()) {
            Venue v = market.venue(f.venue()).orElseThrow();
            double paid = v.swapExactIn(f.venueTokenIn(), f.venueTokenOut(), f.venueAmountIn()).amountOut();
            if (f.toBuyer()) {
                received += paid;
            }
        }
        assertThat(received).isEqualTo(r.routedOut());
        double hop1 = cpOut(1000, 1200, 25);
        Venue ethUsdc = market.venue(VenueId.of("eth-usdc")).orElseThrow();
        // A v2 pool keeps the whole input, fee included: its ETH reserve grew by what the first hop paid into it.
        assertThat(ethUsdc.spotPrice(ETH, USDC)).isCloseTo(
                (2_000_000 - pathOut(25)) / (1000 + hop1), within(1e-6));
    }

    @Test
    void thePathsMarginalRateFollowsTheChainRule() {
        Market market = market(false, List.of());
        Router.Legs legs = Router.DEFAULT.legs(market, sell(WST, USDC, 1));
        double atZero = cpSlope(1000, 1200, 0) * cpSlope(1000, 2_000_000, 0);
        assertThat(Router.DEFAULT.rateBound(legs)).isCloseTo(atZero, within(atZero * 1e-12));
        assertThat(Router.DEFAULT.rateSellingNothing(legs)).isGreaterThanOrEqualTo(atZero * (1 - 1e-12));
        for (double share : new double[] {0.9, 0.6, 0.3}) {
            double rate = share * atZero;
            double a = Router.DEFAULT.inputAtMarginalRate(legs, rate);
            double slope = cpSlope(1000, 1200, a) * cpSlope(1000, 2_000_000, cpOut(1000, 1200, a));
            assertThat(slope).as("marginal rate at %s", a).isCloseTo(rate, within(rate * 1e-9));
        }
        assertThat(Router.DEFAULT.inputAtMarginalRate(legs, atZero * 1.01)).isZero();
    }

    @Test
    void aLiquidatorsKeptLegsQuoteThePathAsRoutingAfreshDoes() {
        Market market = market(true, List.of());
        SaleQuotes lean = SaleQuotes.lean(Router.DEFAULT, market);
        SaleQuotes fresh = SaleQuotes.routing(Router.DEFAULT);
        for (double amount : new double[] {0.5, 7, 90, 600}) {
            double kept = lean.proceeds(market, WST, USDC, amount);
            assertThat(kept).isEqualTo(fresh.proceeds(market, WST, USDC, amount));
            assertThat(kept / amount).isLessThanOrEqualTo(lean.rateBound(market, WST, USDC));
        }
    }

    @Test
    void aPathSharingAVenueWithTheDirectLegsIsNotTaken() {
        VenueSpec tri = new VenueSpec.StableSwap(VenueId.of("tri"), ETHEREUM, List.of(DAI, USDC, USDT),
                List.of(new BigDecimal("1000000"), new BigDecimal("1000000"), new BigDecimal("1000000")), 200,
                4_000_000);
        // DAI for USDT: tri trades the pair itself, so the path through USDC (tri again) would count it twice;
        // the path through ETH uses two pools of its own and is kept.
        Market market = market(false, List.of(tri, cp("dai-eth", DAI, ETH, "2000000", "1000"),
                cp("eth-usdt", ETH, USDT, "1000", "2000000")));
        RouteResult r = Router.DEFAULT.route(market, sell(DAI, USDT, 500_000));
        List<String> venues = r.fills().stream().map(f -> f.venue().value() + ":" + f.hop()).toList();
        assertThat(venues).containsExactlyInAnyOrder("tri:DIRECT", "dai-eth:TO_INTERMEDIATE",
                "eth-usdt:FROM_INTERMEDIATE");
    }

    @Test
    void aRequestOfNoOrThreeHopsIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> RouteRequest.of(WST, USDC, 1).withMaxHops(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max hops must be 1").hasMessageContaining("was 0");
        assertThatThrownBy(() -> RouteRequest.of(WST, USDC, 1).withMaxHops(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 3");
    }
}
