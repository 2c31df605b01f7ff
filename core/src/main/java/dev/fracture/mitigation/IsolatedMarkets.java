package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.MitigationSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a pooled protocol into isolated markets, one per (collateral, loan) pair, run by Morpho Blue's mechanics:
 * bad debt in one market falls on that market's lenders only, and a position's spare collateral in one market no
 * longer backs its debt in another. An account with collateral values v_c and debt values D_d, at the snapshot's
 * prices, gets in market (c, d), c ≠ d, the collateral amount_c × D_d / Σ_{d'≠c} D_d' and the borrow
 * amount_d × v_c / Σ_{c'≠d} v_c': each collateral is shared among the debts it can back and each debt among the
 * collaterals that can back it, pro rata by value (with one debt asset not held as collateral, every market inherits
 * the account's loan-to-value). A debt whose only collateral is the same asset has no market and stays out. A
 * market's LLTV is the liquidation threshold the pooled account had on that collateral (bps → WAD): the reserve's, or
 * its e-mode category's when the account is in the category and the collateral belongs to it (Aave v3's rule,
 * {@link ProtocolSpec.PooledLending#liquidationThresholdBps}). Morpho Blue identifies a market by its loan and
 * collateral assets, oracle, interest-rate model and LLTV, so one pair can have several markets: an e-mode position
 * goes to a market of its own at the category's threshold, named {@code collateral/loan/emode-N} (as Morpho lists
 * wstETH/WETH at 94.5% beside lower LLTVs), and positions of the same pair at the same threshold share one. The LLTV
 * is not snapped to the values Morpho's governance has enabled: the isolated run keeps the pooled run's thresholds, so
 * that the comparison is of isolation alone. A market's oracle is the collateral reserve's, and its lenders supply
 * exactly what it lends. Supplies not enabled as collateral (deposits) and accounts without debt stay out: they carry
 * no liquidation risk.
 *
 * <p>Sources: seed document 004, "isolated lending pools ... a failure in one pool cannot automatically trigger
 * liquidations in another", and its table ("prevents contagion between assets but fragments liquidity and capital
 * efficiency"); Morpho Blue (Morpho Labs, <i>Morpho Blue whitepaper</i>, 2023) as implemented in this repository's
 * {@code dev.fracture.protocol.lending.MorphoBlue}; Aave v3's isolation mode and Euler v2's vaults as intermediate
 * designs.
 */
final class IsolatedMarkets implements Mitigation {
    private static final BigInteger BPS_TO_WAD = BigInteger.TEN.pow(14);

    private final MitigationSpec.IsolatedMarkets spec;
    private final String label;
    private int markets;
    private int positions;
    private double costUsd;

    IsolatedMarkets(MitigationSpec.IsolatedMarkets spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** One market being built: its pair and the pooled threshold its positions had (its LLTV, bps). */
    private static final class Draft {
        final AssetId collateral;
        final AssetId loan;
        final int lltvBps;
        final List<ProtocolSpec.IsolatedLending.Position> positions = new ArrayList<>();
        BigDecimal borrowed = BigDecimal.ZERO;

        Draft(AssetId collateral, AssetId loan, int lltvBps) {
            this.collateral = collateral;
            this.loan = loan;
            this.lltvBps = lltvBps;
        }
    }

    @Override
    public EcosystemSnapshot prepare(EcosystemSnapshot s) {
        ProtocolSpec.PooledLending p = (ProtocolSpec.PooledLending) s.protocol(spec.protocol()).orElseThrow();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        double powerAfterUsd = 0;
        for (ProtocolSpec.PooledLending.Account a : p.accounts()) {
            List<ProtocolSpec.PooledLending.Supply> collaterals = a.collaterals().stream()
                    .filter(c -> c.usedAsCollateral() && c.amount().signum() > 0
                            && p.liquidationThresholdBps(a, Snapshots.reserve(p, c.asset())) > 0).toList();
            List<ProtocolSpec.Balance> debts = a.debts().stream().filter(d -> d.amount().signum() > 0).toList();
            if (collaterals.isEmpty() || debts.isEmpty()) {
                continue;
            }
            for (ProtocolSpec.PooledLending.Supply c : collaterals) {
                // The debts this collateral can back: those in other assets (a market lends one asset against another).
                double debtElsewhere = debts.stream().filter(d -> !d.asset().equals(c.asset()))
                        .mapToDouble(d -> Snapshots.usd(s, d.asset(), d.amount())).sum();
                for (ProtocolSpec.Balance d : debts) {
                    if (d.asset().equals(c.asset())) {
                        continue;
                    }
                    double collateralElsewhere = collaterals.stream().filter(x -> !x.asset().equals(d.asset()))
                            .mapToDouble(x -> Snapshots.usd(s, x.asset(), x.amount())).sum();
                    double debtShare = Snapshots.usd(s, d.asset(), d.amount()) / debtElsewhere;
                    double collateralShare = Snapshots.usd(s, c.asset(), c.amount()) / collateralElsewhere;
                    BigDecimal coll = Snapshots.scale(s, c.asset(), c.amount(), debtShare, RoundingMode.HALF_EVEN);
                    BigDecimal borrow = Snapshots.scale(s, d.asset(), d.amount(), collateralShare,
                            RoundingMode.HALF_EVEN);
                    if (coll.signum() == 0 && borrow.signum() == 0) {
                        continue;
                    }
                    ProtocolSpec.PooledLending.Reserve r = Snapshots.reserve(p, c.asset());
                    int lltvBps = p.liquidationThresholdBps(a, r);
                    String id = c.asset().value() + "/" + d.asset().value()
                            + (lltvBps == r.liquidationThresholdBps() ? "" : "/emode-" + a.eModeCategory());
                    Draft m = drafts.computeIfAbsent(id, k -> new Draft(c.asset(), d.asset(), lltvBps));
                    m.positions.add(new ProtocolSpec.IsolatedLending.Position(a.id(), coll, borrow));
                    m.borrowed = m.borrowed.add(borrow);
                    powerAfterUsd += Snapshots.usd(s, c.asset(), coll) * p.ltvBps(a, r) / 10_000.0;
                }
            }
        }
        List<ProtocolSpec.IsolatedLending.Market> out = new ArrayList<>();
        drafts.forEach((id, m) -> {
            ProtocolSpec.PooledLending.Reserve r = Snapshots.reserve(p, m.collateral);
            out.add(new ProtocolSpec.IsolatedLending.Market(id, m.loan, m.collateral,
                    BigInteger.valueOf(m.lltvBps).multiply(BPS_TO_WAD), r.oracle(), m.borrowed, m.positions));
            positions += m.positions.size();
        });
        costUsd = Snapshots.borrowingPowerUsd(s, p) - powerAfterUsd;
        markets = out.size();
        return Snapshots.withProtocol(s, new ProtocolSpec.IsolatedLending(p.id(), p.chain(), out));
    }

    /**
     * Borrowing power before minus after, each position's collateral counted at the LTV it had in the pool (the
     * reserve's, or the e-mode category's): zero when every collateral has a debt in another asset to back (the
     * pro-rata split keeps all of it), more when some collateral finds no market. What isolation costs beyond that — headroom that can no longer move between
     * markets — shows in the run as liquidations the pooled account would not have had.
     */
    @Override
    public double capitalCostUsd() {
        return costUsd;
    }

    @Override
    public List<String> measures() {
        return List.of("markets", "positions");
    }

    @Override
    public double[] values() {
        return new double[] {markets, positions};
    }
}
