package dev.fracture.engine;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.model.EcosystemSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/** Drives one participant block by block (one chain, a block a second) with the engine's own price steps. */
final class PerpHarness {
    private PerpHarness() {
    }

    /** Runs blocks 1..blocks; after each, hands the participant's residual to {@code afterBlock}. */
    static List<RunEvent> run(EcosystemSnapshot snapshot, PerpExchangeParticipant p, BasePrices base, int blocks,
                              DoubleConsumer afterBlock) {
        SimulationSetup setup = new SimulationSetup(snapshot, blocks, 1, base, Map.of(), List.of(), 0);
        Market market = Market.of(snapshot, MathMode.FAST);
        ReferencePrices prices = new ReferencePrices(setup);
        OracleBank oracles = new OracleBank(snapshot, market, prices, 0, List.of());
        List<RunEvent> log = new ArrayList<>();
        double[] row = new double[p.columns().size()];
        for (int t = 1; t <= blocks; t++) {
            prices.update(t);
            oracles.update(t, prices);
            p.act(new BlockContext(t, snapshot.chains().get(0), t, prices, oracles, market, 0,
                    new SplittableRandom(t), log));
            p.fill(row, 0);
            afterBlock.accept(p.lastResidual());
        }
        return log;
    }
}
