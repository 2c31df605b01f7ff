package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A book's listing numbers its positions for the desk: the slots are distinct, within the count, and a slot always
 * names the same account. The fast engine's books (screen in front, last exact checks kept) list the same positions
 * with the same terms as a check of every position; a kept answer may carry the block of the check that found it (the
 * desk dates every position from the block it was first seen in).
 */
class ProtocolBookListingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void slotsNameOneAccountEachAndTheFastListingIsTheFullOne(long seed) {
        Fall fall = new Fall(seed);
        int listedPositions = 0;
        int sameListings = 0;
        for (ProtocolSpec spec : fall.snapshot.protocols()) {
            Books books = fall.books(spec);
            ProtocolBook fast = books.fast();
            ProtocolBook full = books.full();
            Map<Integer, AccountId> owner = new HashMap<>();
            ProtocolBook.Listing previous = null;
            for (long block = 1; block <= 36; block++) {
                books.at(block);
                ProtocolBook.Listing listing = fast.listing(block);
                List<LiquidationOpportunity> all = full.opportunities(block);
                // Asked again with nothing changed, the fast book hands back the very same listing; the plain one
                // (every position checked, as the reference does) makes a new one.
                assertThat(fast.listing(block)).as("unchanged").isSameAs(listing);
                assertThat(full.listing(block)).as("checked afresh").isNotSameAs(full.listing(block));
                if (block % 3 != 0 && previous != null) {
                    // The price moves every third step (at block 3k, seen from the block after): between moves the
                    // oracle stands, and so does the listing.
                    assertThat(listing).as("seed %d, %s, block %d: no price moved", seed, spec.id(), block)
                            .isSameAs(previous);
                    sameListings++;
                }
                previous = listing;
                assertThat(undated(listing.opportunities())).as("seed %d, %s, block %d", seed, spec.id(), block)
                        .isEqualTo(undated(all));
                assertThat(listing.slots()).as("%s numbers its positions", spec.id()).isNotNull();
                boolean[] used = new boolean[listing.slotCount()];
                for (int i = 0; i < listing.opportunities().size(); i++) {
                    int slot = listing.slots()[i];
                    assertThat(slot).isBetween(0, listing.slotCount() - 1);
                    assertThat(used[slot]).as("slot %d listed twice", slot).isFalse();
                    used[slot] = true;
                    AccountId account = listing.opportunities().get(i).account();
                    assertThat(owner.computeIfAbsent(slot, k -> account)).as("slot %d's account", slot)
                            .isEqualTo(account);
                }
                listedPositions += listing.opportunities().size();
            }
        }
        assertThat(listedPositions).as("seed %d: the fall makes positions liquidatable", seed).isGreaterThan(50);
        assertThat(sameListings).as("seed %d: listings handed back unchanged", seed).isGreaterThan(20);
    }

    /**
     * Liquidations landed between listings at the same prices: the fast books list again from their last listing,
     * asking only the accounts liquidated since (AaveBook's patched listing), and list what a check of every position
     * lists. Every block, a third of the listed positions (every third, from a rotating start) is liquidated for
     * half, a tenth or all of what it offers, in both books alike; the listing is compared right after, at the same
     * prices, and in the blocks after, with the prices moving every third block.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aListingAfterLandingsAtTheSamePricesIsTheFullOne(long seed) {
        Fall fall = new Fall(seed);
        double[] shares = {0.5, 0.1, 1.0};
        int landed = 0;
        int comparedAfterLandings = 0;
        for (ProtocolSpec spec : fall.snapshot.protocols()) {
            Books books = fall.books(spec);
            ProtocolBook fast = books.fast();
            ProtocolBook full = books.full();
            for (long block = 1; block <= 30; block++) {
                books.at(block);
                ProtocolBook.Listing listing = fast.listing(block);
                assertThat(undated(listing.opportunities())).as("seed %d, %s, block %d", seed, spec.id(), block)
                        .isEqualTo(undated(full.opportunities(block)));
                int n = listing.opportunities().size();
                for (int k = (int) (block % 3); k < n; k += 3) {
                    LiquidationOpportunity o = listing.opportunities().get(k);
                    double share = shares[(k / 3) % shares.length];
                    LiquidationPlan plan = new LiquidationPlan("test", o, o.maxRepay() * share,
                            o.collateralAvailable() * share, LiquidationPlan.Funding.OWN_CAPITAL,
                            LiquidationPlan.Disposal.HOLD, 0, 0, 0, 0, 0, 0, 0);
                    ProtocolBook.Applied a = fast.apply(plan, listing.slots()[k]);
                    ProtocolBook.Applied b = full.apply(plan, -1);
                    assertThat(a).as("seed %d, %s, block %d: %s liquidated alike", seed, spec.id(), block,
                            o.account()).isEqualTo(b);
                    landed++;
                }
                if (n > 0) {
                    // The same block, the same prices: only the accounts just liquidated can answer otherwise.
                    assertThat(undated(fast.listing(block).opportunities()))
                            .as("seed %d, %s, block %d, after landings", seed, spec.id(), block)
                            .isEqualTo(undated(full.opportunities(block)));
                    comparedAfterLandings++;
                }
            }
        }
        assertThat(landed).as("seed %d: liquidations landed", seed).isGreaterThan(30);
        assertThat(comparedAfterLandings).as("seed %d: listings compared after landings", seed).isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aListingWithFewerSlotsThanPositionsIsRefused(int slots) {
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of("a"),
                ChainId.of("c"), AssetId.of("USDC"), AssetId.of("ETH"), 1, 1, 1, FlashLoanTerms.NONE, 1, 0);
        assertThatThrownBy(() -> new ProtocolBook.Listing(List.of(o, o), new int[slots], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 opportunities but " + slots + " slots");
    }

    /**
     * A generated ecosystem of the seed whose ETH and bridged copies fall 40% over 20 steps, then recover a quarter of
     * the way, moving every third step (the blocks between reuse the books' kept checks).
     */
    private static final class Fall {
        final EcosystemSnapshot snapshot;
        final Market market;
        final long[] clock = {0};
        final OracleBank.ReferenceView reference;

        Fall(long seed) {
            snapshot = GeneratedEcosystem.of(new GeneratedEcosystem.Size(2, 9, 8, 3, 400, 4, 0), seed).snapshot();
            market = Market.of(snapshot, MathMode.FAST);
            reference = a -> snapshot.asset(a).orElseThrow().referencePriceUsd()
                    * (ethLike(snapshot, a) ? ethPath(clock[0]) : 1);
        }

        /** The protocol's book as the fast engine keeps it (screen, kept checks) and as the reference does. */
        Books books(ProtocolSpec spec) {
            clock[0] = 0;
            ProtocolBook fast = ProtocolBooks.of(spec, snapshot).orElseThrow();
            fast.useIndex(true);
            return new Books(this, fast, ProtocolBooks.of(spec, snapshot).orElseThrow(),
                    new OracleBank(snapshot, market, reference, 0, List.of()));
        }
    }

    /** A protocol's fast and full books, with the oracles they read. */
    private record Books(Fall fall, ProtocolBook fast, ProtocolBook full, OracleBank bank) {
        /** Both books at {@code block} (a minute each): the oracles updated, and both observing them. */
        void at(long block) {
            fall.clock[0] = block * 60;
            bank.update(fall.clock[0], fall.reference);
            fast.observe(bank, fall.reference, fall.clock[0]);
            full.observe(bank, fall.reference, fall.clock[0]);
        }
    }

    private static boolean ethLike(EcosystemSnapshot s, AssetId a) {
        return a.equals(GeneratedEcosystem.ETH) || a.value().startsWith("WETH-") || a.value().startsWith("GAS-");
    }

    private static double ethPath(long t) {
        long step = t / 60 / 3 * 3;
        return step <= 20 ? 1 - 0.02 * step : 0.6 + 0.01 * Math.min(10, step - 20);
    }

    /** The opportunities with their blocks left out. */
    private static List<LiquidationOpportunity> undated(List<LiquidationOpportunity> list) {
        List<LiquidationOpportunity> out = new ArrayList<>();
        for (LiquidationOpportunity o : list) {
            out.add(new LiquidationOpportunity(o.protocol(), o.account(), o.chain(), o.debtAsset(),
                    o.collateralAsset(), o.maxRepay(), o.collateralPerDebt(), o.collateralAvailable(), o.flashLoan(),
                    o.gasUnits(), 0));
        }
        return out;
    }
}
