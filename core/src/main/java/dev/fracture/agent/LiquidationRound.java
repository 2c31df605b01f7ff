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
        int n = plans.size();
        // The block order: the plans shuffled by the block's generator, then sorted by fee, highest first, keeping
        // the shuffled order among equal fees; the first plan of each position lands. That first plan is the one of
        // highest fee, and of those the earliest shuffled, so it is found in one pass without sorting every plan;
        // then only the winners are sorted, by (fee, shuffled place).
        Numbered numbered = positions(plans);
        int[] position = numbered.position();
        int positions = numbered.count();
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
        int[] best = new int[positions];
        Arrays.fill(best, -1);
        for (int place = 0; place < n; place++) {
            int plan = order[place];
            int p = position[plan];
            if (best[p] < 0 || Double.compare(plans.get(plan).priorityFeeGwei(),
                    plans.get(order[best[p]]).priorityFeeGwei()) > 0) {
                best[p] = place;
            }
        }
        List<Integer> places = new ArrayList<>(positions);
        for (int p = 0; p < positions; p++) {
            places.add(best[p]);
        }
        places.sort((x, y) -> {
            int byFee = Double.compare(plans.get(order[y]).priorityFeeGwei(), plans.get(order[x]).priorityFeeGwei());
            return byFee != 0 ? byFee : Integer.compare(x, y);
        });
        List<LiquidationPlan> landed = new ArrayList<>(positions);
        for (int place : places) {
            landed.add(plans.get(order[place]));
        }
        return landed;
    }

    /** Each plan's position number, and how many positions there are. */
    private record Numbered(int[] position, int count) {
    }

    /**
     * Numbers the positions of the plans 0, 1, … in order of first appearance. Plans for one position usually come
     * together with the very same opportunity object, which is recognized without hashing.
     */
    private static Numbered positions(List<LiquidationPlan> plans) {
        int[] position = new int[plans.size()];
        Map<Position, Integer> numbers = new HashMap<>();
        LiquidationOpportunity last = null;
        int lastNumber = -1;
        for (int i = 0; i < plans.size(); i++) {
            LiquidationOpportunity o = plans.get(i).opportunity();
            if (o != last) {
                Integer known = numbers.putIfAbsent(new Position(o.protocol(), o.account()), numbers.size());
                lastNumber = known != null ? known : numbers.size() - 1;
                last = o;
            }
            position[i] = lastNumber;
        }
        return new Numbered(position, numbers.size());
    }
}
