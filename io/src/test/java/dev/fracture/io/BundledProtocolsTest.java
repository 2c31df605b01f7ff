package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.DssMath;
import dev.fracture.protocol.cdp.MakerSetup;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.MorphoSetup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocols of defi-2025 load, carry the parameters the documentation promises, and start out healthy. */
class BundledProtocolsTest {
    private static final EcosystemSnapshot S = BundledEcosystems.load("defi-2025");

    private static <T extends ProtocolSpec> T protocol(String id, Class<T> type) {
        return type.cast(S.protocol(ProtocolId.of(id)).orElseThrow());
    }

    @Test
    void feedsHaveTypicalChainlinkParameters() {
        assertThat(S.oracle(OracleId.of("eth-usd")).orElseThrow()).isEqualTo(new OracleSpec.Push(OracleId.of("eth-usd"),
                AssetId.of("eth"), "USD", 3600, 50, 8, 0));
        var usdc = (OracleSpec.Push) S.oracle(OracleId.of("usdc-usd")).orElseThrow();
        assertThat(usdc.heartbeatSeconds()).isEqualTo(86_400);
        assertThat(usdc.deviationBps()).isEqualTo(25);
        assertThat(S.oracle(OracleId.of("eth-osm")).orElseThrow()).isEqualTo(new OracleSpec.Delayed(
                OracleId.of("eth-osm"), OracleId.of("eth-usd"), 3600));
    }

    @Test
    void aaveWethReserveAndEveryBorrowerIsHealthyAtReferencePrices() {
        var spec = protocol("aave-v3", ProtocolSpec.PooledLending.class);
        assertThat(spec.reserves()).extracting(r -> r.asset().value())
                .containsExactly("eth", "wsteth", "wbtc", "usdc", "usdt", "dai");
        var weth = spec.reserves().get(0);
        assertThat(weth.ltvBps()).isEqualTo(8050);
        assertThat(weth.liquidationThresholdBps()).isEqualTo(8300);
        assertThat(weth.liquidationBonusBps()).isEqualTo(10500);
        assertThat(spec.accounts()).hasSizeBetween(10, 50);
        AaveSetup aave = AaveSetup.of(spec, S);
        Map<AssetId, Long> prices = new HashMap<>();
        spec.reserves().forEach(r -> prices.put(r.asset(), BigDecimal.valueOf(
                S.asset(r.asset()).orElseThrow().referencePriceUsd()).movePointRight(8).longValueExact()));
        for (AaveAccount account : aave.accounts()) {
            if (!account.debts().isEmpty()) {
                assertThat(AaveHealth.DEFAULT.healthFactorFast(aave.market(), new AavePrices(prices), account))
                        .as(account.id().value()).isGreaterThan(1.0);
            }
        }
    }

    @Test
    void morphoMarketIsWstethUsdcAt86Percent() {
        MorphoSetup market = MorphoSetup.of(protocol("morpho-blue", ProtocolSpec.IsolatedLending.class), S).get(0);
        assertThat(market.params().collateralToken()).isEqualTo(AssetId.of("wsteth"));
        assertThat(market.params().loanToken()).isEqualTo(AssetId.of("usdc"));
        assertThat(market.params().lltv()).isEqualTo(new BigInteger("860000000000000000"));
        assertThat(market.positions()).isNotEmpty();
    }

    @Test
    void makerEthAHasThePublishedLiquidationParametersAndSafeVaults() {
        MakerSetup maker = MakerSetup.of(protocol("maker", ProtocolSpec.CdpSystem.class), S);
        MakerSetup.IlkSetup ethA = maker.ilks().get(0);
        assertThat(ethA.ilk().mat()).isEqualTo(DssMath.parse("1.45", DssMath.RAY));
        assertThat(ethA.dogIlk().chop()).isEqualTo(DssMath.parse("1.13", DssMath.WAD));
        assertThat(ethA.clipper().buf()).isEqualTo(DssMath.parse("1.2", DssMath.RAY));
        assertThat(ethA.clipper().tail()).isEqualTo(8400);
        assertThat(ethA.clipper().cusp()).isEqualTo(DssMath.parse("0.4", DssMath.RAY));
        assertThat(ethA.oracle()).isEqualTo(OracleId.of("eth-osm"));
        // A vault is safe while ink x spot >= art x rate (Vat.frob, Dog.bark).
        ethA.vaults().forEach(v -> assertThat(v.ink().multiply(ethA.ilk().spot()))
                .as(v.owner().value()).isGreaterThanOrEqualTo(v.art().multiply(ethA.ilk().rate())));
    }
}
