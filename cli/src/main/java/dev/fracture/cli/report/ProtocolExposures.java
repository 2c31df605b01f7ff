package dev.fracture.cli.report;

import dev.fracture.model.AssetId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a protocol of a snapshot is exposed to: each asset it holds as collateral or lends as debt, with the oracle
 * feed it prices that asset by (null where the protocol prices it by none, e.g. a CDP's own stablecoin). Read from
 * the protocol's spec: Aave reserves that some account supplies or borrows, Morpho markets, Comet's base and
 * collaterals, Maker ilks, a Liquity pool.
 */
final class ProtocolExposures {
    private ProtocolExposures() {
    }

    enum Role { COLLATERAL, DEBT }

    record Exposure(AssetId asset, Role role, OracleId oracle) {
    }

    static List<Exposure> of(ProtocolSpec spec) {
        List<Exposure> out = new ArrayList<>();
        if (spec instanceof ProtocolSpec.PooledLending p) {
            for (ProtocolSpec.PooledLending.Reserve r : p.reserves()) {
                boolean supplied = p.accounts().stream().anyMatch(a -> a.collaterals().stream()
                        .anyMatch(s -> s.asset().equals(r.asset()) && s.usedAsCollateral()));
                boolean borrowed = p.accounts().stream().anyMatch(a -> a.debts().stream()
                        .anyMatch(d -> d.asset().equals(r.asset())));
                if (supplied) {
                    out.add(new Exposure(r.asset(), Role.COLLATERAL, r.oracle()));
                }
                if (borrowed) {
                    out.add(new Exposure(r.asset(), Role.DEBT, r.oracle()));
                }
            }
        } else if (spec instanceof ProtocolSpec.IsolatedLending m) {
            for (ProtocolSpec.IsolatedLending.Market k : m.markets()) {
                add(out, new Exposure(k.collateralAsset(), Role.COLLATERAL, k.oracle()));
                add(out, new Exposure(k.loanAsset(), Role.DEBT, null));
            }
        } else if (spec instanceof ProtocolSpec.CometLending c) {
            add(out, new Exposure(c.baseAsset(), Role.DEBT, c.baseOracle()));
            c.assets().forEach(a -> add(out, new Exposure(a.asset(), Role.COLLATERAL, a.oracle())));
        } else if (spec instanceof ProtocolSpec.CdpSystem d) {
            d.ilks().forEach(i -> add(out, new Exposure(i.collateral(), Role.COLLATERAL, i.oracle())));
            add(out, new Exposure(d.stablecoin(), Role.DEBT, null));
        } else if (spec instanceof ProtocolSpec.StabilityPoolSystem s) {
            add(out, new Exposure(s.collateral(), Role.COLLATERAL, s.oracle()));
            add(out, new Exposure(s.stablecoin(), Role.DEBT, null));
        }
        return out;
    }

    private static void add(List<Exposure> out, Exposure e) {
        boolean known = out.stream().anyMatch(x -> x.asset().equals(e.asset()) && x.role() == e.role());
        if (!known) {
            out.add(e);
        }
    }
}
