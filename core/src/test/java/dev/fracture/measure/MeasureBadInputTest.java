package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.SnapshotParts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad inputs to the measures get a message naming the input and the rule. */
class MeasureBadInputTest {
    private final EcosystemSnapshot snapshot = SnapshotParts.valid();
    private final ExposureBook book = ExposureBook.of(snapshot);

    @Test
    void unknownAssetNamesTheAssetsTheEcosystemHas() {
        assertThatThrownBy(() -> LiquidationCurveCalculator.DEFAULT.curve(book, AssetId.of("doge")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asset 'doge': unknown in ecosystem 'test'")
                .hasMessageContaining("eth, usdc, dai");
    }

    @Test
    void nanOrImpossibleShocksAreRefused() {
        ShockProjection p = book.project(book.scope(AssetId.of("eth")));
        assertThatThrownBy(() -> LiquidationCurveCalculator.DEFAULT.point(p, Double.NaN))
                .hasMessageContaining("liquidation curve: shock must be a finite fraction above -1");
        assertThatThrownBy(() -> LiquidationCurveCalculator.DEFAULT.point(p, -1.0))
                .hasMessageContaining("shock must be a finite fraction above -1");
        assertThatThrownBy(() -> new ShockGrid(100, 0)).hasMessageContaining("maxDownPercent must be in [0, 99]");
    }

    @Test
    void anEcosystemWithoutPositionsHasNothingToReport() {
        EcosystemSnapshot empty = new EcosystemSnapshot("markets-only", snapshot.asOf(), snapshot.chains(),
                snapshot.assets(), snapshot.bridges(), snapshot.venues());
        assertThatThrownBy(() -> RiskReportBuilder.DEFAULT.build(empty, List.of(), RiskReport.Options.DEFAULT))
                .hasMessageContaining("ecosystem 'markets-only' has no lending or CDP positions");
    }

    @Test
    void aVolatilityForAnUnknownAssetIsRefused() {
        assertThatThrownBy(() -> RiskReportBuilder.DEFAULT.build(snapshot, List.of(AssetId.of("eth")),
                RiskReport.Options.DEFAULT.withVolatility(java.util.Map.of(AssetId.of("btc"), 0.04))))
                .hasMessageContaining("asset 'btc': unknown in ecosystem 'test'");
    }
}
