package dev.fracture.protocol.options;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused with a message naming the field and the rule. */
class OptionsBadInputTest {
    private static final AssetId ETH = AssetId.of("ETH");

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1})
    void expiredOptionsHaveNoPrice(double years) {
        assertThatThrownBy(() -> BlackScholes.greeks(OptionType.CALL, 100, 100, years, 0, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time to expiry must be > 0 years (the option has expired), was " + years);
    }

    @Test
    void expiredPositionPricedThroughTheMarketIsRefused() {
        PricingContext market = new PricingContext(100, 1.0, 0, 0, VolSurface.flat(0.5));
        assertThatThrownBy(() -> market.greeks(OptionType.PUT, 100, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("time to expiry must be > 0 years (the option has expired)");
    }

    @Test
    void negativeOrNanSpotStrikeAndVolAreRefused() {
        assertThatThrownBy(() -> BlackScholes.price(OptionType.CALL, -1, 100, 1, 0, 0, 0.5))
                .hasMessage("spot must be > 0, was -1.0");
        assertThatThrownBy(() -> BlackScholes.price(OptionType.CALL, Double.NaN, 100, 1, 0, 0, 0.5))
                .hasMessage("spot must be a finite number, was NaN");
        assertThatThrownBy(() -> BlackScholes.price(OptionType.PUT, 100, 0, 1, 0, 0, 0.5))
                .hasMessage("strike must be > 0, was 0.0");
        assertThatThrownBy(() -> BlackScholes.price(OptionType.PUT, 100, 100, 1, 0, 0, -0.2))
                .hasMessage("vol must be > 0, was -0.2");
        assertThatThrownBy(() -> BlackScholes.price(OptionType.PUT, 100, 100, 1, 0, 0, Double.NaN))
                .hasMessage("vol must be a finite number, was NaN");
        assertThatThrownBy(() -> BlackScholes.price(OptionType.PUT, 100, 100, 1, Double.POSITIVE_INFINITY, 0, 0.2))
                .hasMessage("rate must be a finite number, was Infinity");
        assertThatThrownBy(() -> new PricingContext(-5, 0, 0, 0, VolSurface.flat(0.5)))
                .hasMessage("spot must be > 0, was -5.0");
    }

    @Test
    void impliedVolNeedsAPremiumInsideTheNoArbitrageBounds() {
        // Call with S = K = 100, r = q = 0: bounds are 0 (intrinsic) and 100 (the spot).
        assertThatThrownBy(() -> ImpliedVolatility.of(OptionType.CALL, 0, 100, 100, 1, 0, 0))
                .hasMessage("premium must lie strictly between the no-arbitrage bounds 0.0 and 100.0, was 0.0");
        assertThatThrownBy(() -> ImpliedVolatility.of(OptionType.CALL, 120, 100, 100, 1, 0, 0))
                .hasMessageStartingWith("premium must lie strictly between the no-arbitrage bounds");
        assertThatThrownBy(() -> ImpliedVolatility.of(OptionType.CALL, Double.NaN, 100, 100, 1, 0, 0))
                .hasMessage("premium must be a finite number, was NaN");
    }

    @Test
    void positionsNeedPositiveSizeAndStrike() {
        assertThatThrownBy(() -> new OptionPosition("p1", OptionType.CALL, 100, 1, -3, Side.LONG))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("position p1 size must be > 0, was -3.0");
        assertThatThrownBy(() -> new OptionPosition("p2", OptionType.CALL, Double.NaN, 1, 3, Side.LONG))
                .hasMessage("position p2 strike must be a finite number, was NaN");
        assertThatThrownBy(() -> new OptionPosition("p3", OptionType.PUT, 100, 1, 3, null))
                .hasMessage("position p3 side is required");
    }

    @Test
    void vaultsNeedCollateral() {
        assertThatThrownBy(() -> new OptionVault("v", VaultStrategy.COVERED_CALL, -5))
                .hasMessage("vault v collateral must be >= 0, was -5.0");
        assertThatThrownBy(() -> new OptionVault("empty", VaultStrategy.CASH_SECURED_PUT, 0).write(80, 0.5))
                .hasMessage("vault empty collateral must be > 0 to write options, was 0.0");
        assertThatThrownBy(() -> new OptionVault("v", VaultStrategy.CASH_SECURED_PUT, 100).write(-80, 0.5))
                .hasMessage("vault v strike must be > 0, was -80.0");
    }

    @Test
    void surfacesRefuseCalendarArbitrageAndUnorderedPillars() {
        assertThatThrownBy(() -> VolSurface.of(List.of(new AtmPoint(0.5, 0.5), new AtmPoint(1, 0.3))))
                .hasMessage("atm total variance must not decrease with expiry (calendar arbitrage): 0.09 at 1.0 "
                        + "after 0.125 at 0.5");
        assertThatThrownBy(() -> VolSurface.of(List.of(new AtmPoint(1, 0.5), new AtmPoint(1, 0.6))))
                .hasMessage("atm expiries must increase strictly, but 1.0 follows 1.0");
        assertThatThrownBy(() -> VolSurface.of(List.of()))
                .hasMessage("atm term structure must have at least one pillar");
        assertThatThrownBy(() -> new AtmPoint(1, -0.2)).hasMessage("atm vol at expiry 1.0 must be > 0, was -0.2");
        assertThatThrownBy(() -> new VolSurface(List.of(new AtmPoint(1, 0.5)), -0.1, 0, 0))
                .hasMessage("vol floor must be > 0, was 0.0");
    }

    @Test
    void hedgerRefusesANegativeBandAndAVenueWithoutThePair() {
        assertThatThrownBy(() -> DeltaHedger.withBand(-1)).hasMessage("hedge band must be >= 0, was -1.0");
        ChainId chain = ChainId.of("ethereum");
        Asset a = new Asset(AssetId.of("WBTC"), chain, "WBTC", 8, new AssetKind.Token(), 1);
        Asset b = new Asset(AssetId.of("DAI"), chain, "DAI", 18, new AssetKind.Token(), 1);
        ConstantProductPool other = ConstantProductPool.of(new VenueSpec.ConstantProduct(VenueId.of("btc-dai"), chain,
                a.id(), b.id(), BigDecimal.ONE, BigDecimal.TEN, 3000), a, b, MathMode.FAST);
        HedgePlan plan = new HedgePlan(100, 1, 0, -1, -1);
        assertThatThrownBy(() -> DeltaHedger.DEFAULT.execute(plan, other, ETH, AssetId.of("USDC")))
                .hasMessage("venue btc-dai must trade ETH against USDC");
    }
}
