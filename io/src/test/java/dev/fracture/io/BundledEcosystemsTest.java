package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.SnapshotValidator;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class BundledEcosystemsTest {

    @Test
    void everyBundledEcosystemLoadsValid() {
        assertThat(BundledEcosystems.names()).contains("defi-2025");
        for (String name : BundledEcosystems.names()) {
            assertThat(BundledEcosystems.load(name).name()).isEqualTo(name);
        }
    }

    @Test
    void defi2025HasTheChainsAndVenueKindsItPromises() {
        EcosystemSnapshot s = BundledEcosystems.load("defi-2025");
        assertThat(s.chains()).extracting(c -> c.id().value())
                .containsExactly("ethereum", "arbitrum", "base", "hyperliquid");
        assertThat(s.chain(ChainId.of("arbitrum")).orElseThrow().blockTimeSeconds()).isEqualTo(0.25);
        assertThat(s.venues()).extracting(Schema::venueType).contains(Schema.CONSTANT_PRODUCT,
                Schema.CONCENTRATED_LIQUIDITY, Schema.STABLE_SWAP, Schema.ORDER_BOOK);
        assertThat(s.assets()).extracting(a -> SnapshotValidator.kindName(a.kind()))
                .contains("native", "token", "stablecoin", "liquid-staking", "bridged", "receipt");
    }

    /**
     * Every v3 pool's √price must agree with its tokens' reference prices (3,300 USD per ETH, 3,990 / 3,300 ETH per
     * wstETH), whichever token is token0.
     */
    @Test
    void concentratedLiquidityPricesAgreeWithTheReferencePrice() {
        EcosystemSnapshot s = BundledEcosystems.load("defi-2025");
        int pools = 0;
        for (VenueSpec v : s.venues()) {
            if (v instanceof VenueSpec.ConcentratedLiquidity cl) {
                var t0 = s.asset(cl.token0()).orElseThrow();
                var t1 = s.asset(cl.token1()).orElseThrow();
                BigDecimal sqrt = new BigDecimal(cl.sqrtPriceX96()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(96)),
                        MathContext.DECIMAL128);
                double token1PerToken0 = sqrt.pow(2).scaleByPowerOfTen(t0.decimals() - t1.decimals()).doubleValue();
                double expected = t0.referencePriceUsd() / t1.referencePriceUsd();
                assertThat(token1PerToken0).as(v.id().value()).isCloseTo(expected, within(expected * 3e-4));
                pools++;
            }
        }
        assertThat(pools).isEqualTo(5);
    }

    @Test
    void roundTripsThroughBothFormats() {
        EcosystemSnapshot s = BundledEcosystems.load("defi-2025");
        assertThat(SnapshotReader.read(SnapshotWriter.write(s, Format.JSON), "x.json", Format.JSON)).isEqualTo(s);
        assertThat(SnapshotReader.read(SnapshotWriter.write(s, Format.YAML), "x.yaml", Format.YAML)).isEqualTo(s);
    }

    @Test
    void constantProductPoolPriceMatchesTheReference() {
        var pair = (VenueSpec.ConstantProduct) BundledEcosystems.load("defi-2025")
                .venue(VenueId.of("uniswap-v2-usdc-eth")).orElseThrow();
        assertThat(pair.reserve0().divide(pair.reserve1(), MathContext.DECIMAL64).doubleValue()).isEqualTo(3300.0);
    }

    @Test
    void unknownNameListsTheBundledOnes() {
        assertThatThrownBy(() -> BundledEcosystems.load("defi-1999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown bundled ecosystem 'defi-1999' (bundled: defi-2025, maker-2020)");
    }
}
