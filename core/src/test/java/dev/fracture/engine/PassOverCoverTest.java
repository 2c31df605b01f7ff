package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PassOverCover}: positions summed up by pair, flash loan and the binary exponent of their repayable amount,
 * and the runs of buckets a test passes over whole, worked by hand. The test stands for the planners' first check:
 * it passes over a run whose largest repayable amount is at most 100 and whose collateral per debt is at most 1.
 */
class PassOverCoverTest {
    private static final Object PAIR_A = new Object();
    private static final Object PAIR_B = new Object();

    /** Every extreme the test was asked at, in order. */
    private final List<double[]> asked = new ArrayList<>();

    private final PassOverCover.Test upTo100 = (repayable, perDebt, gas) -> {
        asked.add(new double[] {repayable, perDebt, gas});
        return repayable <= 100 && perDebt <= 1;
    };

    @Test
    void bucketsAreBinaryExponentsOffsetBy32AndClamped() {
        assertThat(PassOverCover.bucket(1.0)).isEqualTo(32);
        assertThat(PassOverCover.bucket(3.0)).isEqualTo(33);
        assertThat(PassOverCover.bucket(4.0)).isEqualTo(34);
        assertThat(PassOverCover.bucket(0.5)).isEqualTo(31);
        assertThat(PassOverCover.bucket(100)).isEqualTo(38); // 64 <= 100 < 128
        assertThat(PassOverCover.bucket(0)).isEqualTo(0);
        assertThat(PassOverCover.bucket(Math.scalb(1.0, -40))).isEqualTo(0);
        assertThat(PassOverCover.bucket(1e30)).isEqualTo(63);
        assertThat(PassOverCover.bucket(Double.MAX_VALUE)).isEqualTo(63);
    }

    /**
     * Pair A without flash loans holds amounts 1, 3, 50 (buckets 32, 33, 37), 90 and 120 (38 and 38: 64 to 127);
     * the test passes the prefix ending at bucket 37 (largest 50) and fails at 38 (largest 120), so 38 buckets are
     * reached and 1, 3 and 50 are covered, 90 is not (its bucket holds 120 too). Pair A with flash loans holds 2 and
     * 7 (whole class passed: reach 64). Pair B holds 5 with collateral per debt 2 (nothing reached).
     */
    @Test
    void theReachOfEachClassIsTheLongestPrefixTheTestPasses() {
        Object[] pair = {PAIR_A, PAIR_A, PAIR_A, PAIR_A, PAIR_A, PAIR_A, PAIR_A, PAIR_B};
        double[] repayable = {1, 3, 50, 90, 120, 2, 7, 5};
        double[] perDebt = {0.5, 0.9, 1.0, 0.1, 0.1, 0.7, 0.8, 2};
        long[] gas = {300, 200, 300, 300, 300, 100, 100, 300};
        boolean[] flash = {false, false, false, false, false, true, true, false};
        PassOverCover cover = PassOverCover.of(8, pair, repayable, perDebt, gas, flash, null);
        assertThat(cover.classes()).isEqualTo(4);
        int[] reach = new int[cover.classes()];
        for (int c = 0; c < reach.length; c++) {
            reach[c] = cover.reach(c, upTo100);
        }
        // Classes in the order the pairs were first met: A without, A with flash loans, B without, B with.
        assertThat(cover.pairOf(0)).isSameAs(PAIR_A);
        assertThat(cover.flashOf(0)).isFalse();
        assertThat(cover.flashOf(1)).isTrue();
        assertThat(cover.pairOf(2)).isSameAs(PAIR_B);
        assertThat(reach).containsExactly(38, 64, 0, 64);
        boolean[] covered = new boolean[8];
        for (int i = 0; i < 8; i++) {
            covered[i] = cover.covers(i, reach);
        }
        assertThat(covered).containsExactly(true, true, true, false, false, true, true, false);
        // The reach laid out as a flag per bucket answers the same, position by position.
        boolean[] within = cover.bucketsWithin(reach);
        for (int i = 0; i < 8; i++) {
            assertThat(cover.covers(i, within)).as("position %d", i).isEqualTo(covered[i]);
        }
    }

    /**
     * The flags per bucket: class c's first {@code reach[c]} buckets flagged (none for 0, all 64 for 64), nothing of
     * the next class; and, at a reach of 33 for pair A without flash loans, amount 1 (bucket 32) is covered and 3
     * (bucket 33) is not.
     */
    @Test
    void theFlagsPerBucketAreEachClasssLeadingBuckets() {
        Object[] pair = {PAIR_A, PAIR_A, PAIR_B, PAIR_A};
        PassOverCover cover = PassOverCover.of(4, pair, new double[] {1, 3, 5, 2}, new double[] {1, 1, 1, 1},
                new long[] {1, 1, 1, 1}, new boolean[] {false, false, false, true}, null);
        int[] reach = {33, 64, 0, 1};
        boolean[] within = cover.bucketsWithin(reach);
        assertThat(within).hasSize(4 * PassOverCover.BUCKETS);
        for (int c = 0; c < 4; c++) {
            for (int b = 0; b < PassOverCover.BUCKETS; b++) {
                assertThat(within[c * PassOverCover.BUCKETS + b]).as("class %d, bucket %d", c, b)
                        .isEqualTo(b < reach[c]);
            }
        }
        assertThat(cover.covers(0, within)).isTrue();
        assertThat(cover.covers(1, within)).isFalse();
        assertThat(cover.covers(2, within)).isFalse();
        assertThat(cover.covers(3, within)).isTrue();
    }

    /**
     * The greatest value over the positions the cover holds: a position without terms (no pair) or with a NaN amount
     * is left out, however large its value; none held gives Long.MIN_VALUE.
     */
    @Test
    void theGreatestValueIsOverTheHeldPositionsOnly() {
        Object[] pair = {PAIR_A, null, PAIR_A, PAIR_B};
        PassOverCover cover = PassOverCover.of(4, pair, new double[] {1, 1, Double.NaN, 4},
                new double[] {1, 1, 1, 1}, new long[] {1, 1, 1, 1}, new boolean[4], null);
        assertThat(cover.greatestOf(new long[] {10, 99, 98, 12})).isEqualTo(12);
        // A reused key array longer than the positions: only the cover's own positions are read.
        PassOverCover one = PassOverCover.of(1, new Object[] {PAIR_A, PAIR_A}, new double[] {1, 1},
                new double[] {1, 1}, new long[] {1, 1}, new boolean[2], new int[] {5, 5});
        assertThat(one.greatestOf(new long[] {3, 1000})).isEqualTo(3);
        PassOverCover none = PassOverCover.of(1, new Object[] {null}, new double[] {1}, new double[] {1},
                new long[] {1}, new boolean[1], null);
        assertThat(none.greatestOf(new long[] {7})).isEqualTo(Long.MIN_VALUE);
    }

    /**
     * The test is asked of the whole class first, then by halving among the prefixes ending at a bucket that holds
     * positions, each at the prefix's largest amount and collateral per debt and its least gas: for A without flash
     * loans, the whole (120, 1.0, 200), then prefixes of 2 buckets (3, 0.9, 200) and 3 buckets (50, 1.0, 200).
     */
    @Test
    void theTestIsAskedAtEachPrefixsExtremes() {
        Object[] pair = {PAIR_A, PAIR_A, PAIR_A, PAIR_A};
        double[] repayable = {1, 3, 50, 120};
        double[] perDebt = {0.5, 0.9, 1.0, 0.1};
        long[] gas = {300, 200, 300, 300};
        PassOverCover cover = PassOverCover.of(4, pair, repayable, perDebt, gas, new boolean[4], null);
        assertThat(cover.reach(0, upTo100)).isEqualTo(38);
        assertThat(asked).extracting(a -> List.of(a[0], a[1], a[2])).containsExactly(List.of(120.0, 1.0, 200.0),
                List.of(3.0, 0.9, 200.0), List.of(50.0, 1.0, 200.0));
    }

    /**
     * Positions without terms (no pair), with a repayable amount that is negative, NaN or infinite are not covered;
     * a NaN collateral per debt keeps its bucket, and every prefix holding it, from being passed.
     */
    @Test
    void positionsWithoutUsableTermsAreNeverCovered() {
        Object[] pair = {null, PAIR_A, PAIR_A, PAIR_A, PAIR_A, PAIR_A};
        double[] repayable = {1, -1, Double.NaN, Double.POSITIVE_INFINITY, 2, 40};
        double[] perDebt = {0.5, 0.5, 0.5, 0.5, 0.5, Double.NaN};
        long[] gas = {1, 1, 1, 1, 1, 1};
        PassOverCover cover = PassOverCover.of(6, pair, repayable, perDebt, gas, new boolean[6], new int[2]);
        int[] reach = {cover.reach(0, upTo100), cover.reach(1, upTo100)};
        // 2 is in bucket 33; 40 (bucket 37) carries the NaN: the prefix through bucket 33 only.
        assertThat(reach).containsExactly(34, 64);
        for (int i = 0; i < 6; i++) {
            assertThat(cover.covers(i, reach)).as("position %d", i).isEqualTo(i == 4);
        }
    }

    /** A spare key array with room is reused; one too short is not. */
    @Test
    void aSpareKeyArrayWithRoomIsReused() {
        int[] spare = new int[10];
        Object[] pair = {PAIR_A};
        PassOverCover cover = PassOverCover.of(1, pair, new double[] {1}, new double[] {1}, new long[] {1},
                new boolean[1], spare);
        assertThat(cover.keys()).isSameAs(spare);
        PassOverCover fresh = PassOverCover.of(1, pair, new double[] {1}, new double[] {1}, new long[] {1},
                new boolean[1], new int[0]);
        assertThat(fresh.keys()).hasSize(1);
    }
}
