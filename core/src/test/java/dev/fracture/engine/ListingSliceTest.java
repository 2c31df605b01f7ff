package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listing joined from slices ({@link ListingSlice}) is the listing one pass over the candidates makes: the positions
 * found, slice after slice, each with its slot — whether the slices grow arrays of their own or write into arrays all
 * of them share (then joined in place, the gaps of the positions not found closed).
 */
class ListingSliceTest {
    private static LiquidationOpportunity position(int slot) {
        return new LiquidationOpportunity(ProtocolId.of("lender"), AccountId.of("a" + slot), ChainId.of("ethereum"),
                AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 0.05, FlashLoanTerms.FREE, 400_000, 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sharedAndOwnSlicesJoinToTheListingOfOnePass(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int candidates = 1 + rng.nextInt(3_000);
        // Each candidate's slot (ascending) and whether it is found: most are, some runs of them are not.
        int[] slotOf = new int[candidates];
        boolean[] found = new boolean[candidates];
        LiquidationOpportunity[] positions = new LiquidationOpportunity[candidates];
        for (int c = 0, slot = 0; c < candidates; c++) {
            slot += 1 + rng.nextInt(5);
            slotOf[c] = slot;
            found[c] = rng.nextInt(10) < (c % 200 < 40 ? 1 : 9);
            positions[c] = position(slot);
        }
        List<LiquidationOpportunity> expected = new ArrayList<>();
        List<Integer> expectedSlots = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            if (found[c]) {
                expected.add(positions[c]);
                expectedSlots.add(slotOf[c]);
            }
        }
        // Cut the candidates into slices of random lengths, some empty.
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < candidates; ) {
            int to = Math.min(candidates, from + rng.nextInt(400));
            ranges.add(new int[] {from, to});
            from = to;
        }
        ListingSlice.Shared shared = ListingSlice.sharing(candidates);
        List<ListingSlice> sharing = new ArrayList<>();
        List<ListingSlice> own = new ArrayList<>();
        for (int[] r : ranges) {
            ListingSlice s = shared.slice(r[0]);
            ListingSlice o = new ListingSlice();
            for (int c = r[0]; c < r[1]; c++) {
                if (found[c]) {
                    s.add(positions[c], slotOf[c]);
                    o.add(positions[c], slotOf[c]);
                }
            }
            sharing.add(s);
            own.add(o);
        }
        int slotCount = slotOf[candidates - 1] + 1;
        for (ProtocolBook.Listing listing : List.of(ListingSlice.join(sharing, slotCount),
                ListingSlice.join(own, slotCount))) {
            assertThat(listing.opportunities()).containsExactlyElementsOf(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(listing.slots()[i]).isEqualTo(expectedSlots.get(i));
            }
            assertThat(listing.slotCount()).isEqualTo(slotCount);
        }
    }

    @Test
    void aSharedListingLetsGoOfWhatWasMovedDownAndCannotBeChanged() {
        // Candidates 0–5 in two slices: the first finds 0 and 2, the second 4 and 5, written at 3 and 4 and moved to
        // 2 and 3; position 4 of the arrays then held slot 5's, which the join clears.
        ListingSlice.Shared shared = ListingSlice.sharing(6);
        ListingSlice first = shared.slice(0);
        first.add(position(0), 0);
        first.add(position(2), 2);
        ListingSlice second = shared.slice(3);
        second.add(position(4), 4);
        second.add(position(5), 5);
        ProtocolBook.Listing listing = ListingSlice.join(List.of(first, second), 6);
        assertThat(listing.opportunities()).extracting(o -> o.account().value())
                .containsExactly("a0", "a2", "a4", "a5");
        assertThat(listing.slots()).startsWith(0, 2, 4, 5);
        assertThat(listing.opportunities()).hasSize(4);
        assertThatThrownBy(() -> listing.opportunities().get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> listing.opportunities().add(position(9)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void noSlicesMakeAnEmptyListing() {
        ProtocolBook.Listing listing = ListingSlice.join(List.of(), 10);
        assertThat(listing.opportunities()).isEmpty();
        assertThat(listing.slotCount()).isEqualTo(10);
    }

    /**
     * A listing patched at some slots ({@link ListingSlice#patched}) is the listing of one pass with those slots'
     * answers changed: a listed slot replaced or dropped, an unlisted one put in its place, the rest as they were —
     * against a map of slot to position worked directly, over random listings (some empty) and random changes,
     * the first and last slots included now and then; from a listing whose list is not the join's own kind too.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aPatchedListingIsTheListingWithThoseSlotsAnsweredAnew(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int round = 0; round < 40; round++) {
            int slotCount = 1 + rng.nextInt(500);
            java.util.TreeMap<Integer, LiquidationOpportunity> before = new java.util.TreeMap<>();
            for (int slot = 0; slot < slotCount; slot++) {
                if (rng.nextInt(3) == 0) {
                    before.put(slot, position(slot));
                }
            }
            ListingSlice all = new ListingSlice();
            before.forEach((slot, o) -> all.add(o, slot));
            ProtocolBook.Listing last = rng.nextBoolean() ? ListingSlice.join(List.of(all), slotCount)
                    : new ProtocolBook.Listing(List.copyOf(before.values()),
                    before.keySet().stream().mapToInt(Integer::intValue).toArray(), slotCount);
            // Changed slots, ascending and distinct: each now listed anew (a new object) or not listed.
            java.util.TreeMap<Integer, LiquidationOpportunity> after = new java.util.TreeMap<>(before);
            java.util.TreeSet<Integer> changed = new java.util.TreeSet<>();
            int changes = rng.nextInt(Math.min(slotCount, 30) + 1);
            for (int c = 0; c < changes; c++) {
                changed.add(rng.nextInt(4) == 0 ? (rng.nextBoolean() ? 0 : slotCount - 1) : rng.nextInt(slotCount));
            }
            int[] slots = changed.stream().mapToInt(Integer::intValue).toArray();
            LiquidationOpportunity[] now = new LiquidationOpportunity[slots.length];
            for (int c = 0; c < slots.length; c++) {
                now[c] = rng.nextBoolean() ? position(slots[c]) : null;
                if (now[c] == null) {
                    after.remove(slots[c]);
                } else {
                    after.put(slots[c], now[c]);
                }
            }
            ProtocolBook.Listing patched = ListingSlice.patched(last, slots, now, slots.length);
            assertThat(patched.slotCount()).isEqualTo(slotCount);
            assertThat(patched.opportunities()).as("seed %d, round %d", seed, round)
                    .containsExactlyElementsOf(after.values());
            for (int i = 0; i < patched.opportunities().size(); i++) {
                assertThat(patched.opportunities().get(i)).isSameAs(after.get(patched.slots()[i]));
            }
            assertThat(java.util.Arrays.copyOf(patched.slots(), patched.opportunities().size()))
                    .containsExactly(after.keySet().stream().mapToInt(Integer::intValue).toArray());
            assertThatThrownBy(() -> patched.opportunities().add(position(0)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
