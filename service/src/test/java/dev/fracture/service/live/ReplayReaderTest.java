package dev.fracture.service.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay format of docs/api.md: what it reads, and every rule named with its line. */
class ReplayReaderTest {
    private static final List<AssetId> ASSETS = List.of(AssetId.of("eth"), AssetId.of("usdc"));

    @Test
    void readsPricesAndPositionsSkippingCommentsAndBlankLines() {
        List<ReplayEvent> events = ReplayReader.read(String.join("\n",
                "# a comment",
                "{\"atMs\": 0, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3100}",
                "",
                "{\"atMs\": 250, \"type\": \"position\", \"protocol\": \"aave-v3\", \"market\": \"pool\", "
                        + "\"account\": \"0xa\", \"asset\": \"usdc\", \"debt\": 60000}"), "r.jsonl", ASSETS);
        assertThat(events).containsExactly(new ReplayEvent.Price(0, "r.jsonl:2", AssetId.of("eth"), 3100),
                new ReplayEvent.PositionUpdate(250, "r.jsonl:4", new PositionChange("aave-v3", "pool", "0xa",
                        AssetId.of("usdc"), null, 60000.0, null)));
    }

    @Test
    void everyBadLineIsNamedWithItsRule() {
        String text = String.join("\n",
                "{\"atMs\": 5, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3000}",
                "{\"atMs\": 4, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3000}",
                "{\"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 3000}",
                "{\"atMs\": 6, \"type\": \"swap\", \"asset\": \"eth\"}",
                "{\"atMs\": 6, \"type\": \"price\", \"asset\": \"doge\", \"priceUsd\": 1}",
                "{\"atMs\": 6, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 0}",
                "{\"atMs\": 6, \"type\": \"price\", \"asset\": \"eth\", \"priceUsd\": 1, \"fee\": 2}",
                "{\"atMs\": 6, \"type\": \"position\", \"protocol\": \"p\", \"market\": \"m\", \"account\": \"a\", "
                        + "\"asset\": \"eth\"}",
                "{\"atMs\": 6, \"type\": \"position\", \"protocol\": \"p\", \"market\": \"m\", \"account\": \"a\", "
                        + "\"asset\": \"eth\", \"collateral\": -1}",
                "not json");
        assertThatThrownBy(() -> ReplayReader.read(text, "bad.jsonl", ASSETS))
                .hasMessageContaining("bad.jsonl:2: atMs: must not decrease (was 4 after 5)")
                .hasMessageContaining("bad.jsonl:3: atMs: required")
                .hasMessageContaining("bad.jsonl:4: type: must be price or position, was 'swap'")
                .hasMessageContaining("bad.jsonl:5: asset: 'doge' is not an asset of the ecosystem")
                .hasMessageContaining("bad.jsonl:6: priceUsd: must be > 0")
                .hasMessageContaining("bad.jsonl:7: fee: unknown field")
                .hasMessageContaining("bad.jsonl:8: a position event sets at least one of")
                .hasMessageContaining("bad.jsonl:9: collateral: a finite number >= 0")
                .hasMessageContaining("bad.jsonl:10: not a JSON object");
    }
}
