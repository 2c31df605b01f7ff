package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.agent.LiquidationOpportunity;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A cursor over a listing's slots answers as a search of them does, for slots asked in ascending order. */
class SlotCursorTest {
    private static ProtocolBook.Listing listing(int[] slots, int listed) {
        List<LiquidationOpportunity> none = Collections.nCopies(listed, null);
        return new ProtocolBook.Listing(none, slots, 100);
    }

    @Test
    void slotsAskedInOrderAreFoundByHand() {
        // Slots 2, 5 and 9 listed; the array's fourth entry (40) is past the listing's three and never found.
        ProtocolBook.Listing l = listing(new int[] {2, 5, 9, 40}, 3);
        SlotCursor fromStart = new SlotCursor(l, 0);
        boolean[] answers = new boolean[41];
        for (int s : new int[] {0, 2, 3, 5, 9, 10, 40}) {
            answers[s] = fromStart.holds(s);
        }
        assertThat(answers[0]).isFalse();
        assertThat(answers[2]).isTrue();
        assertThat(answers[3]).isFalse();
        assertThat(answers[5]).isTrue();
        assertThat(answers[9]).isTrue();
        assertThat(answers[10]).isFalse();
        assertThat(answers[40]).isFalse();
        // Placed past the first listed slots, as a slice of a listing's candidates is.
        SlotCursor fromSix = new SlotCursor(l, 6);
        assertThat(fromSix.holds(6)).isFalse();
        assertThat(fromSix.holds(9)).isTrue();
        assertThat(new SlotCursor(null, 0).holds(0)).isFalse();
        assertThat(new SlotCursor(listing(new int[0], 0), 3).holds(3)).isFalse();
    }

    @Test
    void everyAnswerIsTheSearchsAnswer() {
        SplittableRandom rnd = new SplittableRandom(75);
        for (int trial = 0; trial < 200; trial++) {
            int[] slots = rnd.ints(rnd.nextInt(0, 60), 0, 200).distinct().sorted().toArray();
            ProtocolBook.Listing l = listing(slots, slots.length);
            int[] asked = rnd.ints(rnd.nextInt(1, 80), 0, 220).distinct().sorted().toArray();
            SlotCursor cursor = new SlotCursor(l, asked[0]);
            for (int s : asked) {
                assertThat(cursor.holds(s)).as("trial %d, slot %d", trial, s)
                        .isEqualTo(Arrays.binarySearch(slots, s) >= 0);
            }
        }
    }
}
