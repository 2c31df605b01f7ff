package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidationRound;
import dev.fracture.agent.Liquidator;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.MorphoSetup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 *   <li>arbitrageurs pull chain c's two-asset venues toward the reference prices, within their capital per block;</li>
 *   <li>each protocol on chain c reads its oracles, lists the positions it lets anyone liquidate, the liquidators
 *   plan, the block orders them by priority fee (ties by the run's seeded generator), and each landed liquidation is
 *   applied by the protocol's mechanic and its collateral sold through the router into chain c's venues — which is
 *   what moves venue prices, adds to forced selling and so to the next block's reference price: the feedback that
 *   lets a cascade feed itself;</li>
 *   <li>the block's row is added to the trace.</li>
 * </ol>
 * Liquidators sell on the chain of the liquidation only: a flash-loan liquidation must repay within its
 * transaction. Contagion here runs through shared collateral assets (one reference price, one impact), shared
 * oracle feeds, shared venues and shared liquidator capital; Compound v3, Maker and Liquity positions in the
 * snapshot are listed in {@link SimulationResult#notSimulated()} and sit the run out.
 *
 * <p>Deterministic: the same setup and seed give a bit-identical trace ({@link Trace#hash()}).
 */
public final class CascadeSimulator {
    public static final CascadeSimulator DEFAULT = new CascadeSimulator();

    public SimulationResult run(SimulationSetup setup) {
        return new Run(setup).execute();
    }

    /** The mutable state of one run. */
    private static final class Run {
        private final SimulationSetup setup;
        private final EcosystemSnapshot snapshot;
        private final Market market;
        private final List<Asset> assets;
        private final Map<AssetId, Integer> assetIndex = new HashMap<>();
        private final double[] reference;
        private final double[] sold;
        private final SquareRootImpact[] impact;
        /** For an asset the scenario does not drive: the asset it follows (-1 none), at the snapshot's ratio. */
        private final int[] parent;
        private final double[] ratio;
        private final dev.fracture.model.BridgeId[] bridgeOf;
        /** Assets in an order where every parent comes before its children. */
        private final int[] order;
        private final OracleBank.ReferenceView view;
        private final OracleBank oracles;
        private final List<ProtocolBook> books = new ArrayList<>();
        private final List<ProtocolId> notSimulated = new ArrayList<>();
        private final Map<String, LiquidatorLedger> ledgers = new LinkedHashMap<>();
        private final List<Chain> chains;
        private final List<Venue> venues;
        private final List<LiquidationEvent> events = new ArrayList<>();
        private final SplittableRandom rng;
        private final double[] liquidatedThisBlock;
        private final List<String> columns = new ArrayList<>();
        /** Per protocol, the block each liquidatable position was first seen in: reaction latency counts from it. */
        private final Map<ProtocolId, Map<dev.fracture.model.AccountId, Long>> firstSeen = new HashMap<>();
        private final List<double[]> rows = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();
        private final List<Integer> rowChains = new ArrayList<>();

        Run(SimulationSetup setup) {
            this.setup = setup;
            this.snapshot = setup.snapshot();
            this.market = Market.of(snapshot, MathMode.FAST);
            this.assets = snapshot.assets().stream().sorted(Comparator.comparing(Asset::id)).toList();
            for (int i = 0; i < assets.size(); i++) {
                assetIndex.put(assets.get(i).id(), i);
            }
            this.reference = new double[assets.size()];
            this.sold = new double[assets.size()];
            this.impact = new SquareRootImpact[assets.size()];
            this.parent = new int[assets.size()];
            this.ratio = new double[assets.size()];
            this.bridgeOf = new dev.fracture.model.BridgeId[assets.size()];
            for (int i = 0; i < assets.size(); i++) {
                impact[i] = setup.impact().get(assets.get(i).id());
                parent[i] = -1;
                Asset a = assets.get(i);
                AssetId up = parentOf(a);
                if (up != null && !setup.basePrices().drives(a.id())) {
                    parent[i] = assetIndex.get(up);
                    ratio[i] = a.referencePriceUsd() / assets.get(parent[i]).referencePriceUsd();
                }
                if (a.kind() instanceof dev.fracture.model.AssetKind.Bridged b) {
                    bridgeOf[i] = b.bridge();
                }
            }
            this.order = parentsFirst();
            for (int i : order) {
                reference[i] = parent[i] >= 0 ? reference[parent[i]] * ratio[i] : base(i, 0);
            }
            this.view = a -> reference[assetIndex.get(a)];
            this.oracles = new OracleBank(snapshot, market, view, 0, setup.oracleFaults());
            for (ProtocolSpec p : snapshot.protocols()) {
                if (p instanceof ProtocolSpec.PooledLending l) {
                    books.add(new AaveBook(l.id(), l.chain(), AaveSetup.of(l, snapshot)));
                } else if (p instanceof ProtocolSpec.IsolatedLending m) {
                    books.add(new MorphoBook(m.id(), m.chain(), MorphoSetup.of(m, snapshot), snapshot));
                } else {
                    notSimulated.add(p.id());
                }
            }
            for (LiquidatorProfile profile : setup.liquidators()) {
                if (ledgers.put(profile.id(), new LiquidatorLedger(profile)) != null) {
                    throw new IllegalArgumentException("simulation: liquidator id '" + profile.id() + "' appears twice");
                }
            }
            this.chains = snapshot.chains().stream().sorted(Comparator.comparing(Chain::id)).toList();
            this.venues = market.venues().stream().sorted(Comparator.comparing(Venue::id)).toList();
            this.rng = new SplittableRandom(setup.seed());
            this.liquidatedThisBlock = new double[books.size()];
            assets.forEach(a -> columns.add("ref:" + a.id()));
            oracles.ids().forEach(o -> columns.add("oracle:" + o));
            venues.forEach(v -> columns.add("venue:" + v.id()));
            books.forEach(b -> columns.add("liquidated:" + b.id()));
            books.forEach(b -> columns.add("badDebt:" + b.id()));
            assets.forEach(a -> columns.add("sold:" + a.id()));
        }

        private static AssetId parentOf(Asset a) {
            if (a.kind() instanceof dev.fracture.model.AssetKind.Bridged b) {
                return b.origin();
            }
            if (a.kind() instanceof dev.fracture.model.AssetKind.LiquidStaking l) {
                return l.underlying();
            }
            if (a.kind() instanceof dev.fracture.model.AssetKind.Receipt r) {
                return r.redeemsFor();
            }
            return null;
        }

        private int[] parentsFirst() {
            int n = assets.size();
            int[] out = new int[n];
            boolean[] placed = new boolean[n];
            int k = 0;
            while (k < n) {
                boolean progress = false;
                for (int i = 0; i < n; i++) {
                    if (!placed[i] && (parent[i] < 0 || placed[parent[i]])) {
                        placed[i] = true;
                        out[k++] = i;
                        progress = true;
                    }
                }
                if (!progress) {
                    throw new IllegalStateException("asset derivation cycle");
                }
            }
            return out;
        }

        /** Share of its origin that still backs a token minted by {@code bridge} at {@code t}. */
        private double backing(dev.fracture.model.BridgeId bridge, long t) {
            double backing = 1;
            for (SimulationSetup.BackingLoss loss : setup.backingLosses()) {
                if (loss.bridge().equals(bridge) && t >= loss.atSeconds()) {
                    backing *= 1 - loss.loss();
                }
            }
            return backing;
        }

        private double base(int asset, long t) {
            double p = setup.basePrices().usd(assets.get(asset).id(), t);
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("base price of " + assets.get(asset).id() + " at " + t
                        + " s must be a positive finite number (was " + p + ")");
            }
            return p;
        }

        SimulationResult execute() {
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
                next[c] += chains.get(c).blockTimeSeconds();
            }
            return result();
        }

        private void block(int c, long now, long blockNo) {
            Chain chain = chains.get(c);
            for (int i : order) {
                double drop = impact[i] == null ? 0 : impact[i].fraction(sold[i]);
                double path = parent[i] >= 0 ? reference[parent[i]] * ratio[i] : base(i, now);
                if (bridgeOf[i] != null) {
                    path *= backing(bridgeOf[i], now);
                }
                reference[i] = path * (1 - drop);
            }
            oracles.update(now, view);
            for (Venue v : venues) {
                if (v.chain().equals(chain.id())) {
                    Arbitrageur.pull(v, view, setup.arbitrageCapitalUsdPerBlock());
                }
            }
            java.util.Arrays.fill(liquidatedThisBlock, 0);
            SplittableRandom blockRng = rng.split();
            for (int b = 0; b < books.size(); b++) {
                ProtocolBook book = books.get(b);
                if (book.chain().equals(chain.id())) {
                    liquidate(b, book, chain, now, blockNo, blockRng);
                }
            }
            record(c, now);
        }

        private void liquidate(int b, ProtocolBook book, Chain chain, long now, long blockNo, SplittableRandom blockRng) {
            book.observe(oracles, view, now);
            if (ledgers.isEmpty()) {
                return;
            }
            List<LiquidationOpportunity> opportunities = sinceFirstSeen(book.id(), book.opportunities(blockNo), blockNo);
            if (opportunities.isEmpty()) {
                return;
            }
            double baseFee = setup.baseFees().gwei(chain, now);
            List<LiquidationPlan> plans = new ArrayList<>();
            for (LiquidationOpportunity o : opportunities) {
                for (LiquidatorLedger ledger : ledgers.values()) {
                    Liquidator.DEFAULT.plan(ledger, o, market, view::usd, baseFee, blockNo).ifPresent(plans::add);
                }
            }
            for (LiquidationPlan plan : LiquidationRound.winners(plans, blockRng)) {
                execute(b, book, plan, now, blockNo);
            }
        }

        /**
         * Dates each opportunity from the block its position first became liquidatable, so that a liquidator's
         * reaction latency runs from then; positions no longer liquidatable are forgotten.
         */
        private List<LiquidationOpportunity> sinceFirstSeen(ProtocolId protocol, List<LiquidationOpportunity> now,
                                                            long blockNo) {
            Map<dev.fracture.model.AccountId, Long> seen = firstSeen.computeIfAbsent(protocol, k -> new HashMap<>());
            Map<dev.fracture.model.AccountId, Long> still = new HashMap<>();
            List<LiquidationOpportunity> out = new ArrayList<>(now.size());
            for (LiquidationOpportunity o : now) {
                long first = seen.getOrDefault(o.account(), blockNo);
                still.put(o.account(), first);
                out.add(first == o.detectedBlock() ? o : new LiquidationOpportunity(o.protocol(), o.account(), o.chain(),
                        o.debtAsset(), o.collateralAsset(), o.maxRepay(), o.collateralPerDebt(),
                        o.collateralAvailable(), o.flashLoan(), o.gasUnits(), first));
            }
            seen.clear();
            seen.putAll(still);
            return out;
        }

        private void execute(int b, ProtocolBook book, LiquidationPlan plan, long now, long blockNo) {
            LiquidationOpportunity o = plan.opportunity();
            ProtocolBook.Applied applied = book.apply(plan);
            if (applied.debtRepaid() <= 0) {
                return;
            }
            double debtUsd = view.usd(o.debtAsset());
            double collUsd = view.usd(o.collateralAsset());
            double proceeds = 0;
            double soldUsd = 0;
            if (plan.disposal() == LiquidationPlan.Disposal.SELL && applied.collateralToLiquidator() > 0) {
                proceeds = sell(o.collateralAsset(), o.debtAsset(), applied.collateralToLiquidator());
                soldUsd = applied.collateralToLiquidator() * collUsd;
                sold[assetIndex.get(o.collateralAsset())] += soldUsd;
            }
            double bonusUsd = applied.collateralToLiquidator() * collUsd - applied.debtRepaid() * debtUsd;
            double slippageUsd = plan.disposal() == LiquidationPlan.Disposal.SELL
                    ? applied.collateralToLiquidator() * collUsd - proceeds * debtUsd : 0;
            double flashFeeUsd = plan.funding() == LiquidationPlan.Funding.FLASH_LOAN
                    ? applied.debtRepaid() * o.flashLoan().feeRate() * debtUsd : 0;
            LiquidationPlan realized = new LiquidationPlan(plan.liquidator(), o, applied.debtRepaid(),
                    applied.collateralToLiquidator(), plan.funding(), plan.disposal(), proceeds, bonusUsd, slippageUsd,
                    flashFeeUsd, plan.gasUsd(), plan.gasNative(), plan.priorityFeeGwei());
            ledgers.get(plan.liquidator()).record(realized, blockNo);
            liquidatedThisBlock[b] += applied.debtRepaid() * debtUsd;
            events.add(new LiquidationEvent(now, book.chain(), blockNo, book.id(), o.account(), plan.liquidator(),
                    o.debtAsset(), applied.debtRepaid(), o.collateralAsset(), applied.collateralToLiquidator(), proceeds,
                    applied.debtRepaid() * debtUsd, soldUsd, realized.profitUsd(), applied.badDebtUsd()));
        }

        /** Sells through the router on the liquidation's own chain and executes every leg; returns what came back. */
        private double sell(AssetId collateral, AssetId debt, double amount) {
            RouteResult route = Router.DEFAULT.route(market,
                    RouteRequest.of(collateral, debt, amount).withMaxLatency(0).withGas(GasSchedule.FREE));
            double out = 0;
            for (LegFill f : route.fills()) {
                Venue v = market.venue(f.venue()).orElseThrow();
                out += v.swapExactIn(f.venueTokenIn(), f.venueTokenOut(), f.venueAmountIn()).amountOut();
            }
            return out;
        }

        private void record(int c, long now) {
            double[] row = new double[columns.size()];
            int k = 0;
            for (double r : reference) {
                row[k++] = r;
            }
            for (OracleId o : oracles.ids()) {
                row[k++] = oracles.usd(o, now);
            }
            for (Venue v : venues) {
                row[k++] = v.spotPrice(v.assets().get(0), v.assets().get(1));
            }
            for (double l : liquidatedThisBlock) {
                row[k++] = l;
            }
            for (ProtocolBook book : books) {
                row[k++] = book.badDebtUsd();
            }
            for (double s : sold) {
                row[k++] = s;
            }
            rows.add(row);
            times.add(now);
            rowChains.add(c);
        }

        private SimulationResult result() {
            long[] t = times.stream().mapToLong(Long::longValue).toArray();
            int[] ch = rowChains.stream().mapToInt(Integer::intValue).toArray();
            Trace trace = new Trace(columns, t, ch, chains.stream().map(x -> x.id().value()).toList(),
                    rows.toArray(new double[0][]));
            Map<String, SimulationResult.LiquidatorOutcome> outcomes = new LinkedHashMap<>();
            ledgers.forEach((id, l) -> outcomes.put(id, new SimulationResult.LiquidatorOutcome(l.liquidations(),
                    l.bonusUsd(), l.slippageUsd(), l.flashFeeUsd(), l.gasUsd(), l.profitUsd())));
            return new SimulationResult(setup.seed(), trace, events, summary(trace), outcomes, notSimulated);
        }

        private Summary summary(Trace trace) {
            Map<AssetId, Double> forced = new LinkedHashMap<>();
            Map<AssetId, Double> drawdown = new LinkedHashMap<>();
            int shocked = 0;
            double largestMove = -1;
            for (int i = 0; i < assets.size(); i++) {
                if (sold[i] > 0) {
                    forced.put(assets.get(i).id(), sold[i]);
                }
                double[] series = trace.series("ref:" + assets.get(i).id());
                drawdown.put(assets.get(i).id(), maxDrawdown(series));
                double move = parent[i] >= 0 ? 0 : 1 - base(i, setup.horizonSeconds()) / base(i, 0);
                if (move > largestMove) {
                    largestMove = move;
                    shocked = i;
                }
            }
            double initialMove = largestMove;
            double[] shockedSeries = trace.blocks() == 0 ? new double[] {reference[shocked]}
                    : trace.series("ref:" + assets.get(shocked).id());
            double finalMove = 1 - shockedSeries[shockedSeries.length - 1] / base(shocked, 0);
            double multiplier = initialMove > 0 ? finalMove / initialMove : 1;
            Map<ProtocolId, Double> bad = new LinkedHashMap<>();
            Map<ProtocolId, Double> underwater = new LinkedHashMap<>();
            for (ProtocolBook book : books) {
                bad.put(book.id(), book.badDebtUsd());
                underwater.put(book.id(), book.underwaterUsd());
            }
            double liquidated = events.stream().mapToDouble(LiquidationEvent::repaidUsd).sum();
            long last = events.isEmpty() ? -1 : events.get(events.size() - 1).time();
            return new Summary(liquidated, events.size(), forced, bad, underwater, drawdown,
                    assets.get(shocked).id(), initialMove, finalMove, multiplier, last);
        }

        private static double maxDrawdown(double[] series) {
            double peak = Double.NEGATIVE_INFINITY;
            double worst = 0;
            for (double v : series) {
                peak = Math.max(peak, v);
                worst = Math.max(worst, 1 - v / peak);
            }
            return worst;
        }
    }
}
