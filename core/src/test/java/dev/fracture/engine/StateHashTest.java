package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StateHash}: the same records give the same hash on one thread and on several (the records written a slice
 * at a time on the threads), and a run that differs in any one of them — one amount of one liquidation by a unit in
 * the last place, a liquidation more or two in another order, a log entry, a liquidator's books, the trace — hashes
 * differently. Seeded random records, enough for the threads to split them into many slices.
 */
class StateHashTest {
    private static final int EVENTS = 3_000;

    private static Trace trace(double last) {
        return new Trace(List.of("ref:ETH"), new long[] {0, 12}, new int[] {0, 0}, List.of("ethereum"),
                new double[][] {{3_000.0}, {last}});
    }

    private static List<LiquidationEvent> events(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LiquidationEvent> out = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            out.add(new LiquidationEvent(12L * i, ChainId.of("ethereum"), i, ProtocolId.of("aave-v3"),
                    AccountId.of("acct-" + rng.nextInt(100_000)), "searcher-" + rng.nextInt(4), AssetId.of("USDC"),
                    rng.nextDouble() * 1e6, AssetId.of("WETH"), rng.nextDouble() * 300, rng.nextDouble() * 1e6,
                    rng.nextDouble() * 1e6, rng.nextDouble() * 1e6, rng.nextDouble() * 1e4 - 5e3,
                    rng.nextDouble() < 0.1 ? rng.nextDouble() * 1e3 : 0.0));
        }
        return out;
    }

    private static List<RunEvent> log() {
        return List.of(new RunEvent(0, ChainId.of("ethereum"), 0, "price-shock", "ETH", "−30% step", 0.0),
                new RunEvent(600, ChainId.of("base"), 300, "perp-adl", "acct-2", "deleveraged", 1.5e6));
    }

    private static Map<String, SimulationResult.LiquidatorOutcome> outcomes() {
        Map<String, SimulationResult.LiquidatorOutcome> out = new LinkedHashMap<>();
        out.put("searcher-0", new SimulationResult.LiquidatorOutcome(10, 2, 5e4, 1e4, 30.0, 200.0, 3.977e4));
        out.put("searcher-1", new SimulationResult.LiquidatorOutcome(0, 7, 0.0, 0.0, 0.0, 0.0, 0.0));
        return out;
    }

    private static String hash(Trace trace, List<LiquidationEvent> events, List<RunEvent> log,
                               Map<String, SimulationResult.LiquidatorOutcome> outcomes, int threads) {
        try (Workers workers = new Workers(threads)) {
            return StateHash.of(trace, events, log, outcomes, List.of(), workers);
        }
    }

    @Test
    void theSameRecordsHashAlikeOnAnyThreadCount() {
        for (long seed = 1; seed <= 4; seed++) {
            List<LiquidationEvent> events = events(seed);
            String one = hash(trace(2_100.0), events, log(), outcomes(), 1);
            assertThat(hash(trace(2_100.0), events, log(), outcomes(), 2)).as("seed %d", seed).isEqualTo(one);
            assertThat(hash(trace(2_100.0), events, log(), outcomes(), 3)).as("seed %d", seed).isEqualTo(one);
            assertThat(one).hasSize(64).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void aRunThatDiffersInAnyOneRecordHashesDifferently() {
        List<LiquidationEvent> events = events(7);
        List<String> hashes = new ArrayList<>();
        hashes.add(hash(trace(2_100.0), events, log(), outcomes(), 2));
        // One amount of one liquidation in the middle, a unit in the last place more.
        List<LiquidationEvent> nudged = new ArrayList<>(events);
        LiquidationEvent e = nudged.get(EVENTS / 2);
        nudged.set(EVENTS / 2, new LiquidationEvent(e.time(), e.chain(), e.block(), e.protocol(), e.account(),
                e.liquidator(), e.debtAsset(), e.repaid(), e.collateralAsset(), e.seized(), e.proceeds(),
                e.repaidUsd(), Math.nextUp(e.soldUsd()), e.profitUsd(), e.badDebtUsd()));
        hashes.add(hash(trace(2_100.0), nudged, log(), outcomes(), 2));
        // A liquidation more; two in the other order.
        List<LiquidationEvent> more = new ArrayList<>(events);
        more.add(events.get(0));
        hashes.add(hash(trace(2_100.0), more, log(), outcomes(), 2));
        List<LiquidationEvent> swapped = new ArrayList<>(events);
        swapped.set(10, events.get(11));
        swapped.set(11, events.get(10));
        hashes.add(hash(trace(2_100.0), swapped, log(), outcomes(), 2));
        // A log entry fewer, or its value a unit in the last place more; a liquidator's books; the trace's last value.
        hashes.add(hash(trace(2_100.0), events, log().subList(0, 1), outcomes(), 2));
        RunEvent adl = log().get(1);
        hashes.add(hash(trace(2_100.0), events, List.of(log().get(0), new RunEvent(adl.time(), adl.chain(),
                adl.block(), adl.kind(), adl.subject(), adl.detail(), Math.nextUp(adl.usd()))), outcomes(), 2));
        Map<String, SimulationResult.LiquidatorOutcome> books = outcomes();
        books.put("searcher-1", new SimulationResult.LiquidatorOutcome(0, 8, 0.0, 0.0, 0.0, 0.0, 0.0));
        hashes.add(hash(trace(2_100.0), events, log(), books, 2));
        hashes.add(hash(trace(Math.nextDown(2_100.0)), events, log(), outcomes(), 2));
        // The last liquidation left out.
        hashes.add(hash(trace(2_100.0), events.subList(0, EVENTS - 1), log(), outcomes(), 2));
        assertThat(hashes.stream().distinct()).hasSize(hashes.size());
    }
}
