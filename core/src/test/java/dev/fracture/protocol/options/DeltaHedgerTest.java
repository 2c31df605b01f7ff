package dev.fracture.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.market.Venue;
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
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delta hedging of a hand-built dealer book: two vaults sell to the dealers — a covered-call vault with 10 ETH
 * writes 10 calls struck at 100 expiring in 1 year, a cash-secured-put vault with 1,600 USDC writes 1,600 / 80 = 20
 * puts struck at 80 expiring in half a year. Flat 50% vol, r = q = 0, spot 100, time 0.
 *
 * <p>Worked by hand with d1 = (ln(S/K) + σ²T/2) / (σ√T) and N from tables:
 * <pre>
 * S = 100: call d1 = 0.25,     N = 0.5987063  put d1 = 0.8079220, Δ = N − 1 = −0.2095678
 *          book Δ = 10 × 0.5987063 + 20 × (−0.2095678) = 1.7957082
 * S =  90: call d1 = 0.0392790, N = 0.5156660  put d1 = 0.5099174, Δ = −0.3050547
 *          book Δ = 10 × 0.5156660 + 20 × (−0.3050547) = −0.9444330
 * </pre>
 * A neutral hedge of −1.7957082 ETH must become +0.9444330: buy 2.7401412 ETH into the drop.
 */
class DeltaHedgerTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final PricingContext AT_100 = new PricingContext(100, 0, 0, 0, VolSurface.flat(0.5));

    private static DealerBook dealersLongVaultOptions() {
        OptionVault calls = new OptionVault("eth-covered-call", VaultStrategy.COVERED_CALL, 10);
        OptionVault puts = new OptionVault("eth-put-selling", VaultStrategy.CASH_SECURED_PUT, 1600);
        return DealerBook.buyingFrom(ETH, List.of(calls.write(100, 1.0), puts.write(80, 0.5)));
    }

    /** The same options, but the dealers wrote them (to buyers of protection and upside). */
    private static DealerBook dealersShortOptions() {
        List<OptionPosition> written = new ArrayList<>();
        for (OptionPosition p : dealersLongVaultOptions().positions()) {
            written.add(p.mirror("written"));
        }
        return new DealerBook(ETH, written);
    }

    @Test
    void vaultsWriteFullyCollateralizedOptionsAndDealersHoldTheOtherSide() {
        DealerBook book = dealersLongVaultOptions();
        assertThat(book.positions()).extracting(OptionPosition::type, OptionPosition::size, OptionPosition::side)
                .containsExactly(tuple(OptionType.CALL, 10.0, Side.LONG), tuple(OptionType.PUT, 20.0, Side.LONG));
    }

    @Test
    void hedgeTradeAfterADropIsTheChangeInDeltaWorkedByHand() {
        DealerBook book = dealersLongVaultOptions();
        HedgePlan before = DeltaHedger.DEFAULT.plan(book, 0, AT_100);
        assertThat(before.optionDelta()).isCloseTo(1.7957082, within(1e-7));
        assertThat(before.trade()).isCloseTo(-1.7957082, within(1e-7));

        HedgePlan after = DeltaHedger.DEFAULT.plan(book, before.targetHedge(), AT_100.at(90, 0));
        assertThat(after.optionDelta()).isCloseTo(-0.9444330, within(1e-7));
        assertThat(after.targetHedge()).isCloseTo(0.9444330, within(1e-7));
        assertThat(after.trade()).isCloseTo(2.7401412, within(1e-7));
        assertThat(after.notional()).isCloseTo(246.612708, within(1e-5));
    }

    @Test
    void longGammaDealersBuyTheDropAndShortGammaDealersSellIt() {
        DeltaHedger hedger = DeltaHedger.DEFAULT;
        DealerBook shortGamma = dealersShortOptions();
        double hedge = hedger.plan(shortGamma, 0, AT_100).targetHedge();
        assertThat(hedger.plan(shortGamma, hedge, AT_100.at(90, 0)).trade()).isCloseTo(-2.7401412, within(1e-7));
        assertThat(hedger.plan(shortGamma, hedge, AT_100.at(110, 0)).trade()).isPositive();

        DealerBook longGamma = dealersLongVaultOptions();
        double longHedge = hedger.plan(longGamma, 0, AT_100).targetHedge();
        assertThat(hedger.plan(longGamma, longHedge, AT_100.at(110, 0)).trade()).isNegative();
    }

    static LongStream seeds() {
        return LongStream.range(1, 6).map(i -> 0xDE1A_0000L + i);
    }

    /** On any book of written options, hedging sells every drop and buys every rise (delta rises with spot). */
    @ParameterizedTest
    @MethodSource("seeds")
    void shortGammaHedgingFollowsTheMoveOnRandomBooks(long seed) {
        Random rnd = new Random(seed);
        for (int b = 0; b < 50; b++) {
            List<OptionPosition> written = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                written.add(new OptionPosition("w" + i, rnd.nextBoolean() ? OptionType.CALL : OptionType.PUT,
                        50 + 100 * rnd.nextDouble(), 0.02 + rnd.nextDouble(), 1 + 100 * rnd.nextDouble(), Side.SHORT));
            }
            DealerBook book = new DealerBook(ETH, written);
            PricingContext market = new PricingContext(100, 0, 0.03 * rnd.nextDouble(), 0.02 * rnd.nextDouble(),
                    VolSurface.flat(0.2 + rnd.nextDouble()));
            double hedge = DeltaHedger.DEFAULT.plan(book, 0, market).targetHedge();
            double move = 0.01 + 0.3 * rnd.nextDouble();
            double step = 1.0 / 365;
            assertThat(book.gamma(market)).as("seed %d book %d", seed, b).isNegative();
            assertThat(DeltaHedger.DEFAULT.plan(book, hedge, market.at(100 * (1 - move), step)).trade())
                    .as("seed %d book %d drop %s", seed, b, move).isNegative();
            assertThat(DeltaHedger.DEFAULT.plan(book, hedge, market.at(100 * (1 + move), step)).trade())
                    .as("seed %d book %d rise %s", seed, b, move).isPositive();
        }
    }

    /**
     * Γ = n(d1) / (S σ √T): call n(0.25) / (100 × 0.5 × 1) = 0.0077334, put n(0.8079220) / (100 × 0.5 × √0.5) =
     * 0.0081417; dealers long 10 and 20: Γ_total = 0.0773336 + 0.1628339 = 0.2401675. Per +1%:
     * −0.2401675 × 100 × 0.01 = −0.2401675 ETH, −24.01675 USDC.
     */
    @Test
    void gammaMapSumsThePositionGammasByStrike() {
        DealerBook book = dealersLongVaultOptions()
                .with(new OptionPosition("retail", OptionType.CALL, 100, 0.5, 4, Side.SHORT));
        GammaMap map = book.gammaMap(AT_100);
        double callGamma = AT_100.greeks(OptionType.CALL, 100, 1.0).gamma();
        double shortCallGamma = AT_100.greeks(OptionType.CALL, 100, 0.5).gamma();
        double putGamma = AT_100.greeks(OptionType.PUT, 80, 0.5).gamma();
        assertThat(callGamma).isCloseTo(0.0077334, within(1e-7));
        assertThat(putGamma).isCloseTo(0.0081417, within(1e-7));

        assertThat(map.byStrike()).extracting(StrikeGamma::strike).containsExactly(80.0, 100.0);
        assertThat(map.byStrike().get(0).gamma()).isCloseTo(20 * putGamma, within(1e-15));
        assertThat(map.byStrike().get(1).gamma()).isCloseTo(10 * callGamma - 4 * shortCallGamma, within(1e-15));
        assertThat(map.total()).isCloseTo(20 * putGamma + 10 * callGamma - 4 * shortCallGamma, within(1e-15));

        GammaMap vaultsOnly = dealersLongVaultOptions().gammaMap(AT_100);
        assertThat(vaultsOnly.total()).isCloseTo(0.2401675, within(1e-7));
        assertThat(vaultsOnly.hedgeFlow(0.01)).isCloseTo(-0.2401675, within(1e-7));
        assertThat(vaultsOnly.hedgeFlowNotional(0.01)).isCloseTo(-24.01675, within(1e-5));
        assertThat(vaultsOnly.hedgeFlow(-0.01)).isCloseTo(0.2401675, within(1e-7));
        assertThat(vaultsOnly.gammaExposurePerOnePercent()).isCloseTo(24.01675, within(1e-5));
        assertThat(dealersShortOptions().gammaMap(AT_100).hedgeFlow(-0.01)).isCloseTo(-0.2401675, within(1e-7));
    }

    /** The gamma map's flow is the second-order estimate of the re-hedge a 1% move really calls for. */
    @Test
    void gammaFlowEstimatesTheRehedgeForASmallMove() {
        DealerBook book = dealersShortOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        double actual = DeltaHedger.DEFAULT.plan(book, hedge, AT_100.at(99, 0)).trade();
        assertThat(actual).isCloseTo(book.gammaMap(AT_100).hedgeFlow(-0.01), within(0.02 * Math.abs(actual)));
    }

    @Test
    void expiredPositionsDropOutAndTheirHedgeUnwinds() {
        DealerBook book = dealersLongVaultOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        // At t = 0.5 the puts have expired: only the calls (half a year left) are hedged.
        PricingContext later = AT_100.at(100, 0.5);
        HedgePlan plan = DeltaHedger.DEFAULT.plan(book, hedge, later);
        assertThat(book.live(0.5)).hasSize(1);
        assertThat(plan.optionDelta()).isCloseTo(10 * later.greeks(OptionType.CALL, 100, 1.0).delta(), within(1e-12));
    }

    @Test
    void bandSkipsSmallRehedges() {
        DealerBook book = dealersLongVaultOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        assertThat(DeltaHedger.withBand(3).plan(book, hedge, AT_100.at(90, 0)).trade()).isZero();
        assertThat(DeltaHedger.withBand(2).plan(book, hedge, AT_100.at(90, 0)).trade())
                .isCloseTo(2.7401412, within(1e-7));
    }

    /** Uniswap v2 pool, 10,000 ETH and 1,000,000 USDC, 0.3% fee: spot 100. */
    private static ConstantProductPool pool() {
        Asset eth = new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 100);
        Asset usdc = new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1);
        return ConstantProductPool.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                new BigDecimal("10000"), new BigDecimal("1000000"), 3000), eth, usdc, MathMode.FAST);
    }

    @Test
    void shortGammaSaleOnAVenueDeliversTheFlowAndPushesThePriceDown() {
        DealerBook book = dealersShortOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        HedgePlan plan = DeltaHedger.DEFAULT.plan(book, hedge, AT_100.at(90, 0));
        Venue venue = pool();
        HedgeFlow flow = DeltaHedger.DEFAULT.execute(plan, venue, ETH, USDC);
        // Sells 2.7401412 ETH: out = 0.997 a × 1,000,000 / (10,000 + 0.997 a) = 272.9203 USDC.
        double a = 2.7401412;
        assertThat(flow.traded()).isCloseTo(-a, within(1e-7));
        assertThat(flow.quoteAmount()).isCloseTo(0.997 * a * 1_000_000 / (10_000 + 0.997 * a), within(1e-6));
        assertThat(flow.complete()).isTrue();
        assertThat(flow.hedgeAfter()).isCloseTo(plan.targetHedge(), within(1e-9));
        assertThat(venue.spotPrice(ETH, USDC)).isLessThan(100);
    }

    @Test
    void longGammaPurchaseOnAVenueBuysExactlyTheTrade() {
        DealerBook book = dealersLongVaultOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        HedgePlan plan = DeltaHedger.DEFAULT.plan(book, hedge, AT_100.at(90, 0));
        Venue venue = pool();
        HedgeFlow flow = DeltaHedger.DEFAULT.execute(plan, venue, ETH, USDC);
        // Buys x = 2.7401412 ETH: in = x × 1,000,000 / ((10,000 − x) × 0.997) = 274.9124 USDC.
        double x = 2.7401412;
        assertThat(flow.traded()).isCloseTo(x, within(1e-7));
        assertThat(flow.quoteAmount()).isCloseTo(-x * 1_000_000 / ((10_000 - x) * 0.997), within(1e-6));
        assertThat(flow.fills()).extracting(Quote::tokenOut).containsExactly(ETH);
        assertThat(venue.spotPrice(ETH, USDC)).isGreaterThan(100);
    }

    private static Market market() {
        List<Asset> assets = List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 100),
                new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
        List<VenueSpec> venues = List.of(
                new VenueSpec.ConstantProduct(VenueId.of("pool-1"), ETHEREUM, ETH, USDC, new BigDecimal("1000"),
                        new BigDecimal("100000"), 3000),
                new VenueSpec.ConstantProduct(VenueId.of("pool-2"), ETHEREUM, ETH, USDC, new BigDecimal("3000"),
                        new BigDecimal("300000"), 3000));
        EcosystemSnapshot snapshot = new EcosystemSnapshot("options-hedge", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(0, 0, 0.125))), assets, List.of(),
                venues);
        return Market.of(snapshot, MathMode.FAST);
    }

    @Test
    void routedHedgesSplitAcrossVenuesAndMoveThem() {
        DealerBook book = dealersShortOptions();
        double hedge = DeltaHedger.DEFAULT.plan(book, 0, AT_100).targetHedge();
        HedgePlan drop = DeltaHedger.DEFAULT.plan(book, hedge, AT_100.at(90, 0));
        Market market = market();
        assertThat(DeltaHedger.DEFAULT.quote(drop, market, ETH, USDC).orElseThrow().fills()).hasSize(2);
        assertThat(market.venues().get(0).spotPrice(ETH, USDC)).isEqualTo(100);

        HedgeFlow sale = DeltaHedger.DEFAULT.executeRouted(drop, market, ETH, USDC);
        // Both pools at one price and fee: the router sells as into one pool of 4,000 ETH and 400,000 USDC.
        double a = -drop.trade();
        assertThat(sale.traded()).isCloseTo(-a, within(1e-9));
        assertThat(sale.quoteAmount()).isCloseTo(0.997 * a * 400_000 / (4_000 + 0.997 * a), within(1e-3));
        assertThat(sale.fills()).hasSize(2);
        for (Venue v : market.venues()) {
            assertThat(v.spotPrice(ETH, USDC)).isLessThan(100);
        }

        HedgePlan rise = DeltaHedger.DEFAULT.plan(book, sale.hedgeAfter(), AT_100.at(110, 0));
        HedgeFlow purchase = DeltaHedger.DEFAULT.executeRouted(rise, market, ETH, USDC);
        assertThat(purchase.traded()).isCloseTo(rise.trade(), within(1e-6 * rise.trade()));
        assertThat(purchase.quoteAmount()).isNegative();
    }
}
