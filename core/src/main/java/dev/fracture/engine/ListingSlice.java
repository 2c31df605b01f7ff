package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The liquidatable positions one slice of a book's positions found, with their slots, in order: a book makes its
 * listing a slice at a time on the engine's threads ({@link Workers#slices}) and joins the slices in order, which is
 * the listing one pass over every position makes.
 *
 * <p>A slice either grows arrays of its own, or — for a book that knows beforehand how many positions its slices
 * look at, and that most of them are found ({@link #sharing}) — writes into arrays every slice of the listing shares,
 * each slice from its first candidate's index on; the join then closes the gaps in place instead of copying every
 * slice into new arrays. At 1,000,000 accounts the growing and the copying were a gigabyte a run of the bytes the
 * engine allocated, most of the run's young collections' cause.
 */
final class ListingSlice {
    private LiquidationOpportunity[] found;
    private int[] slots;
    /** Where this slice's positions start in its arrays: 0 in arrays of its own. */
    private final int start;
    private final boolean shared;
    private int count;

    /** A slice growing arrays of its own. */
    ListingSlice() {
        this(new LiquidationOpportunity[16], new int[16], 0, false);
    }

    private ListingSlice(LiquidationOpportunity[] found, int[] slots, int start, boolean shared) {
        this.found = found;
        this.slots = slots;
        this.start = start;
        this.shared = shared;
    }

    /**
     * Slices of a listing that looks at {@code candidates} positions: {@link Shared#slice} gives the slice of the
     * candidates from an index on, which may find at most as many positions as it looks at.
     */
    static Shared sharing(int candidates) {
        return new Shared(candidates);
    }

    /** The arrays the slices of one listing share ({@link #sharing}). */
    static final class Shared {
        private final LiquidationOpportunity[] found;
        private final int[] slots;

        private Shared(int candidates) {
            found = new LiquidationOpportunity[candidates];
            slots = new int[Math.max(candidates, 1)];
        }

        /**
         * The slice of the candidates from index {@code from} on, up to the next slice's first: it writes only there.
         */
        ListingSlice slice(int from) {
            return new ListingSlice(found, slots, from, true);
        }
    }

    /** Adds a liquidatable position and its slot (slots ascending within the book). */
    void add(LiquidationOpportunity opportunity, int slot) {
        int at = start + count;
        if (!shared && at == found.length) {
            found = Arrays.copyOf(found, found.length * 2);
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        found[at] = opportunity;
        slots[at] = slot;
        count++;
    }

    /**
     * The slices' positions joined in order: the book's listing over {@code slotCount} slots. Slices sharing their
     * arrays are joined in them: each slice's positions are moved down to follow the last one's (a move towards lower
     * indices never overwrites what is still to be moved: a slice starts at or after where the positions before it
     * end).
     */
    static ProtocolBook.Listing join(List<ListingSlice> slices, int slotCount) {
        if (!slices.isEmpty() && slices.get(0).shared) {
            ListingSlice first = slices.get(0);
            int total = 0;
            int end = 0;
            for (ListingSlice slice : slices) {
                System.arraycopy(slice.found, slice.start, first.found, total, slice.count);
                System.arraycopy(slice.slots, slice.start, first.slots, total, slice.count);
                total += slice.count;
                end = slice.start + slice.count;
            }
            // Past the listing's positions, what was moved down from there is let go of.
            Arrays.fill(first.found, total, Math.max(total, end), null);
            return new ProtocolBook.Listing(new Prefix(first.found, total), first.slots, slotCount);
        }
        int total = 0;
        for (ListingSlice slice : slices) {
            total += slice.count;
        }
        LiquidationOpportunity[] out = new LiquidationOpportunity[total];
        int[] slots = new int[Math.max(total, 1)];
        int at = 0;
        for (ListingSlice slice : slices) {
            System.arraycopy(slice.found, 0, out, at, slice.count);
            System.arraycopy(slice.slots, 0, slots, at, slice.count);
            at += slice.count;
        }
        return new ProtocolBook.Listing(new Prefix(out, total), slots, slotCount);
    }

    /**
     * {@code last} with the positions at {@code changed} slots (ascending, distinct; {@code count} of them) replaced by
     * {@code now} — each slot's position now, or null where it is no longer listed — a slot not in {@code last} put
     * in its place among the others: the listing a pass over every position makes when only those slots' answers
     * differ from {@code last}'s. The positions between changed slots are copied a run at a time.
     */
    static ProtocolBook.Listing patched(ProtocolBook.Listing last, int[] changed, LiquidationOpportunity[] now,
                                        int count) {
        List<LiquidationOpportunity> before = last.opportunities();
        int size = before.size();
        int[] slotsBefore = last.slots();
        LiquidationOpportunity[] out = new LiquidationOpportunity[size + count];
        int[] slots = new int[Math.max(1, size + count)];
        int total = 0;
        int from = 0;
        for (int c = 0; c < count; c++) {
            int found = Arrays.binarySearch(slotsBefore, from, size, changed[c]);
            int to = found >= 0 ? found : -found - 1;
            total = copy(before, slotsBefore, from, to, out, slots, total);
            if (now[c] != null) {
                out[total] = now[c];
                slots[total++] = changed[c];
            }
            from = found >= 0 ? found + 1 : to;
        }
        total = copy(before, slotsBefore, from, size, out, slots, total);
        return new ProtocolBook.Listing(new Prefix(out, total), slots, last.slotCount());
    }

    /** Copies {@code before}'s positions {@code [from, to)} and their slots to {@code at} on; returns the new end. */
    private static int copy(List<LiquidationOpportunity> before, int[] slotsBefore, int from, int to,
                            LiquidationOpportunity[] out, int[] slots, int at) {
        if (before instanceof Prefix prefix) {
            System.arraycopy(prefix.items, from, out, at, to - from);
        } else {
            for (int k = from; k < to; k++) {
                out[at + k - from] = before.get(k);
            }
        }
        System.arraycopy(slotsBefore, from, slots, at, to - from);
        return at + to - from;
    }

    /** The first {@code size} elements of an array, as a list that cannot change: a listing's positions. */
    private static final class Prefix extends AbstractList<LiquidationOpportunity> implements RandomAccess {
        private final LiquidationOpportunity[] items;
        private final int size;

        Prefix(LiquidationOpportunity[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public LiquidationOpportunity get(int index) {
            return items[Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
