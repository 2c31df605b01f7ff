package dev.fracture.io;

import static dev.fracture.io.Resources.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The oracles and protocols sections: defaults, shape errors and model rules, each at its file position. */
class ProtocolSectionsReadTest {
    private static final String YAML = Resources.text("/snapshots/example.yaml");
    private static final String JSON = Resources.text("/snapshots/example.json");

    private static EcosystemSnapshot yaml(String text) {
        return SnapshotReader.read(text, "demo.yaml", Format.YAML);
    }

    private static String yamlError(String text) {
        try {
            yaml(text);
        } catch (SnapshotFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SnapshotFormatException");
    }

    @Test
    void readsEveryOracleAndProtocolTypeWithDefaults() {
        EcosystemSnapshot s = yaml(YAML);
        assertThat(s.oracles()).extracting(Schema::oracleType)
                .containsExactly("push", "push", "push", "twap", "delayed", "fallback");
        assertThat(s.protocols()).extracting(Schema::protocolType)
                .containsExactly("pooled-lending", "isolated-lending", "comet-lending", "cdp", "stability-pool");
        assertThat(s.oracle(OracleId.of("usdc-usd")).orElseThrow()).as("quote, decimals and delay default")
                .isEqualTo(new OracleSpec.Push(OracleId.of("usdc-usd"), AssetId.of("usdc"), "USD", 86400, 25, 8, 0));
        var aave = (ProtocolSpec.PooledLending) s.protocol(ProtocolId.of("aave-v3")).orElseThrow();
        assertThat(aave.reserves().get(1)).as("no fee, no caps, not isolated, no e-mode by default")
                .isEqualTo(new ProtocolSpec.PooledLending.Reserve(AssetId.of("usdc"), OracleId.of("usdc-usd"), 7500,
                        7800, 10450, 0, 0, 0, 0, true, 0));
        assertThat(aave.accounts().get(1).collaterals().get(0).usedAsCollateral()).as("default").isTrue();
        assertThat(aave.accounts().get(1).collaterals().get(1).usedAsCollateral()).isFalse();
        var maker = (ProtocolSpec.CdpSystem) s.protocol(ProtocolId.of("maker")).orElseThrow();
        assertThat(maker.ilks().get(0).clipper().calc()).isEqualTo(
                new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(90,
                        new BigInteger("990000000000000000000000000")));
        var comet = (ProtocolSpec.CometLending) s.protocol(ProtocolId.of("compound-v3-usdc")).orElseThrow();
        assertThat(comet.accounts().get(0).baseBalance()).isEqualTo(new BigDecimal("-30000"));
        assertThat(comet.accounts().get(1).collateral()).as("collateral defaults to none").isEmpty();
        var liquity = (ProtocolSpec.StabilityPoolSystem) s.protocol(ProtocolId.of("liquity")).orElseThrow();
        assertThat(liquity.troves()).containsExactly(new ProtocolSpec.StabilityPoolSystem.Trove(AccountId.of("grace"),
                new BigDecimal("25"), new BigDecimal("50000")));
    }

    @Test
    void jsonGivesTheSameOraclesAndProtocols() {
        EcosystemSnapshot json = SnapshotReader.read(JSON, "example.json", Format.JSON);
        assertThat(json.oracles()).isEqualTo(yaml(YAML).oracles());
        assertThat(json.protocols()).isEqualTo(yaml(YAML).protocols());
    }

    @Test
    void everyPriceCurveRoundTrips() {
        String stairstep = "{type: stairstep-exponential-decrease, step: 90, cut: \"990000000000000000000000000\"}";
        assertThat(YAML).contains(stairstep);
        for (String calc : new String[] {"{type: linear-decrease, tau: 3600}",
                "{type: exponential-decrease, cut: \"999900000000000000000000000\"}"}) {
            EcosystemSnapshot s = yaml(YAML.replace(stairstep, calc));
            for (Format format : Format.values()) {
                assertThat(SnapshotReader.read(SnapshotWriter.write(s, format), "out", format)).as(calc + " " + format)
                        .isEqualTo(s);
            }
        }
    }

    @Test
    void unknownProtocolTypeListsTheTypes() {
        String text = YAML.replace("type: isolated-lending", "type: morpho");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "type: morpho") + ": protocols[1].type: "
                + "unknown protocol type 'morpho' (expected one of: pooled-lending, isolated-lending, comet-lending, "
                + "cdp, stability-pool, perp-exchange, options-dealer)");
    }

    @Test
    void unknownOracleTypeListsTheTypes() {
        String text = YAML.replace("{type: delayed,", "{type: osm,");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "type: osm") + ": oracles[4].type: "
                + "unknown oracle type 'osm' (expected one of: push, twap, delayed, fallback)");
    }

    @Test
    void unknownFieldInANestedObjectIsNamed() {
        String text = YAML.replace("          tail: 8400\n", "          tial: 8400\n");
        assertThat(yamlError(text).split("\n")).containsExactly(
                "demo.yaml:" + at(text, "buf: \"1200") + ": protocols[3].ilks[0].clipper.tail: is required",
                "demo.yaml:" + at(text, "tial: 8400") + ": protocols[3].ilks[0].clipper.tial: unknown field 'tial' "
                        + "(expected one of: buf, tail, cusp, chip, tip, calc)");
    }

    @Test
    void booleanFieldRejectsOtherValues() {
        String text = YAML.replace("borrowableInIsolation: false", "borrowableInIsolation: nope");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "nope") + ": protocols[0].reserves[0]"
                + ".borrowableInIsolation: expected true or false, found 'nope'");
    }

    @Test
    void protocolRuleIsMappedBackToItsLine() {
        String text = YAML.replace("liquidationThresholdBps: 8300", "liquidationThresholdBps: 8000");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "liquidationThresholdBps: 8000")
                + ": protocols[0].reserves[0].liquidationThresholdBps: must be at least ltvBps 8050 (was 8000)");
    }

    @Test
    void ruleInsideAFlowMappingIsLocatedAtItsKey() {
        String text = YAML.replace("{owner: frank, ilk: ETH-A, ink: 100, art: 150000}",
                "{owner: frank, ilk: ETH-B, ink: 100, art: 150000}");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "ilk: ETH-B") + ": protocols[3].vaults[0].ilk: "
                + "unknown ilk 'ETH-B'");
    }

    @Test
    void oracleCycleIsReportedAtTheReference() {
        String text = YAML.replace("{type: delayed, id: eth-osm, source: eth-usd,",
                "{type: delayed, id: eth-osm, source: eth-osm,");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "source: eth-osm") + ": oracles[4].source: "
                + "oracle cycle eth-osm -> eth-osm");
    }

    @Test
    void amountFinerThanTheTokenIsReportedInJson() {
        String text = JSON.replace("\"amount\": 20000.5", "\"amount\": 20000.0000005");
        String message;
        try {
            SnapshotReader.read(text, "demo.json", Format.JSON);
            throw new AssertionError("expected a SnapshotFormatException");
        } catch (SnapshotFormatException e) {
            message = e.getMessage();
        }
        assertThat(message).isEqualTo("demo.json:" + at(text, "\"amount\": 20000.0000005")
                + ": protocols[0].accounts[0].debts[0].amount: has 7 fractional digits but asset 'usdc' has 6 decimals");
    }
}
