package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bridge paths follow each asset's bridging lineage: USDC on chain A is the root, USDC.B is minted from it by bridge
 * a-b, USDC.C from USDC.B by bridge b-c, and ETH.C from ETH by bridge a-c.
 */
class MarketBridgePathTest {
    private static final ChainId A = ChainId.of("a");
    private static final ChainId B = ChainId.of("b");
    private static final ChainId C = ChainId.of("c");

    private static Market market(BridgeStatus abStatus) {
        List<Chain> chains = List.of(
                new Chain(A, "A", 12, AssetId.of("ETH"), GasPriceModel.of(1, 0)),
                new Chain(B, "B", 2, AssetId.of("GAS.B"), GasPriceModel.of(1, 0)),
                new Chain(C, "C", 1, AssetId.of("GAS.C"), GasPriceModel.of(1, 0)));
        List<Asset> assets = List.of(
                new Asset(AssetId.of("ETH"), A, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(AssetId.of("GAS.B"), B, "GB", 18, new AssetKind.Native(), 1),
                new Asset(AssetId.of("GAS.C"), C, "GC", 18, new AssetKind.Native(), 1),
                new Asset(AssetId.of("USDC"), A, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
                new Asset(AssetId.of("USDC.B"), B, "USDC", 6,
                        new AssetKind.Bridged(AssetId.of("USDC"), BridgeId.of("a-b"), BigDecimal.ONE), 1),
                new Asset(AssetId.of("USDC.C"), C, "USDC", 6,
                        new AssetKind.Bridged(AssetId.of("USDC.B"), BridgeId.of("b-c"), BigDecimal.ONE), 1),
                new Asset(AssetId.of("ETH.C"), C, "ETH", 18,
                        new AssetKind.Bridged(AssetId.of("ETH"), BridgeId.of("a-c"), BigDecimal.ONE), 2000));
        List<Bridge> bridges = List.of(
                new Bridge(BridgeId.of("a-b"), A, B, 60, 1e9, 1, abStatus),
                new Bridge(BridgeId.of("b-c"), B, C, 60, 1e9, 1, BridgeStatus.OPEN),
                new Bridge(BridgeId.of("a-c"), A, C, 60, 1e9, 1, BridgeStatus.OPEN));
        return Market.of(new EcosystemSnapshot("paths", Instant.EPOCH, chains, assets, bridges, List.of()), List.of());
    }

    private static List<String> path(Market m, String from, String to) {
        return m.bridgePath(AssetId.of(from), AssetId.of(to)).orElseThrow().stream().map(b -> b.id().value()).toList();
    }

    @Test
    void climbsToTheCommonOriginAndComesDown() {
        Market m = market(BridgeStatus.OPEN);
        assertThat(path(m, "USDC.C", "USDC")).containsExactly("b-c", "a-b");
        assertThat(path(m, "USDC", "USDC.C")).containsExactly("a-b", "b-c");
        assertThat(path(m, "USDC.B", "USDC.C")).containsExactly("b-c");
        assertThat(path(m, "USDC", "USDC")).isEmpty();
        assertThat(path(m, "ETH", "ETH.C")).containsExactly("a-c");
    }

    @Test
    void tokensNeverCrossABridgeThatDoesNotMintThem() {
        Market m = market(BridgeStatus.OPEN);
        // a-c joins A and C, but it mints ETH.C, not USDC.C: USDC goes round through B.
        assertThat(path(m, "USDC", "USDC.C")).doesNotContain("a-c");
    }

    @Test
    void differentFamiliesOrAClosedBridgeHaveNoPath() {
        assertThat(market(BridgeStatus.OPEN).bridgePath(AssetId.of("USDC.C"), AssetId.of("ETH"))).isEmpty();
        assertThat(market(BridgeStatus.HALTED).bridgePath(AssetId.of("USDC.C"), AssetId.of("USDC"))).isEmpty();
        assertThat(market(BridgeStatus.EXPLOITED).bridgePath(AssetId.of("USDC"), AssetId.of("USDC.B"))).isEmpty();
    }

    @Test
    void familiesFollowBridgedOrigins() {
        Market m = market(BridgeStatus.OPEN);
        assertThat(m.family(AssetId.of("USDC.C"))).isEqualTo(AssetId.of("USDC"));
        assertThat(m.family(AssetId.of("ETH.C"))).isEqualTo(AssetId.of("ETH"));
    }
}
