package dev.fracture.agent;

import dev.fracture.model.AccountId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Liquidators competing for the same positions in one block. Transactions are ordered by priority fee, highest
 * first (the ordering EIP-1559 block builders use); equal fees are ordered by the run's seeded random generator,
 * so a run is reproducible and no liquidator wins ties systematically. The first transaction for a position
 * liquidates it; later ones for the same position do not land (with private order flow or bundles a reverted
 * liquidation costs nothing, which is the assumption here).
 */
public final class LiquidationRound {
    private LiquidationRound() {
    }

    /**
     * The plans by priority fee, highest first, plans of equal fee in their order here: a stable sort by
     * {@link Double#compare}. Each plan's key is its fee's rank among the distinct fees and its index, so one sort of
     * primitive longs does it.
     */
    private static List<LiquidationPlan> byFeeDescending(List<LiquidationPlan> plans) {
        int n = plans.size();
        double[] fees = new double[n];
        for (int i = 0; i < n; i++) {
            fees[i] = plans.get(i).priorityFeeGwei();
        }
        double[] distinct = fees.clone();
        Arrays.sort(distinct);
        int kinds = 0;
        for (int i = 0; i < n; i++) {
            if (kinds == 0 || Double.compare(distinct[i], distinct[kinds - 1]) != 0) {
                distinct[kinds++] = distinct[i];
            }
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = kinds - 1 - Arrays.binarySearch(distinct, 0, kinds, fees[i]);
            keys[i] = rank << 32 | i;
        }
        Arrays.sort(keys);
        List<LiquidationPlan> out = new ArrayList<>(n);
        for (long key : keys) {
            out.add(plans.get((int) key));
        }
        return out;
    }

    /** A position: an account of a protocol. */
    private record Position(ProtocolId protocol, AccountId account) {
    }

    /**
     * Orders the plans, keeps the first per position, records the winners in their ledgers as planned and returns
     * them in block order.
     */
    public static List<LiquidationPlan> settle(List<LiquidationPlan> plans, Map<String, LiquidatorLedger> ledgers,
                                               long block, SplittableRandom rng) {
        List<LiquidationPlan> landed = winners(plans, rng);
        for (LiquidationPlan plan : landed) {
            LiquidatorLedger ledger = ledgers.get(plan.liquidator());
            if (ledger == null) {
                throw new IllegalArgumentException("no ledger for liquidator '" + plan.liquidator() + "'");
            }
            ledger.record(plan, block);
        }
        return landed;
    }

    /**
     * The plans that land, in block order, without recording them: an engine that executes them one by one records
     * what each actually realized (its sale moves the venues the next one sells into).
     */
    public static List<LiquidationPlan> winners(List<LiquidationPlan> plans, SplittableRandom rng) {
        List<LiquidationPlan> shuffled = new ArrayList<>(plans);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            LiquidationPlan t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        List<LiquidationPlan> ordered = byFeeDescending(shuffled);
        Set<Position> taken = new HashSet<>();
        List<LiquidationPlan> landed = new ArrayList<>();
        for (LiquidationPlan plan : ordered) {
            LiquidationOpportunity o = plan.opportunity();
            if (taken.add(new Position(o.protocol(), o.account()))) {
                landed.add(plan);
            }
        }
        return landed;
    }
}
