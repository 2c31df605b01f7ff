package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.agent.UsdPrices;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A verdict ("nobody planned this position") stands while every input to the liquidators' plans stands, and falls
 * the round any one of them moves: the position's terms and age, the block's base fee, the collateral's, the debt's
 * and the gas asset's prices, the quotes' state, and any liquidator's books. One position, one liquidator, one input
 * moved at a time.
 */
class PlanVerdictsTest {
    private static final EcosystemSnapshot SNAPSHOT = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), 1)
            .snapshot();
    private static final AssetId ETH = GeneratedEcosystem.ETH;
    private static final AssetId USDC = GeneratedEcosystem.USDC;
    private static final Chain CHAIN = SNAPSHOT.chain(SNAPSHOT.asset(ETH).orElseThrow().chain()).orElseThrow();

    private final double[] eth = {2000};
    private final double[] usdc = {1};
    private final long[] quotesVersion = {5};
    private final SaleQuotes quotes = new StateOnlyQuotes(() -> quotesVersion[0]);
    private final SimulationSetup setup = new SimulationSetup(SNAPSHOT, 3600, 1,
            (a, t) -> a.equals(ETH) ? eth[0] : a.equals(USDC) ? usdc[0]
                    : SNAPSHOT.asset(a).orElseThrow().referencePriceUsd(), Map.of(), List.of(), 0);
    private final ReferencePrices prices = new ReferencePrices(setup);
    private final Market market = Market.of(SNAPSHOT, MathMode.FAST);
    private final LiquidatorLedger ledger = new LiquidatorLedger(new LiquidatorProfile("a",
            Map.of(CHAIN.id(), Map.of(USDC, 1e6)), false, 1, 1.0, 0, 0, 1, 0));
    private final PlanVerdicts verdicts = new PlanVerdicts(List.of(ledger));
    private final LiquidationDesk.Seen[] seen = {new LiquidationDesk.Seen(1)};
    private double baseFee = 20;
    private long block = 3;

    private static LiquidationOpportunity position(double maxRepay) {
        return new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-1"), CHAIN.id(), USDC, ETH,
                maxRepay, 1.05 / 2000, 10, FlashLoanTerms.NONE, 400_000, 1);
    }

    /** A round on {@code o} at the next block; nobody plans it. True when the verdict stood. */
    private boolean nobodyAgain(LiquidationOpportunity o) {
        block++;
        prices.update(block * 12);
        return nobodyInBlock(o, block, prices::usd);
    }

    @Test
    void aVerdictStandsWhileEveryInputStandsAndFallsWhenAnyMoves() {
        LiquidationOpportunity o = position(1000);
        assertThat(nobodyAgain(o)).as("first round: nothing known").isFalse();
        assertThat(nobodyAgain(o)).as("same inputs").isTrue();
        assertThat(nobodyAgain(position(1000))).as("equal terms, another object").isTrue();

        assertThat(nobodyAgain(position(999))).as("other terms").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();

        eth[0] = 1990;
        assertThat(nobodyAgain(position(999))).as("the collateral's price moved").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();

        usdc[0] = 0.999;
        assertThat(nobodyAgain(position(999))).as("the debt's price moved").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();

        quotesVersion[0]++;
        assertThat(nobodyAgain(position(999))).as("a venue of the pair traded").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();

        baseFee = 21;
        assertThat(nobodyAgain(position(999))).as("the base fee moved").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();

        LiquidationOpportunity other = position(5);
        LiquidationPlan booked = new LiquidationPlan("a", other, 5, 5.25 / 2000, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, 0.25, 0, 0, 1, 0.001, 1);
        ledger.record(booked, block);
        assertThat(nobodyAgain(position(999))).as("the liquidator's books moved").isFalse();
        assertThat(nobodyAgain(position(999))).isTrue();
    }

    /** A round on {@code o} at block {@code number}, planning at {@code usd}; nobody plans it. True when it stood. */
    private boolean nobodyInBlock(LiquidationOpportunity o, long number, UsdPrices usd) {
        BlockContext context = new BlockContext(number * 12, CHAIN, number, prices, null, market, baseFee,
                new SplittableRandom(number), new ArrayList<>());
        PlanVerdicts.Round round = verdicts.round(List.of(o), seen, context, quotes, usd);
        boolean known = round.knownToNobody(0);
        round.settle(0, false);
        return known;
    }

    /**
     * The rounds of one block plan at one prices object while no price moves (RoundPrices), so the crowd's inputs are
     * looked at again only when a ledger's books, the block or the prices object changed: each one alone must still
     * make the verdict fall — a landing in the block, inventory held when the prices object is another, gas spent
     * when the block is another.
     */
    @Test
    void withinABlockTheCrowdsBooksAreStillWatched() {
        LiquidationOpportunity o = position(999);
        block = 10;
        prices.update(block * 12);
        UsdPrices usd = prices::usd;
        assertThat(nobodyInBlock(o, block, usd)).as("first round").isFalse();
        assertThat(nobodyInBlock(o, block, usd)).as("the same block, prices object and books").isTrue();

        // Seized ETH held, in this block: the books moved within the block.
        ledger.record(new LiquidationPlan("a", position(5), 5, 5.25 / 2000, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, 0.25, 0, 0, 1, 0.001, 1), block);
        assertThat(nobodyInBlock(o, block, usd)).as("a landing in the same block").isFalse();
        assertThat(nobodyInBlock(o, block, usd)).isTrue();

        // The same block and books, the prices object another (a price moved): the held ETH is worth another amount
        // only when a price moved, but a new object is looked at again either way, and the value is what counts.
        assertThat(nobodyInBlock(o, block, prices::usd)).as("another prices object, the same prices").isTrue();
        UsdPrices cheaperEth = a -> a.equals(ETH) ? 1500 : prices.usd(a);
        assertThat(nobodyInBlock(o, block, cheaperEth)).as("the held ETH's value moved").isFalse();
        assertThat(nobodyInBlock(o, block, cheaperEth)).isTrue();

        // The next block with the same prices object and books: the gas spent in the last block is budget again.
        assertThat(nobodyInBlock(o, block + 1, cheaperEth)).as("a new block frees the gas budget").isFalse();
        assertThat(nobodyInBlock(o, block + 1, cheaperEth)).isTrue();
    }

    @Test
    void aPlannedPositionAndAYoungOneHaveNoVerdict() {
        LiquidationOpportunity o = position(1000);
        nobodyAgain(o);
        block++;
        prices.update(block * 12);
        PlanVerdicts.Round round = verdicts.round(List.of(o), seen, new BlockContext(block * 12, CHAIN, block, prices,
                null, market, baseFee, new SplittableRandom(block), new ArrayList<>()), quotes, prices::usd);
        assertThat(round.knownToNobody(0)).isTrue();
        round.settle(0, true);
        assertThat(nobodyAgain(o)).as("someone planned it last round").isFalse();
        assertThat(nobodyAgain(o)).isTrue();

        // A position first seen at block 1 is 0 blocks old there and 1 at block 2 (the latency of this crowd is 0,
        // so every age from 1 on is alike): the age is an input until it passes every latency.
        LiquidationDesk.Seen[] young = {new LiquidationDesk.Seen(1)};
        seen[0] = young[0];
        block = 0;
        assertThat(nobodyAgain(o)).isFalse();
        assertThat(nobodyAgain(o)).as("older: 1 block, not 0").isFalse();
        assertThat(nobodyAgain(o)).as("2 blocks: past every latency, alike").isTrue();
    }

    /**
     * The desk's round on a listing the book handed back unchanged: {@link PlanVerdicts#again}, which carries the
     * verdicts over while nothing moved and makes a full round otherwise. Returns whether the position was known to
     * nobody, and settles it as planned or not.
     */
    private boolean onTheSameListing(List<LiquidationOpportunity> listing, PlanVerdicts.Round[] last,
                                     boolean planned, boolean[] wasAgain) {
        PlanVerdicts.Round round = nextRoundOn(listing, last[0]);
        wasAgain[0] = round.carriedOver();
        boolean known = round.knownToNobody(0);
        if (!known) {
            round.settle(0, planned);
        }
        last[0] = round;
        return known;
    }

    @Test
    void onAnUnchangedListingTheVerdictStandsWithoutLookingAtThePositionUntilAnInputMoves() {
        List<LiquidationOpportunity> listing = List.of(position(1000));
        PlanVerdicts.Round[] last = {null};
        boolean[] again = {false};
        block = 0;
        assertThat(onTheSameListing(listing, last, false, again)).as("first round: nothing known").isFalse();
        assertThat(onTheSameListing(listing, last, false, again)).as("1 block old: younger than the cap").isFalse();
        assertThat(again[0]).as("nothing moved: the round is the last one's").isTrue();
        assertThat(onTheSameListing(listing, last, false, again)).as("2 blocks: alike from now on").isTrue();
        assertThat(onTheSameListing(listing, last, false, again)).isTrue();
        assertThat(again[0]).isTrue();

        eth[0] = 1980;
        assertThat(onTheSameListing(listing, last, false, again)).as("the collateral's price moved").isFalse();
        assertThat(again[0]).as("a pair's inputs moved: a full round").isFalse();
        assertThat(onTheSameListing(listing, last, false, again)).isTrue();
        assertThat(again[0]).isTrue();

        LiquidationPlan booked = new LiquidationPlan("a", position(5), 5, 5.25 / 2000,
                LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.HOLD, 0, 0.25, 0, 0, 1, 0.001, 1);
        ledger.record(booked, block);
        assertThat(onTheSameListing(listing, last, false, again)).as("the liquidator's books moved").isFalse();
        assertThat(again[0]).as("the crowd moved: a full round").isFalse();
        assertThat(onTheSameListing(listing, last, true, again)).as("nothing moved since").isTrue();

        quotesVersion[0]++;
        assertThat(onTheSameListing(listing, last, true, again)).as("a venue of the pair traded").isFalse();
        assertThat(onTheSameListing(listing, last, false, again)).as("planned last round: no verdict").isFalse();
        assertThat(again[0]).isTrue();
        assertThat(onTheSameListing(listing, last, false, again)).as("nobody planned it last round").isTrue();
    }

    /**
     * The desk's round on {@code listing} at the next block after {@code last} (null: the first), observed: the
     * first round, or {@link PlanVerdicts#again}, which carries the last round's verdicts over while nothing moved
     * and otherwise opens a round whose positions the desk then observes.
     */
    private PlanVerdicts.Round nextRoundOn(List<LiquidationOpportunity> listing, PlanVerdicts.Round last) {
        block++;
        prices.update(block * 12);
        BlockContext context = new BlockContext(block * 12, CHAIN, block, prices, null, market, baseFee,
                new SplittableRandom(block), new ArrayList<>());
        PlanVerdicts.Round round = last == null ? verdicts.round(listing, seen, context, quotes, prices::usd)
                : verdicts.again(last, context, quotes, prices::usd);
        if (!round.observed()) {
            // Something moved: again opened a round on the listing, whose positions the desk observes in slices.
            assertThat(round.carriedOver()).isFalse();
            round.observed(List.of(round.observe(0, listing.size())));
        }
        return round;
    }

    /**
     * A round on {@code listing} at the next block ({@link #nextRoundOn}), whose positions without a verdict are
     * settled as {@code planned}, as the desk does; returns whether the round had nothing to plan, and checks that it
     * then knows every position to be one nobody plans.
     */
    private boolean nothingToPlanOn(List<LiquidationOpportunity> listing, PlanVerdicts.Round[] last, boolean planned) {
        PlanVerdicts.Round round = nextRoundOn(listing, last[0]);
        boolean nothing = round.nothingToPlan();
        for (int i = 0; i < listing.size(); i++) {
            if (nothing) {
                assertThat(round.knownToNobody(i)).as("nothing to plan, yet position %d has no verdict", i).isTrue();
            } else if (!round.knownToNobody(i)) {
                round.settle(i, planned);
            }
        }
        last[0] = round;
        return nothing;
    }

    /**
     * A round has nothing to plan exactly when it carries over the verdicts of a round that left every position as
     * one nobody planned, and no young position's verdict fell with its age: worked here from the sequence itself.
     */
    @Test
    void aRoundHasNothingToPlanOnlyWhenEveryVerdictStands() {
        List<LiquidationOpportunity> listing = List.of(position(1000));
        PlanVerdicts.Round[] last = {null};
        block = 0;
        assertThat(nothingToPlanOn(listing, last, false)).as("first round").isFalse();
        assertThat(nothingToPlanOn(listing, last, false)).as("1 block old: its verdict fell with its age").isFalse();
        assertThat(nothingToPlanOn(listing, last, false)).as("2 blocks old, nobody planned it").isTrue();
        assertThat(nothingToPlanOn(listing, last, false)).as("and again, after a round with nothing to plan").isTrue();

        eth[0] = 1985;
        assertThat(nothingToPlanOn(listing, last, true)).as("the collateral's price moved; someone plans it")
                .isFalse();
        assertThat(nothingToPlanOn(listing, last, false)).as("nothing moved, but it was planned last round")
                .isFalse();
        assertThat(nothingToPlanOn(listing, last, false)).as("nobody planned it last round").isTrue();
    }

    /**
     * A round opened in the arrays of the protocol's last round (the spare of {@code PlanVerdicts.open}) reads as one
     * opened in new arrays. Two positions nobody plans, in two rounds: in the second both verdicts stand, so that
     * round's arrays hold each position's entry and a known verdict. Then the pair's quotes can no longer tell
     * whether they changed: a round opened in those arrays forgets both positions as it observes them, and its
     * verdicts, settled, and the round carried over after it must know nothing — as a round in new arrays, where
     * nothing observed leaves an entry or a verdict behind.
     */
    @Test
    void aRoundInTheLastRoundsArraysKnowsWhatARoundInNewOnesKnows() {
        for (boolean reuse : new boolean[] {false, true}) {
            quotesVersion[0] = 5;
            List<LiquidationOpportunity> listing = List.of(position(0, USDC, 100), position(1, USDC, 200));
            LiquidationDesk.Seen[] records = {new LiquidationDesk.Seen(1), new LiquidationDesk.Seen(1)};
            PlanVerdicts.Round last = null;
            for (int r = 0; r < 2; r++) {
                last = openIn(listing, records, last);
                last.observed(List.of(last.observe(0, 2)));
                last.settle(0, false);
                last.settle(1, false);
            }
            assertThat(last.knownToNobody(0)).as("same inputs: the verdict stands").isTrue();
            assertThat(last.knownToNobody(1)).isTrue();
            quotesVersion[0] = -1;
            PlanVerdicts.Round unknowable = openIn(listing, records, reuse ? last : null);
            unknowable.observed(List.of(unknowable.observe(0, 2)));
            for (int i = 0; i < 2; i++) {
                assertThat(unknowable.knownToNobody(i)).as("reused %s, position %d", reuse, i).isFalse();
                unknowable.settle(i, false);
            }
            PlanVerdicts.Round carried = verdicts.again(unknowable, nextBlock(), quotes, prices::usd);
            assertThat(carried.observed()).as("nothing moved: carried over").isTrue();
            assertThat(carried.knownToNobody(0)).as("reused %s", reuse).isFalse();
            assertThat(carried.knownToNobody(1)).as("reused %s", reuse).isFalse();
        }
    }

    /** A round opened on {@code listing} at the next block, in {@code spare}'s arrays when given. */
    private PlanVerdicts.Round openIn(List<LiquidationOpportunity> listing, LiquidationDesk.Seen[] records,
                                      PlanVerdicts.Round spare) {
        return verdicts.open(listing, records, PlanVerdicts.onePerPair(listing, 0, listing.size()),
                new PlanVerdicts.Terms(listing.size()), nextBlock(), quotes, prices::usd, spare);
    }

    private BlockContext nextBlock() {
        block++;
        prices.update(block * 12);
        return new BlockContext(block * 12, CHAIN, block, prices, null, market, baseFee, new SplittableRandom(block),
                new ArrayList<>());
    }

    private static LiquidationOpportunity position(int account, AssetId debt, double maxRepay) {
        return new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-" + account), CHAIN.id(),
                debt, ETH, maxRepay, 1.05 / 2000, 10, FlashLoanTerms.NONE, 400_000, 1);
    }

    /**
     * The desk observes an opened round a slice at a time on the engine's threads: any cut of the positions into
     * slices gives the verdicts one pass gives, and the young positions the next unchanged round looks at again.
     * Six positions of two pairs, first seen at blocks 4, 5 and 6 (the crowd's latency is 0, so only ages under 1
     * are young); the last position is planned every round, the others by nobody. Block 4 opens a round; 5 carries it
     * over (every position was young, so every one is looked at again, and every age moved); at 6 the collateral's
     * price moves, so the round is opened again on the same listing; 7 carries that over: the positions first seen at
     * 4 and 5 are old and keep their verdicts, the one first seen at 6 is still young and its age moved.
     */
    @Test
    void anOpenedRoundObservedInSlicesKnowsWhatOnePassKnows() {
        AssetId other = SNAPSHOT.assets().stream().map(a -> a.id())
                .filter(a -> !a.equals(ETH) && !a.equals(USDC) && SNAPSHOT.asset(a).orElseThrow().chain()
                        .equals(CHAIN.id())).findFirst().orElseThrow();
        List<LiquidationOpportunity> listing = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            listing.add(position(k, k % 2 == 0 ? USDC : other, 100 + k));
        }
        // Pair ids compared by value: the second pair's first position names it, a repeat is dropped.
        assertThat(PlanVerdicts.onePerPair(listing, 0, 6)).containsExactly(listing.get(0), listing.get(1));
        assertThat(PlanVerdicts.onePerPair(listing, 3, 5)).containsExactly(listing.get(3), listing.get(4));

        List<List<int[]>> cuts = List.of(List.of(new int[] {0, 6}), List.of(new int[] {0, 4}, new int[] {4, 6}),
                List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 4}, new int[] {4, 5},
                        new int[] {5, 6}));
        List<String> answers = new ArrayList<>();
        for (List<int[]> cut : cuts) {
            PlanVerdicts fresh = new PlanVerdicts(List.of(ledger));
            LiquidationDesk.Seen[] records = new LiquidationDesk.Seen[6];
            for (int k = 0; k < 6; k++) {
                records[k] = new LiquidationDesk.Seen(4 + k % 3);
            }
            block = 3;
            eth[0] = 2000;
            StringBuilder answer = new StringBuilder();
            PlanVerdicts.Round last = null;
            for (int r = 0; r < 4; r++) {
                if (r == 2) {
                    eth[0] = 1990;
                }
                BlockContext context = nextBlock();
                PlanVerdicts.Round round = last == null ? fresh.open(listing, records,
                        PlanVerdicts.onePerPair(listing, 0, 6), context, quotes, prices::usd)
                        : fresh.again(last, context, quotes, prices::usd);
                assertThat(round.observed()).as("round %d carried over", r).isEqualTo(r % 2 == 1);
                if (!round.observed()) {
                    List<int[]> young = new ArrayList<>();
                    for (int[] slice : cut) {
                        young.add(round.observe(slice[0], slice[1]));
                    }
                    round.observed(young);
                }
                for (int k = 0; k < 6; k++) {
                    answer.append(round.knownToNobody(k) ? 'K' : '.');
                    if (!round.knownToNobody(k)) {
                        round.settle(k, k == 5);
                    }
                }
                answer.append('|');
                last = round;
            }
            answers.add(answer.toString());
        }
        assertThat(answers.get(0)).isEqualTo("......|......|......|KK.KK.|");
        assertThat(answers).containsOnly(answers.get(0));
    }

    /**
     * The terms a listing keeps for the planners' first check (PlanVerdicts.Round.screenedPair): noted where a
     * position is observed, offered in the listing's later opened rounds only for positions older than every latency
     * (the crowd's latency is 0, so age 1 and above) whose pair's quotes can tell whether they changed, and equal to
     * the position's own terms; a position passed over on them is known to nobody, and that verdict is carried over
     * with the others while nothing moves. Positions first seen at blocks 4 and 8 (detected in those blocks); rounds
     * at blocks 8, 9 (carried over: nothing moved), 10 (the collateral's price moved: opened again).
     */
    @Test
    void aListingKeepsItsPositionsTermsForTheFirstCheck() {
        List<LiquidationOpportunity> listing = new ArrayList<>();
        LiquidationDesk.Seen[] records = new LiquidationDesk.Seen[2];
        long[] firstSeen = {4, 8};
        for (int k = 0; k < 2; k++) {
            listing.add(new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-" + k), CHAIN.id(),
                    USDC, ETH, 100 + k, (1.05 + k) / 2000, 10, k == 0 ? FlashLoanTerms.AAVE_V3 : FlashLoanTerms.NONE,
                    300_000 + k, firstSeen[k]));
            records[k] = new LiquidationDesk.Seen(firstSeen[k]);
        }
        block = 7;
        PlanVerdicts.Round first = verdicts.open(listing, records, PlanVerdicts.onePerPair(listing, 0, 2), nextBlock(),
                quotes, prices::usd);
        // Nothing noted yet: every position is observed.
        assertThat(first.screenedPair(0)).isEqualTo(-1);
        assertThat(first.screenedPair(1)).isEqualTo(-1);
        first.observed(List.of(first.observe(0, 2)));
        first.settle(0, false);
        first.settle(1, false);

        PlanVerdicts.Round carried = verdicts.again(first, nextBlock(), quotes, prices::usd);
        assertThat(carried.observed()).isTrue();

        eth[0] = 1990;
        PlanVerdicts.Round opened = verdicts.again(carried, nextBlock(), quotes, prices::usd);
        assertThat(opened.observed()).as("the price moved: opened again").isFalse();
        // Position 0 (first seen at 4) is old at block 10; position 1 (first seen at 8) too: both offered.
        int p = opened.screenedPair(0);
        assertThat(p).isGreaterThanOrEqualTo(0);
        assertThat(opened.pairChain(p)).isEqualTo(CHAIN.id());
        assertThat(opened.pairCollateral(p)).isEqualTo(ETH);
        assertThat(opened.pairDebt(p)).isEqualTo(USDC);
        for (int k = 0; k < 2; k++) {
            LiquidationOpportunity o = listing.get(k);
            assertThat(opened.screenedPair(k)).isEqualTo(p);
            assertThat(opened.repayable(k)).isEqualTo(o.repayable());
            assertThat(opened.collateralPerDebt(k)).isEqualTo(o.collateralPerDebt());
            assertThat(opened.gasUnits(k)).isEqualTo(o.gasUnits());
            assertThat(opened.detectedBlock(k)).isEqualTo(firstSeen[k]);
            assertThat(opened.flashOffered(k)).isEqualTo(k == 0);
        }
        // Position 0 passed over on its terms, position 1 observed (and planned by nobody).
        opened.passOver(0);
        assertThat(opened.knownToNobody(0)).isTrue();
        opened.observe(1);
        opened.settle(1, false);
        opened.observed(List.of(new int[0]));
        PlanVerdicts.Round again = verdicts.again(opened, nextBlock(), quotes, prices::usd);
        assertThat(again.observed()).as("nothing moved").isTrue();
        assertThat(again.knownToNobody(0)).as("passed over, carried over").isTrue();
        assertThat(again.knownToNobody(1)).isTrue();

        // A pair whose quotes cannot tell whether they changed is never offered.
        quotesVersion[0] = -1;
        PlanVerdicts.Round unknowable = verdicts.again(again, nextBlock(), quotes, prices::usd);
        assertThat(unknowable.observed()).isFalse();
        assertThat(unknowable.screenedPair(0)).isEqualTo(-1);
        assertThat(unknowable.screenedPair(1)).isEqualTo(-1);
    }

    /**
     * A run of positions is passed over at once, without its positions' terms read (PlanVerdicts.Round.coveredAtOnce),
     * only where every position the listing's cover holds is older than every latency: else a young one would be
     * settled that the first check is never asked of (screenedPair). A crowd of latency 3 (ages of 4 blocks and more
     * alike); two positions first seen at block 8, observed there, and at block 9 (the collateral's price moved) the
     * listing's second opened round, where its cover is made. Every bucket reached: at blocks 9 and 11 (ages 1 and 3)
     * neither is passed over at once nor offered; at block 12 (age 4) both are, and the flags answer as the reach does.
     */
    @Test
    void aRunIsPassedOverAtOnceOnlyWhenEveryPositionItHoldsIsOldEnough() {
        LiquidatorLedger slow = new LiquidatorLedger(new LiquidatorProfile("slow",
                Map.of(CHAIN.id(), Map.of(USDC, 1e6)), false, 1, 1.0, 0, 3, 1, 0));
        PlanVerdicts slowVerdicts = new PlanVerdicts(List.of(slow));
        List<LiquidationOpportunity> listing = new ArrayList<>();
        LiquidationDesk.Seen[] records = new LiquidationDesk.Seen[2];
        for (int k = 0; k < 2; k++) {
            listing.add(new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-" + k), CHAIN.id(),
                    USDC, ETH, 100 + k, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 8));
            records[k] = new LiquidationDesk.Seen(8);
        }
        block = 7;
        PlanVerdicts.Round first = slowVerdicts.open(listing, records, PlanVerdicts.onePerPair(listing, 0, 2),
                nextBlock(), quotes, prices::usd);
        first.observed(List.of(first.observe(0, 2)));
        first.settle(0, false);
        first.settle(1, false);
        PlanVerdicts.Round round = first;
        for (long at : new long[] {9, 11, 12}) {
            eth[0] -= 10;
            block = at - 1;
            round = slowVerdicts.again(round, nextBlock(), quotes, prices::usd);
            assertThat(round.observed()).as("block %d: a price moved", at).isFalse();
            assertThat(round.cover()).as("made at the listing's second opened round").isNotNull();
            int[] everything = new int[round.cover().classes()];
            Arrays.fill(everything, PassOverCover.BUCKETS);
            round.coverReach(everything);
            boolean old = at - 8 >= 4;
            for (int k = 0; k < 2; k++) {
                assertThat(round.coveredAtOnce(k)).as("block %d, position %d", at, k).isEqualTo(old);
                assertThat(round.screenedPair(k) >= 0 && round.coveredWhole(k)).as("block %d, position %d", at, k)
                        .isEqualTo(old);
            }
            round.observed(List.of(round.observe(0, 2)));
            round.settle(0, false);
            round.settle(1, false);
        }
        // A class not reached is not covered, old or young.
        round = slowVerdicts.again(round, nextBlock(), quotes, prices::usd);
        eth[0] -= 10;
        round = slowVerdicts.again(round, nextBlock(), quotes, prices::usd);
        round.coverReach(new int[round.cover().classes()]);
        assertThat(round.coveredAtOnce(0)).isFalse();
        assertThat(round.coveredAtOnce(1)).isFalse();
    }

    /** A position younger than every latency is never offered: its verdict moves with its age. */
    @Test
    void aYoungPositionIsNotOfferedToTheFirstCheck() {
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-9"),
                CHAIN.id(), USDC, ETH, 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 9);
        LiquidationDesk.Seen[] records = {new LiquidationDesk.Seen(9)};
        block = 8;
        PlanVerdicts.Round first = verdicts.open(List.of(o), records, List.of(o), nextBlock(), quotes, prices::usd);
        first.observed(List.of(first.observe(0, 1)));
        first.settle(0, false);
        eth[0] = 1980;
        // Block 10: age 1, old (latency 0).
        PlanVerdicts.Round opened = verdicts.again(first, nextBlock(), quotes, prices::usd);
        assertThat(opened.screenedPair(0)).isGreaterThanOrEqualTo(0);
        LiquidationOpportunity young = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-9"),
                CHAIN.id(), USDC, ETH, 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 11);
        LiquidationDesk.Seen[] youngRecords = {new LiquidationDesk.Seen(11)};
        PlanVerdicts.Round fresh = verdicts.open(List.of(young), youngRecords, List.of(young), nextBlock(), quotes,
                prices::usd);
        fresh.observed(List.of(fresh.observe(0, 1)));
        fresh.settle(0, false);
        eth[0] = 1970;
        // Block 11 is its first block: age 0, young.
        block = 10;
        PlanVerdicts.Round openedYoung = verdicts.again(fresh, nextBlock(), quotes, prices::usd);
        assertThat(openedYoung.observed()).isFalse();
        assertThat(openedYoung.screenedPair(0)).isEqualTo(-1);
    }

    /**
     * A new listing takes a position's kept terms from the last listing when it holds the very same opportunity object
     * (a book hands it back while the position's answer stands), and not when the object is new, even with equal
     * terms: nothing of the opportunity is read to tell.
     */
    @Test
    void aNewListingTakesTheTermsKeptForTheSameOpportunity() {
        LiquidationOpportunity kept = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-1"),
                CHAIN.id(), USDC, ETH, 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 2);
        LiquidationOpportunity renewed = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-2"),
                CHAIN.id(), USDC, ETH, 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 2);
        LiquidationDesk.Seen[] records = {new LiquidationDesk.Seen(2), new LiquidationDesk.Seen(2)};
        block = 5;
        List<LiquidationOpportunity> first = List.of(kept, renewed);
        PlanVerdicts.Round round = verdicts.open(first, records, List.of(kept), nextBlock(), quotes, prices::usd);
        round.observed(List.of(round.observe(0, 2)));
        round.settle(0, false);
        round.settle(1, false);
        // The next listing: the first position's object handed back, the second's made anew with equal terms.
        LiquidationOpportunity renewedAgain = new LiquidationOpportunity(ProtocolId.of("pool-0"),
                AccountId.of("pool-0-2"), CHAIN.id(), USDC, ETH, 100, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 2);
        List<LiquidationOpportunity> next = List.of(kept, renewedAgain);
        PlanVerdicts.Round fresh = verdicts.open(next, records, List.of(kept), nextBlock(), quotes, prices::usd);
        int p = fresh.screenedPair(0);
        assertThat(p).as("the same object: its terms are taken").isGreaterThanOrEqualTo(0);
        assertThat(fresh.pairCollateral(p)).isEqualTo(ETH);
        assertThat(fresh.repayable(0)).isEqualTo(kept.repayable());
        assertThat(fresh.detectedBlock(0)).isEqualTo(2);
        assertThat(fresh.screenedPair(1)).as("a new object: observed first").isEqualTo(-1);
    }

    /**
     * Terms carried where the listing is dated (PlanVerdicts.Terms.carriedAhead, as the desk does for a book that
     * numbers its positions by slot) are the terms the round would have carried itself; a position the dating did not
     * carry has none, and the round does not read its entry again to look (here position 1, whose opportunity is the
     * last listing's very object, so a round carrying on its own would have found its terms).
     */
    @Test
    void termsCarriedWhereTheListingIsDatedAreTheRoundsOwn() {
        List<LiquidationOpportunity> first = new ArrayList<>();
        LiquidationDesk.Seen[] records = {new LiquidationDesk.Seen(2), new LiquidationDesk.Seen(2)};
        for (int k = 0; k < 2; k++) {
            first.add(new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-" + k), CHAIN.id(),
                    USDC, ETH, 100 + k, (1.05 + k) / 2000, 10, FlashLoanTerms.NONE, 300_000 + k, 2));
        }
        observedByNobody(first, records);

        PlanVerdicts.Terms ahead = PlanVerdicts.Terms.carriedAhead(2);
        ahead.carry(0, first.get(0), records[0]);
        PlanVerdicts.Round fresh = verdicts.open(first, records, first.subList(0, 1), ahead, nextBlock(), quotes,
                prices::usd);
        int p = fresh.screenedPair(0);
        assertThat(p).as("carried where dated").isGreaterThanOrEqualTo(0);
        assertThat(fresh.pairCollateral(p)).isEqualTo(ETH);
        assertThat(fresh.repayable(0)).isEqualTo(first.get(0).repayable());
        assertThat(fresh.collateralPerDebt(0)).isEqualTo(first.get(0).collateralPerDebt());
        assertThat(fresh.gasUnits(0)).isEqualTo(300_000);
        assertThat(fresh.detectedBlock(0)).isEqualTo(2);
        assertThat(fresh.flashOffered(0)).isFalse();
        assertThat(fresh.screenedPair(1)).as("not carried where dated: none to carry, entry not read").isEqualTo(-1);

        // The same listing with terms the round carries itself finds both.
        PlanVerdicts.Round own = verdicts.open(first, new LiquidationDesk.Seen[] {records[0], records[1]},
                first.subList(0, 1), nextBlock(), quotes, prices::usd);
        assertThat(own.screenedPair(1)).isGreaterThanOrEqualTo(0);
        assertThat(own.repayable(1)).isEqualTo(first.get(1).repayable());
    }

    /**
     * A position a book lists as a new object — its check made again at new prices, its terms changed — has its terms
     * noted where the listing is dated when its record already knows the state of that very pair (the dating found the
     * new object on the pair its record last traded): the round then offers it to the first check on the new object's
     * own terms, not the last object's, without observing it first. A new object on another pair, or a position whose
     * record knows no pair, has nothing noted and is observed first, as before.
     */
    @Test
    void aNewObjectOnTheSamePairHasItsOwnTermsNotedWhereDated() {
        LiquidationDesk.Seen[] records = {new LiquidationDesk.Seen(2), new LiquidationDesk.Seen(2),
                new LiquidationDesk.Seen(2)};
        List<LiquidationOpportunity> first = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            first.add(records[k].datedAs(new LiquidationOpportunity(ProtocolId.of("pool-0"),
                    AccountId.of("pool-0-" + k), CHAIN.id(), USDC, ETH, 100 + k, 1.05 / 2000, 10,
                    FlashLoanTerms.NONE, 300_000, 2)));
        }
        observedByNobody(first, records);

        // New objects: position 0 on the same pair at new terms, position 1 on another pair (debt USDT), and a
        // position never seen before.
        LiquidationOpportunity samePair = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-0"),
                CHAIN.id(), USDC, ETH, 250, 1.07 / 1900, 12, FlashLoanTerms.AAVE_V3, 310_000, 2);
        LiquidationOpportunity otherPair = new LiquidationOpportunity(ProtocolId.of("pool-0"),
                AccountId.of("pool-0-1"), CHAIN.id(), GeneratedEcosystem.USDT, ETH, 101, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 2);
        LiquidationOpportunity unseen = new LiquidationOpportunity(ProtocolId.of("pool-0"), AccountId.of("pool-0-2"),
                CHAIN.id(), USDC, ETH, 90, 1.05 / 2000, 10, FlashLoanTerms.NONE, 300_000, 2);
        List<LiquidationOpportunity> next = List.of(records[0].datedAs(samePair), records[1].datedAs(otherPair),
                records[2].datedAs(unseen));
        PlanVerdicts.Terms dated = PlanVerdicts.Terms.carriedAhead(3);
        for (int k = 0; k < 3; k++) {
            dated.noteWhereDated(k, next.get(k), records[k]);
        }
        eth[0] = 1900;
        PlanVerdicts.Round fresh = verdicts.open(next, records, List.of(next.get(0), next.get(1)), dated,
                nextBlock(), quotes, prices::usd);
        int p = fresh.screenedPair(0);
        assertThat(p).as("the same pair: noted where dated").isGreaterThanOrEqualTo(0);
        assertThat(fresh.pairChain(p)).isEqualTo(CHAIN.id());
        assertThat(fresh.pairCollateral(p)).isEqualTo(ETH);
        assertThat(fresh.pairDebt(p)).isEqualTo(USDC);
        assertThat(fresh.repayable(0)).as("the new object's terms").isEqualTo(250);
        assertThat(fresh.collateralPerDebt(0)).isEqualTo(1.07 / 1900);
        assertThat(fresh.gasUnits(0)).isEqualTo(310_000);
        assertThat(fresh.detectedBlock(0)).isEqualTo(2);
        assertThat(fresh.flashOffered(0)).isTrue();
        assertThat(fresh.screenedPair(1)).as("another pair: observed first").isEqualTo(-1);
        assertThat(fresh.screenedPair(2)).as("a record that knows no pair: observed first").isEqualTo(-1);
    }

    /**
     * A round opened at block 6 on {@code listing} (whose positions trade its first one's pair), every position
     * observed and planned by nobody: their records then know the pair's state.
     */
    private void observedByNobody(List<LiquidationOpportunity> listing, LiquidationDesk.Seen[] records) {
        block = 5;
        PlanVerdicts.Round round = verdicts.open(listing, records, listing.subList(0, 1), nextBlock(), quotes,
                prices::usd);
        round.observed(List.of(round.observe(0, listing.size())));
        for (int k = 0; k < listing.size(); k++) {
            round.settle(k, false);
        }
    }

    /** Terms sized for another listing are refused, naming both sizes. */
    @Test
    void termsOfAnotherSizeAreRefused() {
        LiquidationOpportunity o = position(100);
        assertThatThrownBy(() -> verdicts.open(List.of(o), seen, List.of(o),
                        PlanVerdicts.Terms.carriedAhead(2), nextBlock(), quotes, prices::usd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("terms of 2 positions for a listing of 1");
    }
}
