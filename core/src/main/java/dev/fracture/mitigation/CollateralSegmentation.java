package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.MitigationSpec;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Caps the share of an account's collateral in a group of correlated assets. With T the value of an account's
 * collateral (enabled as such) and G the part of it in {@code correlatedGroup}, both at the snapshot's prices, the
 * group may count for at most A with A / (T − G + A) = s ({@code maxCorrelatedShare}), that is
 * A = s·(T − G) / (1 − s); the excess E = G − A no longer backs borrowing. A protocol that adopts the cap before the
 * stress sees its accounts adjust: every account above the cap is de-levered at the start — E of group collateral
 * (taken from each group asset in proportion to its value) is sold at the snapshot price to repay debt (each debt in
 * proportion to its value), and what E leaves over once the debt is gone is withdrawn. Afterwards the account's group
 * share is exactly s. The sale happens before the run, off the run's venues.
 *
 * <p>Sources: seed document 002, "collateral basket segmentation: requiring collateral to be segmented into
 * low-correlation baskets, thereby preventing a price drop in a single asset from simultaneously triggering margin
 * calls across an entire portfolio", and its trade-off table ("reduces capital efficiency for users"); Aave v3's
 * isolation mode and supply caps, which bound exposure to one asset (Aave, <i>Aave v3 Technical Paper</i>, 2022,
 * §"Isolation mode"); concentration limits in bank capital rules (Basel Committee, <i>Supervisory framework for
 * measuring and controlling large exposures</i>, 2014).
 */
final class CollateralSegmentation implements Mitigation {
    private final MitigationSpec.CollateralSegmentation spec;
    private final String label;
    private double costUsd;
    private int deleveraged;
    private double repaidUsd;
    private double withdrawnUsd;

    CollateralSegmentation(MitigationSpec.CollateralSegmentation spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public EcosystemSnapshot prepare(EcosystemSnapshot s) {
        ProtocolSpec.PooledLending p = (ProtocolSpec.PooledLending) s.protocol(spec.protocol()).orElseThrow();
        Set<AssetId> group = new HashSet<>(spec.correlatedGroup());
        double share = spec.maxCorrelatedShare();
        if (share >= 1) {
            // A cap of 100% caps nothing.
            return s;
        }
        List<ProtocolSpec.PooledLending.Account> accounts = new ArrayList<>();
        for (ProtocolSpec.PooledLending.Account a : p.accounts()) {
            double total = 0;
            double inGroup = 0;
            for (ProtocolSpec.PooledLending.Supply c : a.collaterals()) {
                if (c.usedAsCollateral()) {
                    double v = Snapshots.usd(s, c.asset(), c.amount());
                    total += v;
                    inGroup += group.contains(c.asset()) ? v : 0;
                }
            }
            double allowed = share * (total - inGroup) / (1 - share);
            if (inGroup <= allowed || inGroup <= 0) {
                accounts.add(a);
                continue;
            }
            double excess = inGroup - allowed;
            double keep = allowed / inGroup;
            List<ProtocolSpec.PooledLending.Supply> collaterals = new ArrayList<>();
            for (ProtocolSpec.PooledLending.Supply c : a.collaterals()) {
                if (!c.usedAsCollateral() || !group.contains(c.asset())) {
                    collaterals.add(c);
                    continue;
                }
                java.math.BigDecimal kept = Snapshots.scale(s, c.asset(), c.amount(), keep, RoundingMode.HALF_EVEN);
                if (kept.signum() > 0) {
                    collaterals.add(new ProtocolSpec.PooledLending.Supply(c.asset(), kept, true));
                }
            }
            double debt = 0;
            for (ProtocolSpec.Balance d : a.debts()) {
                debt += Snapshots.usd(s, d.asset(), d.amount());
            }
            double repay = Math.min(excess, debt);
            List<ProtocolSpec.Balance> debts = new ArrayList<>();
            for (ProtocolSpec.Balance d : a.debts()) {
                java.math.BigDecimal left = Snapshots.scale(s, d.asset(), d.amount(),
                        debt == 0 ? 1 : 1 - repay / debt, RoundingMode.HALF_EVEN);
                if (left.signum() > 0) {
                    debts.add(new ProtocolSpec.Balance(d.asset(), left));
                }
            }
            accounts.add(new ProtocolSpec.PooledLending.Account(a.id(), a.eModeCategory(), collaterals, debts));
            deleveraged++;
            repaidUsd += repay;
            withdrawnUsd += excess - repay;
        }
        ProtocolSpec.PooledLending after = new ProtocolSpec.PooledLending(p.id(), p.chain(), p.reserves(),
                p.eModeCategories(), accounts);
        costUsd = Snapshots.borrowingPowerUsd(s, p) - Snapshots.borrowingPowerUsd(s, after);
        return Snapshots.withProtocol(s, after);
    }

    /** Borrowing power given up: Σ collateral value × LTV before the de-levering minus after, at the snapshot. */
    @Override
    public double capitalCostUsd() {
        return costUsd;
    }

    @Override
    public List<String> measures() {
        return List.of("deleveragedAccounts", "repaidUsd", "withdrawnUsd");
    }

    @Override
    public double[] values() {
        return new double[] {deleveraged, repaidUsd, withdrawnUsd};
    }
}
