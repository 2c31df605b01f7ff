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
        // 18 hand-written accounts and the populations' counts: 4,000 + 1,500 + 1,200 + 600 + 3,000.
        assertThat(spec.accounts()).hasSize(18 + 4000 + 1500 + 1200 + 600 + 3000);
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

    /**
     * Aave's supply and borrow caps (ValidationLogic.validateSupply / validateBorrow) bound what the positions may
     * hold: no reserve of any deployment is over its caps.
     */
    @Test
    void noAaveReserveIsOverItsCaps() {
        for (String id : new String[] {"aave-v3", "aave-v3-arbitrum", "aave-v3-base"}) {
            var spec = protocol(id, ProtocolSpec.PooledLending.class);
            Map<AssetId, BigDecimal> supplied = new HashMap<>();
            Map<AssetId, BigDecimal> borrowed = new HashMap<>();
            for (var a : spec.accounts()) {
                a.collaterals().forEach(c -> supplied.merge(c.asset(), c.amount(), BigDecimal::add));
                a.debts().forEach(d -> borrowed.merge(d.asset(), d.amount(), BigDecimal::add));
            }
            for (var r : spec.reserves()) {
                assertThat(supplied.getOrDefault(r.asset(), BigDecimal.ZERO)).as(id + " " + r.asset() + " supplied")
                        .isLessThanOrEqualTo(BigDecimal.valueOf(r.supplyCap()));
                assertThat(borrowed.getOrDefault(r.asset(), BigDecimal.ZERO)).as(id + " " + r.asset() + " borrowed")
                        .isLessThanOrEqualTo(BigDecimal.valueOf(r.borrowCap()));
            }
        }
    }

    /**
     * The populations put each protocol's debt at the order of magnitude of its mid-2025 public figure
     * (docs/calibration.md): Aave v3 Ethereum about 10^10 USD, Morpho Blue's three markets and Compound v3 USDC about
     * 10^9 and 10^8.7, Maker's ETH vaults about 10^8.6.
     */
    @Test
    void protocolDebtHasThePublishedOrderOfMagnitude() {
        assertThat(Math.log10(debtUsd("aave-v3"))).isBetween(9.5, 10.5);
        assertThat(Math.log10(debtUsd("morpho-blue"))).isBetween(8.5, 9.5);
        assertThat(Math.log10(debtUsd("compound-v3-usdc"))).isBetween(8.2, 9.2);
        assertThat(Math.log10(debtUsd("maker"))).isBetween(8.1, 9.1);
    }

    private static double debtUsd(String id) {
        ProtocolSpec p = S.protocol(ProtocolId.of(id)).orElseThrow();
        double usd = 0;
        if (p instanceof ProtocolSpec.PooledLending l) {
            for (var a : l.accounts()) {
                for (var d : a.debts()) {
                    usd += d.amount().doubleValue() * S.asset(d.asset()).orElseThrow().referencePriceUsd();
                }
            }
        } else if (p instanceof ProtocolSpec.IsolatedLending m) {
            for (var market : m.markets()) {
                double price = S.asset(market.loanAsset()).orElseThrow().referencePriceUsd();
                usd += market.positions().stream().mapToDouble(q -> q.borrow().doubleValue() * price).sum();
            }
        } else if (p instanceof ProtocolSpec.CometLending c) {
            usd = -c.accounts().stream().mapToDouble(a -> Math.min(0, a.baseBalance().doubleValue())).sum();
        } else if (p instanceof ProtocolSpec.CdpSystem cdp) {
            for (var v : cdp.vaults()) {
                usd += v.art().doubleValue() * new BigDecimal(cdp.ilks().stream().filter(i -> i.name().equals(v.ilk()))
                        .findFirst().orElseThrow().rate()).movePointLeft(27).doubleValue();
            }
        }
        return usd;
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
