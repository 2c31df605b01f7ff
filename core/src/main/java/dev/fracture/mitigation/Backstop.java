package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import java.util.Locale;

/**
 * A backstop fund of {@code fundUsd}. When selling a liquidator's seized collateral on the chain's venues would
 * fetch more than {@code maxSlippageAbsorbed} less than the collateral's worth at the reference price — the price the
 * engine's push oracles report — the fund buys as much of it as it can pay for at that price, and the rest goes to
 * the venues. The fund holds what it bought (it never sells). When a liquidation realizes bad debt, the fund covers
 * it from what is left. It serves one protocol, or every protocol when none is named.
 *
 * <p>The protocol's own bad-debt counter (and so the run's trace column {@code badDebt:<protocol>} and summary) is
 * what the protocol realized; what the fund covered is the fund's measure {@code badDebtCoveredUsd}: net bad debt
 * is the difference.
 *
 * <p>Sources: seed documents 003 ("liquidation backstops", "centralized insurance fund") and 004 (insurance and
 * backstop funds); Liquity's stability pool, which takes liquidated collateral at a discount in exchange for
 * absorbing debt (Liquity whitepaper, 2021); Aave's Safety Module / Umbrella, staked to cover shortfall (Aave,
 * <i>Safety Module</i> documentation); perpetual exchanges' insurance funds (BitMEX, <i>Insurance Fund</i>; this
 * repository's {@code dev.fracture.protocol.perp.PerpLiquidation} waterfall).
 */
final class Backstop implements Mitigation {
    private final MitigationSpec.Backstop spec;
    private final String label;
    private double fundLeftUsd;
    private double boughtUsd;
    private double coveredUsd;

    Backstop(MitigationSpec.Backstop spec, String label) {
        this.spec = spec;
        this.label = label;
        this.fundLeftUsd = spec.fundUsd();
    }

    @Override
    public String label() {
        return label;
    }

    private boolean covers(ProtocolId protocol) {
        return spec.protocol() == null || spec.protocol().equals(protocol);
    }

    /** What the backstop would buy of a sale now: the amount, at what price, for which slippage (null: nothing). */
    private record Purchase(double taken, double collateralUsd, double debtUsd, double slippage) {
    }

    private Purchase purchase(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        if (!covers(protocol) || fundLeftUsd <= 0 || amount <= 0) {
            return null;
        }
        double collateralUsd = block.referenceUsd(collateral);
        double debtUsd = block.referenceUsd(debt);
        double worth = amount * collateralUsd / debtUsd;
        double slippage = 1 - block.quoteSell(collateral, debt, amount) / worth;
        if (!(slippage > spec.maxSlippageAbsorbed())) {
            return null;
        }
        return new Purchase(Math.min(amount, fundLeftUsd / collateralUsd), collateralUsd, debtUsd, slippage);
    }

    @Override
    public Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        Purchase p = purchase(protocol, collateral, debt, amount, block);
        return p == null ? Disposal.NONE : new Disposal(p.taken(), p.taken() * p.collateralUsd() / p.debtUsd());
    }

    @Override
    public Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        Purchase p = purchase(protocol, collateral, debt, amount, block);
        if (p == null) {
            return Disposal.NONE;
        }
        double paidUsd = p.taken() * p.collateralUsd();
        fundLeftUsd = Math.max(0, fundLeftUsd - paidUsd);
        boughtUsd += paidUsd;
        block.log("backstop-buy", protocol.value(), String.format(Locale.ROOT,
                "%s: %.6g %s bought at $%.6g (venues would slip %.2f%%); $%.2f left", label, p.taken(),
                collateral.value(), p.collateralUsd(), 100 * p.slippage(), fundLeftUsd), paidUsd);
        return new Disposal(p.taken(), paidUsd / p.debtUsd());
    }

    @Override
    public double badDebt(ProtocolId protocol, double usd, BlockView block) {
        if (!covers(protocol) || fundLeftUsd <= 0 || usd <= 0) {
            return 0;
        }
        double covered = Math.min(usd, fundLeftUsd);
        fundLeftUsd -= covered;
        coveredUsd += covered;
        block.log("backstop-cover", protocol.value(), String.format(Locale.ROOT,
                "%s: $%.2f of $%.2f bad debt covered; $%.2f left", label, covered, usd, fundLeftUsd), covered);
        return covered;
    }

    /** The fund waits idle for a crisis: all of it is capital not lent or borrowed against. */
    @Override
    public double capitalCostUsd() {
        return spec.fundUsd();
    }

    @Override
    public List<String> measures() {
        return List.of("boughtUsd", "badDebtCoveredUsd", "fundLeftUsd");
    }

    @Override
    public double[] values() {
        return new double[] {boughtUsd, coveredUsd, fundLeftUsd};
    }
}
