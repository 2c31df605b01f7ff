package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A venue given on its own (the CLI's --venue-json), checked against the ecosystem it refers to. */
class InlineVenueReadTest {
    private static final EcosystemSnapshot CONTEXT = BundledEcosystems.load("defi-2025");

    @Test
    void readsAVenueAgainstTheEcosystemsAssets() {
        VenueSpec v = SnapshotReader.readVenue("{\"type\":\"constant-product\",\"id\":\"mine\",\"chain\":\"ethereum\","
                + "\"token0\":\"eth\",\"token1\":\"usdc\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}",
                "--venue-json", CONTEXT);
        assertThat(v).isInstanceOf(VenueSpec.ConstantProduct.class);
        assertThat(((VenueSpec.ConstantProduct) v).reserve1()).isEqualByComparingTo(new BigDecimal("10"));
    }

    @Test
    void unknownAssetIsReportedAtItsColumn() {
        String json = "{\"type\":\"constant-product\",\"id\":\"mine\",\"chain\":\"ethereum\",\"token0\":\"doge\","
                + "\"token1\":\"usdc\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}";
        assertThatThrownBy(() -> SnapshotReader.readVenue(json, "--venue-json", CONTEXT))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("--venue-json:1:" + (json.indexOf("\"token0\"") + 1))
                .hasMessageContaining("token0")
                .hasMessageContaining("doge");
    }

    @Test
    void clashingIdIsRejected() {
        String id = CONTEXT.venues().get(0).id().value();
        String json = "{\"type\":\"constant-product\",\"id\":\"" + id + "\",\"chain\":\"ethereum\",\"token0\":\"eth\","
                + "\"token1\":\"usdc\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}";
        assertThatThrownBy(() -> SnapshotReader.readVenue(json, "--venue-json", CONTEXT))
                .hasMessageContaining(id);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> SnapshotReader.readVenue("{\"type\": \"constant-product\",", "--venue-json", CONTEXT))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageMatching("(?s)--venue-json:1:\\d+: .*syntax error.*");
    }

    @Test
    void negativeReserveIsRejectedWithTheRule() {
        String json = "{\"type\":\"constant-product\",\"id\":\"mine\",\"chain\":\"ethereum\",\"token0\":\"eth\","
                + "\"token1\":\"usdc\",\"reserve0\":\"-5\",\"reserve1\":\"10\",\"feePips\":3000}";
        assertThatThrownBy(() -> SnapshotReader.readVenue(json, "--venue-json", CONTEXT))
                .hasMessageContaining("reserve0");
    }
}
