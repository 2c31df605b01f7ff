package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LiquidationRound#winners} against its specification written out plainly: keep each position's plans of its
 * highest fee, shuffle them with the block's generator (Fisher–Yates from the last element), sort by priority fee,
 * highest first, keeping the shuffled order among equal fees (a stable sort by {@link Double#compare}), and keep the
 * first plan per position (protocol and account); and the claim that justifies leaving the other plans out — the
 * winners have the law they have when every plan is shuffled.
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
     * The same with many distinct fees: a round's fees are found as its few distinct levels, and past 64 of them by a
     * sort instead; both give the specification's winners (fees drawn from 1 to 200 distinct levels, some on the
     * edge of the 64, with zero and negative zero among them).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48})
    void winnersAreTheSpecificationsWithManyDistinctFees(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] levelCounts = {1, 63, 64, 65, 200, 1 + rnd.nextInt(200)};
        for (int levels : levelCounts) {
            double[] fees = new double[levels];
            for (int k = 0; k < levels; k++) {
                fees[k] = k == 0 ? -0.0 : k == 1 ? 0.0 : rnd.nextDouble() * 50;
            }
            int accounts = 50 + rnd.nextInt(400);
            List<LiquidationPlan> plans = new ArrayList<>();
            int count = 200 + rnd.nextInt(1500);
            for (int i = 0; i < count; i++) {
                LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"),
                        AccountId.of("a" + rnd.nextInt(accounts)), ChainId.of("c"), AssetId.of("USDC"),
                        AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
                plans.add(new LiquidationPlan("liquidator-" + i, o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL,
                        LiquidationPlan.Disposal.SELL, 1, 1, 0, 0, 1, 1, fees[rnd.nextInt(levels)]));
            }
            long blockSeed = rnd.nextLong();
            assertThat(LiquidationRound.winners(plans, new SplittableRandom(blockSeed)))
                    .as("%d fee levels", levels).isEqualTo(specification(plans, new SplittableRandom(blockSeed)));
        }
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

    /**
     * Positions whose ids share one hash number the way distinct positions do: "Aa" and "BB" have the same
     * {@link String#hashCode} (31·'A' + 'a' = 31·'B' + 'B' = 2112), so every account named by three of them has the
     * same hash, and the round's table of positions must tell the eight accounts apart by their ids (and one
     * account's rows apart from another's); the winners are the specification's.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void positionsWithOneHashAreToldApartByTheirIds(long seed) {
        String[] halves = {"Aa", "BB"};
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] fees = {1, 2, 2, 3};
        List<LiquidationPlan[]> rows = new ArrayList<>();
        List<LiquidationPlan> flat = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            String account = halves[rnd.nextInt(2)] + halves[rnd.nextInt(2)] + halves[rnd.nextInt(2)];
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of(account),
                    ChainId.of("c"), AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
            LiquidationPlan[] row = new LiquidationPlan[1 + rnd.nextInt(4)];
            for (int k = 0; k < row.length; k++) {
                row[k] = new LiquidationPlan("liquidator-" + r + "-" + k, o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL,
                        LiquidationPlan.Disposal.SELL, 1, 1, 0, 0, 1, 1, fees[rnd.nextInt(fees.length)]);
                flat.add(row[k]);
            }
            rows.add(row);
        }
        long blockSeed = rnd.nextLong();
        List<LiquidationPlan> expected = specification(flat, new SplittableRandom(blockSeed));
        assertThat(expected).hasSize(8);
        assertThat(LiquidationRound.winnersOfRows(rows, new SplittableRandom(blockSeed))).isEqualTo(expected);
    }

    /** A row summed up by hand: its highest fee and the plans of that fee, in order. */
    @org.junit.jupiter.api.Test
    void bidsAreTheTopFeeAndItsPlans() {
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of("a"), ChainId.of("c"),
                AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
        LiquidationPlan two = plan(o, 2);
        LiquidationPlan one = plan(o, 1);
        LiquidationPlan twoAgain = plan(o, 2);
        LiquidationPlan negativeZero = plan(o, -0.0);
        LiquidationRound.Bids b = LiquidationRound.Bids.of(new LiquidationPlan[] {null, two, one, null, twoAgain,
                negativeZero});
        assertThat(b.topFee()).isEqualTo(2);
        assertThat(b.top()).containsExactly(two, twoAgain);
        assertThat(b.opportunity()).isSameAs(o);
        // Zero is above negative zero to Double.compare, as in the block order.
        LiquidationPlan zero = plan(o, 0.0);
        LiquidationRound.Bids z = LiquidationRound.Bids.of(new LiquidationPlan[] {negativeZero, zero});
        assertThat(z.top()).containsExactly(zero);
        assertThat(LiquidationRound.Bids.of(new LiquidationPlan[] {null, null})).isNull();
        assertThat(LiquidationRound.Bids.of(new LiquidationPlan[0])).isNull();
    }

    /**
     * Bids whose plans are made on demand land the very plans, in the very order, that the same bids made in full
     * land (seeded random rows, as {@link #rowsGiveTheWinnersOfTheirPlansInOneList}), and only the winners are made:
     * the maker is asked once per position that lands, never for a plan that loses.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void plansMadeOnDemandAreTheWinnersOnly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] fees = {1, 2, 2, 7.25};
        List<LiquidationRound.Bids> full = new ArrayList<>();
        List<LiquidationRound.Bids> onDemand = new ArrayList<>();
        int[] asked = {0};
        int accounts = 1 + rnd.nextInt(25);
        for (int r = 0; r < 60; r++) {
            LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"),
                    AccountId.of("a" + rnd.nextInt(accounts)), ChainId.of("c"), AssetId.of("USDC"),
                    AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
            LiquidationPlan[] row = new LiquidationPlan[1 + rnd.nextInt(6)];
            for (int k = 0; k < row.length; k++) {
                row[k] = rnd.nextInt(4) == 0 ? null : named("m" + k + "-" + r, o, fees[rnd.nextInt(fees.length)]);
            }
            LiquidationRound.Bids b = LiquidationRound.Bids.of(row);
            if (b == null) {
                continue;
            }
            full.add(b);
            LiquidationPlan[] top = b.top();
            int[] members = new int[top.length];
            LiquidationPlan[] made = new LiquidationPlan[top.length];
            for (int j = 0; j < top.length; j++) {
                members[j] = j;
                // Some plans made already, as the crowd's plans of members holding less than a cap are.
                made[j] = rnd.nextInt(3) == 0 ? top[j] : null;
            }
            onDemand.add(LiquidationRound.Bids.onDemand(o, b.topFee(), made, members, j -> {
                asked[0]++;
                return top[j];
            }));
        }
        long blockSeed = rnd.nextLong();
        List<LiquidationPlan> expected = LiquidationRound.winnersOfBids(full, new SplittableRandom(blockSeed));
        LiquidationRound.Winners winners = LiquidationRound.winningBids(onDemand, new SplittableRandom(blockSeed));
        assertThat(asked[0]).isZero();
        List<LiquidationPlan> landed = new ArrayList<>();
        for (int w = 0; w < winners.size(); w++) {
            landed.add(winners.plan(w));
        }
        assertThat(landed).isEqualTo(expected);
        assertThat(asked[0]).isLessThanOrEqualTo(expected.size());

        // The rows as the desk gathers them: slices of rows joined in order, each row's hash, fee and count kept,
        // and each row's position's slot in its book (here 7 × its row + 3), which the winners hand to the landing.
        LiquidationRound.BidRows joined = new LiquidationRound.BidRows();
        java.util.Map<LiquidationRound.Bids, Integer> slotOfRow = new java.util.IdentityHashMap<>();
        for (int from = 0; from < full.size(); ) {
            int to = Math.min(full.size(), from + 1 + rnd.nextInt(9));
            LiquidationRound.BidRows slice = new LiquidationRound.BidRows();
            for (int r = from; r < to; r++) {
                slice.add(full.get(r), 7 * r + 3);
                slotOfRow.put(full.get(r), 7 * r + 3);
            }
            joined.addAll(slice);
            from = to;
        }
        assertThat(joined.size()).isEqualTo(full.size());
        LiquidationRound.Winners fromRows = LiquidationRound.winningBids(joined, new SplittableRandom(blockSeed));
        List<LiquidationPlan> landedFromRows = new ArrayList<>();
        for (int w = 0; w < fromRows.size(); w++) {
            landedFromRows.add(fromRows.plan(w));
            assertThat(fromRows.slotOf(w)).isEqualTo(slotOfRow.get(fromRows.bidsOf(w)));
        }
        assertThat(landedFromRows).isEqualTo(expected);
        // Rows added without a slot hand none.
        LiquidationRound.Winners unslotted = LiquidationRound.winningBids(full, new SplittableRandom(blockSeed));
        for (int w = 0; w < unslotted.size(); w++) {
            assertThat(unslotted.slotOf(w)).isEqualTo(-1);
        }
    }

    /** Bid rows refuse a missing row, and are left as they were. */
    @org.junit.jupiter.api.Test
    void bidRowsRefuseAMissingRow() {
        LiquidationRound.BidRows rows = new LiquidationRound.BidRows();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.add(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bid rows: a row's bids are missing");
        assertThat(rows.size()).isZero();
    }

    /** Bids refuse to be made without a plan, with plans and members that do not match, or a plan of another fee. */
    @org.junit.jupiter.api.Test
    void bidsRefuseWhatCannotBeTheirs() {
        LiquidationOpportunity o = new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of("a"), ChainId.of("c"),
                AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 1, FlashLoanTerms.NONE, 1, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiquidationRound.Bids(o, 1,
                new LiquidationPlan[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no plan");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiquidationRound.Bids(o, 1,
                new LiquidationPlan[] {null})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiquidationRound.Bids.onDemand(o, 1,
                new LiquidationPlan[2], new int[] {0}, k -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 plans for 1 members");
        LiquidationRound.Bids wrongFee = LiquidationRound.Bids.onDemand(o, 2, new LiquidationPlan[1], new int[] {7},
                k -> named("m", o, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongFee.plan(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("member 7");
        // Flash sales known without their plans: one mark per plan, only on a plan left to make, amounts positive.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiquidationRound.Bids.onDemand(o, 7, 1,
                new LiquidationPlan[2], new int[] {0, 1}, k -> null, new boolean[] {true}, 10, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bids: 1 flash-sale marks for 2 plans");
        LiquidationPlan made = named("m", o, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiquidationRound.Bids.onDemand(o, 7, 1,
                new LiquidationPlan[] {null, made}, new int[] {0, 1}, k -> null, new boolean[] {true, true}, 10,
                0.005)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bids: plan 1 is marked a flash sale to make, but is made");
        for (double[] bad : new double[][] {{0, 0.005}, {10, -1}, {Double.NaN, 0.005}, {10, Double.POSITIVE_INFINITY}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiquidationRound.Bids.onDemand(o, 7, 1,
                    new LiquidationPlan[1], new int[] {0}, k -> null, new boolean[] {true}, bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be finite and positive");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiquidationRound.Bids.onDemand(o, 7, 1,
                new LiquidationPlan[1], new int[] {0, 1}, k -> null, new boolean[] {true}, 10, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 plans for 2 members");
    }

    /**
     * The winners name each landing plan's bids and place ({@link LiquidationRound.Winners#bidsOf},
     * {@link LiquidationRound.Winners#placeOf}): the plan there is the plan that lands, and the bids' marks of known
     * flash sales and members are those they were made with. Two positions, each with two plans of one fee: the
     * first's second plan a known flash sale of member 4 (repaying 10 for 0.005), the second's none.
     */
    @org.junit.jupiter.api.Test
    void winnersNameTheirBidsAndPlaces() {
        LiquidationOpportunity a = position("a", FlashLoanTerms.FREE);
        LiquidationOpportunity b = position("b", FlashLoanTerms.NONE);
        LiquidationPlan[] ofA = {named("m3", a, 2), named("m4", a, 2)};
        LiquidationPlan[] ofB = {named("m1", b, 2), named("m2", b, 2)};
        LiquidationRound.Bids bidsA = LiquidationRound.Bids.onDemand(a, 11, 2, new LiquidationPlan[] {ofA[0], null},
                new int[] {3, 4}, k -> ofA[k - 3], new boolean[] {false, true}, 10, 0.005);
        LiquidationRound.Bids bidsB = LiquidationRound.Bids.onDemand(b, 12, 2, new LiquidationPlan[2],
                new int[] {1, 2}, k -> ofB[k - 1]);
        assertThat(bidsA.knownFlashSale(0)).isFalse();
        assertThat(bidsA.knownFlashSale(1)).isTrue();
        assertThat(bidsA.flashRepay()).isEqualTo(10);
        assertThat(bidsA.flashCollateral()).isEqualTo(0.005);
        assertThat(bidsA.member(1)).isEqualTo(4);
        assertThat(bidsB.knownFlashSale(0)).isFalse();
        assertThat(bidsB.knownFlashSale(1)).isFalse();
        assertThat(LiquidationRound.Bids.of(ofB).member(0)).as("bids of plans made have no members").isEqualTo(-1);
        for (long seed = 0; seed < 20; seed++) {
            LiquidationRound.Winners winners = LiquidationRound.winningBids(List.of(bidsA, bidsB),
                    new SplittableRandom(seed));
            assertThat(winners.size()).isEqualTo(2);
            for (int w = 0; w < 2; w++) {
                LiquidationRound.Bids bids = winners.bidsOf(w);
                assertThat(bids).isIn(bidsA, bidsB);
                assertThat(winners.plan(w)).isSameAs((bids == bidsA ? ofA : ofB)[winners.placeOf(w)]);
            }
        }
    }

    /**
     * The law of the winners: two positions, A with plans of fees {2, 2, 1} and B with {2, 1, 2, 2}, every plan
     * shuffled (the rule as first written, {@link #everyPlanShuffled}) against {@link LiquidationRound#winners}, each
     * over 40,000 seeds. Worked by hand for the full shuffle: A's two fee-2 plans and B's three are five equally
     * likely firsts among the fee-2 plans, so A lands first with probability 2/5, and within A each of its fee-2
     * plans wins with probability 1/2 (likewise 1/3 within B). Both rules must give each of the twelve outcomes
     * (which plan wins A, which wins B, which position lands first) the frequency the other gives, within five
     * standard errors, and the hand-worked marginals.
     */
    @org.junit.jupiter.api.Test
    void winnersHaveTheLawOfAShuffleOfEveryPlan() {
        LiquidationOpportunity a = position("A", FlashLoanTerms.NONE);
        LiquidationOpportunity b = position("B", FlashLoanTerms.NONE);
        List<LiquidationPlan> plans = List.of(named("a1", a, 2), named("a2", a, 2), named("a3", a, 1),
                named("b1", b, 2), named("b2", b, 1), named("b3", b, 2), named("b4", b, 2));
        int trials = 40_000;
        java.util.Map<String, Integer> full = new java.util.TreeMap<>();
        java.util.Map<String, Integer> tops = new java.util.TreeMap<>();
        for (int t = 0; t < trials; t++) {
            full.merge(outcome(everyPlanShuffled(plans, new SplittableRandom(t))), 1, Integer::sum);
            tops.merge(outcome(LiquidationRound.winners(plans, new SplittableRandom(1_000_000 + t))), 1, Integer::sum);
        }
        assertThat(tops.keySet()).isEqualTo(full.keySet()).hasSize(12);
        for (String key : full.keySet()) {
            double p = (full.get(key) + tops.get(key)) / (2.0 * trials);
            double se = Math.sqrt(2 * p * (1 - p) / trials);
            assertThat(Math.abs(full.get(key) - tops.get(key)) / (double) trials).as(key).isLessThan(5 * se);
        }
        for (java.util.Map<String, Integer> law : List.of(full, tops)) {
            double aFirst = law.entrySet().stream().filter(e -> e.getKey().startsWith("a"))
                    .mapToInt(java.util.Map.Entry::getValue).sum() / (double) trials;
            double a1 = law.entrySet().stream().filter(e -> e.getKey().contains("a1"))
                    .mapToInt(java.util.Map.Entry::getValue).sum() / (double) trials;
            double b4 = law.entrySet().stream().filter(e -> e.getKey().contains("b4"))
                    .mapToInt(java.util.Map.Entry::getValue).sum() / (double) trials;
            assertThat(aFirst).isCloseTo(0.4, org.assertj.core.api.Assertions.within(0.012));
            assertThat(a1).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.012));
            assertThat(b4).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(0.012));
            assertThat(law.keySet()).noneMatch(k -> k.contains("a3") || k.contains("b2"));
        }
    }

    private static String outcome(List<LiquidationPlan> landed) {
        return landed.stream().map(LiquidationPlan::liquidator).reduce((x, y) -> x + ">" + y).orElse("");
    }

    /** A position of {@code account} at protocol p on chain c, owing 100 USDC against ETH, with {@code flash}. */
    private static LiquidationOpportunity position(String account, FlashLoanTerms flash) {
        return new LiquidationOpportunity(ProtocolId.of("p"), AccountId.of(account), ChainId.of("c"),
                AssetId.of("USDC"), AssetId.of("ETH"), 100, 0.0005, 1, flash, 1, 0);
    }

    private static LiquidationPlan named(String liquidator, LiquidationOpportunity o, double fee) {
        return new LiquidationPlan(liquidator, o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.SELL, 1, 1, 0, 0, 1, 1, fee);
    }

    /** The block order as first written: every plan shuffled, a stable sort by fee, the first per position. */
    private static List<LiquidationPlan> everyPlanShuffled(List<LiquidationPlan> plans, SplittableRandom rng) {
        List<LiquidationPlan> shuffled = new ArrayList<>(plans);
        return firstPerPosition(shuffled(shuffled, rng));
    }

    private static LiquidationPlan plan(LiquidationOpportunity o, double fee) {
        return new LiquidationPlan("l", o, 1, 1, LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.SELL, 1,
                1, 0, 0, 1, 1, fee);
    }

    private static List<LiquidationPlan> specification(List<LiquidationPlan> plans, SplittableRandom rng) {
        java.util.Map<String, Double> highest = new java.util.HashMap<>();
        for (LiquidationPlan p : plans) {
            highest.merge(position(p), p.priorityFeeGwei(), (x, y) -> Double.compare(x, y) >= 0 ? x : y);
        }
        List<LiquidationPlan> shuffled = new ArrayList<>();
        for (LiquidationPlan p : plans) {
            if (Double.compare(p.priorityFeeGwei(), highest.get(position(p))) == 0) {
                shuffled.add(p);
            }
        }
        return firstPerPosition(shuffled(shuffled, rng));
    }

    /** {@code plans} shuffled in place by Fisher–Yates from the last element, drawing from {@code rng}. */
    private static List<LiquidationPlan> shuffled(List<LiquidationPlan> plans, SplittableRandom rng) {
        for (int i = plans.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            LiquidationPlan t = plans.get(i);
            plans.set(i, plans.get(j));
            plans.set(j, t);
        }
        return plans;
    }

    /** A stable sort by fee, highest first ({@link Double#compare}), then the first plan of each position. */
    private static List<LiquidationPlan> firstPerPosition(List<LiquidationPlan> shuffled) {
        List<LiquidationPlan> sorted = new ArrayList<>(shuffled);
        sorted.sort((x, y) -> Double.compare(y.priorityFeeGwei(), x.priorityFeeGwei()));
        Set<String> taken = new HashSet<>();
        List<LiquidationPlan> out = new ArrayList<>();
        for (LiquidationPlan p : sorted) {
            if (taken.add(position(p))) {
                out.add(p);
            }
        }
        return out;
    }

    private static String position(LiquidationPlan p) {
        return p.opportunity().protocol().value() + "\u0000" + p.opportunity().account().value();
    }
}
