package dev.fracture.engine;

import dev.fracture.market.Market;
import dev.fracture.market.OwnChainLegs;
import dev.fracture.market.Router;
import dev.fracture.market.MathMode;
import dev.fracture.market.Venue;
import dev.fracture.mitigation.MitigationSet;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Runs a shock through an ecosystem block by block (DESIGN.md, "Data flow" and "Price formation").
 *
 * <p>Each chain produces blocks at its own block time; the scheduler takes the earliest next block of any chain
 * (ties go to the chain that sorts first), so chains interleave in time. In a block of chain c at time t:
 * <ol>
 *   <li>every asset's reference price is its scenario path at t, lowered by the square-root impact of all forced
 *   selling of it so far;</li>
 *   <li>every oracle feed updates (push feeds observe the reference, TWAPs their venue, delayed and fallback feeds
 *   their sources);</li>
 *   <li>scenario events that take effect are logged ({@link ScenarioEventLog}); bridge shipments land and leave
 *   ({@link CrossChainArbitrage#settle});</li>
 *   <li>arbitrageurs pull chain c's two-asset venues toward the reference prices, within their capital per block —
 *   and, for a venue trading a bridged token, within their inventory on the chain and what its bridges can carry
 *   ({@link CrossChainArbitrage});</li>
 *   <li>each protocol on chain c reads its oracles, lists the positions it lets anyone liquidate, the liquidators
 *   plan, the block orders them by priority fee (ties by the run's seeded generator), and each landed liquidation is
 *   applied by the protocol's mechanic and its collateral sold through the router into chain c's venues — which is
 *   what moves venue prices, adds to forced selling and so to the next block's reference price: the feedback that
 *   lets a cascade feed itself;</li>
 *   <li>the other participants of chain c act (see {@link BlockParticipant}), liquidity providers among them
 *   ({@link LiquidityProviders});</li>
 *   <li>the block's row is added to the trace.</li>
 * </ol>
 * Liquidators sell on the chain of the liquidation only: a flash-loan liquidation must repay within its
 * transaction. Contagion here runs through shared collateral assets (one reference price, one impact), shared
 * oracle feeds, shared venues and shared liquidator capital. Protocols of a type the engine has no book for are
 * listed in {@link SimulationResult#notSimulated()} and sit the run out.
 *
 * <p>The block's steps live in their own classes: {@link ReferencePrices}, {@link OracleBank}, {@link Arbitrageur},
 * {@link LiquidationDesk} with {@link CollateralDisposal}, the {@link BlockParticipant}s, {@link TraceRecorder} and
 * {@link SummaryBuilder}.
 *
 * <p>With {@link MarketDynamics#unified()} the run's market is the unified-liquidity counterfactual
 * ({@link UnifiedMarket}).
 *
 * <p>Deterministic: the same setup and seed give a bit-identical trace ({@link Trace#hash()}).
 */
public final class CascadeSimulator {
    /** The fast engine on one thread. */
    public static final CascadeSimulator DEFAULT = new CascadeSimulator(1);

    private final int threads;

    private CascadeSimulator(int threads) {
        this.threads = threads;
    }

    /** The fast engine looking for and planning liquidations on {@code threads} threads: same bits on any count. */
    public static CascadeSimulator withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("engine: threads must be >= 1 (was " + threads + ")");
        }
        return new CascadeSimulator(threads);
    }

    public SimulationResult run(SimulationSetup setup) {
        return run(setup, RunProgress.NONE);
    }

    /** Runs and reports progress after every block (progress reporting never changes the result). */
    public SimulationResult run(SimulationSetup setup, RunProgress progress) {
        return run(setup, progress, EngineOptions.fast(threads));
    }

    static SimulationResult run(SimulationSetup setup, RunProgress progress, EngineOptions options) {
        return run(setup, progress, options, BlockInspector.NONE);
    }

    /** Runs the fast engine with an inspector that sees the holdings after every block (tests' invariant checks). */
    SimulationResult runInspected(SimulationSetup setup, BlockInspector inspector) {
        return run(setup, RunProgress.NONE, EngineOptions.fast(threads), inspector);
    }

    private static SimulationResult run(SimulationSetup setup, RunProgress progress, EngineOptions options,
                                        BlockInspector inspector) {
        MitigationSet mitigations = MitigationSet.of(setup.mitigations(), setup.snapshot());
        try (Workers workers = new Workers(options.threads(), options.handOverAt())) {
            return new Run(setup.prepared(mitigations.snapshot()), mitigations, options, workers, inspector)
                    .execute(progress);
        }
    }

    /** The mutable state of one run. */
    private static final class Run {
        private final SimulationSetup setup;
        private final Market market;
        /** The router's legs of the sales made inside blocks, found once per pair. */
        private final OwnChainLegs saleLegs;
        private final ReferencePrices prices;
        private final OracleBank oracles;
        private final List<ProtocolBook> books = new ArrayList<>();
        private final List<ProtocolId> notSimulated = new ArrayList<>();
        private final List<BlockParticipant> participants;
        private final List<Chain> chains;
        private final List<Venue> venues;
        private final LiquidationDesk desk;
        private final TraceRecorder recorder;
        private final List<RunEvent> log = new ArrayList<>();
        private final SplittableRandom rng;
        private final double[] liquidatedThisBlock;
        private final MitigationHooks hooks;
        private final BridgeSchedule bridges;
        private final CrossChainArbitrage crossChain;
        private final ExternalFlows flows = new ExternalFlows();
        private final ScenarioEventLog eventLog;
        private final BlockInspector inspector;
        /** The engine's threads (none for the reference simulator). */
        private final Workers workers;

        Run(SimulationSetup setup, MitigationSet mitigations, EngineOptions options, Workers workers,
            BlockInspector inspector) {
            this.setup = setup;
            this.inspector = inspector;
            this.workers = workers;
            EcosystemSnapshot snapshot = setup.snapshot();
            this.market = setup.dynamics().unified() ? UnifiedMarket.of(snapshot) : Market.of(snapshot, MathMode.FAST);
            this.saleLegs = new OwnChainLegs(Router.DEFAULT, market);
            this.bridges = new BridgeSchedule(market.snapshot().bridges(), setup.dynamics().events());
            this.eventLog = new ScenarioEventLog(setup.dynamics().events());
            this.prices = new ReferencePrices(setup);
            this.oracles = new OracleBank(snapshot, market, prices, 0, setup.oracleFaults());
            this.hooks = new MitigationHooks(mitigations);
            oracles.useHeartbeats(hooks::heartbeatSeconds);
            // Each protocol's book is built from the snapshot alone: on the engine's threads, kept in protocol order.
            List<ProtocolSpec> specs = snapshot.protocols();
            List<Optional<ProtocolBook>> built = workers.map(specs, p -> ProtocolBooks.of(p, snapshot));
            for (int k = 0; k < specs.size(); k++) {
                ProtocolSpec p = specs.get(k);
                built.get(k).ifPresentOrElse(books::add, () -> {
                    if (!Participants.simulates(p)) {
                        notSimulated.add(p.id());
                    }
                });
            }
            books.forEach(b -> b.useTerms(hooks.terms(b.id())));
            this.participants = Participants.of(setup);
            // Liquidity incentives pay their pools' providers to stay: those venues keep all their depth.
            MarketDynamics.WithdrawalFloor own = setup.dynamics().floor();
            MarketDynamics.WithdrawalFloor floor = (venue, t) ->
                    hooks.protectedDepthUsd(venue) > 0 ? 1 : own.keptFraction(venue, t);
            this.participants.addAll(
                    LiquidityProviderFactory.of(setup.withDynamics(setup.dynamics().withFloor(floor))));
            // A book's index reads its own accounts only.
            workers.each(books, b -> b.useIndex(options.indexedBooks()));
            if (options.indexedBooks()) {
                books.forEach(b -> b.useWorkers(workers));
                participants.forEach(p -> p.useWorkers(workers));
            }
            this.desk = new LiquidationDesk(setup.liquidators(), new CollateralDisposal(hooks), hooks, options,
                    workers);
            this.chains = snapshot.chains().stream().sorted(Comparator.comparing(Chain::id)).toList();
            this.venues = market.venues().stream().sorted(Comparator.comparing(Venue::id)).toList();
            this.rng = new SplittableRandom(setup.seed());
            this.liquidatedThisBlock = new double[books.size()];
            this.crossChain = new CrossChainArbitrage(prices.assets(), bridges, setup.arbitrageCapitalUsdPerBlock(),
                    setup.dynamics().bridgedInventoryUsd());
            int shocked = SummaryBuilder.shockedIndex(prices, setup.horizonSeconds());
            AssetId shockedRoot = market.family(prices.asset(shocked).id());
            this.recorder = new TraceRecorder(prices, oracles, venues, books, hooks.withTraceSource(participants),
                    new TraceRecorder.Extras(desk.events(), chains.stream().map(Chain::id).toList(),
                            prices.assets().stream().filter(a -> market.family(a.id()).equals(shockedRoot)).toList()));
        }

        SimulationResult execute(RunProgress progress) {
            int n = chains.size();
            double[] next = new double[n];
            long[] blockNumber = new long[n];
            for (int c = 0; c < n; c++) {
                next[c] = chains.get(c).blockTimeSeconds();
            }
            while (true) {
                int c = 0;
                for (int k = 1; k < n; k++) {
                    if (next[k] < next[c]) {
                        c = k;
                    }
                }
                if (next[c] > setup.horizonSeconds()) {
                    break;
                }
                long now = (long) Math.floor(next[c]);
                block(c, now, ++blockNumber[c]);
                progress.advanced(now, setup.horizonSeconds());
                next[c] += chains.get(c).blockTimeSeconds();
            }
            return result();
        }

        private void block(int c, long now, long blockNo) {
            Chain chain = chains.get(c);
            prices.update(now);
            hooks.onBlock(new BlockContext(now, chain, blockNo, prices, oracles, market,
                    setup.baseFees().gwei(chain, now), null, log));
            oracles.update(now, prices);
            BlockContext block = new BlockContext(now, chain, blockNo, prices, oracles, market,
                    setup.baseFees().gwei(chain, now), rng.split(), log, saleLegs);
            eventLog.log(block);
            crossChain.settle(chain.id(), now, prices, flows);
            for (Venue v : venues) {
                // A wrapper's rate is its contract's: there is no price to pull back, only pools priced against it.
                if (v.chain().equals(chain.id()) && !v.fixedRate() && !hooks.halted(v, now)) {
                    if (crossChain.handles(v)) {
                        crossChain.pull(v, now, prices, flows);
                    } else {
                        Arbitrageur.pull(v, prices, setup.arbitrageCapitalUsdPerBlock(), flows);
                    }
                }
            }
            Arrays.fill(liquidatedThisBlock, 0);
            for (int b = 0; b < books.size(); b++) {
                ProtocolBook book = books.get(b);
                if (book.chain().equals(chain.id())) {
                    liquidatedThisBlock[b] = desk.liquidate(book, block);
                }
            }
            for (BlockParticipant p : participants) {
                if (p.chain().equals(chain.id())) {
                    p.act(block);
                }
            }
            recorder.record(c, now, liquidatedThisBlock);
            if (inspector != BlockInspector.NONE) {
                Map<AssetId, Double> held = new TreeMap<>();
                for (BlockParticipant p : participants) {
                    if (p instanceof LiquidityProviders lp) {
                        lp.held().forEach((a, x) -> held.merge(a, x, Double::sum));
                    }
                }
                inspector.after(new BlockInspector.State(now, market, crossChain.inventory(), crossChain.inFlight(),
                        held, flows.net(), desk.events().size()));
            }
        }

        private SimulationResult result() {
            Trace trace = recorder.trace(chains.stream().map(x -> x.id().value()).toList());
            Summary summary = SummaryBuilder.of(trace, prices, books, desk.events(), setup.horizonSeconds(),
                    new ExposureGraph(setup.snapshot()), log, venues);
            return new SimulationResult(setup.seed(), trace, desk.events(), summary, desk.outcomes(), notSimulated,
                    log, hooks.outcomes(), stateHash(trace));
        }

        /** {@link StateHash#of} of the run's trace, events, log, liquidators' books and protocol books. */
        private String stateHash(Trace trace) {
            return StateHash.of(trace, desk.events(), log, desk.outcomes(), books, workers);
        }

    }
}
