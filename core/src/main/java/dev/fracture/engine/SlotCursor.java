package dev.fracture.engine;

import java.util.Arrays;

/**
 * Whether slots, asked in ascending order, are among a listing's ({@link ProtocolBook.Listing#slots}, ascending): a
 * cursor walked forward beside the asking loop, placed by one search at the first slot it will ask, so that each
 * answer costs a step or two of a walk through memory in order instead of a search of the whole listing. One thread's.
 */
final class SlotCursor {
    private final int[] slots;
    private final int count;
    private int at;

    /** A cursor over {@code listing}'s slots (null: no listing, every answer false) placed at {@code firstAsked}. */
    SlotCursor(ProtocolBook.Listing listing, int firstAsked) {
        this.slots = listing == null ? null : listing.slots();
        this.count = slots == null ? 0 : listing.opportunities().size();
        if (count > 0) {
            int found = Arrays.binarySearch(slots, 0, count, firstAsked);
            at = found >= 0 ? found : -found - 1;
        }
    }

    /** Whether {@code slot} is among the listing's; each slot asked at least the one asked before. */
    boolean holds(int slot) {
        while (at < count && slots[at] < slot) {
            at++;
        }
        return at < count && slots[at] == slot;
    }
}
