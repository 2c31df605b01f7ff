package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Liquity v1 trove liquidation (liquity/dev {@code packages/contracts/contracts/TroveManager.sol},
 * {@code _liquidateNormalMode}, {@code _liquidateRecoveryMode}, {@code _getOffsetAndRedistributionVals},
 * {@code _getCappedOffsetVals}, {@code _redistributeDebtAndColl}; {@code StabilityPool.sol}, {@code offset}):
 * <ul>
 * <li>the liquidator gets 1/200 of the collateral liquidated and the trove's 200 LUSD gas reserve;</li>
 * <li>debt is cancelled against stability-pool LUSD up to what the pool holds, and the matching share of the
 * collateral goes to depositors; the rest of debt and collateral is spread over the other troves in proportion to
 * their collateral;</li>
 * <li>recovery mode (TCR &lt; CCR): ICR ≤ 100% is purely redistributed; 100% &lt; ICR &lt; MCR is liquidated as in
 * normal mode; MCR ≤ ICR &lt; TCR is liquidated only when the pool covers the whole debt, taking collateral worth
 * MCR × debt and leaving the rest as a surplus the owner can claim; troves at or above TCR are not liquidated.</li>
 * </ul>
 * Amounts are doubles; the contract's 1e18 integer rounding and its redistribution error feedback are not
 * reproduced (see docs/model.md, CDPs).
 */
public final class LiquityLiquidation {
    public static final LiquityLiquidation V1 = new LiquityLiquidation(LiquityParams.V1);

    private final LiquityParams params;
    private final double mcr;
    private final double ccr;
    private final double gasCompensation;

    public LiquityLiquidation(LiquityParams params) {
        this.params = Checks.notNull(params, "params");
        this.mcr = params.mcrDouble();
        this.ccr = params.ccrDouble();
        this.gasCompensation = params.gasCompensationDouble();
    }

    public LiquityParams params() {
        return params;
    }

    /** True when the system is in recovery mode at {@code price}: TCR below CCR. */
    public boolean recoveryMode(LiquitySystem system, double price) {
        return system.tcr(checkPrice(price)) < ccr;
    }

    /** Liquidates the trove of {@code owner} at {@code price} if the rules of the current mode allow it. */
    public TroveLiquidation liquidate(LiquitySystem system, AccountId owner, double price) {
        checkPrice(price);
        Trove trove = system.trove(owner);
        double icr = trove.icr(price);
        double tcr = system.tcr(price);
        boolean recovery = tcr < ccr;
        if (system.troves().size() <= 1) {
            return unchanged(system, trove, recovery, icr, "only one trove in the system (TroveManager reverts)");
        }
        double pool = system.poolLusd();
        if (!recovery) {
            if (icr >= mcr) {
                return unchanged(system, trove, false, icr, "ICR at or above MCR in normal mode");
            }
            return offsetAndRedistribute(system, trove, icr, false, pool, "ICR below MCR");
        }
        if (icr <= 1) {
            return offsetAndRedistribute(system, trove, icr, true, 0, "recovery mode, ICR at or below 100%: "
                    + "pure redistribution");
        }
        if (icr < mcr) {
            return offsetAndRedistribute(system, trove, icr, true, pool, "recovery mode, ICR below MCR");
        }
        if (icr < tcr && trove.debt() <= pool) {
            return cappedOffset(system, trove, icr, price);
        }
        return unchanged(system, trove, true, icr, icr >= tcr ? "recovery mode, ICR at or above TCR"
                : "recovery mode, stability pool cannot cover the whole debt");
    }

    /**
     * Liquidates up to {@code max} troves in ascending ICR order (ties by owner), re-reading the mode after each as
     * {@code liquidateTroves} does; stops at the first trove that cannot be liquidated in normal mode, and in recovery
     * mode once ICR reaches MCR with an empty pool.
     */
    public List<TroveLiquidation> liquidateTroves(LiquitySystem system, double price, int max) {
        checkPrice(price);
        if (max < 0) {
            throw new IllegalArgumentException("max must be non-negative, got " + max);
        }
        List<TroveLiquidation> done = new ArrayList<>();
        Set<AccountId> tried = new HashSet<>();
        LiquitySystem current = system;
        while (done.size() < max) {
            // Redistribution moves ICRs, so the next trove is picked from the current state.
            Trove trove = null;
            for (Trove t : current.troves().values()) {
                if (!tried.contains(t.owner()) && (trove == null || compareIcr(t, trove, price) < 0)) {
                    trove = t;
                }
            }
            if (trove == null) {
                break;
            }
            tried.add(trove.owner());
            boolean recovery = recoveryMode(current, price);
            if (recovery && trove.icr(price) >= mcr && current.poolLusd() == 0) {
                break;
            }
            TroveLiquidation result = liquidate(current, trove.owner(), price);
            if (!result.liquidated()) {
                if (!recovery) {
                    break;
                }
                continue;
            }
            done.add(result);
            current = result.system();
        }
        return done;
    }

    private TroveLiquidation offsetAndRedistribute(LiquitySystem system, Trove trove, double icr, boolean recovery,
                                                   double pool, String reason) {
        double collGas = trove.coll() / params.percentDivisor();
        double collToLiquidate = trove.coll() - collGas;
        double debtOffset = Math.min(trove.debt(), pool);
        double collToPool = trove.debt() == 0 ? 0 : collToLiquidate * debtOffset / trove.debt();
        double debtRedistributed = trove.debt() - debtOffset;
        double collRedistributed = collToLiquidate - collToPool;
        TreeMap<AccountId, Trove> troves = new TreeMap<>(system.troves());
        troves.remove(trove.owner());
        redistribute(troves, debtRedistributed, collRedistributed);
        LiquitySystem next = new LiquitySystem(troves, offset(system, debtOffset, collToPool), system.collSurplus());
        return new TroveLiquidation(next, trove, recovery, true, reason, icr, debtOffset, collToPool,
                debtRedistributed, collRedistributed, collGas, gasCompensation, 0);
    }

    private TroveLiquidation cappedOffset(LiquitySystem system, Trove trove, double icr, double price) {
        double capped = trove.debt() * mcr / price;
        double collGas = capped / params.percentDivisor();
        double collToPool = capped - collGas;
        double surplus = trove.coll() - capped;
        TreeMap<AccountId, Trove> troves = new TreeMap<>(system.troves());
        troves.remove(trove.owner());
        TreeMap<AccountId, Double> surplusMap = new TreeMap<>(system.collSurplus());
        surplusMap.merge(trove.owner(), surplus, Double::sum);
        LiquitySystem next = new LiquitySystem(troves, offset(system, trove.debt(), collToPool), surplusMap);
        return new TroveLiquidation(next, trove, true, true, "recovery mode, MCR <= ICR < TCR: capped at MCR",
                icr, trove.debt(), collToPool, 0, 0, collGas, gasCompensation, surplus);
    }

    /**
     * StabilityPool.offset with pro-rata shares: every deposit loses the same fraction of its LUSD and gains collateral
     * in proportion to its LUSD before the offset. This equals the product-sum (P, S) scheme of the Liquity paper
     * without its rounding.
     */
    private static TreeMap<AccountId, Deposit> offset(LiquitySystem system, double debtOffset, double collToPool) {
        TreeMap<AccountId, Deposit> deposits = new TreeMap<>(system.deposits());
        double total = system.poolLusd();
        if (debtOffset == 0 || total == 0) {
            return deposits;
        }
        boolean emptied = debtOffset >= total;
        for (Map.Entry<AccountId, Deposit> e : deposits.entrySet()) {
            Deposit d = e.getValue();
            double share = d.lusd() / total;
            double left = emptied ? 0 : Math.max(0, d.lusd() - debtOffset * share);
            e.setValue(new Deposit(left, d.collGain() + collToPool * share));
        }
        return deposits;
    }

    /** _redistributeDebtAndColl with stakes equal to current collateral (rewards applied at once). */
    private static void redistribute(TreeMap<AccountId, Trove> troves, double debt, double coll) {
        if (debt == 0 && coll == 0) {
            return;
        }
        double totalColl = 0;
        for (Trove t : troves.values()) {
            totalColl += t.coll();
        }
        if (totalColl == 0) {
            throw new IllegalStateException("redistribution with no collateral in the other troves");
        }
        for (Map.Entry<AccountId, Trove> e : troves.entrySet()) {
            Trove t = e.getValue();
            double share = t.coll() / totalColl;
            e.setValue(new Trove(t.owner(), t.coll() + coll * share, t.debt() + debt * share));
        }
    }

    private static TroveLiquidation unchanged(LiquitySystem system, Trove trove, boolean recovery, double icr,
                                              String reason) {
        return new TroveLiquidation(system, trove, recovery, false, reason, icr, 0, 0, 0, 0, 0, 0, 0);
    }

    private static double checkPrice(double price) {
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("price must be finite and positive, got " + price);
        }
        return price;
    }

    /** Ascending ICR, ties by owner, so the batch order never depends on map iteration. */
    private static int compareIcr(Trove a, Trove b, double price) {
        int byIcr = Double.compare(a.icr(price), b.icr(price));
        return byIcr != 0 ? byIcr : a.owner().compareTo(b.owner());
    }
}
