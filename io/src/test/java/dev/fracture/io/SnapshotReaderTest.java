package dev.fracture.io;

import static dev.fracture.io.Resources.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.BridgeId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
    private static final String YAML = Resources.text("/snapshots/example.yaml");
    private static final String JSON = Resources.text("/snapshots/example.json");

    private static EcosystemSnapshot yaml(String text) {
        return SnapshotReader.read(text, "demo.yaml", Format.YAML);
    }

    private static String yamlError(String text) {
        return catchMessage(() -> yaml(text));
    }

    private static String catchMessage(Runnable read) {
        try {
            read.run();
        } catch (SnapshotFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SnapshotFormatException");
    }

    @Test
    void readsTheExample() {
        EcosystemSnapshot s = yaml(YAML);
        assertThat(s.name()).isEqualTo("example");
        assertThat(s.asOf()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(s.chains()).hasSize(2);
        assertThat(s.assets()).hasSize(11);
        assertThat(s.asset(AssetId.of("weth-arb")).orElseThrow().kind()).isEqualTo(new AssetKind.Bridged(
                AssetId.of("eth"), BridgeId.of("arbitrum-canonical"), BigDecimal.ONE));
        assertThat(s.asset(AssetId.of("usdt")).orElseThrow().kind())
                .as("pegPrice defaults to 1").isEqualTo(new AssetKind.Stablecoin("USD", BigDecimal.ONE));
        assertThat(s.chains().get(1).gas().maxBaseFeeChangePerBlock()).as("EIP-1559 default").isEqualTo(0.125);
        var pool = (VenueSpec.ConcentratedLiquidity) s.venue(VenueId.of("uniswap-v3-weth-usdc-arb")).orElseThrow();
        assertThat(pool.sqrtPriceX96()).isEqualTo(new BigInteger("4481821677982891193498555"));
        assertThat(pool.positions().get(1).liquidity()).isEqualTo(new BigInteger("888000000000000000"));
        var curve = (VenueSpec.StableSwap) s.venue(VenueId.of("curve-usdc-usdt")).orElseThrow();
        assertThat(curve.balances()).containsExactly(new BigDecimal("25000000"), new BigDecimal("24000000.5"));
    }

    @Test
    void yamlAndJsonGiveEqualSnapshots() {
        assertThat(SnapshotReader.read(JSON, "example.json", Format.JSON)).isEqualTo(yaml(YAML));
    }

    @Test
    void readsFilesInTheFormatTheirExtensionNames(@TempDir Path dir) throws IOException {
        Path yml = Files.writeString(dir.resolve("example.yml"), YAML);
        Path json = Files.writeString(dir.resolve("example.json"), JSON);
        assertThat(SnapshotReader.read(yml)).isEqualTo(SnapshotReader.read(json));
        Path txt = Files.writeString(dir.resolve("example.txt"), YAML);
        assertThatThrownBy(() -> SnapshotReader.read(txt)).hasMessageContaining("unknown snapshot format");
    }

    @Test
    void amountsAreReadExactlyNeverThroughDouble() {
        String text = YAML.replace("reserve1: 3750", "reserve1: 3750.123456789012345678");
        var pair = (VenueSpec.ConstantProduct) yaml(text).venues().get(0);
        assertThat(pair.reserve1()).isEqualTo(new BigDecimal("3750.123456789012345678"));
        String json = JSON.replace("\"reserve1\": 3750", "\"reserve1\": 3750.123456789012345678");
        var jsonPair = (VenueSpec.ConstantProduct) SnapshotReader.read(json, "x.json", Format.JSON).venues().get(0);
        assertThat(jsonPair.reserve1()).isEqualTo(new BigDecimal("3750.123456789012345678"));
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
        String text = YAML.replace("    name: Ethereum\n", "    name: Ethereum\n   bad: : indent\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:8:4: syntax error: while parsing a block collection: "
                + "expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void jsonSyntaxErrorNamesFileLineAndColumn() {
        String text = "{\n  \"name\": \"x\",\n  \"asOf\": }\n";
        assertThat(catchMessage(() -> SnapshotReader.read(text, "bad.json", Format.JSON)))
                .isEqualTo("bad.json:3:11: syntax error: Unexpected character ('}' (code 125)): expected a value");
    }

    @Test
    void typeErrorNamesTheFieldAndWhatWasFound() {
        String text = YAML.replaceFirst("decimals: 6\n", "decimals: six\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "six") + ": assets[1].decimals: "
                + "expected an integer, found 'six'");
    }

    @Test
    void listWhereAnObjectBelongsIsATypeError() {
        String text = YAML.replace("gas: {baseFeeGwei: 0.01, priorityFeeGwei: 0}", "gas: [0.01, 0]");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "[0.01") + ": chains[1].gas: "
                + "expected an object, found a list");
    }

    @Test
    void unknownFieldIsNamedWithTheFieldsAllowed() {
        String text = YAML.replace("    feeBps: 0\n", "    feeBps: 0\n    feeBsp: 5\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "feeBsp") + ": bridges[0].feeBsp: "
                + "unknown field 'feeBsp' (expected one of: id, chainA, chainB, latencySeconds, capacityPerHourUsd, "
                + "feeBps, status)");
    }

    @Test
    void missingRequiredFieldIsReportedAtItsObject() {
        String text = YAML.replace("    symbol: stETH\n", "");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "id: steth") + ": assets[3].symbol: is required");
    }

    @Test
    void readsAWrapperOfALiquidStakingToken() {
        String text = YAML.replaceFirst("\noracles:\n",
                "\n  - {type: wrapper, id: lido-steth, chain: ethereum, wrapped: steth, underlying: eth}\noracles:\n");
        EcosystemSnapshot s = yaml(text);
        assertThat(s.venue(dev.fracture.model.VenueId.of("lido-steth"))).contains(new dev.fracture.model.VenueSpec.Wrapper(
                dev.fracture.model.VenueId.of("lido-steth"), dev.fracture.model.ChainId.of("ethereum"),
                dev.fracture.model.AssetId.of("steth"), dev.fracture.model.AssetId.of("eth")));
    }

    @Test
    void aWrapperMustWrapALiquidStakingTokenOnItsUnderlying() {
        String text = YAML.replaceFirst("\noracles:\n",
                "\n  - {type: wrapper, id: wrap-uni, chain: ethereum, wrapped: uni, underlying: eth}\noracles:\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "wrapped: uni") + ": venues[4].wrapped: "
                + "asset 'uni' must be a liquid-staking token to be wrapped (its kind is token)");
        String wrongUnderlying = YAML.replaceFirst("\noracles:\n",
                "\n  - {type: wrapper, id: lido-steth, chain: ethereum, wrapped: steth, underlying: usdc}\noracles:\n");
        assertThat(yamlError(wrongUnderlying)).isEqualTo("demo.yaml:" + at(wrongUnderlying, "underlying: usdc") + ": "
                + "venues[4].underlying: must be 'eth', the underlying of 'steth' (was 'usdc')");
    }

    @Test
    void unknownVenueTypeListsTheTypes() {
        String text = YAML.replace("type: order-book", "type: rfq");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "type: rfq") + ": venues[3].type: "
                + "unknown venue type 'rfq' (expected one of: constant-product, concentrated-liquidity, stable-swap, "
                + "order-book, wrapper)");
    }

    @Test
    void unknownAssetKindListsTheKinds() {
        String text = YAML.replace("{type: token}", "{type: meme}");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "type: meme") + ": assets[5].kind.type: "
                + "unknown asset kind 'meme' (expected one of: native, token, stablecoin, liquid-staking, bridged, "
                + "receipt)");
    }

    @Test
    void modelViolationIsMappedBackToItsLine() {
        String text = YAML.replace("    decimals: 18\n    referencePriceUsd: 3195", "    decimals: 40\n"
                + "    referencePriceUsd: 3195");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "decimals: 40") + ": assets[3].decimals: "
                + "must be between 0 and 36 (was 40)");
    }

    @Test
    void modelViolationInJsonIsMappedBackToItsLine() {
        String text = JSON.replace("\"feePips\": 3000", "\"feePips\": 1000000");
        assertThat(catchMessage(() -> SnapshotReader.read(text, "demo.json", Format.JSON)))
                .isEqualTo("demo.json:" + at(text, "\"feePips\": 1000000") + ": venues[0].feePips: "
                        + "must be between 0 and 999999 (was 1000000)");
    }

    @Test
    void everyViolationIsReportedOnePerLineInFileOrder() {
        String text = YAML.replace("blockTimeSeconds: 0.25", "blockTimeSeconds: 0")
                .replace("- {price: 3199, size: 120.25}", "- {price: 3199.5, size: 120.25}")
                .replace("bridge: arbitrum-canonical", "bridge: wormhole");
        assertThat(yamlError(text).split("\n")).containsExactly(
                "demo.yaml:" + at(text, "blockTimeSeconds: 0\n") + ": chains[1].blockTimeSeconds: "
                        + "must be a finite number greater than 0 (was 0)",
                "demo.yaml:" + at(text, "bridge: wormhole") + ": assets[7].kind.bridge: unknown bridge 'wormhole'",
                "demo.yaml:" + at(text, "price: 3199.5, size: 120.25") + ": venues[3].bids[1].price: "
                        + "must be below the previous bid 3199.5 (bids are strictly descending) (was 3199.5)");
    }

    @Test
    void fieldsInFlowMappingsAreLocatedAtTheirKey() {
        String text = YAML.replace("{type: bridged, origin: eth,", "{type: bridged, origin: eht,");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "origin: eht") + ": assets[7].kind.origin: "
                + "unknown asset 'eht'");
    }

    @Test
    void infiniteYamlNumberBreaksTheFiniteRule() {
        String text = YAML.replace("referencePriceUsd: 7.5", "referencePriceUsd: .inf");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "referencePriceUsd: .inf")
                + ": assets[5].referencePriceUsd: must be a finite number greater than 0 (was Infinity)");
    }

    @Test
    void priceAndSqrtPriceTogetherAreRejected() {
        String text = YAML.replace("    price: 3200\n", "    price: 3200\n    sqrtPriceX96: 79228162514264337593543950336\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "type: concentrated-liquidity")
                + ": venues[1].sqrtPriceX96: exactly one of sqrtPriceX96 and price is required");
    }

    @Test
    void neitherPriceNorSqrtPriceIsRejected() {
        String text = YAML.replace("    price: 3200\n", "");
        assertThat(yamlError(text)).endsWith(": venues[1].sqrtPriceX96: exactly one of sqrtPriceX96 and price is required");
    }

    @Test
    void sqrtPriceGivenDirectlyIsKeptAsIs() {
        String text = YAML.replace("    price: 3200\n", "    sqrtPriceX96: \"4481821677982891193498555\"\n");
        assertThat(yaml(text)).isEqualTo(yaml(YAML));
    }

    @Test
    void convertedPriceOutOfRangeIsReportedAtThePrice() {
        String text = YAML.replace("    price: 3200\n", "    price: 0.00000000000000000000000000000001\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "price: 0.0000")
                + ": venues[1].sqrtPriceX96: must be at least 4295128739 and below "
                + "1461446703485210103287273052203988822378723970342 (was 7922816)");
    }

    @Test
    void priceOnAPoolWithAnUnknownTokenReportsOnlyTheToken() {
        String text = YAML.replace("token0: weth-arb", "token0: wbtc-arb");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "token0: wbtc-arb") + ": venues[1].token0: "
                + "unknown asset 'wbtc-arb'");
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        String text = YAML.replace("    feeBps: 0\n", "    feeBps: 0\n    feeBps: 1\n");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "feeBps: 1") + ": duplicate field 'feeBps'");
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThat(yamlError("# nothing\n")).isEqualTo("demo.yaml:1:1: empty document: expected a snapshot object");
    }

    @Test
    void rootMustBeAnObject() {
        assertThat(yamlError("- a\n- b\n")).isEqualTo("demo.yaml:1:1: expected an object, found a list");
    }

    @Test
    void idWithWhitespaceIsRejectedAtItsKey() {
        String text = YAML.replace("id: curve-usdc-usdt", "id: curve usdc");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "id: curve usdc") + ": venues[2].id: "
                + "venue id 'curve usdc' must not contain whitespace");
    }

    @Test
    void badTimestampIsATypeError() {
        String text = YAML.replace("asOf: 2025-06-01T00:00:00Z", "asOf: yesterday");
        assertThat(yamlError(text)).isEqualTo("demo.yaml:" + at(text, "yesterday") + ": asOf: "
                + "expected an ISO-8601 instant such as 2025-06-01T00:00:00Z (was 'yesterday')");
    }
}
