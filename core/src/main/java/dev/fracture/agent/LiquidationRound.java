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
     * entries are no plan), without laying them out in one list: see {@link #winnersOfBids}.
     */
    public static List<LiquidationPlan> winnersOfRows(List<LiquidationPlan[]> rows, SplittableRandom rng) {
        List<Bids> bids = new ArrayList<>(rows.size());
        for (LiquidationPlan[] row : rows) {
            Bids b = Bids.of(row);
            if (b != null) {
                bids.add(b);
            }
        }
        return winnersOfBids(bids, rng);
    }

    /**
     * One opportunity's plans as a round needs them: how many there are, their highest fee, and the plans of that fee
     * with their numbers among the opportunity's plans (in the order given). A row of plans is summed up where it is
     * made (on the engine's threads), so the round reads a few plans per position, not every one.
     *
     * @param opportunity the opportunity every plan is for
     * @param count       how many plans
     * @param topFee      the highest priority fee among them, by {@link Double#compare}
     * @param top         the plans of that fee, in order
     * @param topAt       each one's number among the plans (0 for the first plan given)
     */
    public record Bids(LiquidationOpportunity opportunity, int count, double topFee, LiquidationPlan[] top,
                       int[] topAt) {
        /** The plans of {@code row} (null entries are no plan; all for one opportunity), or null when there are none. */
        public static Bids of(LiquidationPlan[] row) {
            int count = 0;
            int tops = 0;
            double fee = 0;
            for (LiquidationPlan plan : row) {
                if (plan == null) {
                    continue;
                }
                int c = count == 0 ? 1 : Double.compare(plan.priorityFeeGwei(), fee);
                if (c > 0) {
                    fee = plan.priorityFeeGwei();
                    tops = 1;
                } else if (c == 0) {
                    tops++;
                }
                count++;
            }
            if (count == 0) {
                return null;
            }
            LiquidationPlan[] top = new LiquidationPlan[tops];
            int[] topAt = new int[tops];
            int number = 0;
            int k = 0;
            for (LiquidationPlan plan : row) {
                if (plan == null) {
                    continue;
                }
                if (Double.compare(plan.priorityFeeGwei(), fee) == 0) {
                    top[k] = plan;
                    topAt[k++] = number;
                }
                number++;
            }
            return new Bids(top[0].opportunity(), count, fee, top, topAt);
        }
    }

    /**
     * {@link #winners(List, SplittableRandom)} of the plans of {@code bids} taken in order, bids after bids. Two bids
     * may be for the same position (protocol and account), as a Morpho account listed in two markets is, and then
     * only one of their plans lands.
     *
     * <p>The block order: the plans shuffled by the block's generator (Fisher–Yates from the last plan), then sorted
     * by fee, highest first, keeping the shuffled order among equal fees; the first plan of each position lands.
     * That plan is the one of the position's highest fee, and of those the earliest shuffled — so the shuffle is made
     * over plan numbers only, and its places are read back for the plans of highest fee alone. A deep cascade has
     * thousands of plans per round for the few positions that pay (every liquidator in range plans each one), and
     * reading each plan object in shuffled order is what cost the time.
     */
    public static List<LiquidationPlan> winnersOfBids(List<Bids> bids, SplittableRandom rng) {
        int rows = bids.size();
        int n = 0;
        int[] firstNumber = new int[rows];
        int[] positionOf = new int[rows];
        Map<Position, Integer> numbers = new HashMap<>();
        double[] topFee = new double[rows];
        for (int r = 0; r < rows; r++) {
            Bids b = bids.get(r);
            firstNumber[r] = n;
            LiquidationOpportunity o = b.opportunity();
            Integer known = numbers.putIfAbsent(new Position(o.protocol(), o.account()), numbers.size());
            int p = known != null ? known : numbers.size() - 1;
            positionOf[r] = p;
            if (known == null || Double.compare(b.topFee(), topFee[p]) > 0) {
                topFee[p] = b.topFee();
            }
            n += b.count();
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
        for (int r = 0; r < rows; r++) {
            Bids b = bids.get(r);
            int p = positionOf[r];
            if (Double.compare(b.topFee(), topFee[p]) != 0) {
                continue;
            }
            for (int k = 0; k < b.top().length; k++) {
                int place = placeOf[firstNumber[r] + b.topAt()[k]];
                if (place < bestPlace[p]) {
                    bestPlace[p] = place;
                    best[p] = b.top()[k];
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
