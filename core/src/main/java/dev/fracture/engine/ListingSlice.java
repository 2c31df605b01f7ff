package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The liquidatable positions one slice of a book's positions found, with their slots, in order: a book makes its
 * listing a slice at a time on the engine's threads ({@link Workers#slices}) and joins the slices in order, which is
 * the listing one pass over every position makes.
 */
final class ListingSlice {
    private final List<LiquidationOpportunity> found = new ArrayList<>();
    private int[] slots = new int[16];

    /** Adds a liquidatable position and its slot (slots ascending within the book). */
    void add(LiquidationOpportunity opportunity, int slot) {
        if (found.size() == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[found.size()] = slot;
        found.add(opportunity);
    }

    /** The slices' positions joined in order: the book's listing over {@code slotCount} slots. */
    static ProtocolBook.Listing join(List<ListingSlice> slices, int slotCount) {
        int total = 0;
        for (ListingSlice slice : slices) {
            total += slice.found.size();
        }
        List<LiquidationOpportunity> out = new ArrayList<>(total);
        int[] slots = new int[Math.max(total, 1)];
        for (ListingSlice slice : slices) {
            System.arraycopy(slice.slots, 0, slots, out.size(), slice.found.size());
            out.addAll(slice.found);
        }
        return new ProtocolBook.Listing(out, slots, slotCount);
    }
}
