package dev.fracture.agent;

import dev.fracture.model.AccountId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<LiquidationPlan[]> rows = new ArrayList<>(plans.size());
        for (LiquidationPlan plan : plans) {
            rows.add(new LiquidationPlan[] {plan});
        }
        return winnersOfRows(rows, rng);
    }

    /**
     * {@link #winners(List, SplittableRandom)} of the plans of {@code rows} taken in order, row after row (null
     * entries are no plan), without laying them out in one list. A row holds the plans for one opportunity (its
     * plans share the opportunity object); two rows may be the same position (protocol and account), as a Morpho
     * account listed in two markets is, and then only one of their plans lands.
     *
     * <p>The block order: the plans shuffled by the block's generator (Fisher–Yates from the last plan), then sorted
     * by fee, highest first, keeping the shuffled order among equal fees; the first plan of each position lands.
     * That plan is the one of the position's highest fee, and of those the earliest shuffled — so the shuffle is made
     * over plan numbers only, and its places are read back for those few plans alone. A deep cascade has thousands
     * of plans per round for the few positions that pay (every liquidator in range plans each one), and reading each
     * plan object in shuffled order is what cost the time.
     */
    public static List<LiquidationPlan> winnersOfRows(List<LiquidationPlan[]> rowList, SplittableRandom rng) {
        LiquidationPlan[][] rows = rowList.toArray(new LiquidationPlan[0][]);
        int n = 0;
        int[] firstNumber = new int[rows.length];
        int[] positionOf = new int[rows.length];
        Map<Position, Integer> numbers = new HashMap<>();
        double[] topFee = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            firstNumber[r] = n;
            positionOf[r] = -1;
            LiquidationOpportunity o = null;
            for (LiquidationPlan plan : rows[r]) {
                if (plan == null) {
                    continue;
                }
                if (o == null) {
                    o = plan.opportunity();
                    Integer known = numbers.putIfAbsent(new Position(o.protocol(), o.account()), numbers.size());
                    positionOf[r] = known != null ? known : numbers.size() - 1;
                    if (known == null) {
                        topFee[positionOf[r]] = plan.priorityFeeGwei();
                    }
                }
                int p = positionOf[r];
                if (Double.compare(plan.priorityFeeGwei(), topFee[p]) > 0) {
                    topFee[p] = plan.priorityFeeGwei();
                }
                n++;
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] placeOf = new int[n];
        for (int place = 0; place < n; place++) {
            placeOf[order[place]] = place;
        }
        int positions = numbers.size();
        int[] bestPlace = new int[positions];
        LiquidationPlan[] best = new LiquidationPlan[positions];
        Arrays.fill(bestPlace, Integer.MAX_VALUE);
        for (int r = 0; r < rows.length; r++) {
            int p = positionOf[r];
            if (p < 0) {
                continue;
            }
            int number = firstNumber[r];
            for (LiquidationPlan plan : rows[r]) {
                if (plan == null) {
                    continue;
                }
                int place = placeOf[number++];
                if (Double.compare(plan.priorityFeeGwei(), topFee[p]) == 0 && place < bestPlace[p]) {
                    bestPlace[p] = place;
                    best[p] = plan;
                }
            }
        }
        Integer[] byOrder = new Integer[positions];
        for (int p = 0; p < positions; p++) {
            byOrder[p] = p;
        }
        Arrays.sort(byOrder, (x, y) -> {
            int byFee = Double.compare(best[y].priorityFeeGwei(), best[x].priorityFeeGwei());
            return byFee != 0 ? byFee : Integer.compare(bestPlace[x], bestPlace[y]);
        });
        List<LiquidationPlan> landed = new ArrayList<>(positions);
        for (int p : byOrder) {
            landed.add(best[p]);
        }
        return landed;
    }
}
