package dev.fracture.agent;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A crowd of liquidators on one chain at one moment, laid out for deciding about a position all at once: each
 * member's inputs to {@link Liquidator#plan} in flat arrays (latency, priority fee, minimum profit, slippage share,
 * inventory room, gas budget left, capital per debt asset), and the most permissive of them per group — the shortest
 * latency, the least cost of a liquidation (gas at a member's own priority fee plus its minimum profit, among the
 * members old enough to act), the largest slippage share, inventory room and capital. {@link Liquidator#planCrowd}
 * uses it to plan for all of them at once: to pass over, at the cost of one check, a position that every one of
 * hundreds of liquidators would turn down — in a cascade, most of the positions that stay liquidatable block after
 * block — and to size a sale once for every member that would make it.
 *
 * <p>Members are split as {@link Liquidator#plan} splits them: those that use flash loans (funded by the loan when
 * the position offers one) and the others (funded by their own capital). What never changes in a run — the
 * profiles — is kept once in a {@link Roster}; a crowd adds what the ledgers say now. A crowd is a snapshot: valid
 * while no ledger books anything, the prices object stays the same and the block does not change, e.g. for the
 * planners of one block. Safe for concurrent readers.
 */
public final class LiquidatorCrowd {
    private final Roster roster;
    private final ChainId chain;
    private final long block;
    private final double baseFeeGwei;
    private final double nativeUsd;
    private final double[] room;
    private final double[] gasLeft;
    /** Per debt asset on the crowd's chain: each member's capital. */
    private final ConcurrentHashMap<AssetId, double[]> capital = new ConcurrentHashMap<>();
    /** Per debt asset on the crowd's chain: {@link #planners} without a flash loan offered, then with one. */
    private final ConcurrentHashMap<AssetId, Planners[]> plannersByDebt = new ConcurrentHashMap<>();
    private final Group flashUsers;
    private final Group ownCapital;
    private final Group everyone;

    /**
     * The members' profiles, in flat arrays: the part of a crowd that is the same in every block of a run. The
     * ledgers are read when a crowd is made {@link #at} a moment.
     */
    public static final class Roster {
        private final List<LiquidatorLedger> ledgers;
        private final String[] id;
        private final boolean[] usesFlash;
        private final int[] latency;
        private final double[] priorityFee;
        private final double[] minProfit;
        private final double[] slippageShare;
        private final double[] maxInventory;
        /** The members by priority fee, highest first ({@link Double#compare}), in order among equal fees. */
        private final int[] byFee;
        /** Where each run of equal fees starts in {@link #byFee}, and its end as the last entry. */
        private final int[] feeLevelStarts;
        /** The fee level of each entry of {@link #byFee}. */
        private final int[] levelOf;

        public Roster(List<LiquidatorLedger> ledgers) {
            this.ledgers = List.copyOf(ledgers);
            int n = this.ledgers.size();
            id = new String[n];
            usesFlash = new boolean[n];
            latency = new int[n];
            priorityFee = new double[n];
            minProfit = new double[n];
            slippageShare = new double[n];
            maxInventory = new double[n];
            for (int k = 0; k < n; k++) {
                LiquidatorProfile p = this.ledgers.get(k).profile();
                id[k] = p.id();
                usesFlash[k] = p.usesFlashLoans();
                latency[k] = p.reactionLatencyBlocks();
                priorityFee[k] = p.priorityFeeGwei();
                minProfit[k] = p.minProfitUsd();
                slippageShare[k] = p.maxSlippageShareOfBonus();
                maxInventory[k] = p.maxInventoryUsd();
            }
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            // A stable sort: members of one fee stay in member order.
            Arrays.sort(order, (a, b) -> Double.compare(priorityFee[b], priorityFee[a]));
            byFee = new int[n];
            int[] starts = new int[n + 1];
            int levels = 0;
            for (int j = 0; j < n; j++) {
                byFee[j] = order[j];
                if (j == 0 || Double.compare(priorityFee[byFee[j]], priorityFee[byFee[j - 1]]) != 0) {
                    starts[levels++] = j;
                }
            }
            starts[levels] = n;
            feeLevelStarts = Arrays.copyOf(starts, levels + 1);
            levelOf = new int[n];
            for (int level = 0; level < levels; level++) {
                Arrays.fill(levelOf, feeLevelStarts[level], feeLevelStarts[level + 1], level);
            }
        }

        /**
         * The crowd on {@code chain} in {@code block} as the ledgers stand, inventories valued at {@code prices}, gas
         * paid at {@code baseFeeGwei} plus each member's priority fee in the chain's native asset worth
         * {@code nativeUsd}.
         */
        public LiquidatorCrowd at(ChainId chain, long block, UsdPrices prices, double baseFeeGwei, double nativeUsd) {
            return new LiquidatorCrowd(this, chain, block, prices, baseFeeGwei, nativeUsd);
        }
    }

    /** A crowd of {@code ledgers}: {@code new Roster(ledgers).at(...)}. */
    public LiquidatorCrowd(List<LiquidatorLedger> ledgers, ChainId chain, long block, UsdPrices prices,
                           double baseFeeGwei, double nativeUsd) {
        this(new Roster(ledgers), chain, block, prices, baseFeeGwei, nativeUsd);
    }

    private LiquidatorCrowd(Roster roster, ChainId chain, long block, UsdPrices prices, double baseFeeGwei,
                            double nativeUsd) {
        if (!(baseFeeGwei >= 0) || Double.isInfinite(baseFeeGwei)) {
            throw new IllegalArgumentException("liquidator crowd: base fee must be a finite number >= 0 gwei (was "
                    + baseFeeGwei + ")");
        }
        this.roster = roster;
        this.chain = chain;
        this.block = block;
        this.baseFeeGwei = baseFeeGwei;
        this.nativeUsd = nativeUsd;
        int n = roster.ledgers.size();
        room = new double[n];
        gasLeft = new double[n];
        for (int k = 0; k < n; k++) {
            LiquidatorLedger l = roster.ledgers.get(k);
            // The expressions Liquidator.plan computes them with, so that a decision made here is its decision.
            room[k] = roster.maxInventory[k] - l.inventoryUsd(prices);
            gasLeft[k] = l.gasBudgetLeft(chain, block);
        }
        flashUsers = new Group(true, false);
        ownCapital = new Group(false, true);
        everyone = new Group(true, true);
    }

    public ChainId chain() {
        return chain;
    }

    long block() {
        return block;
    }

    double baseFeeGwei() {
        return baseFeeGwei;
    }

    double nativeUsd() {
        return nativeUsd;
    }

    int size() {
        return room.length;
    }

    LiquidatorLedger ledger(int k) {
        return roster.ledgers.get(k);
    }

    String id(int k) {
        return roster.id[k];
    }

    int latency(int k) {
        return roster.latency[k];
    }

    double priorityFee(int k) {
        return roster.priorityFee[k];
    }

    double minProfit(int k) {
        return roster.minProfit[k];
    }

    double slippageShare(int k) {
        return roster.slippageShare[k];
    }

    /** Member {@code k}'s inventory room, USD: its most inventory less what it holds. */
    double room(int k) {
        return room[k];
    }

    double gasLeft(int k) {
        return gasLeft[k];
    }

    /** Whether member {@code k} uses flash loans where a position offers one. */
    boolean usesFlash(int k) {
        return roster.usesFlash[k];
    }

    /** How many distinct priority fees the members pay. */
    int feeLevels() {
        return roster.feeLevelStarts.length - 1;
    }

    /**
     * The members paying the {@code level}-th highest priority fee (0 the highest), in member order: entries
     * {@code [feeLevelStart(level), feeLevelStart(level + 1))} of {@link #memberByFee}.
     */
    int feeLevelStart(int level) {
        return roster.feeLevelStarts[level];
    }

    /** The {@code j}-th member by priority fee, highest first, in member order among equal fees. */
    int memberByFee(int j) {
        return roster.byFee[j];
    }

    /**
     * The members whose own cap on a position owing {@code debt} can be above zero, by fee ({@link Planners}): with a
     * flash loan offered, those who use flash loans (their cap is the position's repayable amount) and those holding
     * some of {@code debt}; without, those holding some of it. Every other member plans nothing for such a position,
     * so a search by fee need not ask them.
     */
    Planners planners(AssetId debt, boolean flashOffered) {
        Planners[] known = plannersByDebt.get(debt);
        if (known == null) {
            known = plannersByDebt.computeIfAbsent(debt, this::plannersOf);
        }
        return known[flashOffered ? 1 : 0];
    }

    /**
     * The members who may plan for a position owing one debt asset, by priority fee ({@link #planners}), in steps of
     * one fee level each: per step, where its places start, its level, the level's fee and, per kind of member (0: not
     * using flash loans, 1: using them, {@link #usesFlash}), the least capital in the debt asset among the step's
     * planners — what a search by fee reads to pass over a whole level without visiting its members (every member of a
     * kind at the group's cap when the least reaches it), from arrays read in order instead of through the roster's
     * places, levels and members one after another (the search visits about 26 million levels a run at 1,000,000
     * accounts).
     */
    static final class Planners {
        /** The places in {@link #memberByFee} order, ascending. */
        final int[] places;
        /** Per step, the index into {@link #places} of its first place; one more entry, the places' count. */
        final int[] stepStart;
        /**
         * Per step, its fee level: the {@code level} whose places {@code feeLevelStart(level) <= j < feeLevelStart(level
         * + 1)} hold the step's.
         */
        final int[] stepLevel;
        /** Per step, its level's priority fee: that of the level's first member by fee. */
        final double[] stepFee;
        /** Per kind and step: the least capital among the step's planners of that kind; NaN where it has none. */
        final double[][] stepLeast;

        /** Per kind and block of {@link #BLOCK} steps: the least of its steps' least capitals, NaN where none has any. */
        final double[][] blockLeast;
        /** Each group's summaries over the blocks ({@link #blocksOf}), made when first asked. */
        private final ConcurrentHashMap<Group, GroupBlocks> groupBlocks = new ConcurrentHashMap<>(4);

        private Planners(int[] places, int[] stepStart, int[] stepLevel, double[] stepFee, double[][] stepLeast) {
            this.places = places;
            this.stepStart = stepStart;
            this.stepLevel = stepLevel;
            this.stepFee = stepFee;
            this.stepLeast = stepLeast;
            int blocks = (stepLevel.length + BLOCK - 1) / BLOCK;
            this.blockLeast = new double[2][blocks];
            for (int kind = 0; kind < 2; kind++) {
                for (int b = 0; b < blocks; b++) {
                    blockLeast[kind][b] = leastNumber(stepLeast[kind], b * BLOCK, blockEnd(b));
                }
            }
        }

        /** How many fee levels the planners span. */
        int steps() {
            return stepLevel.length;
        }

        /** The step after the last of block {@code b}. */
        int blockEnd(int b) {
            return Math.min(stepLevel.length, (b + 1) * BLOCK);
        }

        /** {@code g}'s summaries over this list's blocks of steps. */
        GroupBlocks blocksOf(Group g) {
            GroupBlocks known = groupBlocks.get(g);
            return known != null ? known : groupBlocks.computeIfAbsent(g, x -> new GroupBlocks(this, x));
        }
    }

    /** Steps of fee levels a block of {@link Planners} sums up, for a search by fee to pass over at once. */
    static final int BLOCK = 8;

    /**
     * A group's fee-level figures summed up per block of a {@link Planners} list's steps: the least of the levels'
     * minimum profits (NaN where one is NaN: no block test passes then), whether any level has a member with
     * inventory room, and the least of the levels' least slippage shares that are numbers (+∞ where none is). What a
     * search by fee reads to pass over a block of levels at once — each level's own test bounded by the block's
     * figures (Liquidator's {@code blockPassedOver}).
     */
    static final class GroupBlocks {
        final double[] minProfit;
        final boolean[] anyRoom;
        final double[] minSlippageShare;

        private GroupBlocks(Planners planners, Group g) {
            int blocks = planners.blockLeast[0].length;
            minProfit = new double[blocks];
            anyRoom = new boolean[blocks];
            minSlippageShare = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                double profit = Double.POSITIVE_INFINITY;
                double share = Double.POSITIVE_INFINITY;
                boolean room = false;
                for (int step = b * BLOCK; step < planners.blockEnd(b); step++) {
                    int level = planners.stepLevel[step];
                    profit = Math.min(profit, g.levelMinProfit(level));
                    room |= g.levelMaxRoom(level) > 0;
                    double levelShare = g.levelMinSlippageShare(level);
                    if (levelShare < share) {
                        share = levelShare;
                    }
                }
                minProfit[b] = profit;
                anyRoom[b] = room;
                minSlippageShare[b] = share;
            }
        }
    }

    /** The least of {@code values[from, to)} that are numbers; NaN where none is. */
    private static double leastNumber(double[] values, int from, int to) {
        double least = Double.NaN;
        for (int k = from; k < to; k++) {
            if (Double.isNaN(least) || values[k] < least) {
                least = Double.isNaN(values[k]) ? least : values[k];
            }
        }
        return least;
    }

    private Planners[] plannersOf(AssetId debt) {
        double[] held = capital(debt);
        int[][] lists = placesByFee(held);
        return new Planners[] {summed(lists[0], held), summed(lists[1], held)};
    }

    private Planners summed(int[] places, double[] held) {
        int steps = 0;
        for (int i = 0; i < places.length; i++) {
            if (i == 0 || roster.levelOf[places[i]] != roster.levelOf[places[i - 1]]) {
                steps++;
            }
        }
        int[] stepStart = new int[steps + 1];
        int[] stepLevel = new int[steps];
        double[] stepFee = new double[steps];
        double[][] least = new double[2][steps];
        Arrays.fill(least[0], Double.NaN);
        Arrays.fill(least[1], Double.NaN);
        int s = -1;
        for (int i = 0; i < places.length; i++) {
            int level = roster.levelOf[places[i]];
            if (s < 0 || level != stepLevel[s]) {
                s++;
                stepStart[s] = i;
                stepLevel[s] = level;
                stepFee[s] = priorityFee(memberByFee(feeLevelStart(level)));
            }
            int k = roster.byFee[places[i]];
            double[] ofKind = least[roster.usesFlash[k] ? 1 : 0];
            if (Double.isNaN(ofKind[s]) || held[k] < ofKind[s]) {
                ofKind[s] = held[k];
            }
        }
        stepStart[steps] = places.length;
        return new Planners(places, stepStart, stepLevel, stepFee, least);
    }

    /** The places of the members holding some of the debt ({@code held}), then of those or using flash loans. */
    private int[][] placesByFee(double[] held) {
        int n = room.length;
        int[] withoutFlash = new int[n];
        int[] withFlash = new int[n];
        int without = 0;
        int with = 0;
        for (int j = 0; j < n; j++) {
            int k = roster.byFee[j];
            boolean funded = held[k] > 0;
            if (funded) {
                withoutFlash[without++] = j;
            }
            if (funded || roster.usesFlash[k]) {
                withFlash[with++] = j;
            }
        }
        return new int[][] {Arrays.copyOf(withoutFlash, without), Arrays.copyOf(withFlash, with)};
    }

    /** Every member's capital in {@code asset} on the crowd's chain, by member. */
    double[] capital(AssetId asset) {
        // A plain read first: computeIfAbsent locks its bin when the key is not the bin's first, and the planning
        // threads ask for the same few assets all round long.
        double[] known = capital.get(asset);
        if (known != null) {
            return known;
        }
        return capital.computeIfAbsent(asset, a -> {
            double[] c = new double[room.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = roster.ledgers.get(k).capital(chain, a);
            }
            return c;
        });
    }

    /** The members funded by a flash loan when a position offers one. */
    Group flashUsers() {
        return flashUsers;
    }

    /** The members funded by their own capital: those without flash loans, or everyone if none is offered. */
    Group ownCapital(boolean flashOffered) {
        return flashOffered ? ownCapital : everyone;
    }

    /**
     * A group's costs for one gas of a transaction, by age of a position from -1 to the longest latency (index age +
     * 1), each made the first time it is asked: asking again reads an array slot and writes nothing the planning
     * threads share (the slots publish safely; two threads making one slot make the same values).
     */
    record CostTable(long gasUnits, java.util.concurrent.atomic.AtomicReferenceArray<double[]> byAge) {
    }

    /** The extremes of one group of members. */
    final class Group {
        private final boolean withFlashUsers;
        private final boolean withOthers;
        /** The members' indexes in the crowd (in order), and those of the members with inventory room. */
        private final int[] members;
        private final int[] withRoom;
        private final int minLatencyBlocks;
        private final int maxLatencyBlocks;
        private final double maxRoomUsd;
        private final double maxSlippageShare;
        private final double minSlippageShareWithRoom;
        /**
         * Per fee level ({@link LiquidatorCrowd#feeLevelStart}), over the group's members paying that fee: the least
         * minimum profit (+∞ when the group has none there), the largest inventory room (−∞) and the least slippage
         * share (+∞).
         */
        private final double[] levelMinProfit;
        private final double[] levelMaxRoom;
        private final double[] levelMinSlippageShare;
        /** Per debt asset: the largest capital a member holds, and the smallest positive one. */
        private final ConcurrentHashMap<AssetId, double[]> capitalRange = new ConcurrentHashMap<>();
        /** Per debt asset: the members holding some of it, by what they hold, least first. */
        private final ConcurrentHashMap<AssetId, int[]> byCapital = new ConcurrentHashMap<>();
        /**
         * Per gas of a transaction, the costs at every age (see {@link #costs}). The last table asked is kept by each
         * reader ({@code Liquidator.CrowdPair}'s view, one thread's), not here: a field both planning threads wrote
         * would travel between their cores on every change of gas.
         */
        private final ConcurrentHashMap<Long, CostTable> costs = new ConcurrentHashMap<>();

        private Group(boolean withFlashUsers, boolean withOthers) {
            this.withFlashUsers = withFlashUsers;
            this.withOthers = withOthers;
            int shortest = Integer.MAX_VALUE;
            int longest = 0;
            double roomMax = Double.NEGATIVE_INFINITY;
            double share = Double.NEGATIVE_INFINITY;
            double leastShareWithRoom = Double.POSITIVE_INFINITY;
            // Made for every round that plans: plain int buffers, trimmed once, rather than lists of boxed indexes.
            int[] all = new int[room.length];
            int[] roomy = new int[room.length];
            int members = 0;
            int roomyMembers = 0;
            for (int k = 0; k < room.length; k++) {
                if (contains(k)) {
                    all[members++] = k;
                    shortest = Math.min(shortest, roster.latency[k]);
                    longest = Math.max(longest, roster.latency[k]);
                    roomMax = Math.max(roomMax, room[k]);
                    share = Math.max(share, roster.slippageShare[k]);
                    if (room[k] > 0) {
                        roomy[roomyMembers++] = k;
                        leastShareWithRoom = Math.min(leastShareWithRoom, roster.slippageShare[k]);
                    }
                }
            }
            this.members = Arrays.copyOf(all, members);
            this.withRoom = Arrays.copyOf(roomy, roomyMembers);
            this.minLatencyBlocks = shortest;
            this.maxLatencyBlocks = longest;
            this.maxRoomUsd = roomMax;
            this.maxSlippageShare = share;
            this.minSlippageShareWithRoom = leastShareWithRoom;
            int levels = roster.feeLevelStarts.length - 1;
            levelMinProfit = new double[levels];
            levelMaxRoom = new double[levels];
            levelMinSlippageShare = new double[levels];
            for (int level = 0; level < levels; level++) {
                double profit = Double.POSITIVE_INFINITY;
                double mostRoom = Double.NEGATIVE_INFINITY;
                double leastShare = Double.POSITIVE_INFINITY;
                for (int j = roster.feeLevelStarts[level]; j < roster.feeLevelStarts[level + 1]; j++) {
                    int k = roster.byFee[j];
                    if (contains(k)) {
                        profit = Math.min(profit, roster.minProfit[k]);
                        mostRoom = Math.max(mostRoom, room[k]);
                        leastShare = Math.min(leastShare, roster.slippageShare[k]);
                    }
                }
                levelMinProfit[level] = profit;
                levelMaxRoom[level] = mostRoom;
                levelMinSlippageShare[level] = leastShare;
            }
        }

        /** The least minimum profit of the group's members paying the {@code level}-th fee; +∞ when none does. */
        double levelMinProfit(int level) {
            return levelMinProfit[level];
        }

        /** The largest inventory room of the group's members paying the {@code level}-th fee; −∞ when none does. */
        double levelMaxRoom(int level) {
            return levelMaxRoom[level];
        }

        /** The least slippage share of the group's members paying the {@code level}-th fee; +∞ when none does. */
        double levelMinSlippageShare(int level) {
            return levelMinSlippageShare[level];
        }

        /** Whether member {@code k} belongs to the group. */
        boolean contains(int k) {
            return containsKind(roster.usesFlash[k]);
        }

        /** Whether the group holds the members who use flash loans ({@code flashUser}), or those who do not. */
        boolean containsKind(boolean flashUser) {
            return flashUser ? withFlashUsers : withOthers;
        }

        /** The members' indexes in the crowd, in order. */
        int[] members() {
            return members;
        }

        /** The members' indexes, in order, of those with inventory room: the only ones that may hold collateral. */
        int[] membersWithRoom() {
            return withRoom;
        }

        boolean isEmpty() {
            return members.length == 0;
        }

        int minLatencyBlocks() {
            return minLatencyBlocks;
        }

        /** The largest inventory room (USD) of any member; at most 0 when none may hold more collateral. */
        double maxRoomUsd() {
            return maxRoomUsd;
        }

        /** The largest share of the bonus any member lets slippage take. */
        double maxSlippageShare() {
            return maxSlippageShare;
        }

        /**
         * The smallest share of the bonus that a member with inventory room lets slippage take (+∞ when none has
         * room): a sale whose slippage stays within it is one every such member sells rather than holds.
         */
        double minSlippageShareWithRoom() {
            return minSlippageShareWithRoom;
        }

        /** The largest capital any member holds in {@code asset} on the crowd's chain (0 if none). */
        double maxCapital(AssetId asset) {
            return capitalRange(asset)[0];
        }

        /** The smallest positive capital any member holds in {@code asset} on the chain (+∞ if none holds any). */
        double minPositiveCapital(AssetId asset) {
            return capitalRange(asset)[1];
        }

        /**
         * The members holding some of {@code asset} on the crowd's chain, by what they hold, least first: those before
         * {@link #holdingLessThan} of a cap are, with a group's cap sale refused by all, the only members that may
         * still plan (each sizes a sale of its own).
         */
        int[] holdersByCapital(AssetId asset) {
            int[] holders = byCapital.get(asset);
            if (holders != null) {
                return holders;
            }
            return byCapital.computeIfAbsent(asset, a -> {
                double[] held = capital(a);
                return Arrays.stream(members).filter(k -> held[k] > 0).boxed()
                        .sorted((x, y) -> Double.compare(held[x], held[y])).mapToInt(Integer::intValue).toArray();
            });
        }

        /** How many of {@link #holdersByCapital} hold less than {@code cap} of {@code asset}: the first ones. */
        int holdingLessThan(AssetId asset, double cap) {
            int[] holders = holdersByCapital(asset);
            double[] held = capital(asset);
            int end = 0;
            while (end < holders.length && held[holders[end]] < cap) {
                end++;
            }
            return end;
        }

        private double[] capitalRange(AssetId asset) {
            double[] known = capitalRange.get(asset);
            if (known != null) {
                return known;
            }
            return capitalRange.computeIfAbsent(asset, a -> {
                double[] held = capital(a);
                double max = 0;
                double minPositive = Double.POSITIVE_INFINITY;
                for (int k : members) {
                    max = Math.max(max, held[k]);
                    if (held[k] > 0) {
                        minPositive = Math.min(minPositive, held[k]);
                    }
                }
                return new double[] {max, minPositive};
            });
        }

        /**
         * The least, over the members whose reaction latency has passed for a position {@code ageBlocks} old, of
         * gas (USD) for a transaction of {@code gasUnits} at the member's priority fee plus its minimum profit: what
         * a liquidation must earn before fees and gas for any of them to take it. Gas is reckoned with the
         * expression {@link Liquidator#plan} uses. +∞ when no member is old enough.
         */
        double cheapestCostUsd(long gasUnits, long ageBlocks) {
            return costs(gasUnits, ageBlocks)[0];
        }

        /**
         * The age the costs are reckoned at for a position {@code ageBlocks} old: past the longest latency (or before
         * the first block, -1) every age is alike.
         */
        int clampedAge(long ageBlocks) {
            return (int) Math.max(-1, Math.min(ageBlocks, maxLatencyBlocks));
        }

        /**
         * {least cost ({@link #cheapestCostUsd}), largest room per cost} for a position {@code ageBlocks} old; the
         * array is the group's own, to be read and not written. The second is the largest ratio of inventory room to
         * cost (a member's cost reckoned as for the first) among the members with room that are old enough to act, 0
         * when there are none: a member can hold at a profit only if its room times the bonus's share of the
         * collateral's value reaches its cost, so none can when that share times this ratio stays under one.
         */
        double[] costs(long gasUnits, long ageBlocks) {
            return costs(costTable(gasUnits), ageBlocks);
        }

        /**
         * The table of the costs for a transaction of {@code gasUnits}, at every age ({@link #costs(CostTable, long)}).
         */
        CostTable costTable(long gasUnits) {
            CostTable table = costs.get(gasUnits);
            if (table == null) {
                table = costs.computeIfAbsent(gasUnits, g -> new CostTable(g,
                        new java.util.concurrent.atomic.AtomicReferenceArray<>(maxLatencyBlocks + 2)));
            }
            return table;
        }

        /** {@link #costs(long, long)} from the table of that gas ({@link #costTable}). */
        double[] costs(CostTable table, long ageBlocks) {
            int age = clampedAge(ageBlocks);
            long gasUnits = table.gasUnits();
            double[] found = table.byAge().get(age + 1);
            if (found == null) {
                found = costsAt(gasUnits, age);
                table.byAge().set(age + 1, found);
            }
            return found;
        }

        /** {least cost, largest room per cost} among the members old enough to act at {@code age}. */
        private double[] costsAt(long gasUnits, int age) {
            double least = Double.POSITIVE_INFINITY;
            double roomPerCost = 0;
            for (int k : members) {
                if (roster.latency[k] <= age) {
                    double gasNative = gasUnits * (baseFeeGwei + roster.priorityFee[k]) * 1e-9;
                    double cost = gasNative * nativeUsd + roster.minProfit[k];
                    least = Math.min(least, cost);
                    if (room[k] > 0) {
                        roomPerCost = Math.max(roomPerCost, cost > 0 ? room[k] / cost : Double.POSITIVE_INFINITY);
                    }
                }
            }
            return new double[] {least, roomPerCost};
        }
    }
}
