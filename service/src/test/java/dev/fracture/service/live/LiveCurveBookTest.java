package dev.fracture.service.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.io.BundledEcosystems;
import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.LiquidationCurve;
import dev.fracture.measure.LiquidationCurveCalculator;
import dev.fracture.measure.Position;
import dev.fracture.measure.ProtocolKind;
import dev.fracture.measure.ShockScope;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The incremental book against the brute-force calculator of core ({@link LiquidationCurveCalculator}, one pass over
 * every position at every shock) on the positions and prices the book holds after each update.
 */
class LiveCurveBookTest {
    private static final EcosystemSnapshot DEFI = BundledEcosystems.load("defi-2025");

    @Test
    void equalsTheCalculatorOnTheBundledEcosystem() {
        LiveCurveBook book = LiveCurveBook.of(DEFI);
        ExposureBook truth = ExposureBook.of(DEFI);
        assertThat(book.heldAssets()).isNotEmpty();
        for (AssetId a : book.heldAssets()) {
            assertSame(book.curve(a), LiquidationCurveCalculator.DEFAULT.curve(truth, a), "defi-2025 " + a);
        }
    }

    @Test
    void equalsTheCalculatorAfterSeededRandomUpdates() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<Position> positions = randomPositions(rnd, 400);
            LiveCurveBook book = LiveCurveBook.of(DEFI, positions);
            List<AssetId> held = book.heldAssets();
            for (int step = 0; step < 60; step++) {
                if (rnd.nextInt(4) == 0) {
                    Position p = positions.get(rnd.nextInt(positions.size()));
                    Position.Leg l = p.legs().get(rnd.nextInt(p.legs().size()));
                    double tokens = rnd.nextDouble(0, 3) * (l.collateralUsd() + l.debtUsd())
                            / DEFI.asset(l.asset()).orElseThrow().referencePriceUsd();
                    book.applyPosition(new PositionChange(p.protocol().value(), p.market(), p.account().value(),
                            l.asset(), l.collateralUsd() > 0 ? tokens : null, l.debtUsd() > 0 ? tokens : null, null));
                } else {
                    AssetId a = held.get(rnd.nextInt(held.size()));
                    book.applyPrice(a, book.priceUsd(a) * rnd.nextDouble(0.8, 1.2));
                }
                if (step % 15 == 14) {
                    ExposureBook truth = ExposureBook.of(book.pricedSnapshot(), book.positions());
                    for (AssetId a : held) {
                        assertSame(book.curve(a), LiquidationCurveCalculator.DEFAULT.curve(truth, a),
                                "seed " + seed + " step " + step + " asset " + a);
                    }
                }
            }
        }
    }

    @Test
    void aPriceUpdateMovesWhatStandsOnTheAssetByTheSameFactor() {
        LiveCurveBook book = LiveCurveBook.of(DEFI);
        AssetId eth = AssetId.of("eth");
        double before = DEFI.asset(eth).orElseThrow().referencePriceUsd();
        book.applyPrice(eth, before * 0.9);
        for (AssetId moved : ShockScope.of(DEFI, eth).moved()) {
            assertThat(book.priceUsd(moved)).as(moved.value())
                    .isCloseTo(DEFI.asset(moved).orElseThrow().referencePriceUsd() * 0.9,
                            org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
        AssetId usdc = AssetId.of("usdc");
        assertThat(book.priceUsd(usdc)).isEqualTo(DEFI.asset(usdc).orElseThrow().referencePriceUsd());
    }

    @Test
    void updatesThatCommuteLeaveTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<Position> positions = randomPositions(rnd, 300);
        LiveCurveBook a = LiveCurveBook.of(DEFI, positions);
        LiveCurveBook b = LiveCurveBook.of(DEFI, positions);
        a.applyPrice(AssetId.of("eth"), 2500);
        a.applyPrice(AssetId.of("wbtc"), 90_000);
        b.applyPrice(AssetId.of("wbtc"), 90_000);
        b.applyPrice(AssetId.of("eth"), 2500);
        for (AssetId id : a.heldAssets()) {
            assertThat(a.curve(id)).as("seed 42 " + id).isEqualTo(b.curve(id));
        }
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        LiveCurveBook book = LiveCurveBook.of(DEFI);
        AssetId eth = AssetId.of("eth");
        LiquidationCurve before = book.curve(eth);
        assertThatThrownBy(() -> book.applyPrice(AssetId.of("doge"), 1)).hasMessageContaining("asset 'doge'");
        assertThatThrownBy(() -> book.applyPrice(eth, -5)).hasMessageContaining("finite number > 0");
        assertThatThrownBy(() -> book.applyPrice(eth, Double.NaN)).hasMessageContaining("finite number > 0");
        Position p = ExposureBook.of(DEFI).positions().get(0);
        assertThatThrownBy(() -> book.applyPosition(new PositionChange(p.protocol().value(), p.market(),
                p.account().value(), eth, -1.0, null, null))).hasMessageContaining("collateral must be a finite");
        assertThatThrownBy(() -> book.applyPosition(new PositionChange("nowhere", "pool", "x", eth, 1.0, null, null)))
                .hasMessageContaining("protocol 'nowhere'");
        assertThat(book.curve(eth)).isEqualTo(before);
        assertThat(book.version()).isZero();
    }

    /** Counts exactly; USD within the book's 1e-4 USD quantum per position. */
    static void assertSame(LiquidationCurve live, LiquidationCurve truth, String what) {
        assertThat(live.asset()).isEqualTo(truth.asset());
        assertThat(live.referencePriceUsd()).as(what).isEqualTo(truth.referencePriceUsd());
        assertThat(live.movesWith()).as(what).isEqualTo(truth.movesWith());
        assertThat(live.down()).as(what).hasSameSizeAs(truth.down());
        assertThat(live.up()).as(what + " up").hasSameSizeAs(truth.up());
        List<LiquidationCurve.Point> l = new ArrayList<>(live.down());
        l.addAll(live.up());
        List<LiquidationCurve.Point> t = new ArrayList<>(truth.down());
        t.addAll(truth.up());
        for (int k = 0; k < l.size(); k++) {
            LiquidationCurve.Point a = l.get(k);
            LiquidationCurve.Point b = t.get(k);
            String at = what + " shock " + b.shock();
            double tol = 1e-4 * (b.positions() + 2) + 1e-12 * Math.abs(b.collateralUsd());
            assertThat(a.shock()).as(at).isEqualTo(b.shock());
            assertThat(a.priceUsd()).as(at).isEqualTo(b.priceUsd());
            assertThat(a.positions()).as(at).isEqualTo(b.positions());
            assertThat(a.collateralUsd()).as(at).isCloseTo(b.collateralUsd(), org.assertj.core.data.Offset.offset(tol));
            assertThat(a.debtUsd()).as(at).isCloseTo(b.debtUsd(), org.assertj.core.data.Offset.offset(tol));
            assertThat(a.byProtocol().keySet()).as(at).isEqualTo(b.byProtocol().keySet());
            assertThat(a.byChain().keySet()).as(at).isEqualTo(b.byChain().keySet());
            b.byProtocol().forEach((p, v) -> assertThat(a.byProtocol().get(p)).as(at + " " + p)
                    .isCloseTo(v, org.assertj.core.data.Offset.offset(tol)));
            b.byChain().forEach((c, v) -> assertThat(a.byChain().get(c)).as(at + " " + c)
                    .isCloseTo(v, org.assertj.core.data.Offset.offset(tol)));
        }
    }

    /**
     * Positions over defi-2025's assets: one to three collateral legs at thresholds 0.6-0.9, one or two debt legs at
     * 20-110% of the weighted collateral, a quarter with debt at par (CDP-like), three protocols on the snapshot's
     * chains.
     */
    static List<Position> randomPositions(SplittableRandom rnd, int count) {
        List<Asset> assets = DEFI.assets();
        Map<String, Integer> seen = new HashMap<>();
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int protocol = rnd.nextInt(3);
            List<Position.Leg> legs = new ArrayList<>();
            Map<AssetId, double[]> byAsset = new java.util.LinkedHashMap<>();
            double weighted = 0;
            int nc = rnd.nextInt(1, 4);
            for (int k = 0; k < nc; k++) {
                Asset a = assets.get(rnd.nextInt(assets.size()));
                double usd = Math.exp(rnd.nextDouble(Math.log(100), Math.log(5_000_000)));
                double w = usd * rnd.nextDouble(0.6, 0.9);
                double[] leg = byAsset.computeIfAbsent(a.id(), x -> new double[3]);
                leg[0] += usd;
                leg[1] += w;
                weighted += w;
            }
            boolean parDebt = rnd.nextInt(4) == 0;
            double par = 0;
            if (parDebt) {
                par = weighted * rnd.nextDouble(0.2, 1.1);
            } else {
                int nd = rnd.nextInt(1, 3);
                for (int k = 0; k < nd; k++) {
                    Asset a = assets.get(rnd.nextInt(assets.size()));
                    byAsset.computeIfAbsent(a.id(), x -> new double[3])[2] += weighted * rnd.nextDouble(0.2, 1.1) / nd;
                }
            }
            byAsset.forEach((a, v) -> legs.add(new Position.Leg(a, null, v[0], v[1], v[2])));
            String market = parDebt ? "vaults" : "pool";
            String p = "p" + protocol;
            seen.merge(p, 1, Integer::sum);
            out.add(new Position(ProtocolId.of(p), parDebt ? ProtocolKind.MAKER : ProtocolKind.AAVE_V3,
                    DEFI.chains().get(protocol % DEFI.chains().size()).id(), market, AccountId.of("a" + i), legs,
                    par));
        }
        return out;
    }
}
