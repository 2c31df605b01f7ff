package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.LiquitySetup;
import dev.fracture.protocol.cdp.MakerSetup;
import dev.fracture.protocol.cdp.Spotter;
import dev.fracture.protocol.cdp.Trove;
import dev.fracture.protocol.cdp.Vat;
import dev.fracture.protocol.cdp.Vault;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.Comet;
import dev.fracture.protocol.lending.CometAccount;
import dev.fracture.protocol.lending.CometPrices;
import dev.fracture.protocol.lending.CometSetup;
import dev.fracture.protocol.lending.MorphoBlue;
import dev.fracture.protocol.lending.MorphoPosition;
import dev.fracture.protocol.lending.MorphoSetup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The liquidation curve against a brute-force recomputation: at every shock of the grid, every position of every
 * protocol is re-evaluated with the protocol's own check from {@code dev.fracture.protocol} — Aave's health factor,
 * {@code MorphoBlue.isHealthy} at the oracle price scaled as Morpho scales it, {@code Comet.isLiquidatable} on 8-decimal
 * feed answers, the Vat's safety check after a Spotter poke, Liquity's ICR against MCR — at the shocked prices, and
 * its collateral is valued from the snapshot's amounts. Nothing of the measure's own linear form is reused.
 */
class LiquidationCurveBruteForceTest {
    private static final long[] SEEDS = {11, 2024, 77_777};

    @Test
    void curveEqualsBruteForceOnSeededRandomEcosystems() {
        for (long seed : SEEDS) {
            EcosystemSnapshot snapshot = RandomEcosystems.of(seed, 60);
            ExposureBook book = ExposureBook.of(snapshot);
            for (String asset : List.of("eth", "wsteth", "usdc")) {
                ShockScope scope = ShockScope.of(snapshot, AssetId.of(asset));
                LiquidationCurve curve = LiquidationCurveCalculator.DEFAULT.curve(book.project(scope), ShockGrid.DEFAULT);
                assertThat(curve.up()).as("seed %d %s: owed as debt somewhere, so it has an up side", seed, asset)
                        .hasSize(asset.equals("wsteth") ? 0 : 91);
                int liquidatableSomewhere = 0;
                for (LiquidationCurve.Point p : concat(curve.down(), curve.up())) {
                    Brute truth = bruteForce(snapshot, scope, 1 + p.shock());
                    String where = "seed " + seed + ", " + asset + " at shock " + p.shock();
                    assertThat(p.positions()).as(where).isEqualTo(truth.count);
                    assertThat(p.collateralUsd()).as(where).isCloseTo(truth.collateral, within(1e-6 * (1 + truth.collateral)));
                    assertThat(p.byProtocol().keySet()).as(where).isEqualTo(truth.byProtocol.keySet());
                    truth.byProtocol.forEach((id, v) -> assertThat(p.byProtocol().get(id)).as(where + " " + id)
                            .isCloseTo(v, within(1e-6 * (1 + v))));
                    liquidatableSomewhere += truth.count;
                }
                assertThat(liquidatableSomewhere).as("seed %d %s: the test sees liquidations", seed, asset).isPositive();
            }
        }
    }

    private static List<LiquidationCurve.Point> concat(List<LiquidationCurve.Point> a, List<LiquidationCurve.Point> b) {
        List<LiquidationCurve.Point> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final class Brute {
        int count;
        double collateral;
        final Map<ProtocolId, Double> byProtocol = new TreeMap<>();

        void add(ProtocolId protocol, double collateralUsd) {
            count++;
            collateral += collateralUsd;
            byProtocol.merge(protocol, collateralUsd, Double::sum);
        }
    }

    private static Brute bruteForce(EcosystemSnapshot snapshot, ShockScope scope, double m) {
        Map<AssetId, Double> price = new HashMap<>();
        for (Asset a : snapshot.assets()) {
            price.put(a.id(), a.referencePriceUsd() * (scope.moves(a.id()) ? m : 1));
        }
        Brute b = new Brute();
        for (ProtocolSpec spec : snapshot.protocols()) {
            if (spec instanceof ProtocolSpec.PooledLending p) {
                aave(p, snapshot, price, b);
            } else if (spec instanceof ProtocolSpec.IsolatedLending p) {
                morpho(p, snapshot, price, b);
            } else if (spec instanceof ProtocolSpec.CometLending p) {
                comet(p, snapshot, price, b);
            } else if (spec instanceof ProtocolSpec.CdpSystem p) {
                maker(p, snapshot, price, b);
            } else {
                liquity((ProtocolSpec.StabilityPoolSystem) spec, snapshot, price, b);
            }
        }
        return b;
    }

    private static long e8(double usd) {
        return Math.round(usd * 1e8);
    }

    private static void aave(ProtocolSpec.PooledLending spec, EcosystemSnapshot s, Map<AssetId, Double> price, Brute b) {
        AaveSetup setup = AaveSetup.of(spec, s);
        Map<AssetId, Long> p = new HashMap<>();
        setup.oracles().keySet().forEach(a -> p.put(a, e8(price.get(a))));
        AavePrices prices = new AavePrices(p);
        for (int i = 0; i < setup.accounts().size(); i++) {
            AaveAccount a = setup.accounts().get(i);
            if (AaveHealth.DEFAULT.healthFactorFast(setup.market(), prices, a) < 1) {
                double c = 0;
                for (ProtocolSpec.PooledLending.Supply supply : spec.accounts().get(i).collaterals()) {
                    if (supply.usedAsCollateral()) {
                        c += supply.amount().doubleValue() * price.get(supply.asset());
                    }
                }
                b.add(spec.id(), c);
            }
        }
    }

    private static void morpho(ProtocolSpec.IsolatedLending spec, EcosystemSnapshot s, Map<AssetId, Double> price,
                               Brute b) {
        for (MorphoSetup m : MorphoSetup.of(spec, s)) {
            Asset loan = s.asset(m.params().loanToken()).orElseThrow();
            Asset coll = s.asset(m.params().collateralToken()).orElseThrow();
            BigInteger oraclePrice = BigDecimal.valueOf(price.get(coll.id()) / price.get(loan.id()))
                    .movePointRight(36 + loan.decimals() - coll.decimals()).setScale(0, RoundingMode.FLOOR)
                    .toBigIntegerExact();
            for (MorphoPosition p : m.positions()) {
                if (!MorphoBlue.DEFAULT.isHealthy(m.params(), m.state(), p, oraclePrice)) {
                    b.add(spec.id(), new BigDecimal(p.collateral()).movePointLeft(coll.decimals()).doubleValue()
                            * price.get(coll.id()));
                }
            }
        }
    }

    private static void comet(ProtocolSpec.CometLending spec, EcosystemSnapshot s, Map<AssetId, Double> price, Brute b) {
        CometSetup setup = CometSetup.of(spec, s);
        Map<AssetId, Long> p = new HashMap<>();
        p.put(spec.baseAsset(), e8(price.get(spec.baseAsset())));
        setup.oracles().keySet().forEach(a -> p.put(a, e8(price.get(a))));
        CometPrices prices = new CometPrices(p);
        for (int i = 0; i < setup.accounts().size(); i++) {
            CometAccount a = setup.accounts().get(i);
            if (Comet.DEFAULT.isLiquidatable(setup.market(), prices, a)) {
                double c = 0;
                for (ProtocolSpec.Balance bal : spec.accounts().get(i).collateral()) {
                    c += bal.amount().doubleValue() * price.get(bal.asset());
                }
                b.add(spec.id(), c);
            }
        }
    }

    private static void maker(ProtocolSpec.CdpSystem spec, EcosystemSnapshot s, Map<AssetId, Double> price, Brute b) {
        MakerSetup setup = MakerSetup.of(spec, s);
        for (int i = 0; i < setup.ilks().size(); i++) {
            MakerSetup.IlkSetup ilk = setup.ilks().get(i);
            double p = price.get(spec.ilks().get(i).collateral());
            // The OSM has released the shocked price: the Spotter pokes it in as a WAD.
            BigInteger val = BigDecimal.valueOf(p).movePointRight(18).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            var poked = Spotter.poke(ilk.ilk(), val);
            for (Vault v : ilk.vaults()) {
                if (!Vat.isSafe(poked, v)) {
                    b.add(spec.id(), new BigDecimal(v.ink()).movePointLeft(18).doubleValue() * p);
                }
            }
        }
    }

    private static void liquity(ProtocolSpec.StabilityPoolSystem spec, EcosystemSnapshot s, Map<AssetId, Double> price,
                                Brute b) {
        LiquitySetup setup = LiquitySetup.of(spec, s);
        double p = price.get(spec.collateral());
        for (Trove t : setup.system().troves().values()) {
            if (t.icr(p) < setup.params().mcrDouble()) {
                b.add(spec.id(), t.coll() * p);
            }
        }
    }
}
