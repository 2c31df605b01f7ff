package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.agent.UsdPrices;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast engine's memory of positions nobody planned: a position that no liquidator planned in one block is planned
 * by none in a later block whose every input to their decisions is the same. {@code Liquidator.plan} reads
 * <ul>
 *   <li>of the position: the opportunity's terms, and how many blocks ago it was first seen (its reaction latency
 *   counts from then; past the largest latency the age no longer matters);</li>
 *   <li>of the block: the base fee, the prices of the debt, the collateral and the chain's gas asset, and the quotes
 *   for selling the collateral for the debt ({@link SaleQuotes#stateVersion}: the state of the venues they read);</li>
 *   <li>of each liquidator: its profile (fixed), its capital and inventory ({@link LiquidatorLedger#version}), its
 *   inventory's value at the block's prices and its gas budget left on the chain.</li>
 * </ul>
 * It reads nothing else, so skipping the position then gives the same bits as planning it (the reference simulator
 * always plans; {@code ReferenceEqualityTest} holds the two equal). A position nobody will liquidate — too small, no
 * venue for its collateral, slippage over every liquidator's limit — then costs one comparison of its inputs per
 * block while they stay the same.
 *
 * <p>The liquidators' inputs are compared once per chain and round, which gives the crowd a stamp (a number that
 * changes whenever any liquidator's inputs do); the block's inputs are shared by every position of one pair (chain,
 * collateral, debt), read once per round into the pair's state, which is stamped the same way. A position compares
 * its opportunity (the same object as last round, as the books hand it back while their answer stands, or equal
 * terms), its age and its pair's stamp; its verdict is the crowd stamp of the round nobody planned it in, kept in the
 * desk's record of the position (forgotten when the position is no longer liquidatable). In a deep cascade hundreds
 * of thousands of positions nobody can take are listed every block, and this is what each of them costs.
 */
final class PlanVerdicts {
    private final List<LiquidatorLedger> ledgers;
    /** Ages past this are all alike: every liquidator's latency has passed. */
    private final long ageCap;
    private final Map<ChainId, CrowdStamp> stamps = new HashMap<>();
    /** The state of each pair (chain, collateral, debt) positions have traded, kept across rounds. */
    private final Map<List<Object>, PairState> pairs = new HashMap<>();
    /** Counts the rounds, so that a pair's or chain's inputs are read once per round. */
    private long rounds;
    /** The next stamp to hand out; 0 means "no verdict", so it starts at 1. */
    private long nextStamp = 1;

    PlanVerdicts(List<LiquidatorLedger> ledgers) {
        this.ledgers = List.copyOf(ledgers);
        long maxLatency = 0;
        for (LiquidatorLedger l : this.ledgers) {
            maxLatency = Math.max(maxLatency, l.profile().reactionLatencyBlocks());
        }
        this.ageCap = maxLatency + 1;
    }

    /**
     * The round of a protocol's plans in a block, made whole on the calling thread: {@link #open}, then every
     * position observed ({@link Round#observe}) in one slice.
     */
    Round round(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen, BlockContext block,
                SaleQuotes quotes, UsdPrices usd) {
        Round round = open(opportunities, seen, onePerPair(opportunities, 0, opportunities.size()), block, quotes,
                usd);
        round.observed(List.of(round.observe(0, opportunities.size())));
        return round;
    }

    /**
     * Opens the round of a protocol's plans in a block: the verdicts that still hold for {@code opportunities} (in
     * order; {@code seen} are their positions' records, which are also their verdicts' entries and keep them while
     * the positions stay liquidatable), as the ledgers stand now. Here, on the calling thread, only the pairs the
     * positions trade are read ({@code onePerPair}: at least one position of each, {@link #onePerPair}); the
     * positions themselves are observed by {@link Round#observe}, a slice at a time, which may run on the engine's
     * threads (each slice writes only its own positions' entries) — in a deep cascade this is a pass over a hundred
     * thousand records scattered in memory, and it is done where the same positions are then planned. The round's
     * verdicts are settled with {@link Round#settle} once the plans are made; nothing else may change the ledgers,
     * the market or the prices in between.
     */
    Round open(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen,
               List<LiquidationOpportunity> onePerPair, BlockContext block, SaleQuotes quotes, UsdPrices usd) {
        return open(opportunities, seen, onePerPair, new Terms(opportunities.size()), block, quotes, usd);
    }

    /**
     * {@link #open} with the listing's terms made by the caller, sized to {@code opportunities}: fresh, or already
     * carried where the listing was dated ({@link Terms#carriedAhead}).
     */
    Round open(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen,
               List<LiquidationOpportunity> onePerPair, Terms terms, BlockContext block, SaleQuotes quotes,
               UsdPrices usd) {
        return open(opportunities, seen, onePerPair, terms, block, quotes, usd, null);
    }

    /**
     * {@link #open(List, LiquidationDesk.Seen[], List, Terms, BlockContext, SaleQuotes, UsdPrices)} in the arrays of
     * {@code spare} where they have room: the same protocol's last round, which nothing reads once this one is open
     * (null: new arrays).
     */
    Round open(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen,
               List<LiquidationOpportunity> onePerPair, Terms terms, BlockContext block, SaleQuotes quotes,
               UsdPrices usd, Round spare) {
        if (terms.size != opportunities.size()) {
            throw new IllegalArgumentException("verdicts: terms of " + terms.size + " positions for a "
                    + "listing of " + opportunities.size());
        }
        List<PairState> found = new ArrayList<>();
        for (LiquidationOpportunity o : onePerPair) {
            PairState pair = pairOf(o);
            if (!found.contains(pair)) {
                found.add(pair);
            }
        }
        return open(opportunities, seen, found.toArray(new PairState[0]), terms, block, quotes, usd, ++rounds,
                spare);
    }

    /**
     * A round with no verdict known yet, its positions still to be observed. Its arrays — an entry, a crowd stamp and
     * two flags a position, cleared — are {@code spare}'s when it has room, cleared where they are read before they
     * are written: new ones are cleared as they are made, on the calling thread before the round's slices start, and
     * a deep cascade opens thousands of rounds of up to a hundred thousand positions; the last round's, written just
     * before, are often still in the processor's cache. The crowd stamps are not cleared: a position's is read only
     * where it was observed ({@link Round#settle}, {@link #again}), and observing writes it.
     */
    private Round open(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen, PairState[] pairs,
                       Terms terms, BlockContext block, SaleQuotes quotes, UsdPrices usd, long thisRound,
                       Round spare) {
        for (int k = 0; k < pairs.length; k++) {
            pairs[k].refresh(thisRound, block, quotes, usd);
            pairs[k].slot = k;
        }
        terms.opened();
        int n = opportunities.size();
        if (spare == null || spare.open.length < n || spare.crowd.length < n || spare.known.length < n
                || spare.settled.length < n) {
            return new Round(opportunities, seen, new Entry[n], new long[n], new boolean[n], new boolean[n], null,
                    pairs, terms, false, block.number(), ageCap);
        }
        // The entries past this round's positions too, up to the spare's: no round keeps a record alive it does not
        // list (and every array's entries past its round's positions are null, by the same clearing).
        Arrays.fill(spare.open, 0, Math.max(n, spare.opportunities.size()), null);
        Arrays.fill(spare.known, 0, n, false);
        Arrays.fill(spare.settled, 0, n, false);
        return new Round(opportunities, seen, spare.open, spare.crowd, spare.known, spare.settled, null, pairs, terms,
                false, block.number(), ageCap);
    }

    /**
     * One position of each pair (chain, collateral, debt) the positions {@code [from, to)} of {@code opportunities}
     * trade, in order of first appearance — what {@link #open} needs of a listing, gathered where the listing is
     * dated (on the engine's threads, slice by slice; the slices' lists joined may name a pair twice). The ids of a
     * book's positions are the same objects from position to position, so a position is compared by reference with
     * the last one kept, and by value with the others only when that fails.
     */
    static List<LiquidationOpportunity> onePerPair(List<LiquidationOpportunity> opportunities, int from, int to) {
        PairsFound found = new PairsFound();
        for (int i = from; i < to; i++) {
            found.indexOf(opportunities.get(i));
        }
        return found.kept;
    }

    /**
     * {@link #onePerPair(List, int, int)}, writing into {@code index[i - from]} the index among the returned
     * positions of the one that trades position {@code i}'s pair: what a listing dated against this one reads instead
     * of a position's ids ({@link PairsFound#indexOfListed}).
     */
    static List<LiquidationOpportunity> onePerPair(List<LiquidationOpportunity> opportunities, int from, int to,
                                                   int[] index) {
        PairsFound found = new PairsFound();
        for (int i = from; i < to; i++) {
            index[i - from] = found.indexOf(opportunities.get(i));
        }
        return found.kept;
    }

    /**
     * The pairs (chain, collateral, debt) one slice of a listing trades, as one position of each, in order of first
     * appearance ({@link #onePerPair}), and where each position's pair is among them.
     */
    static final class PairsFound {
        private final List<LiquidationOpportunity> kept = new ArrayList<>(4);
        private LiquidationOpportunity last;
        private int lastIndex;
        /** Per pair of the listing before, its index here (+1; 0 while not met): {@link #indexOfListed}. */
        private int[] ofListed;

        /** The positions kept, one per pair. */
        List<LiquidationOpportunity> kept() {
            return kept;
        }

        /**
         * The index among the kept positions of the one that trades {@code o}'s pair, {@code o} kept when none does.
         * The ids of a book's positions are the same objects from position to position, so {@code o} is compared by
         * reference with the last one found, and by value with the others only when that fails.
         */
        int indexOf(LiquidationOpportunity o) {
            if (last != null && last.chain() == o.chain() && last.collateralAsset() == o.collateralAsset()
                    && last.debtAsset() == o.debtAsset()) {
                return lastIndex;
            }
            for (int k = 0; k < kept.size(); k++) {
                if (samePair(kept.get(k), o)) {
                    last = kept.get(k);
                    lastIndex = k;
                    return k;
                }
            }
            kept.add(o);
            last = o;
            lastIndex = kept.size() - 1;
            return lastIndex;
        }

        /**
         * The index among the kept positions of the pair {@code listed} of {@code pairsBefore}, the positions the
         * listing before kept one per pair, that position kept when first met: for a position listed as it was then,
         * whose pair is found without reading the position. A pair may be kept twice, once so and once from a position
         * read; {@link PlanVerdicts#open} looks each pair up once however often it is named.
         */
        int indexOfListed(int listed, List<LiquidationOpportunity> pairsBefore) {
            if (ofListed == null) {
                ofListed = new int[pairsBefore.size()];
            }
            int k = ofListed[listed] - 1;
            if (k < 0) {
                kept.add(pairsBefore.get(listed));
                k = kept.size() - 1;
                ofListed[listed] = k + 1;
            }
            return k;
        }
    }

    private static boolean samePair(LiquidationOpportunity a, LiquidationOpportunity b) {
        return a.chain().equals(b.chain()) && a.collateralAsset().equals(b.collateralAsset())
                && a.debtAsset().equals(b.debtAsset());
    }

    /**
     * The next round on the very listing {@code last} was opened on (the book handed back the same positions, the
     * same opportunity objects, and the desk the same records): when no pair's inputs and no chain's crowd moved
     * since, every verdict {@code last} settled stands, and only the positions still younger than every latency are
     * looked at again — the cost of the round no longer grows with the positions nobody takes. When something moved,
     * a round opened on that listing and its pairs (the inputs already read this round are not read again), whose
     * positions are still to be observed ({@link Round#observed()} is false).
     */
    Round again(Round last, BlockContext block, SaleQuotes quotes, UsdPrices usd) {
        long thisRound = ++rounds;
        for (int k = 0; k < last.pairs.length; k++) {
            PairState pair = last.pairs[k];
            pair.refresh(thisRound, block, quotes, usd);
            if (pair.stamp != last.pairStamps[k] || pair.crowdStamp != last.crowdStamps[k]) {
                return open(last.opportunities, last.seen, last.pairs, last.terms, block, quotes, usd, thisRound,
                        last);
            }
        }
        boolean[] known = last.settled;
        int[] young = new int[last.young.length];
        int youngCount = 0;
        boolean youngToPlan = false;
        for (int i : last.young) {
            Entry e = last.open[i];
            long age = Math.min(block.number() - last.seen[i].firstBlock, ageCap);
            e.observe(last.opportunities.get(i), age, e.pair);
            known[i] = e.nobodyAt != 0 && e.nobodyAt == last.crowd[i];
            youngToPlan |= !known[i];
            if (age < ageCap) {
                young[youngCount++] = i;
            }
        }
        // The last round is read no more (this one replaces it as its listing's), so its array of verdicts known holds
        // this round's settled ones: a copy of the known, made without a new array per carried round.
        boolean[] settled = last.known;
        System.arraycopy(known, 0, settled, 0, last.opportunities.size());
        Round round = new Round(last.opportunities, last.seen, last.open, last.crowd, known, settled,
                Arrays.copyOf(young, youngCount), last.pairs, last.terms, true, block.number(), ageCap);
        // Every verdict the last round settled stands, and no young position's fell: nobody plans anything.
        round.nothingToPlan = !last.leftUnsettled && !youngToPlan;
        return round;
    }

    /**
     * The state of the pair (and chain) {@code o} trades, made on its first position; asked once per pair and full
     * round ({@link #open}), never per position.
     */
    private PairState pairOf(LiquidationOpportunity o) {
        return pairs.computeIfAbsent(List.of(o.chain(), o.collateralAsset(), o.debtAsset()),
                k -> new PairState(o.chain(), o.collateralAsset(), o.debtAsset()));
    }

    /**
     * The block's inputs every position of one pair (collateral, debt, chain) shares — the base fee, the quotes'
     * state, the prices of the debt, the collateral and the chain's gas asset — read once per round, with a stamp
     * that changes whenever any of them does; and the chain's crowd stamp.
     */
    private final class PairState {
        private final ChainId chain;
        private final AssetId collateral;
        private final AssetId debt;
        private long round;
        private long baseFee;
        private long quotesVersion;
        private long debtUsd;
        private long collateralUsd;
        private long nativeUsd;
        /** Renewed whenever any input above changes (0: never read). */
        private long stamp;
        private long crowdStamp;
        /**
         * Its index among the pairs of the round last opened on it (a round of one book at a time is planned, so it
         * holds through that round's slices).
         */
        private int slot;

        PairState(ChainId chain, AssetId collateral, AssetId debt) {
            this.chain = chain;
            this.collateral = collateral;
            this.debt = debt;
        }

        void refresh(long thisRound, BlockContext block, SaleQuotes quotes, UsdPrices usd) {
            if (round == thisRound) {
                return;
            }
            round = thisRound;
            ReferencePrices prices = block.prices();
            long fee = bits(block.baseFeeGwei());
            long version = quotes.stateVersion(block.market(), collateral, debt);
            long debtNow = bits(prices.usd(debt));
            long collateralNow = bits(prices.usd(collateral));
            long nativeNow = bits(prices.usd(block.market().chain(chain).nativeAsset()));
            if (stamp == 0 || fee != baseFee || version != quotesVersion || debtNow != debtUsd
                    || collateralNow != collateralUsd || nativeNow != nativeUsd) {
                baseFee = fee;
                quotesVersion = version;
                debtUsd = debtNow;
                collateralUsd = collateralNow;
                nativeUsd = nativeNow;
                stamp = nextStamp++;
            }
            crowdStamp = stamps.computeIfAbsent(chain, x -> new CrowdStamp(ledgers.size()))
                    .refreshed(thisRound, chain, block, usd);
        }
    }

    /**
     * The verdicts of one round, per position (by index). An opened round learns its positions' verdicts from
     * {@link #observe}, slice by slice, and is complete once {@link #observed(List)} has joined the slices' finds.
     */
    static final class Round {
        private final List<LiquidationOpportunity> opportunities;
        private final LiquidationDesk.Seen[] seen;
        private final Entry[] open;
        private final long[] crowd;
        /** Whether each position's verdict stands now, and whether it will stand after this round's plans. */
        private final boolean[] known;
        private final boolean[] settled;
        /** The positions whose age is still under every latency (it moves every block); null until observed. */
        private int[] young;
        /** The pairs the positions trade, with their stamps and their chains' crowd stamps in this round. */
        private final PairState[] pairs;
        private final long[] pairStamps;
        private final long[] crowdStamps;
        /** What the planners' first check reads of each position, kept for the listing's rounds. */
        private final Terms terms;
        /** Whether the last round's verdicts were carried over ({@link #again} found nothing moved). */
        private final boolean carriedOver;
        /**
         * Whether {@link #settle} left a position of this round without a verdict (someone planned it, or it had no
         * entry). Only ever set to true, by the threads that settle the round's slices; read by the next round once
         * the slices are joined (the engine's join publishes every slice's writes). A round carried over from one that
         * left none, with no young position's verdict fallen, has nothing to plan.
         */
        private boolean leftUnsettled;
        /** Whether this round has nothing to plan ({@link #nothingToPlan}), found by {@link #again}. */
        private boolean nothingToPlan;
        private final long blockNumber;
        private final long ageCap;
        /** Per class of the terms' cover, the buckets passed over whole this round; null: none. */
        private int[] coverReach;
        /** {@link #coverReach} as a flag per bucket where every covered position is old enough; else null. */
        private boolean[] coveredBuckets;

        private Round(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen, Entry[] open,
                      long[] crowd, boolean[] known, boolean[] settled, int[] young, PairState[] pairs, Terms terms,
                      boolean carriedOver, long blockNumber, long ageCap) {
            this.carriedOver = carriedOver;
            this.terms = terms;
            this.opportunities = opportunities;
            this.seen = seen;
            this.open = open;
            this.crowd = crowd;
            this.known = known;
            this.settled = settled;
            this.young = young;
            this.pairs = pairs;
            this.blockNumber = blockNumber;
            this.ageCap = ageCap;
            this.pairStamps = new long[pairs.length];
            this.crowdStamps = new long[pairs.length];
            for (int k = 0; k < pairs.length; k++) {
                pairStamps[k] = pairs[k].stamp;
                crowdStamps[k] = pairs[k].crowdStamp;
            }
        }

        /** Whether this round carried the last one's verdicts over instead of comparing every position's inputs. */
        boolean carriedOver() {
            return carriedOver;
        }

        /**
         * Whether every position's verdict is known to stand, so that nobody plans any position of the round: carried
         * over ({@link #again}) from a round whose every position was known or settled as one nobody planned
         * ({@link #settle}), and no young position's verdict fell with its age. Asking the positions one by one would
         * pass over each of them.
         */
        boolean nothingToPlan() {
            return nothingToPlan;
        }

        /** Whether every position's verdict is known ({@link #knownToNobody} may be asked of any). */
        boolean observed() {
            return young != null;
        }

        /**
         * Observes the positions {@code [from, to)} of an opened round — each one's inputs against its entry's, which
         * keeps or forgets its verdict — and returns those of them still younger than every latency, in order. Slices
         * of one round may run at once on different threads: each writes only its own positions' entries and slots.
         */
        int[] observe(int from, int to) {
            int[] youngHere = new int[8];
            int count = 0;
            for (int i = from; i < to; i++) {
                if (observe(i)) {
                    if (count == youngHere.length) {
                        youngHere = Arrays.copyOf(youngHere, count * 2);
                    }
                    youngHere[count++] = i;
                }
            }
            return Arrays.copyOf(youngHere, count);
        }

        /**
         * Observes position {@code i} of an opened round ({@link #observe(int, int)} of one position), notes its terms
         * for the listing's later rounds ({@link #screenedPair}) and returns whether it is still younger than every
         * latency.
         */
        boolean observe(int i) {
            LiquidationOpportunity o = opportunities.get(i);
            Entry e = seen[i];
            // A position listed as the same object as last round trades the same pair on the same chain, and one
            // whose new object the desk's dating found on the same pair (Entry.listedAs, on the engine's threads)
            // does too: its pair's state is found without reading the opportunity's ids.
            PairState knownPair = e.knownPairOf(o);
            PairState pair = knownPair != null ? knownPair : pairOf(o);
            terms.note(i, o, pair, e);
            if (pair.quotesVersion < 0) {
                e.forget();
                return false;
            }
            long age = Math.min(blockNumber - seen[i].firstBlock, ageCap);
            e.observe(o, age, pair);
            open[i] = e;
            crowd[i] = pair.crowdStamp;
            known[i] = e.nobodyAt != 0 && e.nobodyAt == crowd[i];
            settled[i] = known[i];
            return age < ageCap;
        }

        /**
         * The index among the round's pairs ({@link #pairChain} and so on) of the pair position {@code i} trades when
         * the planners' first check may be asked of its kept terms ({@link #repayable} and so on) instead of the
         * position being observed and planned: its terms were noted in an earlier round of this listing (or of an
         * earlier listing that held the very same opportunity object, {@link Terms#carry}), it is older
         * than every latency (its verdict would not move with its age), and its pair's quotes can tell whether they
         * changed. Else -1. A position the check passes over is {@link #passOver passed over}.
         */
        int screenedPair(int i) {
            PairState pair = terms.pair[i];
            if (pair == null
                    && (terms.carriedAhead || (pair = terms.carry(i, opportunities.get(i), seen[i])) == null)) {
                return -1;
            }
            int p = pair.slot;
            if (p >= pairs.length || pairs[p] != pair || blockNumber - terms.detected[i] < ageCap
                    || pair.quotesVersion < 0) {
                return -1;
            }
            return p;
        }

        /**
         * Whether position {@code i}'s terms are kept: noted by a round of this listing, or carried to it. The kept
         * terms ({@link #repayable} and so on) are read only where they are; elsewhere they may be another listing's.
         */
        boolean termsKept(int i) {
            return terms.pair[i] != null;
        }

        double repayable(int i) {
            return terms.repayable[i];
        }

        double collateralPerDebt(int i) {
            return terms.perDebt[i];
        }

        long gasUnits(int i) {
            return terms.gasUnits[i];
        }

        long detectedBlock(int i) {
            return terms.detected[i];
        }

        boolean flashOffered(int i) {
            return terms.flash[i];
        }

        /** The listing's cover of kept terms ({@link PassOverCover}), or null while it has none. */
        PassOverCover cover() {
            return terms.cover;
        }

        /**
         * The index among the round's pairs of the pair whose state is {@code pairState} (a class's pair in
         * {@link #cover()}), when the round trades it and its quotes can tell whether they changed; else -1 — the
         * conditions {@link #screenedPair} asks of a position's pair.
         */
        int slotOf(Object pairState) {
            PairState pair = (PairState) pairState;
            int p = pair.slot;
            return p < pairs.length && pairs[p] == pair && pair.quotesVersion >= 0 ? p : -1;
        }

        /**
         * Sets, per class of {@link #cover()}, how many leading buckets the planners' first check passes over whole
         * this round ({@link PassOverCover#reach}); asked on the calling thread before the round's slices.
         */
        void coverReach(int[] reach) {
            this.coverReach = reach;
            // Every position the cover holds first seen at least every latency ago: screenedPair then finds each one
            // whose class the round screens (its terms noted for the listing's life, its pair's slot the class's),
            // so a flag per bucket answers for it, with none of its own terms read (coveredAtOnce).
            coveredBuckets = blockNumber - terms.coverLatestDetected >= ageCap
                    ? terms.cover.bucketsWithin(reach) : null;
        }

        /**
         * Whether position {@code i} lies in a run of positions this round passes over whole and is one
         * {@link #screenedPair} finds, known without reading its terms: {@link #coveredWhole} asked of the flags of
         * {@link PassOverCover#bucketsWithin}, where every position the cover holds is older than every latency (a
         * class's reach is 0 unless the round screens the class's pair, which is then the pair of every position of
         * the class). False where that cannot be told this way; the caller then asks {@link #screenedPair} and
         * {@link #coveredWhole} as before. In a deep cascade most positions a round visits are passed over here: 36
         * million a run at 1,000,000 accounts, each of which had been read in four arrays and a pair's state.
         */
        boolean coveredAtOnce(int i) {
            return coveredBuckets != null && terms.cover.covers(i, coveredBuckets);
        }

        /**
         * Whether position {@code i}, one {@link #screenedPair} found (its terms kept, old enough, its pair's quotes
         * telling), lies in a run of positions this round passes over whole: the planners' first check would pass it
         * over on its own terms ({@link dev.fracture.agent.Liquidator#passesOverEvery}).
         */
        boolean coveredWhole(int i) {
            return coverReach != null && terms.cover.covers(i, coverReach);
        }

        /** How many pairs the round's positions trade. */
        int pairCount() {
            return pairs.length;
        }

        ChainId pairChain(int p) {
            return pairs[p].chain;
        }

        AssetId pairCollateral(int p) {
            return pairs[p].collateral;
        }

        AssetId pairDebt(int p) {
            return pairs[p].debt;
        }

        /**
         * Position {@code i}, of an opened round, is one nobody plans: the planners' first check passed it over on its
         * kept terms ({@link #screenedPair}). Its verdict stands for this round and is carried over with the others
         * while nothing moves; its entry is left as it was (an entry not observed keeps inputs that only fail to
         * match, or match inputs that have not moved since, for a stamp is never handed out twice).
         */
        void passOver(int i) {
            known[i] = true;
            settled[i] = true;
        }

        /** Completes an opened round: {@code young} are {@link #observe}'s answers for its slices, in order. */
        void observed(List<int[]> young) {
            int total = 0;
            for (int[] part : young) {
                total += part.length;
            }
            int[] all = new int[total];
            int at = 0;
            for (int[] part : young) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            this.young = all;
        }

        /** The round's state of the pair {@code o} trades (every pair of the round is among its pairs). */
        private PairState pairOf(LiquidationOpportunity o) {
            for (PairState p : pairs) {
                if (p.chain == o.chain() && p.collateral == o.collateralAsset() && p.debt == o.debtAsset()) {
                    return p;
                }
            }
            for (PairState p : pairs) {
                if (p.chain.equals(o.chain()) && p.collateral.equals(o.collateralAsset())
                        && p.debt.equals(o.debtAsset())) {
                    return p;
                }
            }
            throw new IllegalStateException("verdicts: position " + o.account() + " trades a pair ("
                    + o.chain() + ", " + o.collateralAsset() + ", " + o.debtAsset() + ") its round was not opened on");
        }

        /**
         * True when no liquidator planned position {@code opportunity} in an earlier round whose every input (the
         * position's, the block's and every liquidator's) was the same as now, so none will now.
         */
        boolean knownToNobody(int opportunity) {
            return known[opportunity];
        }

        /** Records whether any liquidator planned position {@code opportunity} in this round. */
        void settle(int opportunity, boolean planned) {
            Entry e = open[opportunity];
            if (e != null) {
                e.nobodyAt = planned ? 0 : crowd[opportunity];
            }
            settled[opportunity] = e != null && !planned;
            if (!settled[opportunity]) {
                leftUnsettled = true;
            }
        }
    }

    /**
     * What the planners' first check reads of each position of a listing ({@code Liquidator.passesOver}) — its
     * repayable amount, collateral per debt, gas, first block, whether it offers a flash loan, and its pair — noted
     * where the position is observed (its opportunity then in the processor's cache) and read in the listing's later
     * rounds from flat arrays, in order, instead of from the positions' scattered objects. Each slice writes only its
     * own positions' slots.
     */
    static final class Terms {
        /** How many positions the terms are for: the listing's size (the arrays may be longer, {@link #reused}). */
        private int size;
        private final double[] repayable;
        private final double[] perDebt;
        private final long[] gasUnits;
        private final long[] detected;
        private final boolean[] flash;
        /** The pair's state; null while not noted. */
        private final PairState[] pair;
        /** The opportunity each position's terms were noted from. */
        private final LiquidationOpportunity[] noted;
        /**
         * Whether every position's terms that could be carried were carried where the listing was dated
         * ({@link #carriedAhead(int)}), so that a position without terms has none to carry.
         */
        private final boolean carriedAhead;
        /** How many rounds were opened on these terms' listing ({@link #opened}). */
        private int openedRounds;
        /** The terms summed up for passing runs of positions over at once; null until made ({@link #opened}). */
        private PassOverCover cover;
        /** The latest block a position the {@link #cover} holds was first seen in (its terms' {@code detected}). */
        private long coverLatestDetected;
        /** A cover's key array left by the listing these arrays last held, reused by the next cover made. */
        private int[] spareCoverKeys;

        Terms(int n) {
            this(n, false);
        }

        private Terms(int n, boolean carriedAhead) {
            this.carriedAhead = carriedAhead;
            this.size = n;
            repayable = new double[n];
            perDebt = new double[n];
            gasUnits = new long[n];
            detected = new long[n];
            flash = new boolean[n];
            pair = new PairState[n];
            noted = new LiquidationOpportunity[n];
        }

        /**
         * Terms for a listing of {@code n} positions whose every position is offered to {@link #carry} where the
         * listing is dated — where each position's entry is read anyway — and not again in the round, where reading
         * the entries a second time, scattered in memory, would be a miss of the processor's cache apiece. Each
         * position, on any thread, writes only its own slots; only for listings whose positions have entries of their
         * own (a book that numbers its positions by slot).
         */
        static Terms carriedAhead(int n) {
            return new Terms(n, true);
        }

        /**
         * {@link #carriedAhead(int)}, in {@code spare}'s arrays when it is such terms with room for {@code n}
         * positions: the terms of the listing before the last, which nothing reads any more but entries that still
         * name it, and those find it to be the listing being dated ({@link #carry}: {@code last == this}), so they
         * carry nothing from it. New terms are arrays the size of the listing, cleared as they are made, on the
         * calling thread before the listing is dated (41 bytes a position); reused, only which positions were
         * noted, and from what, are cleared: the numbers are read only where a position was noted
         * ({@link Round#screenedPair}), and each noting writes them all.
         */
        static Terms carriedAhead(int n, Terms spare) {
            if (spare == null || !spare.carriedAhead || spare.noted.length < n) {
                return carriedAhead(n);
            }
            spare.reused(n);
            return spare;
        }

        /**
         * Clears which positions were noted — a position is noted where it has a pair — for a listing of {@code n}
         * positions, and from what, so that the arrays keep no opportunity of an earlier listing alive (every one
         * past this listing's positions is null already: the earlier listings cleared theirs the same way).
         */
        private void reused(int n) {
            int used = Math.max(size, n);
            Arrays.fill(pair, 0, used, null);
            Arrays.fill(noted, 0, used, null);
            size = n;
            if (cover != null) {
                spareCoverKeys = cover.keys();
                cover = null;
            }
            openedRounds = 0;
        }

        /**
         * A round is being opened on these terms (on the calling thread, the last round's slices joined). At the
         * second, the positions' terms are summed up into the listing's {@link PassOverCover}: the first round notes
         * the terms of every position it observes, so by then nearly all are noted (and once noted, a position's terms
         * stay as they are for the listing's life; one noted later is left out of the cover, never misread by it).
         * Made once per listing: a listing stands for dozens of rounds in a deep cascade.
         */
        void opened() {
            if (++openedRounds == 2 && cover == null) {
                cover = PassOverCover.of(size, pair, repayable, perDebt, gasUnits, flash, spareCoverKeys);
                coverLatestDetected = cover.greatestOf(detected);
                spareCoverKeys = null;
            }
        }

        /**
         * Notes position {@code i}'s terms from {@code o} where the listing is dated, when its entry already knows the
         * state of {@code o}'s pair — {@code o} is the object it last saw, or one its dating found on the same pair
         * ({@link Entry#listedAs}) — as {@link Round#observe} would note them: a position a book lists as a new object
         * (every position whose check a price move made again) then has its terms kept from its first round, and the
         * planners' first check is asked of them there ({@link Round#screenedPair}) instead of the position being
         * observed and planned, reading it and its entry again, scattered in memory. The terms are {@code o}'s own, so
         * the check answers for it exactly as planning it would ({@code Liquidator.passesOver}). Nothing when its
         * terms are noted already or its entry knows no pair.
         */
        void noteWhereDated(int i, LiquidationOpportunity o, Entry entry) {
            PairState known = entry.knownPairOf(o);
            if (pair[i] == null && known != null) {
                note(i, o, known, entry);
            }
        }

        /** Notes position {@code i}'s terms from {@code o}, and in its entry where they are (for the next listing). */
        void note(int i, LiquidationOpportunity o, PairState state, Entry entry) {
            if (pair[i] != null) {
                return;
            }
            repayable[i] = o.repayable();
            perDebt[i] = o.collateralPerDebt();
            gasUnits[i] = o.gasUnits();
            detected[i] = o.detectedBlock();
            flash[i] = o.flashLoan().available();
            noted[i] = o;
            pair[i] = state;
            entry.termsOf = this;
            entry.termsAt = i;
        }

        /**
         * Position {@code i}'s terms taken from the listing its entry last noted them in, when they were noted from
         * {@code o} itself — a book hands back the same opportunity object while a position's answer stands, so most
         * positions of a new listing are the last one's — or null. Compared by reference only: nothing of {@code o}
         * is read. (Two listed positions that share an entry, an account listed twice, may have written it in turn;
         * the reference comparison leaves only terms noted from {@code o}.)
         */
        PairState carry(int i, LiquidationOpportunity o, Entry entry) {
            Terms last = entry.termsOf;
            int at = entry.termsAt;
            if (last == null || last == this || at >= last.size || last.noted[at] != o) {
                return null;
            }
            copy(last, at, i, o);
            entry.termsOf = this;
            entry.termsAt = i;
            return pair[i];
        }

        /**
         * Position {@code i}'s terms taken from position {@code at} of {@code last}, the same book's last listing,
         * when they were noted there from {@code o} itself (compared by reference only, as {@link #carry} does): for
         * a listing dated against the last one by slot, where the position's entry is not read. Its entry keeps
         * pointing at where its terms were noted before; only a book without slots reads that ({@link #carry}).
         */
        void carryFrom(Terms last, int at, int i, LiquidationOpportunity o) {
            if (last == this || at >= last.size || last.noted[at] != o) {
                return;
            }
            copy(last, at, i, o);
        }

        /** Position {@code at}'s terms in {@code last}, noted from {@code o}, as position {@code i}'s here. */
        private void copy(Terms last, int at, int i, LiquidationOpportunity o) {
            repayable[i] = last.repayable[at];
            perDebt[i] = last.perDebt[at];
            gasUnits[i] = last.gasUnits[at];
            detected[i] = last.detected[at];
            flash[i] = last.flash[at];
            noted[i] = o;
            pair[i] = last.pair[at];
        }
    }

    /**
     * One position's inputs as last seen — its opportunity, its age, its pair's state and that state's stamp — and
     * the crowd stamp of the round in which nobody planned it. The desk's record of a position is its entry.
     */
    static class Entry {
        private LiquidationOpportunity seenAs;
        private long age;
        private PairState pair;
        private long pairStamp;
        /** The crowd stamp of the round in which nobody planned it, with these inputs (0: none). */
        private long nobodyAt;
        /** An opportunity found to trade the pair of {@link #pair} (the same chain, collateral and debt). */
        private LiquidationOpportunity samePairAs;
        /** The listing's kept terms that last noted the position's ({@link Terms}), and where. */
        private Terms termsOf;
        private int termsAt;

        /**
         * Notes whether {@code o}, the position's opportunity as dated this round, trades the pair its entry last
         * traded. Made where the opportunity is (the desk dates a listing on the engine's threads), so that the
         * round on the main thread need not read it; only the pair's fixed ids are read here. The ids are compared
         * by value: a pair's state is shared by every book that trades it, and two books' ids of one asset are
         * equal without being the same objects.
         */
        void listedAs(LiquidationOpportunity o) {
            PairState last = pair;
            if (last != null && last.chain.equals(o.chain()) && last.collateral.equals(o.collateralAsset())
                    && last.debt.equals(o.debtAsset())) {
                samePairAs = o;
            }
        }

        /**
         * The state of {@code o}'s pair when this entry knows it without reading {@code o}'s ids: {@code o} is the
         * opportunity it last saw, or one found to trade the same pair ({@link #listedAs}); else null.
         */
        PairState knownPairOf(LiquidationOpportunity o) {
            return seenAs == o || samePairAs == o ? pair : null;
        }

        /** Takes the position's and the block's inputs; forgets the verdict when any differs from the last seen. */
        private void observe(LiquidationOpportunity o, long age, PairState pair) {
            // The entry's own fields first: when the block's inputs moved (the usual case in a cascade) the last
            // opportunity, a cold object by now, is not read at all.
            boolean same = seenAs != null && this.age == age && this.pair == pair && pairStamp == pair.stamp
                    && (seenAs == o || sameTerms(seenAs, o));
            if (!same) {
                nobodyAt = 0;
                seenAs = o;
                this.age = age;
                this.pair = pair;
                pairStamp = pair.stamp;
            }
        }

        /** Forgets everything: the position's quotes cannot tell whether they changed. */
        private void forget() {
            seenAs = null;
            pair = null;
            nobodyAt = 0;
            samePairAs = null;
        }

        /** The same terms but perhaps for the block the position was first seen in (the age covers that). */
        private static boolean sameTerms(LiquidationOpportunity a, LiquidationOpportunity b) {
            return a.protocol().equals(b.protocol()) && a.account().equals(b.account()) && a.chain().equals(b.chain())
                    && a.debtAsset().equals(b.debtAsset()) && a.collateralAsset().equals(b.collateralAsset())
                    && bits(a.maxRepay()) == bits(b.maxRepay())
                    && bits(a.collateralPerDebt()) == bits(b.collateralPerDebt())
                    && bits(a.collateralAvailable()) == bits(b.collateralAvailable())
                    && a.flashLoan().equals(b.flashLoan()) && a.gasUnits() == b.gasUnits();
        }
    }

    /**
     * Every liquidator's inputs on one chain as last seen (ledger version, inventory value, gas budget left) and the
     * crowd's stamp, renewed when any of them changes.
     */
    private final class CrowdStamp {
        private final long[] version;
        private final long[] inventoryUsd;
        private final long[] gasLeft;
        private long stamp;
        private long round;
        /** What the stamp was last looked at with: the prices object, the block, and the ledgers' versions summed. */
        private UsdPrices lastUsd;
        private long lastBlock;
        private long lastVersions = -1;

        CrowdStamp(int n) {
            version = new long[n];
            inventoryUsd = new long[n];
            gasLeft = new long[n];
        }

        /** The stamp as the ledgers stand now (read once per round). */
        long refreshed(long thisRound, ChainId chain, BlockContext block, UsdPrices usd) {
            if (round == thisRound) {
                return stamp;
            }
            round = thisRound;
            // A ledger's inventory value moves only with its version or the prices object (one object stands for
            // one set of prices while it is handed out, RoundPrices), and its gas left only with its version or the
            // block; versions only grow, so an unchanged sum is every version unchanged, and then no ledger's
            // inventory or gas is read.
            long versions = 0;
            for (int k = 0; k < ledgers.size(); k++) {
                versions += ledgers.get(k).version();
            }
            if (stamp != 0 && usd == lastUsd && block.number() == lastBlock && versions == lastVersions) {
                return stamp;
            }
            lastUsd = usd;
            lastBlock = block.number();
            lastVersions = versions;
            boolean changed = stamp == 0;
            for (int k = 0; k < ledgers.size(); k++) {
                LiquidatorLedger l = ledgers.get(k);
                long v = l.version();
                long inv = bits(l.inventoryUsd(usd));
                long gas = bits(l.gasBudgetLeft(chain, block.number()));
                if (v != version[k] || inv != inventoryUsd[k] || gas != gasLeft[k]) {
                    version[k] = v;
                    inventoryUsd[k] = inv;
                    gasLeft[k] = gas;
                    changed = true;
                }
            }
            if (changed) {
                stamp = nextStamp++;
            }
            return stamp;
        }
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
