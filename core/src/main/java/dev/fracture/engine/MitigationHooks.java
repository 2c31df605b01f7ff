package dev.fracture.engine;

import dev.fracture.agent.LiquidationPlan;
import dev.fracture.market.Venue;
import dev.fracture.mitigation.BlockView;
import dev.fracture.mitigation.Disposal;
import dev.fracture.mitigation.MitigationOutcome;
import dev.fracture.mitigation.MitigationSet;
import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the engine's block steps meet the run's {@link MitigationSet} (docs/mitigations.md, "Hooks"): it turns
 * blocks into {@link BlockView}s, gates landed liquidations, gives books their {@link LiquidationTerms}, and adds the
 * mitigations' columns to the trace. With no mitigation every call leaves the run as it would be without this class.
 */
final class MitigationHooks implements TraceSource {
    private final MitigationSet set;
    /** The block whose liquidations are running: what the terms of a book's prices are read in. */
    private BlockView current;

    MitigationHooks(MitigationSet set) {
        this.set = set;
    }

    BlockView view(BlockContext block) {
        return new MitigationView(block, set);
    }

    /** Per-block update, after the block's reference prices and before its oracles. */
    void onBlock(BlockContext block) {
        if (!set.isEmpty()) {
            set.onBlock(view(block));
        }
    }

    /** Called by the liquidation step before a book reads its prices in {@code block}. */
    void enter(BlockContext block) {
        current = view(block);
    }

    /** Whether any asset of the venue is halted on its chain at {@code now}: arbitrageurs leave it alone. */
    boolean halted(Venue venue, long now) {
        if (set.isEmpty()) {
            return false;
        }
        for (AssetId a : venue.assets()) {
            if (set.tradingHalted(a, venue.chain(), now)) {
                return true;
            }
        }
        return false;
    }

    long heartbeatSeconds(AssetId asset, long heartbeatSeconds, long now) {
        return set.heartbeatSeconds(asset, heartbeatSeconds, now);
    }

    /** The depth on {@code venue} an LP may not withdraw (liquidity incentives), USD. */
    double protectedDepthUsd(VenueId venue) {
        return set.protectedDepthUsd(venue);
    }

    LiquidationTerms terms(ProtocolId protocol) {
        if (set.isEmpty()) {
            return LiquidationTerms.NONE;
        }
        return new LiquidationTerms() {
            @Override
            public double valuationUsd(AssetId collateral, double oracleUsd) {
                return current == null ? oracleUsd : set.valuationUsd(protocol, collateral, oracleUsd, current);
            }

            @Override
            public int bonusBps(AssetId collateral, int bonusBps) {
                return current == null ? bonusBps : set.bonusBps(protocol, collateral, bonusBps, current);
            }
        };
    }

    /** Whether {@link #gate} hands every plan back unchanged: the run has no mitigation. */
    boolean gatesNothing() {
        return set.isEmpty();
    }

    /**
     * A landed liquidation as the mitigations let it through: null when halted (a trading breaker on an asset it
     * must sell, or an allowance of 0), cut down to the allowance when it asks for more, else unchanged.
     */
    LiquidationPlan gate(ProtocolId protocol, LiquidationPlan plan, BlockContext block) {
        if (set.isEmpty()) {
            return plan;
        }
        var o = plan.opportunity();
        if (plan.disposal() == LiquidationPlan.Disposal.SELL
                && (set.tradingHalted(o.collateralAsset(), block.chain().id(), block.now())
                || set.tradingHalted(o.debtAsset(), block.chain().id(), block.now()))) {
            return null;
        }
        double asked = plan.repay() * block.prices().usd(o.debtAsset());
        double allowed = set.liquidationAllowanceUsd(protocol, o.collateralAsset(), asked, view(block));
        if (!(allowed > 0)) {
            return null;
        }
        if (asked <= allowed) {
            return plan;
        }
        double f = allowed / asked;
        return new LiquidationPlan(plan.liquidator(), o, plan.repay() * f, plan.collateral() * f, plan.funding(),
                plan.disposal(), plan.proceeds() * f, plan.bonusUsd() * f, plan.slippageUsd() * f,
                plan.flashFeeUsd() * f, plan.gasUsd(), plan.gasNative(), plan.priorityFeeGwei());
    }

    void liquidated(ProtocolId protocol, AssetId collateral, double repaidUsd, BlockContext block) {
        if (!set.isEmpty()) {
            set.liquidated(protocol, collateral, repaidUsd, view(block));
        }
    }

    Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockContext block) {
        return set.isEmpty() ? Disposal.NONE : set.dispose(protocol, collateral, debt, amount, view(block));
    }

    /** What {@link #dispose} would take and pay now, changing nothing. */
    Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockContext block) {
        return set.isEmpty() ? Disposal.NONE : set.offer(protocol, collateral, debt, amount, view(block));
    }

    void badDebt(ProtocolId protocol, double usd, BlockContext block) {
        if (!set.isEmpty() && usd > 0) {
            set.badDebt(protocol, usd, view(block));
        }
    }

    /** The participants' trace sources followed by the mitigations' columns. */
    List<TraceSource> withTraceSource(List<? extends TraceSource> sources) {
        List<TraceSource> out = new ArrayList<>(sources);
        if (!set.isEmpty()) {
            out.add(this);
        }
        return out;
    }

    @Override
    public List<String> columns() {
        return set.traceColumns();
    }

    @Override
    public void fill(double[] row, int offset) {
        set.fill(row, offset);
    }

    List<MitigationOutcome> outcomes() {
        return set.outcomes();
    }
}
