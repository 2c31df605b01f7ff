package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LiquidationRound#winners} against its specification written out plainly: shuffle with the block's generator
 * (Fisher–Yates from the last element), sort by priority fee, highest first, keeping the shuffled order among equal
 * fees (a stable sort by {@link Double#compare}), and keep the first plan per position (protocol and account).
 */
class LiquidationRoundTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void winnersAreTheShuffledPlansStablySortedByFeeFirstPerPosition(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int accounts = 1 + rnd.nextInt(40);
        List<LiquidationPlan> plans = new ArrayList<>();
        // Few distinct fees, so ties are common; zero and negative zero are two fees to Double.compare.
        double[] fees = {0.0, -0.0, 1, 1.5, 2, 2, 7.25, 1e-9};
        int count = rnd.nextInt(300);
        for (int i = 0; i < count; i++) {
            String protocol = rnd.nextBoolean() ? "p" : "q";
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of(protocol),
                    AccountId.of("a" + rnd.nextInt(accounts)), ChainId.of("c"), AssetId.of("USDC"), AssetId.of("ETH"),
                    100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
            plans.add(new LiquidationPlan("liquidator-" + i, o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL,
                    LiquidationPlan.Disposal.SELL, 1, 1, 0, 0, 1, 1, fees[rnd.nextInt(fees.length)]));
        }
        long blockSeed = rnd.nextLong();
        List<LiquidationPlan> expected = specification(plans, new SplittableRandom(blockSeed));
        assertThat(LiquidationRound.winners(plans, new SplittableRandom(blockSeed))).isEqualTo(expected);
        assertThat(expected.size()).isLessThanOrEqualTo(2 * accounts);
    }

    /**
     * The rows' form gives the same winners as the specification on the rows' plans laid out in one list: rows with
     * gaps (no plan from a liquidator), empty rows, and one position in several rows (a Morpho account listed in
     * two markets) whose plans compete as one position's.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
    void rowsGiveTheWinnersOfTheirPlansInOneList(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int accounts = 1 + rnd.nextInt(30);
        double[] fees = {0.0, -0.0, 1, 1.5, 2, 2, 7.25, 1e-9};
        List<LiquidationPlan[]> rows = new ArrayList<>();
        List<LiquidationPlan> flat = new ArrayList<>();
        int rowCount = rnd.nextInt(120);
        for (int r = 0; r < rowCount; r++) {
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of(rnd.nextBoolean() ? "p" : "q"),
                    AccountId.of("a" + rnd.nextInt(accounts)), ChainId.of("c"), AssetId.of("USDC"), AssetId.of("ETH"),
                    100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
            LiquidationPlan[] row = new LiquidationPlan[rnd.nextInt(9)];
            for (int k = 0; k < row.length; k++) {
                if (rnd.nextInt(3) > 0) {
                    row[k] = new LiquidationPlan("liquidator-" + r + "-" + k, o, 1, 1,
                            LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.SELL, 1, 1, 0, 0, 1, 1,
                            fees[rnd.nextInt(fees.length)]);
                    flat.add(row[k]);
                }
            }
            rows.add(row);
        }
        long blockSeed = rnd.nextLong();
        List<LiquidationPlan> expected = specification(flat, new SplittableRandom(blockSeed));
        SplittableRandom rng = new SplittableRandom(blockSeed);
        assertThat(LiquidationRound.winnersOfRows(rows, rng)).isEqualTo(expected);
        // The generator moved exactly as far as the specification's shuffle moves it (later draws depend on it).
        SplittableRandom after = new SplittableRandom(blockSeed);
        specification(flat, after);
        assertThat(rng.nextLong()).isEqualTo(after.nextLong());
    }

    /** A row summed up by hand: its plan count, its highest fee, and the plans of that fee with their numbers. */
    @org.junit.jupiter.api.Test
    void bidsAreTheCountTheTopFeeAndItsPlans() {
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of("a"), ChainId.of("c"),
                AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
        LiquidationPlan two = plan(o, 2);
        LiquidationPlan one = plan(o, 1);
        LiquidationPlan twoAgain = plan(o, 2);
        LiquidationPlan negativeZero = plan(o, -0.0);
        LiquidationRound.Bids b = LiquidationRound.Bids.of(new LiquidationPlan[] {null, two, one, null, twoAgain,
                negativeZero});
        assertThat(b.count()).isEqualTo(4);
        assertThat(b.topFee()).isEqualTo(2);
        assertThat(b.top()).containsExactly(two, twoAgain);
        assertThat(b.topAt()).containsExactly(0, 2);
        assertThat(b.opportunity()).isSameAs(o);
        // Zero is above negative zero to Double.compare, as in the block order.
        LiquidationPlan zero = plan(o, 0.0);
        LiquidationRound.Bids z = LiquidationRound.Bids.of(new LiquidationPlan[] {negativeZero, zero});
        assertThat(z.top()).containsExactly(zero);
        assertThat(z.topAt()).containsExactly(1);
        assertThat(LiquidationRound.Bids.of(new LiquidationPlan[] {null, null})).isNull();
        assertThat(LiquidationRound.Bids.of(new LiquidationPlan[0])).isNull();
    }

    private static LiquidationPlan plan(LiquidationOpportunity o, double fee) {
        return new LiquidationPlan("l", o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.SELL, 1,
                1, 0, 0, 1, 1, fee);
    }

    private static List<LiquidationPlan> specification(List<LiquidationPlan> plans, SplittableRandom rng) {
        List<LiquidationPlan> shuffled = new ArrayList<>(plans);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            LiquidationPlan t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        shuffled.sort(Comparator.comparingDouble(LiquidationPlan::priorityFeeGwei).reversed());
        Set<String> taken = new HashSet<>();
        List<LiquidationPlan> out = new ArrayList<>();
        for (LiquidationPlan p : shuffled) {
            if (taken.add(p.opportunity().protocol().value() + "\u0000" + p.opportunity().account().value())) {
                out.add(p);
            }
        }
        return out;
    }
}
