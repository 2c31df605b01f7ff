package dev.fracture.measure;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.DssMath;
import dev.fracture.protocol.cdp.LiquitySetup;
import dev.fracture.protocol.cdp.MakerSetup;
import dev.fracture.protocol.cdp.Trove;
import dev.fracture.protocol.cdp.Vault;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveEModeCategory;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveReserveConfig;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.CometAccount;
import dev.fracture.protocol.lending.CometAssetConfig;
import dev.fracture.protocol.lending.CometSetup;
import dev.fracture.protocol.lending.MorphoBlue;
import dev.fracture.protocol.lending.MorphoPosition;
import dev.fracture.protocol.lending.MorphoSetup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts one protocol of a snapshot into {@link Position}s, through the family's own setup
 * ({@link AaveSetup}, {@link MorphoSetup}, {@link CometSetup}, {@link MakerSetup}, {@link LiquitySetup}) so the
 * amounts and parameters are the ones the mechanics use. The weights are the liquidation rule of each family:
 * <ul>
 *   <li>Aave v3 ({@code GenericLogic.calculateUserAccountData}): collateral enabled with a non-zero threshold counts
 *   at its liquidation threshold, the e-mode category's when the reserve belongs to the account's category;</li>
 *   <li>Morpho Blue ({@code Morpho._isHealthy}): collateral counts at LLTV, the borrow at the loan asset's price;</li>
 *   <li>Compound v3 ({@code Comet.isLiquidatable}): collateral at {@code liquidateCollateralFactor}, a negative base
 *   balance is the debt (a positive one never makes an account liquidatable);</li>
 *   <li>Maker ({@code Vat.frob} safety, {@code Spotter.poke}): {@code ink} at price / {@code mat}, debt
 *   {@code art · rate} in DAI at par;</li>
 *   <li>Liquity ({@code TroveManager}, normal mode): collateral at price / MCR, composite debt in LUSD at par.</li>
 * </ul>
 * Perp exchanges and options dealers contribute no positions here: their forced flows come from a run.
 */
final class PositionReader {
    private PositionReader() {
    }

    static List<Position> read(ProtocolSpec spec, EcosystemSnapshot snapshot) {
        if (spec instanceof ProtocolSpec.PooledLending p) {
            return aave(p, snapshot);
        }
        if (spec instanceof ProtocolSpec.IsolatedLending p) {
            return morpho(p, snapshot);
        }
        if (spec instanceof ProtocolSpec.CometLending p) {
            return comet(p, snapshot);
        }
        if (spec instanceof ProtocolSpec.CdpSystem p) {
            return maker(p, snapshot);
        }
        if (spec instanceof ProtocolSpec.StabilityPoolSystem p) {
            return liquity(p, snapshot);
        }
        // Perp exchanges and options dealers hold no collateral-against-debt positions: their forced flows are the
        // engine's (a run's perp liquidations and dealer hedges), not part of the static liquidation curve.
        return List.of();
    }

    private static List<Position> aave(ProtocolSpec.PooledLending spec, EcosystemSnapshot snapshot) {
        AaveSetup setup = AaveSetup.of(spec, snapshot);
        List<Position> out = new ArrayList<>();
        for (AaveAccount a : setup.accounts()) {
            AaveEModeCategory eMode = a.eModeCategory() == 0 ? null : setup.market().eModes().get(a.eModeCategory());
            Map<AssetId, double[]> legs = new TreeMap<>();
            for (AaveCollateral c : a.collaterals()) {
                AaveReserveConfig r = setup.market().reserve(c.asset(), "account " + a.id());
                if (!c.usedAsCollateral() || r.liquidationThresholdBps() == 0) {
                    continue;
                }
                boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
                int threshold = inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps();
                double usd = usd(snapshot, c.asset(), c.balance(), r.decimals());
                double[] leg = legs.computeIfAbsent(c.asset(), k -> new double[3]);
                leg[0] += usd;
                leg[1] += usd * threshold / 10_000.0;
            }
            for (AaveDebt d : a.debts()) {
                AaveReserveConfig r = setup.market().reserve(d.asset(), "account " + a.id());
                legs.computeIfAbsent(d.asset(), k -> new double[3])[2] += usd(snapshot, d.asset(), d.balance(),
                        r.decimals());
            }
            List<Position.Leg> list = new ArrayList<>();
            legs.forEach((asset, v) -> list.add(new Position.Leg(asset, setup.oracles().get(asset), v[0], v[1], v[2])));
            out.add(new Position(spec.id(), ProtocolKind.AAVE_V3, spec.chain(), "pool", a.id(), list, 0));
        }
        return out;
    }

    private static List<Position> morpho(ProtocolSpec.IsolatedLending spec, EcosystemSnapshot snapshot) {
        List<Position> out = new ArrayList<>();
        for (MorphoSetup m : MorphoSetup.of(spec, snapshot)) {
            AssetId loan = m.params().loanToken();
            AssetId coll = m.params().collateralToken();
            Asset loanAsset = snapshot.asset(loan).orElseThrow();
            Asset collAsset = snapshot.asset(coll).orElseThrow();
            double lltv = DssMath.toDouble(m.params().lltv(), MorphoBlue.WAD);
            for (MorphoPosition p : m.positions()) {
                double borrow = usd(snapshot, loan, MorphoBlue.DEFAULT.borrowed(m.state(), p), loanAsset.decimals());
                double c = usd(snapshot, coll, p.collateral(), collAsset.decimals());
                out.add(new Position(spec.id(), ProtocolKind.MORPHO_BLUE, spec.chain(), m.id(), p.id(), List.of(
                        new Position.Leg(coll, m.oracle(), c, c * lltv, 0),
                        // The market's one feed prices the collateral; the loan side is valued at its reference
                        // price, as the cascade engine values it, so no feed is named for it.
                        new Position.Leg(loan, null, 0, 0, borrow)), 0));
            }
        }
        return out;
    }

    private static List<Position> comet(ProtocolSpec.CometLending spec, EcosystemSnapshot snapshot) {
        CometSetup setup = CometSetup.of(spec, snapshot);
        List<Position> out = new ArrayList<>();
        AssetId base = setup.market().baseAsset();
        for (CometAccount a : setup.accounts()) {
            if (a.baseBalance().signum() >= 0) {
                continue;
            }
            List<Position.Leg> legs = new ArrayList<>();
            for (Map.Entry<AssetId, BigInteger> e : new TreeMap<>(a.collateral()).entrySet()) {
                CometAssetConfig c = setup.market().asset(e.getKey(), "account " + a.id());
                double usd = usd(snapshot, c.asset(), e.getValue(), c.decimals());
                double factor = (double) c.liquidateCollateralFactor() / CometAssetConfig.FACTOR_SCALE;
                legs.add(new Position.Leg(c.asset(), setup.oracles().get(c.asset()), usd, usd * factor, 0));
            }
            legs.add(new Position.Leg(base, setup.baseOracle(), 0, 0,
                    usd(snapshot, base, a.baseBalance().negate(), setup.market().baseDecimals())));
            out.add(new Position(spec.id(), ProtocolKind.COMPOUND_V3, spec.chain(), base.value(), a.id(), legs, 0));
        }
        return out;
    }

    private static List<Position> maker(ProtocolSpec.CdpSystem spec, EcosystemSnapshot snapshot) {
        List<Position> out = new ArrayList<>();
        MakerSetup setup = MakerSetup.of(spec, snapshot);
        for (int i = 0; i < setup.ilks().size(); i++) {
            MakerSetup.IlkSetup ilk = setup.ilks().get(i);
            AssetId collateral = spec.ilks().get(i).collateral();
            double price = snapshot.asset(collateral).orElseThrow().referencePriceUsd();
            double mat = DssMath.toDouble(ilk.ilk().mat(), DssMath.RAY);
            for (Vault v : ilk.vaults()) {
                double c = DssMath.toDouble(v.ink(), DssMath.WAD) * price;
                double debt = DssMath.toDouble(v.art().multiply(ilk.ilk().rate()), DssMath.RAD);
                out.add(new Position(spec.id(), ProtocolKind.MAKER, spec.chain(), ilk.ilk().name(), v.owner(),
                        List.of(new Position.Leg(collateral, ilk.oracle(), c, c / mat, 0)), debt));
            }
        }
        return out;
    }

    private static List<Position> liquity(ProtocolSpec.StabilityPoolSystem spec, EcosystemSnapshot snapshot) {
        LiquitySetup setup = LiquitySetup.of(spec, snapshot);
        double price = snapshot.asset(spec.collateral()).orElseThrow().referencePriceUsd();
        double mcr = setup.params().mcrDouble();
        List<Position> out = new ArrayList<>();
        for (Trove t : setup.system().troves().values()) {
            double c = t.coll() * price;
            out.add(new Position(spec.id(), ProtocolKind.LIQUITY, spec.chain(), "troves", t.owner(),
                    List.of(new Position.Leg(spec.collateral(), setup.oracle(), c, c / mcr, 0)), t.debt()));
        }
        return out;
    }

    private static double usd(EcosystemSnapshot snapshot, AssetId asset, BigInteger units, int decimals) {
        Asset a = snapshot.asset(asset).orElseThrow();
        return new BigDecimal(units).movePointLeft(decimals).doubleValue() * a.referencePriceUsd();
    }
}
