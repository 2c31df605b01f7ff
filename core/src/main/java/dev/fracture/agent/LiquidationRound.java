package dev.fracture.agent;

import dev.fracture.model.AccountId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

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
     * Numbers the positions (an account of a protocol) of a round's bids in order of first appearance: an
     * open-addressed table of their hashes ({@link Bids#positionHash}), probed linearly, each slot one {@code long}
     * holding the hash (high word) and the position's number plus one (low word; 0: a free slot), the row of each
     * number's first bids kept beside in order — no key object and no boxed number per bid, and a position's ids are
     * read only when its hash meets an equal one (a map of records had been a tenth of the main thread's time in a
     * deep cascade, most of it reading each position's ids from memory: a round numbers every position with a plan,
     * up to a hundred thousand). One word per slot, so that a probe of a table larger than the processor's caches
     * reads one array, not three (with three, the numbering was over half of the round's samples in a profile at
     * 1,000,000 accounts: docs/cascade-steps.md, step 82).
     */
    private static final class PositionNumbers {
        private final BidRows rows;
        private final long[] table;
        /** The row of each number's first bids, in order of the numbers. */
        private final int[] firstRow;
        private final int mask;
        private int size;

        PositionNumbers(BidRows rows) {
            this.rows = rows;
            int capacity = Integer.highestOneBit(Math.max(16, rows.size() * 2 - 1)) << 1;
            table = new long[capacity];
            firstRow = new int[Math.max(1, rows.size())];
            mask = capacity - 1;
        }

        /** The number of the position row {@code r} bids for, the next one when it is new. */
        int number(int r) {
            int h = rows.hash[r];
            long hashWord = (long) h << 32;
            int at = (h ^ (h >>> 16)) & mask;
            long entry;
            while ((entry = table[at]) != 0) {
                if ((entry & 0xFFFF_FFFF_0000_0000L) == hashWord) {
                    int number = (int) entry - 1;
                    if (samePosition(rows.bids[firstRow[number]].opportunity(), rows.bids[r].opportunity())) {
                        return number;
                    }
                }
                at = (at + 1) & mask;
            }
            table[at] = hashWord | (size + 1L);
            firstRow[size] = r;
            return size++;
        }

        private static boolean samePosition(LiquidationOpportunity a, LiquidationOpportunity b) {
            return a.account().equals(b.account()) && a.protocol().equals(b.protocol());
        }

        int size() {
            return size;
        }
    }

    /**
     * A round's bids, row after row, with what the round orders them by kept flat beside them — each row's position
     * hash, top fee and count of plans, read from the bids when they are added, where they are made (on the engine's
     * threads, the bids then in that processor's cache): the thread that orders a round of a hundred thousand rows
     * reads these arrays in order instead of each row's object.
     */
    public static final class BidRows {
        private Bids[] bids;
        /** Each row's position's slot in its book's listing (-1: not known), handed to the winner that lands. */
        private int[] slot;
        private int[] hash;
        private double[] fee;
        private int[] count;
        private int size;

        public BidRows() {
            this(16);
        }

        private BidRows(int capacity) {
            bids = new Bids[capacity];
            slot = new int[capacity];
            hash = new int[capacity];
            fee = new double[capacity];
            count = new int[capacity];
        }

        /** Adds {@code b} as the next row, its position's slot not known. */
        public void add(Bids b) {
            add(b, -1);
        }

        /**
         * Adds {@code b} as the next row, of the position at {@code positionSlot} in its book's listing (-1: not
         * known): {@link Winners#slotOf} hands it to the landing.
         */
        public void add(Bids b, int positionSlot) {
            if (b == null) {
                throw new IllegalArgumentException("bid rows: a row's bids are missing");
            }
            room(size + 1);
            bids[size] = b;
            slot[size] = positionSlot;
            hash[size] = b.positionHash();
            fee[size] = b.topFee();
            count[size] = b.count();
            size++;
        }

        /** Adds {@code other}'s rows after these, in their order. */
        public void addAll(BidRows other) {
            room(size + other.size);
            System.arraycopy(other.bids, 0, bids, size, other.size);
            System.arraycopy(other.slot, 0, slot, size, other.size);
            System.arraycopy(other.hash, 0, hash, size, other.size);
            System.arraycopy(other.fee, 0, fee, size, other.size);
            System.arraycopy(other.count, 0, count, size, other.size);
            size += other.size;
        }

        /** {@code rows} as bid rows, in order. */
        public static BidRows of(List<Bids> rows) {
            BidRows all = new BidRows(Math.max(1, rows.size()));
            rows.forEach(all::add);
            return all;
        }

        public int size() {
            return size;
        }

        private void room(int needed) {
            if (needed > bids.length) {
                int capacity = Math.max(needed, bids.length * 2);
                bids = Arrays.copyOf(bids, capacity);
                slot = Arrays.copyOf(slot, capacity);
                hash = Arrays.copyOf(hash, capacity);
                fee = Arrays.copyOf(fee, capacity);
                count = Arrays.copyOf(count, capacity);
            }
        }
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
     *
     * <p>The block order: transactions by priority fee, highest first, equal fees in a random order, and the first
     * transaction for a position lands. Only a position's plans of its highest fee can come first for it, so only
     * those are put in order: they are shuffled by the block's generator (Fisher–Yates from the last, over those plans
     * in the order given), then sorted by fee, highest first, keeping the shuffled order among equal fees, and the
     * first of each position lands. A uniform shuffle of every plan puts any subset of them in a uniform random order,
     * so the winners and their order have the same law as under a shuffle of every plan; the draws are fewer — one
     * per plan that can win, not one per plan (a deep cascade plans a position once per liquidator in range, about a
     * hundred times, for one or two that can win).
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
     * One opportunity's plans as a round needs them: their highest fee and the plans of that fee, in the order given
     * (the only ones of the row that can land). A row is summed up where it is made (on the engine's threads), and
     * the fast engine's crowd finds these plans without making the others ({@code Liquidator.bidCrowd}) — and makes
     * them only on demand ({@link #plan}): a round lands one plan per position, and in a deep cascade tens of
     * members tie at the top fee of each position that pays, tens of millions of plans in a run of which a few
     * hundred thousand land.
     */
    public static final class Bids {
        private final LiquidationOpportunity opportunity;
        private final double topFee;
        /** The plans of the top fee, in order; a null entry is one {@link #maker} makes for its member on demand. */
        private final LiquidationPlan[] top;
        private final int[] members;
        private final IntFunction<LiquidationPlan> maker;
        private final int positionHash;
        /** {@code top.length}, kept beside the fee and the hash: the round reads these three of every row at once. */
        private final int count;
        /** Which plans not made are flash sales of the amounts below (null: none is known so). */
        private final boolean[] flashSales;
        private final double flashRepay;
        private final double flashCollateral;

        /**
         * @param opportunity the opportunity every plan is for
         * @param topFee      the highest priority fee among the row's plans, by {@link Double#compare}
         * @param top         the plans of that fee, in order (at least one)
         */
        public Bids(LiquidationOpportunity opportunity, double topFee, LiquidationPlan[] top) {
            this(opportunity, topFee, top.clone(), null, null);
            for (LiquidationPlan plan : top) {
                if (plan == null) {
                    throw new IllegalArgumentException("bids: a plan of the top fee is missing");
                }
            }
        }

        private Bids(LiquidationOpportunity opportunity, double topFee, LiquidationPlan[] top, int[] members,
                     IntFunction<LiquidationPlan> maker) {
            // Taken where the bids are made (where the opportunity's ids are in the processor's cache), so that the
            // round numbering a hundred thousand positions compares numbers before it reads any id.
            this(opportunity, positionHash(opportunity), topFee, top, members, maker);
        }

        private Bids(LiquidationOpportunity opportunity, int positionHash, double topFee, LiquidationPlan[] top,
                     int[] members, IntFunction<LiquidationPlan> maker) {
            this(opportunity, positionHash, topFee, top, members, maker, null, 0, 0);
        }

        private Bids(LiquidationOpportunity opportunity, int positionHash, double topFee, LiquidationPlan[] top,
                     int[] members, IntFunction<LiquidationPlan> maker, boolean[] flashSales, double flashRepay,
                     double flashCollateral) {
            if (top.length == 0) {
                throw new IllegalArgumentException("bids: no plan of the top fee");
            }
            this.opportunity = opportunity;
            this.topFee = topFee;
            this.top = top;
            this.members = members;
            this.maker = maker;
            this.positionHash = positionHash;
            this.count = top.length;
            this.flashSales = flashSales;
            this.flashRepay = flashRepay;
            this.flashCollateral = flashCollateral;
        }

        /**
         * Bids whose plans of the top fee are made on demand: {@code made[j]} when it is not null, else
         * {@code maker} of member {@code members[j]}, which must make that very plan (the same every time it is
         * asked until the round's plans land: nothing it reads changes in between).
         */
        public static Bids onDemand(LiquidationOpportunity opportunity, double topFee, LiquidationPlan[] made,
                                    int[] members, IntFunction<LiquidationPlan> maker) {
            return onDemand(opportunity, positionHash(opportunity), topFee, made, members, maker);
        }

        /**
         * {@link #onDemand(LiquidationOpportunity, double, LiquidationPlan[], int[], IntFunction)} given the
         * position's hash, {@code positionHash} — which must be {@link #positionHash(LiquidationOpportunity)} of
         * {@code opportunity}: a caller that keeps it per position (the fast engine's record of each position) spares
         * the bids reading the position's ids, two scattered objects, for every round the position is planned in.
         */
        public static Bids onDemand(LiquidationOpportunity opportunity, int positionHash, double topFee,
                                    LiquidationPlan[] made, int[] members, IntFunction<LiquidationPlan> maker) {
            requireOnePlanPerMember(made, members);
            return new Bids(opportunity, positionHash, topFee, made, members, maker);
        }

        /** Refuses plans and members of different lengths: each plan of the top fee is one member's. */
        private static void requireOnePlanPerMember(LiquidationPlan[] made, int[] members) {
            if (made.length != members.length) {
                throw new IllegalArgumentException("bids: " + made.length + " plans for " + members.length
                        + " members");
            }
        }

        /**
         * {@link #onDemand(LiquidationOpportunity, int, double, LiquidationPlan[], int[], IntFunction)} where the
         * plans not made that {@code flashSales} marks are flash-funded sales repaying {@code flashRepay} of the debt
         * for {@code flashCollateral} of the collateral ({@link #knownFlashSale}), and {@code maker} makes each of
         * them from what was fixed when the bids were made, so that it may be asked while the round's plans land.
         */
        public static Bids onDemand(LiquidationOpportunity opportunity, int positionHash, double topFee,
                                    LiquidationPlan[] made, int[] members, IntFunction<LiquidationPlan> maker,
                                    boolean[] flashSales, double flashRepay, double flashCollateral) {
            if (flashSales.length != made.length) {
                throw new IllegalArgumentException("bids: " + flashSales.length + " flash-sale marks for "
                        + made.length + " plans");
            }
            for (int j = 0; j < made.length; j++) {
                if (flashSales[j] && made[j] != null) {
                    throw new IllegalArgumentException("bids: plan " + j + " is marked a flash sale to make, but is"
                            + " made");
                }
            }
            if (!(flashRepay > 0) || !(flashCollateral > 0) || Double.isInfinite(flashRepay)
                    || Double.isInfinite(flashCollateral)) {
                throw new IllegalArgumentException("bids: a flash sale's repayment and collateral must be finite and"
                        + " positive (were " + flashRepay + " and " + flashCollateral + ")");
            }
            requireOnePlanPerMember(made, members);
            return new Bids(opportunity, positionHash, topFee, made, members, maker, flashSales, flashRepay,
                    flashCollateral);
        }

        /**
         * Whether the {@code j}-th plan of the top fee, not made yet, is a flash-funded sale of known amounts
         * ({@link #flashRepay}, {@link #flashCollateral}) by member {@link #member}: what landing reads to tell
         * whether it reverts, known without making it.
         */
        public boolean knownFlashSale(int j) {
            return flashSales != null && flashSales[j];
        }

        /** The debt repaid by each plan {@link #knownFlashSale} marks (that plan's {@code repay()}). */
        public double flashRepay() {
            return flashRepay;
        }

        /** The collateral seized and sold by each plan {@link #knownFlashSale} marks (its {@code collateral()}). */
        public double flashCollateral() {
            return flashCollateral;
        }

        /** The member (as numbered by the maker) whose plan is the {@code j}-th of the top fee; -1 when not known. */
        public int member(int j) {
            return members == null ? -1 : members[j];
        }

        /** The opportunity every plan is for. */
        public LiquidationOpportunity opportunity() {
            return opportunity;
        }

        /** The highest priority fee among the row's plans, by {@link Double#compare}. */
        public double topFee() {
            return topFee;
        }

        /** How many plans are of the top fee. */
        public int count() {
            return count;
        }

        /** The {@code j}-th plan of the top fee, in order, made now if it was not. */
        public LiquidationPlan plan(int j) {
            LiquidationPlan made = top[j];
            if (made != null) {
                return made;
            }
            LiquidationPlan plan = maker.apply(members[j]);
            if (plan == null || Double.compare(plan.priorityFeeGwei(), topFee) != 0) {
                throw new IllegalStateException("bids: member " + members[j] + "'s plan for "
                        + opportunity.account() + " is no longer one of the top fee");
            }
            return plan;
        }

        /** Every plan of the top fee, in order (made now where they were not). */
        public LiquidationPlan[] top() {
            LiquidationPlan[] all = new LiquidationPlan[top.length];
            for (int j = 0; j < all.length; j++) {
                all[j] = plan(j);
            }
            return all;
        }

        /** {@link #positionHash(LiquidationOpportunity)} of the opportunity's position. */
        public int positionHash() {
            return positionHash;
        }

        /** The hash of the position (protocol, account) {@code o} is for. */
        public static int positionHash(LiquidationOpportunity o) {
            return 31 * o.protocol().hashCode() + o.account().hashCode();
        }

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
            int k = 0;
            for (LiquidationPlan plan : row) {
                if (plan != null && Double.compare(plan.priorityFeeGwei(), fee) == 0) {
                    top[k++] = plan;
                }
            }
            return new Bids(top[0].opportunity(), fee, top);
        }
    }

    /**
     * {@link #winners(List, SplittableRandom)} of the plans of {@code bids} taken in order, bids after bids. Two bids
     * may be for the same position (protocol and account), as a Morpho account listed in two markets is, and then
     * only one of their plans lands, one of the highest fee of the two: a bid below its position's highest fee takes
     * no part in the shuffle.
     */
    public static List<LiquidationPlan> winnersOfBids(List<Bids> bids, SplittableRandom rng) {
        Winners winners = winningBids(bids, rng);
        List<LiquidationPlan> landed = new ArrayList<>(winners.size());
        for (int w = 0; w < winners.size(); w++) {
            landed.add(winners.plan(w));
        }
        return landed;
    }

    /**
     * The plans that land, in block order, as bids and places in them, their plans not yet made: {@link #plan} of
     * each may be asked on any thread (each once, in any order) until the round's plans land — in a deep cascade a
     * round has tens of thousands of winners, each made where the bids were, away from the thread that lands them.
     * A plan its bids mark a {@linkplain Bids#knownFlashSale known flash sale} may also be asked while they land.
     */
    public static final class Winners {
        private final Bids[] bids;
        private final int[] place;
        private final int[] slot;

        private Winners(Bids[] bids, int[] place, int[] slot) {
            this.bids = bids;
            this.place = place;
            this.slot = slot;
        }

        public int size() {
            return bids.length;
        }

        /** The {@code w}-th plan to land, in block order. */
        public LiquidationPlan plan(int w) {
            return bids[w].plan(place[w]);
        }

        /** The bids the {@code w}-th plan to land is one of. */
        public Bids bidsOf(int w) {
            return bids[w];
        }

        /** The place among {@link #bidsOf}'s plans of the top fee of the {@code w}-th plan to land. */
        public int placeOf(int w) {
            return place[w];
        }

        /** The slot its row was added with ({@link BidRows#add(Bids, int)}) of the {@code w}-th plan to land. */
        public int slotOf(int w) {
            return slot[w];
        }
    }

    /** {@link #winnersOfBids}, its plans made on demand ({@link Winners#plan}). */
    public static Winners winningBids(List<Bids> bids, SplittableRandom rng) {
        return winningBids(BidRows.of(bids), rng);
    }

    /**
     * {@link #winningBids(List, SplittableRandom)} of rows kept as {@link BidRows}: the round reads each row's bids
     * only to make its winner's plan.
     */
    public static Winners winningBids(BidRows bidRows, SplittableRandom rng) {
        int rows = bidRows.size();
        int[] positionOf = new int[rows];
        PositionNumbers numbers = new PositionNumbers(bidRows);
        double[] topFee = new double[rows];
        double[] rowFee = bidRows.fee;
        int[] rowCount = bidRows.count;
        for (int r = 0; r < rows; r++) {
            int before = numbers.size();
            int p = numbers.number(r);
            double fee = rowFee[r];
            positionOf[r] = p;
            if (p == before || Double.compare(fee, topFee[p]) > 0) {
                topFee[p] = fee;
            }
        }
        // The plans that can land, in the order given: each row's top plans when they are its position's.
        int m = 0;
        for (int r = 0; r < rows; r++) {
            if (Double.compare(rowFee[r], topFee[positionOf[r]]) == 0) {
                m += rowCount[r];
            }
        }
        // Each plan that can land as its row and its place among the row's bids: only the winners are made.
        int[] rowOfPlan = new int[m];
        int[] placeInBids = new int[m];
        // Each plan as its position (high word) and its index (low word), shuffled together: the pass over the
        // places below then reads the shuffled array in order instead of looking each plan's position up.
        long[] order = new long[m];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (Double.compare(rowFee[r], topFee[positionOf[r]]) == 0) {
                long position = (long) positionOf[r] << 32;
                for (int j = 0; j < rowCount[r]; j++) {
                    rowOfPlan[i] = r;
                    placeInBids[i] = j;
                    order[i] = position | i;
                    i++;
                }
            }
        }
        for (int k = m - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            long t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        // Places in shuffled order: a position's first plan there is its winner, and its place orders equal fees.
        int positions = numbers.size();
        boolean[] won = new boolean[positions];
        int[] best = new int[positions];
        int[] byPlace = new int[positions];
        int found = 0;
        for (int place = 0; place < m; place++) {
            long plan = order[place];
            int p = (int) (plan >>> 32);
            if (!won[p]) {
                won[p] = true;
                best[p] = (int) plan;
                byPlace[found++] = p;
            }
        }
        // byPlace lists the positions by their winner's place; a stable sort by fee, highest first, is the block
        // order: a counting sort by the fee's rank among the round's few distinct fees (a crowd's fee levels),
        // each rank's positions kept in place order.
        double[] distinct = distinctAscending(topFee, positions);
        // Each position's rank, found in position order, where neighbours mostly share a fee (a pair's positions
        // come together and most of its crowd bids one level): a fee equal to the last one's takes its rank unsearched.
        int[] rankOfPosition = new int[positions];
        long lastFee = 0;
        int lastRank = -1;
        for (int p = 0; p < positions; p++) {
            long fee = Double.doubleToRawLongBits(topFee[p]);
            if (lastRank < 0 || fee != lastFee) {
                lastRank = distinct.length - 1 - Arrays.binarySearch(distinct, topFee[p]);
                lastFee = fee;
            }
            rankOfPosition[p] = lastRank;
        }
        int[] rankOf = new int[positions];
        int[] next = new int[distinct.length + 1];
        for (int q = 0; q < positions; q++) {
            int rankFromTop = rankOfPosition[byPlace[q]];
            rankOf[q] = rankFromTop;
            next[rankFromTop + 1]++;
        }
        for (int k = 1; k < next.length; k++) {
            next[k] += next[k - 1];
        }
        // Each winner's row and place, read in position order: a position's plans lie together, so these reads go
        // forward through the plans' arrays instead of jumping across them in block order.
        int[] winnerRow = new int[positions];
        int[] winnerPlace = new int[positions];
        for (int p = 0; p < positions; p++) {
            winnerRow[p] = rowOfPlan[best[p]];
            winnerPlace[p] = placeInBids[best[p]];
        }
        Bids[] landingBids = new Bids[positions];
        int[] landingPlace = new int[positions];
        int[] landingSlot = new int[positions];
        for (int q = 0; q < positions; q++) {
            int at = next[rankOf[q]]++;
            int p = byPlace[q];
            landingBids[at] = bidRows.bids[winnerRow[p]];
            landingPlace[at] = winnerPlace[p];
            landingSlot[at] = bidRows.slot[winnerRow[p]];
        }
        return new Winners(landingBids, landingPlace, landingSlot);
    }

    /** Beyond this many distinct fees, {@link #distinctAscending(double[], int)} sorts instead of inserting. */
    private static final int FEW_FEES = 64;

    /**
     * The distinct values among the first {@code n} of {@code values} (left as they are) in ascending
     * {@link Double#compare} order: a round's fees are its crowd's few fee levels, so each is looked up in the
     * distinct ones found so far and inserted when new, with no sort of all of them unless they turn out many.
     */
    private static double[] distinctAscending(double[] values, int n) {
        double[] found = new double[8];
        int size = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && Double.doubleToRawLongBits(values[k]) == Double.doubleToRawLongBits(values[k - 1])) {
                continue; // the last value's again: already among those found
            }
            int at = Arrays.binarySearch(found, 0, size, values[k]);
            if (at >= 0) {
                continue;
            }
            if (size == FEW_FEES) {
                return distinctAscending(Arrays.copyOf(values, n));
            }
            int insert = -(at + 1);
            if (size == found.length) {
                found = Arrays.copyOf(found, size * 2);
            }
            System.arraycopy(found, insert, found, insert + 1, size - insert);
            found[insert] = values[k];
            size++;
        }
        return Arrays.copyOf(found, size);
    }

    /** The distinct values of {@code values} in ascending {@link Double#compare} order (the array is sorted). */
    private static double[] distinctAscending(double[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int k = 0; k < values.length; k++) {
            if (n == 0 || Double.compare(values[k], values[n - 1]) != 0) {
                values[n++] = values[k];
            }
        }
        return Arrays.copyOf(values, n);
    }
}
