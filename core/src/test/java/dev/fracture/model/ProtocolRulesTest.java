package dev.fracture.model;

import static dev.fracture.model.SnapshotParts.aave;
import static dev.fracture.model.SnapshotParts.aaveAccount;
import static dev.fracture.model.SnapshotParts.balance;
import static dev.fracture.model.SnapshotParts.clipper;
import static dev.fracture.model.SnapshotParts.comet;
import static dev.fracture.model.SnapshotParts.ethA;
import static dev.fracture.model.SnapshotParts.liquity;
import static dev.fracture.model.SnapshotParts.maker;
import static dev.fracture.model.SnapshotParts.morpho;
import static dev.fracture.model.SnapshotParts.push;
import static dev.fracture.model.SnapshotParts.ray;
import static dev.fracture.model.SnapshotParts.reserve;
import static dev.fracture.model.SnapshotParts.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Oracle and protocol rules: each broken rule is reported once, at its field path, in words a user can act on. */
class ProtocolRulesTest {

    private static final ProtocolSpec.CdpSystem.Calc STAIRSTEP =
            new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(90, ray("0.99"));

    @Test
    void fixtureWithOraclesAndProtocolsIsValid() {
        SnapshotParts parts = new SnapshotParts();
        assertThat(parts.validate()).isEmpty();
        EcosystemSnapshot snapshot = parts.build();
        assertThat(snapshot.protocols()).hasSize(5);
        assertThat(snapshot.oracle(OracleId.of("eth-osm"))).containsInstanceOf(OracleSpec.Delayed.class);
        assertThat(snapshot.protocol(ProtocolId.of("maker"))).containsInstanceOf(ProtocolSpec.CdpSystem.class);
    }

    @Test
    void sixArgumentConstructorMeansNoOraclesAndNoProtocols() {
        SnapshotParts parts = new SnapshotParts();
        EcosystemSnapshot snapshot = new EcosystemSnapshot(parts.name, parts.asOf, parts.chains, parts.assets,
                parts.bridges, parts.venues);
        assertThat(snapshot.oracles()).isEmpty();
        assertThat(snapshot.protocols()).isEmpty();
    }

    @Test
    void listsAreCopiedSoTheSnapshotCannotChange() {
        SnapshotParts parts = new SnapshotParts();
        EcosystemSnapshot snapshot = parts.build();
        parts.protocols.clear();
        assertThat(snapshot.protocols()).hasSize(5);
        assertThatThrownBy(() -> snapshot.oracles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructionThrowsWithEveryViolation() {
        SnapshotParts parts = new SnapshotParts();
        parts.protocols.set(1, morpho(wad("1"), "1000000", position("bob", "10", "20000")));
        parts.oracles.set(0, push("eth-usd", "eth", 0, 50));
        assertThatThrownBy(parts::build).isInstanceOf(SnapshotValidationException.class)
                .hasMessageContaining("oracles[0].heartbeatSeconds")
                .hasMessageContaining("protocols[1].markets[0].lltv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSnapshots")
    void reportsTheBrokenRuleAtItsPath(String rule, Consumer<SnapshotParts> breakIt, String path, String message) {
        SnapshotParts parts = new SnapshotParts();
        breakIt.accept(parts);
        assertThat(parts.validate()).containsExactly(new Violation(path, message));
    }

    private static Arguments broken(String rule, Consumer<SnapshotParts> breakIt, String path, String message) {
        return Arguments.of(rule, breakIt, path, message);
    }

    private static ProtocolSpec.IsolatedLending.Position position(String account, String collateral, String borrow) {
        return new ProtocolSpec.IsolatedLending.Position(AccountId.of(account), new BigDecimal(collateral),
                new BigDecimal(borrow));
    }

    static Stream<Arguments> brokenSnapshots() {
        return Stream.of(
                // oracles
                broken("duplicate oracle id", p -> p.oracles.add(push("eth-usd", "eth", 3600, 50)),
                        "oracles[7].id", "duplicate oracle id 'eth-usd' (first defined at oracles[0])"),
                broken("zero heartbeat", p -> p.oracles.set(0, push("eth-usd", "eth", 0, 50)),
                        "oracles[0].heartbeatSeconds", "must be a finite number greater than 0 (was 0)"),
                broken("deviation above 100%", p -> p.oracles.set(0, push("eth-usd", "eth", 3600, 10_001)),
                        "oracles[0].deviationBps", "must be between 0 and 10000 (was 10001)"),
                broken("unknown feed asset", p -> p.oracles.set(1, push("usdc-usd", "usdt", 86400, 25)),
                        "oracles[1].asset", "unknown asset 'usdt'"),
                broken("blank quote", p -> p.oracles.set(2, new OracleSpec.Push(OracleId.of("dai-usd"),
                                AssetId.of("dai"), " ", 3600, 25, 8, 0)),
                        "oracles[2].quote", "must not be blank"),
                broken("zero TWAP window", p -> p.oracles.set(4, new OracleSpec.Twap(OracleId.of("eth-twap"),
                                AssetId.of("eth"), VenueId.of("uni-v3"), 0)),
                        "oracles[4].windowSeconds", "must be a finite number greater than 0 (was 0)"),
                broken("unknown TWAP venue", p -> p.oracles.set(4, new OracleSpec.Twap(OracleId.of("eth-twap"),
                                AssetId.of("eth"), VenueId.of("sushi"), 1800)),
                        "oracles[4].venue", "unknown venue 'sushi'"),
                broken("TWAP of an asset the venue does not trade", p -> p.oracles.add(new OracleSpec.Twap(
                                OracleId.of("dai-twap"), AssetId.of("dai"), VenueId.of("uni-v3"), 1800)),
                        "oracles[7].asset", "asset 'dai' is not traded on venue 'uni-v3' (trades usdc, eth)"),
                broken("unknown delayed source", p -> p.oracles.set(5, new OracleSpec.Delayed(OracleId.of("eth-osm"),
                                OracleId.of("eth-median"), 3600)),
                        "oracles[5].source", "unknown oracle 'eth-median'"),
                broken("zero hop", p -> p.oracles.set(5, new OracleSpec.Delayed(OracleId.of("eth-osm"),
                                OracleId.of("eth-usd"), 0)),
                        "oracles[5].hopSeconds", "must be a finite number greater than 0 (was 0)"),
                broken("delayed feed reading itself", p -> p.oracles.set(5, new OracleSpec.Delayed(
                                OracleId.of("eth-osm"), OracleId.of("eth-osm"), 3600)),
                        "oracles[5].source", "oracle cycle eth-osm -> eth-osm"),
                broken("two delayed feeds reading each other", p -> {
                    p.oracles.add(new OracleSpec.Delayed(OracleId.of("a"), OracleId.of("b"), 60));
                    p.oracles.add(new OracleSpec.Delayed(OracleId.of("b"), OracleId.of("a"), 60));
                }, "oracles[7].source", "oracle cycle a -> b -> a"),
                broken("fallback equal to primary", p -> p.oracles.set(6, new OracleSpec.Fallback(
                                OracleId.of("eth-fallback"), OracleId.of("eth-usd"), OracleId.of("eth-usd"), 14_400,
                                14_400, 0.5, 0.05)),
                        "oracles[6].fallback", "must differ from primary (both 'eth-usd')"),
                broken("fallback of another asset", p -> p.oracles.set(6, new OracleSpec.Fallback(
                                OracleId.of("eth-fallback"), OracleId.of("eth-usd"), OracleId.of("dai-usd"), 14_400,
                                14_400, 0.5, 0.05)),
                        "oracles[6].fallback", "oracle 'dai-usd' prices 'dai', not 'eth' as the primary does"),
                broken("source difference of 100%", p -> p.oracles.set(6, new OracleSpec.Fallback(
                                OracleId.of("eth-fallback"), OracleId.of("eth-usd"), OracleId.of("eth-twap"), 14_400,
                                14_400, 0.5, 1)),
                        "oracles[6].maxSourceDifference", "must be strictly between 0 and 1 (was 1)"),
                // every protocol
                broken("duplicate protocol id", p -> p.protocols.add(comet()),
                        "protocols[5].id", "duplicate protocol id 'comet' (first defined at protocols[2])"),
                broken("unknown protocol chain", p -> p.protocols.set(1, new ProtocolSpec.IsolatedLending(
                                ProtocolId.of("morpho"), ChainId.of("base"), List.of())),
                        "protocols[1].chain", "unknown chain 'base'"),
                broken("asset on another chain", p -> {
                    p.oracles.add(push("usdc-arb-usd", "usdc-arb", 86400, 25));
                    p.protocols.set(0, aave(List.of(
                                reserve("eth", "eth-usd", 8050, 8300, 10500, 1),
                                reserve("usdc", "usdc-usd", 7500, 7800, 10450, 0),
                                reserve("wsteth", "wsteth-usd", 7850, 8100, 10600, 1),
                                reserve("usdc-arb", "usdc-arb-usd", 7500, 7800, 10450, 0)), List.of()));
                }, "protocols[0].reserves[3].asset",
                        "asset 'usdc-arb' is on chain 'arbitrum', not on the protocol's chain 'ethereum'"),
                broken("oracle pricing another asset", p -> p.protocols.set(4, liquity(wad("1.1"), wad("1.5"),
                                "dai-usd")),
                        "protocols[4].oracle", "oracle 'dai-usd' prices 'dai', not 'eth'"),
                broken("unknown oracle", p -> p.protocols.set(4, liquity(wad("1.1"), wad("1.5"), "eth-chronicle")),
                        "protocols[4].oracle", "unknown oracle 'eth-chronicle'"),
                // pooled lending (Aave v3)
                broken("threshold below LTV", p -> p.protocols.set(0, aaveWith(
                                reserve("usdc", "usdc-usd", 8000, 7800, 10450, 0))),
                        "protocols[0].reserves[1].liquidationThresholdBps", "must be at least ltvBps 8000 (was 7800)"),
                broken("bonus below 100%", p -> p.protocols.set(0, aaveWith(
                                reserve("usdc", "usdc-usd", 7500, 7800, 450, 0))),
                        "protocols[0].reserves[1].liquidationBonusBps",
                        "must be at least 10000 (100%: the bonus includes the repaid principal) (was 450)"),
                broken("threshold times bonus above 100%", p -> p.protocols.set(0, aaveWith(
                                reserve("usdc", "usdc-usd", 9000, 9500, 10600, 0))),
                        "protocols[0].reserves[1].liquidationBonusBps",
                        "liquidationThresholdBps x liquidationBonusBps must be at most 100% (was 9500 x 10600)"),
                broken("protocol fee above 100%", p -> p.protocols.set(0, aaveWith(
                                new ProtocolSpec.PooledLending.Reserve(AssetId.of("usdc"), OracleId.of("usdc-usd"),
                                        7500, 7800, 10450, 10_001, 0, 0, 0, true, 0))),
                        "protocols[0].reserves[1].liquidationProtocolFeeBps",
                        "must be between 0 and 10000 (was 10001)"),
                broken("unknown e-mode category", p -> p.protocols.set(0, aaveWith(
                                reserve("usdc", "usdc-usd", 7500, 7800, 10450, 2))),
                        "protocols[0].reserves[1].eModeCategory", "unknown e-mode category 2"),
                broken("duplicate reserve", p -> p.protocols.set(0, aave(List.of(
                                reserve("eth", "eth-usd", 8050, 8300, 10500, 1),
                                reserve("usdc", "usdc-usd", 7500, 7800, 10450, 0),
                                reserve("eth", "eth-usd", 8050, 8300, 10500, 1)), List.of())),
                        "protocols[0].reserves[2].asset",
                        "duplicate reserve 'eth' (first at protocols[0].reserves[0])"),
                broken("debt in an asset that is not a reserve", p -> p.protocols.set(0, aave(aave().reserves(),
                                List.of(aaveAccount("alice", 0, "eth", "10", "dai", "100")))),
                        "protocols[0].accounts[0].debts[0].asset", "asset 'dai' is not a reserve of protocol 'aave'"),
                broken("negative collateral", p -> p.protocols.set(0, aave(aave().reserves(),
                                List.of(aaveAccount("alice", 0, "eth", "-1", "usdc", "100")))),
                        "protocols[0].accounts[0].collaterals[0].amount", "must not be negative (was -1)"),
                broken("more digits than the token has", p -> p.protocols.set(0, aave(aave().reserves(),
                                List.of(aaveAccount("alice", 0, "eth", "10", "usdc", "0.0000001")))),
                        "protocols[0].accounts[0].debts[0].amount",
                        "has 7 fractional digits but asset 'usdc' has 6 decimals"),
                broken("duplicate account", p -> p.protocols.set(0, aave(aave().reserves(),
                                List.of(aaveAccount("alice", 0, "eth", "10", "usdc", "1"),
                                        aaveAccount("alice", 1, "eth", "1", "usdc", "1")))),
                        "protocols[0].accounts[1].id",
                        "duplicate account id 'alice' (first at protocols[0].accounts[0])"),
                // isolated lending (Morpho Blue)
                broken("LLTV of 1", p -> p.protocols.set(1, morpho(wad("1"), "1000000", position("bob", "10", "1"))),
                        "protocols[1].markets[0].lltv",
                        "must be strictly between 0 and 1000000000000000000 (1 WAD) (was 1000000000000000000)"),
                broken("borrows above supply", p -> p.protocols.set(1, morpho(wad("0.86"), "100",
                                position("bob", "10", "100.5"))),
                        "protocols[1].markets[0].totalSupply", "must cover the positions' borrows of 100.5 (was 100)"),
                broken("negative borrow", p -> p.protocols.set(1, morpho(wad("0.86"), "100",
                                position("bob", "10", "-1"))),
                        "protocols[1].markets[0].positions[0].borrow", "must not be negative (was -1)"),
                // Comet
                broken("borrow factor not below liquidate factor", p -> p.protocols.set(2, comet(wad("0.9"),
                                wad("0.9"), balance("eth", "5"))),
                        "protocols[2].assets[0].borrowCollateralFactor",
                        "must be below liquidateCollateralFactor 900000000000000000 (was 900000000000000000)"),
                broken("collateral the market does not take", p -> p.protocols.set(2, comet(wad("0.825"),
                                wad("0.895"), balance("wsteth", "5"))),
                        "protocols[2].accounts[0].collateral[0].asset",
                        "asset 'wsteth' is not a collateral asset of protocol 'comet'"),
                // CDP (Maker)
                broken("mat below 1 RAY", p -> p.protocols.set(3, makerWith(ethA(ray("0.9"), wad("1.13"),
                                clipper(ray("1.2"), ray("0.4"), STAIRSTEP)))),
                        "protocols[3].ilks[0].mat",
                        "must be at least 1000000000000000000000000000 (1 RAY) (was 900000000000000000000000000)"),
                broken("chop below 1 WAD", p -> p.protocols.set(3, makerWith(ethA(ray("1.45"), wad("0.13"),
                                clipper(ray("1.2"), ray("0.4"), STAIRSTEP)))),
                        "protocols[3].ilks[0].chop",
                        "must be at least 1000000000000000000 (1 WAD) (was 130000000000000000)"),
                broken("buf below 1 RAY", p -> p.protocols.set(3, makerWith(ethA(ray("1.45"), wad("1.13"),
                                clipper(ray("0.99"), ray("0.4"), STAIRSTEP)))),
                        "protocols[3].ilks[0].clipper.buf",
                        "must be at least 1000000000000000000000000000 (1 RAY) (was 990000000000000000000000000)"),
                broken("cusp of 1 RAY", p -> p.protocols.set(3, makerWith(ethA(ray("1.45"), wad("1.13"),
                                clipper(ray("1.2"), ray("1"), STAIRSTEP)))),
                        "protocols[3].ilks[0].clipper.cusp", "must be strictly between 0 and "
                                + "1000000000000000000000000000 (1 RAY) (was 1000000000000000000000000000)"),
                broken("zero step", p -> p.protocols.set(3, makerWith(ethA(ray("1.45"), wad("1.13"),
                                clipper(ray("1.2"), ray("0.4"),
                                        new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(0, ray("0.99")))))),
                        "protocols[3].ilks[0].clipper.calc.step", "must be a finite number greater than 0 (was 0)"),
                broken("vault in an unknown ilk", p -> p.protocols.set(3, maker(SnapshotParts.maker().ilks().get(0),
                                new ProtocolSpec.CdpSystem.Vault(AccountId.of("dave"), "ETH-B", BigDecimal.ONE,
                                        BigDecimal.ONE))),
                        "protocols[3].vaults[0].ilk", "unknown ilk 'ETH-B'"),
                // stability pool (Liquity)
                broken("ccr below mcr", p -> p.protocols.set(4, liquity(wad("1.5"), wad("1.1"), "eth-fallback")),
                        "protocols[4].ccr", "must be at least mcr 1500000000000000000 (was 1100000000000000000)"));
    }

    private static ProtocolSpec.PooledLending aaveWith(ProtocolSpec.PooledLending.Reserve usdc) {
        return aave(List.of(reserve("eth", "eth-usd", 8050, 8300, 10500, 1), usdc,
                reserve("wsteth", "wsteth-usd", 7850, 8100, 10600, 1)), List.of());
    }

    private static ProtocolSpec.CdpSystem makerWith(ProtocolSpec.CdpSystem.Ilk ilk) {
        return maker(ilk, SnapshotParts.maker().vaults().get(0));
    }
}
