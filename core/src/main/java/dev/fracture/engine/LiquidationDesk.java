package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidationRound;
import dev.fracture.agent.Liquidator;
import dev.fracture.agent.LiquidatorCrowd;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.agent.RememberedQuotes;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.agent.UsdPrices;
import dev.fracture.market.Router;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The liquidation step of a block for one protocol: the protocol lists the positions anyone may liquidate, every
 * liquidator plans (each with its own capital, latency, gas and profit rules — {@link Liquidator}), the block orders
 * the plans by priority fee with seeded tie-breaking ({@link LiquidationRound}), and each landed liquidation is
 * applied by the protocol's mechanic, its collateral disposed of, and the liquidator's books updated.
 */
final class LiquidationDesk {
    private final Map<String, LiquidatorLedger> ledgers = new LinkedHashMap<>();
    /** Per protocol, the positions liquidatable in its last round: reaction latency counts from their first block. */
    private final Map<ProtocolId, Records> firstSeen = new HashMap<>();
    /** Counts the rounds, to tell the positions seen in this one. */
    private long round;
    private final CollateralDisposal disposal;
    private final MitigationHooks hooks;
    private final List<LiquidationEvent> events = new ArrayList<>();
    private final EngineOptions options;
    private final PlanVerdicts verdicts;
    /** The ledgers in planning order (the map's), kept once rather than copied every round. */
    private final List<LiquidatorLedger> planners;
    private final Workers workers;
    /** The planners' profiles laid out for planning as a crowd (the fast engine). */
    private final LiquidatorCrowd.Roster roster;
    /** The fast engine's router quotes for the run's market (null until the first block that plans). */
    private SaleQuotes leanQuotes;
    /** The fast engine's quotes remembered from block to block while the venues they read do not change. */
    private RememberedQuotes rememberedQuotes;
    /** The rounds' prices objects, the last one kept while no reference price moves. */
    private final RoundPrices roundPrices = new RoundPrices();

    LiquidationDesk(List<LiquidatorProfile> profiles, CollateralDisposal disposal) {
        this(profiles, disposal, new MitigationHooks(dev.fracture.mitigation.MitigationSet.of(List.of(), null)),
                EngineOptions.REFERENCE, new Workers(1));
    }

    /**
     * A desk whose landed liquidations pass the run's mitigations first (halts, rate limits), finding and planning
     * its work as {@code options} say, on {@code workers}.
     */
    LiquidationDesk(List<LiquidatorProfile> profiles, CollateralDisposal disposal, MitigationHooks hooks,
                    EngineOptions options, Workers workers) {
        this.hooks = hooks;
        this.options = options;
        this.workers = workers;
        for (LiquidatorProfile profile : profiles) {
            if (ledgers.put(profile.id(), new LiquidatorLedger(profile)) != null) {
                throw new IllegalArgumentException("simulation: liquidator id '" + profile.id() + "' appears twice");
            }
        }
        this.disposal = disposal;
        this.planners = List.copyOf(ledgers.values());
        this.verdicts = new PlanVerdicts(planners);
        this.roster = new LiquidatorCrowd.Roster(planners);
    }

    /** Runs the book's liquidations of this block; returns the debt repaid, USD at the block's reference prices. */
    double liquidate(ProtocolBook book, BlockContext block) {
        hooks.enter(block);
        book.observe(block.oracles(), block.prices(), block.now());
        if (ledgers.isEmpty()) {
            return 0;
        }
        double settledUsd = 0;
        if (book instanceof KeeperAuctions auctions) {
            settledUsd = land(book, auctions.settlements(block), block);
            auctions.bid(ledgers.values(), block);
        }
        ProtocolBook.Listing listing = book.listing(block.number());
        Records records = firstSeen.computeIfAbsent(book.id(), k -> new Records());
        boolean sameListing = records.isLast(listing);
        Dated dated = dated(records, listing, block.number());
        List<LiquidationOpportunity> opportunities = dated.opportunities();
        if (opportunities.isEmpty()) {
            return settledUsd;
        }
        // Each position's slot in the book (dated keeps the listing's order), handed with its bids to the landing.
        int[] slots = listing.slots();
        // Nothing trades while the liquidators plan, so they may share quotes (the fast engine does: quoted without
        // the router's fills on legs found once per run, and remembered while the venues they read stand), and pass
        // over the positions nobody planned with the same inputs (PlanVerdicts).
        // One prices object for the round: nothing moves prices until the plans land, and ledgers remember what
        // their inventory is worth at it.
        UsdPrices usd = roundPrices.of(block.prices());
        PlanVerdicts.Round known = null;
        ConcurrentHashMap<ChainId, LiquidatorCrowd> crowds = null;
        RememberedQuotes.Reader roundQuotes = null;
        if (options.memoizedQuotes()) {
            if (leanQuotes == null) {
                leanQuotes = SaleQuotes.lean(Router.DEFAULT, block.market());
                rememberedQuotes = new RememberedQuotes(leanQuotes);
            }
            PlanVerdicts.Round last = sameListing ? records.lastVerdicts : null;
            known = last != null ? verdicts.again(last, block, leanQuotes, usd)
                    : verdicts.open(opportunities, dated.seen(), dated.onePerPair(), dated.terms(), block, leanQuotes,
                    usd, records.lastVerdicts);
            records.lastVerdicts = known;
            if (known.nothingToPlan()) {
                // Every position would be passed over as one nobody plans: no bids, no winners, nothing to land,
                // and nothing of the round's planning made (half of a run's rounds at 1,000,000 accounts).
                return settledUsd;
            }
            roundQuotes = rememberedQuotes.round(round);
            // Made on the first position that needs planning: most rounds of a cascade need none.
            crowds = new ConcurrentHashMap<>(4);
        }
        RememberedQuotes.Reader quotesNow = roundQuotes;
        PlanVerdicts.Round verdictsNow = known;
        boolean toObserve = known != null && !known.observed();
        ConcurrentHashMap<ChainId, LiquidatorCrowd> crowdsNow = crowds;
        int perOpportunity = planners.size();
        if (toObserve && options.passOverRuns()) {
            coverReach(verdictsNow, quotesNow, crowdsNow, block, usd);
        }
        // Per position to plan, the plans that can land, found where they are made (LiquidationRound.Bids: the plans
        // of the highest fee; null when nobody plans). A slice of the positions at a time, on the engine's threads:
        // an opened round's verdicts are observed there first (PlanVerdicts.Round.observe), the positions whose
        // verdict stands are passed over, the others planned and their verdicts settled — each slice touching its
        // own positions' records once. The fast engine plans for the crowd at once and makes only those plans
        // (Liquidator.bidCrowd: the same plans, most positions passed over in one check); the reference asks every
        // liquidator and sums up its plans.
        List<PlannedSlice> slices = workers.slices(opportunities.size(), (from, to) -> {
            int[] young = toObserve ? new int[8] : null;
            int youngCount = 0;
            // The slice's rows, each row's hash, fee and count read as it is added, where its bids were just made.
            LiquidationRound.BidRows found = new LiquidationRound.BidRows();
            // Each slice plans with its own reader of the round's remembered quotes (one thread's, see Reader), and
            // reads what the positions of one pair share once (SlicePairs); both made when first needed.
            Liquidator planner = null;
            SlicePairs pairs = null;
            for (int i = from; i < to; i++) {
                if (toObserve) {
                    // A position whose terms the listing keeps, and which the planners' first check passes over on
                    // them, is settled without reading it (Liquidator.passesOver: bidCrowd's own answer) — most of
                    // them by a flag of their run of the pair's positions (PassOverCover), with no terms read.
                    if (verdictsNow.coveredAtOnce(i)) {
                        verdictsNow.passOver(i);
                        continue;
                    }
                    int p = verdictsNow.screenedPair(i);
                    if (p >= 0) {
                        if (verdictsNow.coveredWhole(i)) {
                            // In a run of its pair's positions the first check passes over whole this round.
                            verdictsNow.passOver(i);
                            continue;
                        }
                        if (pairs == null) {
                            planner = new Liquidator(quotesNow.another());
                            pairs = new SlicePairs(planner, crowdsNow, block, usd);
                        }
                        if (planner.passesOver(pairs.ofRoundPair(verdictsNow, p), verdictsNow.repayable(i),
                                verdictsNow.collateralPerDebt(i), verdictsNow.gasUnits(i),
                                verdictsNow.detectedBlock(i), verdictsNow.flashOffered(i))) {
                            verdictsNow.passOver(i);
                            continue;
                        }
                    }
                    if (verdictsNow.observe(i)) {
                        if (youngCount == young.length) {
                            young = Arrays.copyOf(young, youngCount * 2);
                        }
                        young[youngCount++] = i;
                    }
                }
                if (verdictsNow != null && verdictsNow.knownToNobody(i)) {
                    continue;
                }
                if (planner == null) {
                    planner = quotesNow == null ? Liquidator.DEFAULT : new Liquidator(quotesNow.another());
                }
                LiquidationOpportunity o = opportunities.get(i);
                LiquidationRound.Bids bids;
                if (crowdsNow != null) {
                    if (pairs == null) {
                        pairs = new SlicePairs(planner, crowdsNow, block, usd);
                    }
                    bids = planner.bidCrowd(pairs.of(o), o, dated.positionHashes()[i]);
                } else {
                    LiquidationPlan[] mine = new LiquidationPlan[perOpportunity];
                    for (int p = 0; p < perOpportunity; p++) {
                        mine[p] = planner.plan(planners.get(p), o, block.market(), usd, block.baseFeeGwei(),
                                block.number()).orElse(null);
                    }
                    bids = LiquidationRound.Bids.of(mine);
                }
                if (verdictsNow != null) {
                    verdictsNow.settle(i, bids != null);
                }
                if (bids != null) {
                    found.add(bids, slots == null ? -1 : slots[i]);
                }
            }
            return new PlannedSlice(toObserve ? Arrays.copyOf(young, youngCount) : null, found);
        });
        // The positions with a plan, in order: the round's plans are theirs, position after position.
        LiquidationRound.BidRows planned = new LiquidationRound.BidRows();
        List<int[]> young = new ArrayList<>(slices.size());
        for (PlannedSlice slice : slices) {
            planned.addAll(slice.bids());
            young.add(slice.young());
        }
        if (toObserve) {
            verdictsNow.observed(young);
        }
        return settledUsd + land(book, made(LiquidationRound.winningBids(planned, block.rng())), block);
    }

    /**
     * Finds, for an opened round whose listing's terms are summed up ({@link PlanVerdicts.Round#cover}), which runs of
     * positions the planners' first check passes over whole ({@link PassOverCover#reach}, asked of
     * {@link Liquidator#passesOverEvery}): a test or a few per class of positions on the calling thread, where the
     * round's slices would ask one per position. Classes whose pair the round does not screen cover nothing.
     */
    private void coverReach(PlanVerdicts.Round round, RememberedQuotes.Reader quotes,
                            ConcurrentHashMap<ChainId, LiquidatorCrowd> crowds, BlockContext block, UsdPrices usd) {
        PassOverCover cover = round.cover();
        if (cover == null) {
            return;
        }
        Liquidator planner = new Liquidator(quotes.another());
        SlicePairs views = new SlicePairs(planner, crowds, block, usd);
        int[] reach = new int[cover.classes()];
        for (int c = 0; c < reach.length; c++) {
            int p = round.slotOf(cover.pairOf(c));
            if (p < 0) {
                continue;
            }
            Liquidator.CrowdPair view = views.ofRoundPair(round, p);
            boolean flash = cover.flashOf(c);
            reach[c] = cover.reach(c, (repayable, perDebt, gas) -> planner.passesOverEvery(view, repayable, perDebt,
                    gas, flash));
        }
        round.coverReach(reach);
    }

    /**
     * The plans of a round's winners, in block order, made a slice at a time on the engine's threads: the crowd's
     * bids make only the winners' plans ({@link LiquidationRound.Bids#onDemand}), and reading what a plan is made of
     * (the position, the crowd's arrays) is a few misses of the processor's cache each, left off the thread that
     * lands them. In a run with no mitigation, a winner its bids know as a flash sale
     * ({@link LiquidationRound.Bids#knownFlashSale}) is not made here: its landing numbers come from the bids.
     */
    private Landing made(LiquidationRound.Winners winners) {
        int n = winners.size();
        Landing landing = new Landing(winners, new LiquidationPlan[n], new boolean[n], new AssetId[n],
                new AssetId[n], new double[n], new double[n], new LiquidatorLedger[n], new int[n]);
        // With no mitigation to pass, a flash sale whose amounts its bids know is left unmade: landing tells from
        // them alone whether it reverts, as most do in a deep cascade (the block's earlier sales moved the venues
        // since it was sized), and makes it only when it does not.
        boolean leaveKnownSales = hooks.gatesNothing();
        workers.slices(n, (from, to) -> {
            for (int w = from; w < to; w++) {
                LiquidationRound.Bids bids = winners.bidsOf(w);
                int place = winners.placeOf(w);
                if (leaveKnownSales && bids.knownFlashSale(place)) {
                    LiquidationOpportunity o = bids.opportunity();
                    landing.gather(w, null, o, true, bids.flashCollateral(), owed(bids.flashRepay(), o),
                            planners.get(bids.member(place)), winners.slotOf(w));
                    continue;
                }
                LiquidationPlan plan = bids.plan(place);
                landing.gather(w, plan, plan.opportunity(), plan.funding() == LiquidationPlan.Funding.FLASH_LOAN
                        && plan.disposal() == LiquidationPlan.Disposal.SELL, plan.collateral(),
                        owed(plan), ledgers.get(plan.liquidator()), winners.slotOf(w));
            }
            return to;
        });
        return landing;
    }

    /**
     * A round's winning plans in block order, with what landing each reads before it knows whether it reverts —
     * whether it sells flash-borrowed collateral, its assets, the collateral it sells, what it owes the lender, its
     * liquidator's ledger — gathered where the plans are made, each plan then in the processor's cache: in a deep
     * cascade the landing thread meets millions of plans that revert, and reads each one's numbers here, in order,
     * instead of from its plan and position scattered in memory. A plan is null where it was left unmade, a flash
     * sale whose numbers its bids know (made); {@code winners} makes it when it lands. Its position's slot in the
     * book goes with it to the book ({@link ProtocolBook#apply(LiquidationPlan, int)}).
     */
    private record Landing(LiquidationRound.Winners winners, LiquidationPlan[] plans, boolean[] flashSale,
                           AssetId[] collateral, AssetId[] debt, double[] amount, double[] owed,
                           LiquidatorLedger[] ledger, int[] slot) {
        /**
         * Writes winner {@code w}'s numbers: its plan (null: left unmade), position, sale, debt owed, ledger, and
         * its position's slot (-1: not known).
         */
        void gather(int w, LiquidationPlan plan, LiquidationOpportunity o, boolean sellsFlashLoan, double sold,
                    double owes, LiquidatorLedger by, int positionSlot) {
            slot[w] = positionSlot;
            plans[w] = plan;
            flashSale[w] = sellsFlashLoan;
            collateral[w] = o.collateralAsset();
            debt[w] = o.debtAsset();
            amount[w] = sold;
            owed[w] = owes;
            ledger[w] = by;
        }
    }

    /**
     * The views of the crowd's planning one slice of a round plans with ({@link Liquidator.CrowdPair}), one per pair
     * the slice meets, found by the round's index of the pair (the screen of kept terms) or by a position's ids
     * (planning): what a pair's positions share is read once per slice. A book's positions are on its chain, so the
     * last crowd and the last view serve most positions without a lookup. One thread's, as its planner is.
     */
    private final class SlicePairs {
        private final Liquidator planner;
        private final ConcurrentHashMap<ChainId, LiquidatorCrowd> crowds;
        private final BlockContext block;
        private final UsdPrices usd;
        private final List<Liquidator.CrowdPair> made = new ArrayList<>(2);
        private Liquidator.CrowdPair[] byRoundPair;
        private Liquidator.CrowdPair last;
        private ChainId lastChain;
        private LiquidatorCrowd lastCrowd;

        SlicePairs(Liquidator planner, ConcurrentHashMap<ChainId, LiquidatorCrowd> crowds, BlockContext block,
                   UsdPrices usd) {
            this.planner = planner;
            this.crowds = crowds;
            this.block = block;
            this.usd = usd;
        }

        /** The view of the round's pair {@code p} ({@link PlanVerdicts.Round#screenedPair}). */
        Liquidator.CrowdPair ofRoundPair(PlanVerdicts.Round round, int p) {
            if (byRoundPair == null) {
                byRoundPair = new Liquidator.CrowdPair[round.pairCount()];
            }
            Liquidator.CrowdPair view = byRoundPair[p];
            if (view == null) {
                view = find(crowdOn(round.pairChain(p)), round.pairCollateral(p), round.pairDebt(p));
                byRoundPair[p] = view;
            }
            return view;
        }

        /** The view of the pair {@code o} trades, on its chain's crowd. */
        Liquidator.CrowdPair of(LiquidationOpportunity o) {
            LiquidatorCrowd crowd = lastCrowd;
            if (o.chain() != lastChain) {
                crowd = crowdOn(o.chain());
                lastChain = o.chain();
                lastCrowd = crowd;
            }
            Liquidator.CrowdPair view = last;
            if (view == null || view.crowd() != crowd || view.collateral() != o.collateralAsset()
                    || view.debt() != o.debtAsset()) {
                view = find(crowd, o.collateralAsset(), o.debtAsset());
                last = view;
            }
            return view;
        }

        /** The round's crowd on {@code chain}, made by the first slice that asks. */
        private LiquidatorCrowd crowdOn(ChainId chain) {
            // A plain read first: computeIfAbsent locks the bin when the chain is not its first key.
            LiquidatorCrowd crowd = crowds.get(chain);
            if (crowd != null) {
                return crowd;
            }
            return crowds.computeIfAbsent(chain, c -> roster.at(c, block.number(), usd, block.baseFeeGwei(),
                    usd.usd(block.market().chain(c).nativeAsset())));
        }

        /** One of the views made (ids compared by reference, then by value), or a new one. */
        private Liquidator.CrowdPair find(LiquidatorCrowd crowd, AssetId collateral, AssetId debt) {
            for (Liquidator.CrowdPair p : made) {
                if (p.crowd() == crowd && p.collateral() == collateral && p.debt() == debt) {
                    return p;
                }
            }
            for (Liquidator.CrowdPair p : made) {
                if (p.crowd() == crowd && p.collateral().equals(collateral) && p.debt().equals(debt)) {
                    return p;
                }
            }
            Liquidator.CrowdPair view = planner.pair(crowd, collateral, debt, block.market(), usd);
            made.add(view);
            return view;
        }
    }

    /**
     * Lands a round's winning plans in order, each through the run's mitigations; returns the debt repaid, USD. A plan
     * the mitigations let through unchanged is checked for a revert on the numbers gathered with it ({@link Landing});
     * one they cut is checked on its own.
     */
    private double land(ProtocolBook book, Landing landing, BlockContext block) {
        double repaidUsd = 0;
        for (int i = 0; i < landing.plans.length; i++) {
            LiquidationPlan plan = landing.plans[i];
            // A plan left unmade is a flash sale of a run with no mitigation (made): the gate would hand it back.
            LiquidationPlan allowed = plan == null ? null : hooks.gate(book.id(), plan, block);
            if (plan != null && allowed == null) {
                continue;
            }
            double repaid;
            if (allowed != plan) {
                repaid = execute(book, allowed, block, landing.slot[i]);
            } else if (landing.flashSale[i] && !disposal.bringsAtLeast(block, book.id(), landing.collateral[i],
                    landing.debt[i], landing.amount[i], landing.owed[i])) {
                landing.ledger[i].recordReverted();
                repaid = 0;
            } else {
                repaid = landed(book, plan != null ? plan : landing.winners.plan(i), block, landing.slot[i]);
            }
            hooks.liquidated(book.id(), landing.collateral[i], repaid, block);
            repaidUsd += repaid;
        }
        return repaidUsd;
    }

    /** Lands the plans in order, each through the run's mitigations; returns the debt repaid, USD. */
    private double land(ProtocolBook book, List<LiquidationPlan> plans, BlockContext block) {
        double repaidUsd = 0;
        for (LiquidationPlan plan : plans) {
            LiquidationPlan allowed = hooks.gate(book.id(), plan, block);
            if (allowed != null) {
                double repaid = execute(book, allowed, block, -1);
                hooks.liquidated(book.id(), plan.opportunity().collateralAsset(), repaid, block);
                repaidUsd += repaid;
            }
        }
        return repaidUsd;
    }

    /**
     * A position liquidatable in the last round of its protocol: the block it was first seen in, the round it was
     * last seen in, its opportunity as the book listed it and as dated, and (as a {@link PlanVerdicts.Entry}) what
     * the fast engine's verdicts remember of it — one object per position, so a round touches one place in memory
     * for each.
     */
    static final class Seen extends PlanVerdicts.Entry {
        final long firstBlock;
        long round;
        /** The book's opportunity last round and the desk's dated copy (books hand back the same object while the
         *  position's answer stands, and the dated copy is then the same object too). */
        LiquidationOpportunity listed;
        LiquidationOpportunity dated;
        /** {@link LiquidationRound.Bids#positionHash} of the position, taken from the account id {@link #hashed}. */
        int positionHash;
        private AccountId hashed;

        Seen(long firstBlock) {
            this.firstBlock = firstBlock;
        }

        /** {@code o} as listed this round, dated from the block the position was first seen in. */
        LiquidationOpportunity datedAs(LiquidationOpportunity o) {
            if (listed != o) {
                listed = o;
                // The hash is taken anew only for another id object (a record's position is one account: its
                // book hands back the same id object), so the ids are read once in the position's life.
                if (o.account() != hashed) {
                    hashed = o.account();
                    positionHash = LiquidationRound.Bids.positionHash(o);
                }
                dated = firstBlock == o.detectedBlock() ? o : new LiquidationOpportunity(o.protocol(), o.account(),
                        o.chain(), o.debtAsset(), o.collateralAsset(), o.maxRepay(), o.collateralPerDebt(),
                        o.collateralAvailable(), o.flashLoan(), o.gasUnits(), firstBlock);
                listedAs(dated);
            }
            return dated;
        }
    }

    /**
     * One protocol's records of its liquidatable positions: by slot when its book numbers them (an array, one
     * record per slot, and the slots live last round), else by account.
     */
    static final class Records {
        Map<AccountId, Seen> byAccount;
        Seen[] bySlot;
        int[] live = new int[0];
        int liveCount;
        /** The book's last listing, its dated positions, and the fast engine's verdicts of that round. */
        ProtocolBook.Listing lastListing;
        Dated lastDated;
        PlanVerdicts.Round lastVerdicts;
        /**
         * The fast engine's terms of the listing dated before the last, which the next listing's terms may reuse
         * ({@link PlanVerdicts.Terms#carriedAhead(int, PlanVerdicts.Terms)}): by then nothing reads them — the last
         * listing's round reads the last terms, and its dating read them from the listing before — but records that
         * still name them, which then find them to be the listing being dated. Null once taken.
         */
        PlanVerdicts.Terms spareTerms;

        /** The spare terms, taken: a listing's terms are reused once. */
        PlanVerdicts.Terms takeSpareTerms() {
            PlanVerdicts.Terms spare = spareTerms;
            spareTerms = null;
            return spare;
        }

        /** Whether {@code listing} is the very listing last dated. */
        boolean isLast(ProtocolBook.Listing listing) {
            return listing == lastListing && lastDated != null;
        }
    }

    /**
     * A round's opportunities dated from their first block, and their positions' records, in the same order; one
     * position of each pair they trade ({@link PlanVerdicts#onePerPair}) and, for a book numbering its positions by
     * slot, where each position's pair is among those (else null); and, for the fast engine, the positions' hashes and
     * the terms its verdicts keep (null for the reference).
     */
    record Dated(LiquidationOpportunity[] inOrder, Seen[] seen, List<LiquidationOpportunity> onePerPair,
                 int[] pairIndex, int[] positionHashes, PlanVerdicts.Terms terms) {
        /** The dated opportunities as a list (a view of {@link #inOrder}). */
        List<LiquidationOpportunity> opportunities() {
            return Arrays.asList(inOrder);
        }
    }

    /** One slice of a listing dated: its first position, and one position of each pair its positions trade. */
    private record SlicePairsFound(int from, List<LiquidationOpportunity> kept) {
    }

    /**
     * The slices' pairs joined in order, each slice's indexes in {@code pairIndex} (its own, from 0) moved past the
     * pairs of the slices before it.
     */
    private static List<LiquidationOpportunity> joined(List<SlicePairsFound> slices, int[] pairIndex, int count) {
        List<LiquidationOpportunity> all = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            SlicePairsFound slice = slices.get(k);
            int to = k + 1 < slices.size() ? slices.get(k + 1).from() : count;
            int offset = all.size();
            if (offset > 0) {
                for (int i = slice.from(); i < to; i++) {
                    pairIndex[i] += offset;
                }
            }
            all.addAll(slice.kept());
        }
        return all;
    }

    /** One slice of a round's positions, planned: its positions still young (when it observed them) and its bids. */
    private record PlannedSlice(int[] young, LiquidationRound.BidRows bids) {
    }

    /**
     * A book's listing in block {@code blockNo}, dated ({@link #sinceFirstSeen}), and kept in its {@code records} as
     * the last one. A book that hands back its last listing has nothing new to date: the same positions, the same
     * records.
     */
    Dated dated(Records records, ProtocolBook.Listing listing, long blockNo) {
        Dated dated;
        if (records.isLast(listing)) {
            round++;
            dated = records.lastDated;
        } else {
            dated = sinceFirstSeen(records, listing, blockNo);
            // The listing dated before this one is now the one before the last: its terms are free for the next.
            records.spareTerms = records.lastDated != null ? records.lastDated.terms() : null;
        }
        records.lastListing = listing;
        records.lastDated = dated;
        return dated;
    }

    /**
     * Dates each opportunity from the block its position first became liquidatable, so that a liquidator's
     * reaction latency runs from then; positions no longer liquidatable are forgotten.
     */
    private Dated sinceFirstSeen(Records records, ProtocolBook.Listing listing, long blockNo) {
        List<LiquidationOpportunity> now = listing.opportunities();
        int[] slots = listing.slots();
        if (slots != null && (records.bySlot == null || records.bySlot.length != listing.slotCount())) {
            records.bySlot = new Seen[listing.slotCount()];
            records.liveCount = 0;
        }
        if (slots == null && records.byAccount == null) {
            records.byAccount = new HashMap<>();
        }
        long thisRound = ++round;
        Seen[] marks = new Seen[now.size()];
        LiquidationOpportunity[] out = new LiquidationOpportunity[now.size()];
        // The fast engine's bids carry each position's hash, kept in its record and read here, where the record is
        // read anyway: reading the ids anew would cost two scattered objects per position planned.
        int[] hashes = options.memoizedQuotes() ? new int[now.size()] : null;
        if (slots != null && hashes != null && ListedBefore.applies(records, listing)) {
            return sinceListedBefore(records, listing, blockNo, thisRound, marks, out, hashes);
        }
        if (slots != null) {
            // Slots are distinct within a listing, so each slice writes its own records; on the engine's threads.
            // The fast engine's verdicts carry each position's kept terms from its record here too, where the record
            // is read anyway (PlanVerdicts.Terms.carriedAhead).
            Seen[] bySlot = records.bySlot;
            PlanVerdicts.Terms terms = hashes != null
                    ? PlanVerdicts.Terms.carriedAhead(now.size(), records.takeSpareTerms()) : null;
            List<LiquidationOpportunity> dated = Arrays.asList(out);
            int[] pairIndex = new int[now.size()];
            List<SlicePairsFound> pairs = workers.slices(now.size(), (from, to) -> {
                // Two passes: the first only finds each position's record and marks it, a short loop whose reads of
                // records scattered in memory the processor overlaps; the second reads them again from its cache.
                for (int i = from; i < to; i++) {
                    Seen s = bySlot[slots[i]];
                    if (s == null) {
                        s = new Seen(blockNo);
                        bySlot[slots[i]] = s;
                    }
                    s.round = thisRound;
                    marks[i] = s;
                }
                for (int i = from; i < to; i++) {
                    Seen s = marks[i];
                    out[i] = s.datedAs(now.get(i));
                    if (hashes != null) {
                        hashes[i] = s.positionHash;
                        terms.carry(i, out[i], s);
                    }
                }
                int[] index = new int[to - from];
                List<LiquidationOpportunity> kept = PlanVerdicts.onePerPair(dated, from, to, index);
                System.arraycopy(index, 0, pairIndex, from, to - from);
                return new SlicePairsFound(from, kept);
            });
            forgetUnlisted(records, slots, now.size(), thisRound);
            return new Dated(out, marks, joined(pairs, pairIndex, now.size()), pairIndex, hashes, terms);
        }
        int marked = 0;
        for (int i = 0; i < now.size(); i++) {
            LiquidationOpportunity o = now.get(i);
            Seen s = records.byAccount.get(o.account());
            if (s == null) {
                s = new Seen(blockNo);
                records.byAccount.put(o.account(), s);
            }
            if (s.round != thisRound) {
                s.round = thisRound;
                marked++;
            }
            marks[i] = s;
            out[i] = s.datedAs(o);
            if (hashes != null) {
                hashes[i] = s.positionHash;
            }
        }
        if (records.byAccount.size() > marked) {
            records.byAccount.values().removeIf(s -> s.round != thisRound);
        }
        List<LiquidationOpportunity> dated = Arrays.asList(out);
        // An account listed twice shares one record, so its terms are carried in the round, position by position.
        return new Dated(out, marks, PlanVerdicts.onePerPair(dated, 0, dated.size()), null, hashes,
                hashes != null ? new PlanVerdicts.Terms(now.size()) : null);
    }

    /**
     * {@link #sinceFirstSeen} of a listing in ascending slot order after a listing in ascending slot order (as the
     * books list their positions), for the fast engine: a position the book hands back as the same opportunity object
     * as in the last listing takes its dated opportunity, its hash, its kept terms and its pair from the last
     * listing's arrays, found by merging the two slot lists, and neither its record nor its opportunity is read. Most
     * of a new listing is such positions (two in three at 1,000,000 accounts), and each record or opportunity read is
     * a miss of the processor's cache — they are objects scattered in memory, where the last listing's arrays are
     * read in order. The record and opportunity of a position the book lists as another object are read as before
     * ({@link Seen#datedAs}). The same opportunities, hashes and terms as dating every position through its record:
     * a record's dated copy depends only on the object listed and the record's first block, which stands while the
     * slot stays listed; the last listing's terms are the ones its records last noted (every listing carries them
     * ahead, and its rounds note into it); and a pair is a pair whichever of its positions names it.
     */
    private Dated sinceListedBefore(Records records, ProtocolBook.Listing listing, long blockNo, long thisRound,
                                    Seen[] marks, LiquidationOpportunity[] out, int[] hashes) {
        // Read as objects, not as opportunities: a cast would read each object's class, a miss apiece.
        List<?> now = listing.opportunities();
        int[] slots = listing.slots();
        Seen[] bySlot = records.bySlot;
        ListedBefore before = new ListedBefore(records);
        PlanVerdicts.Terms terms = PlanVerdicts.Terms.carriedAhead(now.size(), records.takeSpareTerms());
        int[] pairIndex = new int[now.size()];
        List<SlicePairsFound> pairs = workers.slices(now.size(), (from, to) -> {
            // Two passes, as in the other dating: the first merges the slot lists and finds each record, and marks
            // (writes, so reads into the cache) only those of positions listed as another object — a short loop,
            // whose misses the processor overlaps; the second dates those from their records, then in the cache,
            // and the others from the last listing. Which records to forget is found by merging, not by the marks.
            // Each position's index in the last listing when listed as the same object there, else -(index + 2)
            // when its slot was listed there, else -1.
            int[] wasAt = new int[to - from];
            int at = before.firstAtOrAfter(slots[from]);
            for (int i = from; i < to; i++) {
                int slot = slots[i];
                Seen s = bySlot[slot];
                if (s == null) {
                    s = new Seen(blockNo);
                    bySlot[slot] = s;
                }
                marks[i] = s;
                while (at < before.count && before.slots[at] < slot) {
                    at++;
                }
                boolean wasListed = at < before.count && before.slots[at] == slot;
                if (wasListed && before.listed.get(at) == now.get(i)) {
                    wasAt[i - from] = at;
                } else {
                    wasAt[i - from] = wasListed ? -(at + 2) : -1;
                    s.round = thisRound;
                }
            }
            // Then a loop each for the positions listed as before, those listed anew and the terms: the second's
            // reads of records and new opportunities, one or two misses apiece, overlap when its body is short.
            PlanVerdicts.PairsFound found = new PlanVerdicts.PairsFound();
            for (int i = from; i < to; i++) {
                int was = wasAt[i - from];
                if (was >= 0) {
                    out[i] = before.dated[was];
                    hashes[i] = before.hashes[was];
                    pairIndex[i] = found.indexOfListed(before.pairIndex[was], before.pairs);
                }
            }
            for (int i = from; i < to; i++) {
                if (wasAt[i - from] < 0) {
                    Seen s = marks[i];
                    out[i] = s.datedAs((LiquidationOpportunity) now.get(i));
                    hashes[i] = s.positionHash;
                    pairIndex[i] = found.indexOf(out[i]);
                }
            }
            for (int i = from; i < to; i++) {
                int was = wasAt[i - from];
                if (was != -1) {
                    terms.carryFrom(before.terms, was >= 0 ? was : -was - 2, i, out[i]);
                }
                if (was < 0) {
                    terms.noteWhereDated(i, out[i], marks[i]);
                }
            }
            return new SlicePairsFound(from, found.kept());
        });
        // Both slot lists ascending: the records to forget are found by merging them, not by a record's round.
        forgetUnlisted(records, slots, now.size(), thisRound);
        return new Dated(out, marks, joined(pairs, pairIndex, now.size()), pairIndex, hashes, terms);
    }

    /**
     * The last listing a book's records were dated from, as {@link #sinceListedBefore} reads it: its slots, the
     * objects the book listed and the desk's dated copies, their hashes, kept terms and pairs, all by the listing's
     * index.
     */
    private static final class ListedBefore {
        final int[] slots;
        final int count;
        final List<?> listed;
        final LiquidationOpportunity[] dated;
        final int[] hashes;
        final PlanVerdicts.Terms terms;
        final List<LiquidationOpportunity> pairs;
        final int[] pairIndex;

        ListedBefore(Records records) {
            Dated last = records.lastDated;
            this.slots = records.live;
            this.count = records.liveCount;
            this.listed = records.lastListing.opportunities();
            this.dated = last.inOrder();
            this.hashes = last.positionHashes();
            this.terms = last.terms();
            this.pairs = last.onePerPair();
            this.pairIndex = last.pairIndex();
        }

        /**
         * Whether {@code listing} may be dated against the last one: both in ascending slot order, the last one dated
         * by the fast engine by slot (its hashes, terms and pairs kept) from the very listing whose slots the records
         * keep live.
         */
        static boolean applies(Records records, ProtocolBook.Listing listing) {
            Dated last = records.lastDated;
            return last != null && records.lastListing != null && last.positionHashes() != null
                    && last.terms() != null && last.pairIndex() != null && records.lastListing.slots() != null
                    && last.inOrder().length == records.liveCount
                    && records.lastListing.opportunities().size() == records.liveCount
                    && ascending(records.live, records.liveCount)
                    && ascending(listing.slots(), listing.opportunities().size());
        }

        /** The index of the first slot of the last listing at or after {@code slot} (its slots are distinct). */
        int firstAtOrAfter(int slot) {
            int found = Arrays.binarySearch(slots, 0, count, slot);
            return found >= 0 ? found : -found - 1;
        }
    }

    /** Drops the records of the slots live last round but not listed in this one, and keeps this round's live. */
    static void forgetUnlisted(Records records, int[] slots, int listed, long thisRound) {
        if (ascending(records.live, records.liveCount) && ascending(slots, listed)) {
            // The books list their positions in slot order: a slot live last round is listed now exactly when the
            // merge of the two lists meets it, so no record (an object apiece, scattered) is read to tell.
            int k = 0;
            for (int j = 0; j < records.liveCount; j++) {
                int slot = records.live[j];
                while (k < listed && slots[k] < slot) {
                    k++;
                }
                if (k == listed || slots[k] != slot) {
                    records.bySlot[slot] = null;
                }
            }
        } else {
            // A record listed this round was marked with it where the listing was dated.
            for (int j = 0; j < records.liveCount; j++) {
                int slot = records.live[j];
                Seen s = records.bySlot[slot];
                if (s != null && s.round != thisRound) {
                    records.bySlot[slot] = null;
                }
            }
        }
        if (records.live.length < listed) {
            records.live = new int[Math.max(listed, records.live.length * 2)];
        }
        System.arraycopy(slots, 0, records.live, 0, listed);
        records.liveCount = listed;
    }

    /** Whether {@code values[0, count)} are strictly ascending. */
    private static boolean ascending(int[] values, int count) {
        for (int j = 1; j < count; j++) {
            if (values[j - 1] >= values[j]) {
                return false;
            }
        }
        return true;
    }

    private double execute(ProtocolBook book, LiquidationPlan plan, BlockContext block, int slot) {
        if (reverts(book, plan, block)) {
            return 0;
        }
        return landed(book, plan, block, slot);
    }

    /**
     * Applies a plan that does not revert to its book, its position at {@code slot} there (-1: not known), and sells
     * its collateral; returns the debt repaid, USD.
     */
    private double landed(ProtocolBook book, LiquidationPlan plan, BlockContext block, int slot) {
        LiquidationOpportunity o = plan.opportunity();
        ProtocolBook.Applied applied = book.apply(plan, slot);
        if (applied.debtRepaid() <= 0) {
            return 0;
        }
        double debtUsd = block.prices().usd(o.debtAsset());
        double collUsd = block.prices().usd(o.collateralAsset());
        double proceeds = 0;
        double soldUsd = 0;
        if (plan.disposal() == LiquidationPlan.Disposal.SELL && applied.collateralToLiquidator() > 0) {
            CollateralDisposal.Sale sale = disposal.sell(block, book.id(), o.collateralAsset(), o.debtAsset(),
                    applied.collateralToLiquidator());
            proceeds = sale.proceeds();
            soldUsd = sale.soldUsd();
        }
        hooks.badDebt(book.id(), applied.badDebtUsd(), block);
        double bonusUsd = applied.collateralToLiquidator() * collUsd - applied.debtRepaid() * debtUsd;
        double slippageUsd = plan.disposal() == LiquidationPlan.Disposal.SELL
                ? applied.collateralToLiquidator() * collUsd - proceeds * debtUsd : 0;
        double flashFeeUsd = plan.funding() == LiquidationPlan.Funding.FLASH_LOAN
                ? applied.debtRepaid() * o.flashLoan().feeRate() * debtUsd : 0;
        LiquidationPlan realized = new LiquidationPlan(plan.liquidator(), o, applied.debtRepaid(),
                applied.collateralToLiquidator(), plan.funding(), plan.disposal(), proceeds, bonusUsd, slippageUsd,
                flashFeeUsd, plan.gasUsd(), plan.gasNative(), plan.priorityFeeGwei());
        ledgers.get(plan.liquidator()).record(realized, block.number());
        events.add(new LiquidationEvent(block.now(), book.chain(), block.number(), book.id(), o.account(),
                plan.liquidator(), o.debtAsset(), applied.debtRepaid(), o.collateralAsset(),
                applied.collateralToLiquidator(), proceeds, applied.debtRepaid() * debtUsd, soldUsd,
                realized.profitUsd(), applied.badDebtUsd()));
        return applied.debtRepaid() * debtUsd;
    }

    /**
     * Whether a flash-loan liquidation's transaction reverts as it lands. It must repay the loan and its fee out of
     * the sale of what it seizes, within the same transaction (aave-v3-core {@code FlashLoanLogic}: the pool pulls
     * amount + premium when the receiver returns, or the whole call reverts; Balancer's vault checks its balance
     * likewise), and the venues may have moved since it was planned — earlier liquidations of the block sold into
     * them. The planned collateral's sale is quoted as the block stands (the mitigations' offers, then the venues,
     * {@link CollateralDisposal#bringsAtLeast}) against the loan and its fee; a transaction that would revert changes
     * nothing and, sent as a private bundle, costs nothing ({@link LiquidatorLedger#recordReverted}); its liquidator's
     * outcome counts it.
     */
    private boolean reverts(ProtocolBook book, LiquidationPlan plan, BlockContext block) {
        if (plan.funding() != LiquidationPlan.Funding.FLASH_LOAN || plan.disposal() != LiquidationPlan.Disposal.SELL) {
            return false;
        }
        LiquidationOpportunity o = plan.opportunity();
        if (disposal.bringsAtLeast(block, book.id(), o.collateralAsset(), o.debtAsset(), plan.collateral(),
                owed(plan))) {
            return false;
        }
        ledgers.get(plan.liquidator()).recordReverted();
        return true;
    }

    /** What a flash-funded plan owes its lender: the loan and its fee. */
    private static double owed(LiquidationPlan plan) {
        return owed(plan.repay(), plan.opportunity());
    }

    /** What a liquidation repaying {@code repay} of {@code o}'s debt owes its lender, the flash loan's fee included. */
    private static double owed(double repay, LiquidationOpportunity o) {
        return repay * (1 + o.flashLoan().feeRate());
    }

    List<LiquidationEvent> events() {
        return events;
    }

    Map<String, SimulationResult.LiquidatorOutcome> outcomes() {
        Map<String, SimulationResult.LiquidatorOutcome> out = new LinkedHashMap<>();
        ledgers.forEach((id, l) -> out.put(id, new SimulationResult.LiquidatorOutcome(l.liquidations(), l.reverted(),
                l.bonusUsd(), l.slippageUsd(), l.flashFeeUsd(), l.gasUsd(), l.profitUsd())));
        return out;
    }
}
