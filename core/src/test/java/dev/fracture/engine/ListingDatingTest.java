package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationRound;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.mitigation.MitigationSet;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The desk's dating of a book's listings ({@code LiquidationDesk.dated}) over random sequences of listings, held to
 * the rules themselves, worked out here from the listings alone: a position is dated from the first block of the
 * run of listings it has been in without a gap; a position listed as the same object as in the listing before gets
 * the same dated object; every position's hash is {@code Bids.positionHash} of its opportunity; the pairs kept name
 * every position's pair, and each position's pair index points at a position of its pair; and a position's kept
 * terms come with it exactly when it is listed as the same object as in the listing before and its terms were kept
 * there (noted by a round, or carried), and are its own. Listings in slot order are dated against the one before by
 * merging the slot lists; a listing out of order is dated through the records, and the one after it too; both are
 * drawn here. Through the records, terms come only with such positions, and may come with fewer: a record names the
 * listing its terms were noted in, whose arrays the listings since may have reused ({@code Terms.carriedAhead}).
 */
class ListingDatingTest {
    private static final EcosystemSnapshot SNAPSHOT = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), 1)
            .snapshot();
    private static final Chain CHAIN = SNAPSHOT.chain(SNAPSHOT.asset(GeneratedEcosystem.ETH).orElseThrow().chain())
            .orElseThrow();
    private static final List<AssetId> COLLATERALS = List.of(GeneratedEcosystem.ETH, GeneratedEcosystem.USDT);
    private static final List<AssetId> DEBTS = List.of(GeneratedEcosystem.USDC, GeneratedEcosystem.USDT);
    private static final ProtocolId BOOK = ProtocolId.of("pool-0");
    private static final int SLOTS = 300;

    private final SaleQuotes quotes = new StateOnlyQuotes(() -> 1);
    private final SimulationSetup setup = new SimulationSetup(SNAPSHOT, 3600, 1,
            (a, t) -> SNAPSHOT.asset(a).orElseThrow().referencePriceUsd(), Map.of(), List.of(), 0);
    private final ReferencePrices prices = new ReferencePrices(setup);
    private final Market market = Market.of(SNAPSHOT, MathMode.FAST);
    private final LiquidatorProfile profile = new LiquidatorProfile("a",
            Map.of(CHAIN.id(), Map.of(GeneratedEcosystem.USDC, 1e6)), false, 1, 1.0, 0, 0, 1, 0);

    @ParameterizedTest(name = "seed {0}, {1} threads")
    @CsvSource({"1, 1", "2, 2", "3, 2", "4, 1", "5, 2", "6, 2"})
    void listingsAreDatedAsTheRulesSay(long seed, int threads) {
        SplittableRandom random = new SplittableRandom(seed);
        Workers workers = new Workers(threads, 1);
        LiquidationDesk desk = new LiquidationDesk(List.of(profile), null,
                new MitigationHooks(MitigationSet.of(List.of(), null)), EngineOptions.fast(threads), workers);
        PlanVerdicts verdicts = new PlanVerdicts(List.of(new LiquidatorLedger(profile)));
        LiquidationDesk.Records records = new LiquidationDesk.Records();
        AccountId[] accounts = IntStream.range(0, SLOTS).mapToObj(k -> AccountId.of("pool-0-" + k))
                .toArray(AccountId[]::new);
        // What the listing before held at each slot (null: not listed), what the desk dated it as, the first block
        // of the slot's run of listings, and whether its terms were kept there.
        LiquidationOpportunity[] listedBefore = new LiquidationOpportunity[SLOTS];
        LiquidationOpportunity[] datedBefore = new LiquidationOpportunity[SLOTS];
        long[] firstBlock = new long[SLOTS];
        boolean[] termsBefore = new boolean[SLOTS];
        // The pair (collateral, debt) of the position a round last observed at each slot in its run of listings (null:
        // none observed since the run began): what the slot's record knows of its pair.
        List<List<AssetId>> observedPair = new ArrayList<>(Collections.nCopies(SLOTS, null));
        // How many listings the draw puts in order after a listing in order, which the desk dates by merging.
        int inOrderAfterInOrder = 0;
        // How many positions of listings dated through the records came with their terms.
        int carriedThroughRecords = 0;
        // How many positions listed as a new object had their terms noted where the listing was dated.
        int notedWhereDated = 0;
        for (long block = 10; block < 70; block++) {
            List<Integer> slots = new ArrayList<>();
            List<LiquidationOpportunity> listed = new ArrayList<>();
            for (int slot = 0; slot < SLOTS; slot++) {
                boolean wasListed = listedBefore[slot] != null;
                if (random.nextInt(10) < (wasListed ? 8 : 2)) {
                    slots.add(slot);
                    listed.add(wasListed && random.nextInt(3) > 0 ? listedBefore[slot]
                            : opportunity(accounts[slot], random, block));
                }
            }
            boolean inOrder = random.nextInt(8) > 0;
            if (!inOrder) {
                shuffle(random, slots, listed);
            }
            int[] slotArray = slots.stream().mapToInt(Integer::intValue).toArray();
            ProtocolBook.Listing listing = new ProtocolBook.Listing(listed, slotArray, SLOTS);
            boolean mergeable = records.lastDated != null && records.lastDated.pairIndex() != null
                    && ascending(records.live, records.liveCount) && inOrder;
            inOrderAfterInOrder += mergeable ? 1 : 0;

            LiquidationDesk.Dated dated = desk.dated(records, listing, block);

            BlockContext context = new BlockContext(block * 12, CHAIN, block, prices, null, market, 20,
                    new SplittableRandom(block), new ArrayList<>());
            PlanVerdicts.Round round = verdicts.open(dated.opportunities(), dated.seen(), dated.onePerPair(),
                    dated.terms(), context, quotes, prices::usd);
            LiquidationOpportunity[] listedNow = new LiquidationOpportunity[SLOTS];
            LiquidationOpportunity[] datedNow = new LiquidationOpportunity[SLOTS];
            boolean[] termsNow = new boolean[SLOTS];
            for (int i = 0; i < listed.size(); i++) {
                int slot = slotArray[i];
                LiquidationOpportunity o = listed.get(i);
                String where = "seed " + seed + ", block " + block + ", position " + i + " (slot " + slot + ")";
                boolean runGoesOn = listedBefore[slot] != null;
                if (!runGoesOn) {
                    firstBlock[slot] = block;
                    observedPair.set(slot, null);
                }
                LiquidationOpportunity d = dated.opportunities().get(i);
                assertThat(d).as(where).isEqualTo(datedFrom(o, firstBlock[slot]));
                boolean sameObject = runGoesOn && listedBefore[slot] == o;
                if (sameObject) {
                    assertThat(d).as(where + ": listed as before").isSameAs(datedBefore[slot]);
                }
                assertThat(dated.positionHashes()[i]).as(where).isEqualTo(LiquidationRound.Bids.positionHash(o));
                LiquidationOpportunity ofPair = dated.onePerPair().get(dated.pairIndex()[i]);
                assertThat(List.of(ofPair.chain(), ofPair.collateralAsset(), ofPair.debtAsset())).as(where)
                        .isEqualTo(List.of(o.chain(), o.collateralAsset(), o.debtAsset()));
                boolean carried = sameObject && termsBefore[slot];
                // A new object on the pair its record knows: its own terms noted where the listing is dated.
                boolean noted = runGoesOn && !sameObject
                        && List.of(o.collateralAsset(), o.debtAsset()).equals(observedPair.get(slot));
                if (mergeable) {
                    assertThat(round.termsKept(i)).as(where + ": terms carried " + carried + ", noted " + noted)
                            .isEqualTo(carried || noted);
                    notedWhereDated += noted ? 1 : 0;
                } else if (round.termsKept(i)) {
                    // Dated through the records: only terms its entry names, whose listing's may since be reused.
                    assertThat(carried).as(where + ": terms kept, so carried").isTrue();
                    carriedThroughRecords++;
                }
                if (round.termsKept(i)) {
                    assertThat(round.repayable(i)).as(where).isEqualTo(d.repayable());
                }
                // A round notes the terms of the positions it observes (one in three here).
                boolean observed = random.nextInt(3) == 0;
                if (observed) {
                    round.observe(i);
                    observedPair.set(slot, List.of(o.collateralAsset(), o.debtAsset()));
                    assertThat(round.termsKept(i)).as(where + ": noted").isTrue();
                    assertThat(round.repayable(i)).as(where + ": noted").isEqualTo(d.repayable());
                    assertThat(round.gasUnits(i)).as(where + ": noted").isEqualTo(d.gasUnits());
                }
                // Kept here: carried (through the records, perhaps not every one the rule allows), or noted.
                termsNow[slot] = round.termsKept(i);
                listedNow[slot] = o;
                datedNow[slot] = d;
            }
            listedBefore = listedNow;
            datedBefore = datedNow;
            termsBefore = termsNow;
        }
        workers.close();
        assertThat(inOrderAfterInOrder).as("listings the draw puts in order after one in order").isGreaterThan(20);
        assertThat(carriedThroughRecords).as("positions dated through the records with their terms").isGreaterThan(20);
        assertThat(notedWhereDated).as("new objects noted where dated").isGreaterThan(20);
    }

    /** {@code o} dated from {@code first}: itself when first seen in its own block, else a copy. */
    private static LiquidationOpportunity datedFrom(LiquidationOpportunity o, long first) {
        return new LiquidationOpportunity(o.protocol(), o.account(), o.chain(), o.debtAsset(), o.collateralAsset(),
                o.maxRepay(), o.collateralPerDebt(), o.collateralAvailable(), o.flashLoan(), o.gasUnits(), first);
    }

    /** A new opportunity for {@code account}, seen by its book in {@code block}, of a random pair and size. */
    private static LiquidationOpportunity opportunity(AccountId account, SplittableRandom random, long block) {
        AssetId collateral = COLLATERALS.get(random.nextInt(COLLATERALS.size()));
        AssetId debt = DEBTS.get(random.nextInt(DEBTS.size()));
        if (collateral.equals(debt)) {
            collateral = GeneratedEcosystem.ETH;
        }
        return new LiquidationOpportunity(BOOK, account, CHAIN.id(), debt, collateral, 1 + random.nextInt(5000),
                1.05 / 2000, 10, FlashLoanTerms.NONE, 400_000, block);
    }

    private static void shuffle(SplittableRandom random, List<Integer> slots, List<LiquidationOpportunity> listed) {
        for (int j = slots.size() - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            Collections.swap(slots, j, k);
            Collections.swap(listed, j, k);
        }
    }

    private static boolean ascending(int[] values, int count) {
        for (int j = 1; j < count; j++) {
            if (values[j - 1] >= values[j]) {
                return false;
            }
        }
        return true;
    }
}
