package dev.fracture.scenario;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueSpec;
import dev.fracture.model.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a scenario that its records cannot check alone: every id it names exists in the ecosystem, every
 * time lies within the horizon, the parts agree with each other, every price it sets from the snapshot's is one the
 * engine's oracles can answer ({@link PriceBand}), and the run fits in memory ({@link #MAX_BLOCKS}). Each broken rule
 * is reported, with the field path the file format uses ({@code events[2].oracle}), so a reader can point at the
 * line: a run the validator passed should not stop inside the engine over an input.
 *
 * <p>Stateless; {@link #DEFAULT} is the instance to use.
 */
public final class ScenarioValidator {
    public static final ScenarioValidator DEFAULT = new ScenarioValidator();

    /**
     * The most blocks a run may span, all chains together. A run keeps a trace row for every block of every chain
     * until it ends, one number per asset, feed, venue and protocol and a few more: on defi-2025 (85 numbers a row)
     * a row with its time takes about 770 bytes, and a horizon of 9,999,999,999,999 s ran out of a 6 GB heap after
     * 8.6 million blocks. 5 million blocks (four days of defi-2025's 14.6 blocks a second) ran in a heap of 4 GB,
     * the default of a machine of 16 GB.
     */
    public static final long MAX_BLOCKS = 5_000_000;

    public List<Violation> validate(Scenario scenario, EcosystemSnapshot snapshot) {
        Run run = new Run(scenario, snapshot);
        run.horizon();
        run.drivers();
        run.correlation();
        run.events();
        run.mitigations();
        run.liquidators();
        run.impact();
        return List.copyOf(run.violations);
    }

    /** Throws {@link IllegalArgumentException} listing every violation, one per line. */
    public void requireValid(Scenario scenario, EcosystemSnapshot snapshot) {
        List<Violation> v = validate(scenario, snapshot);
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " does not fit ecosystem "
                    + snapshot.name() + ":\n" + String.join("\n", v.stream().map(Violation::toString).toList()));
        }
    }

    private static final class Run {
        private final Scenario scenario;
        private final EcosystemSnapshot snapshot;
        private final List<Violation> violations = new ArrayList<>();

        Run(Scenario scenario, EcosystemSnapshot snapshot) {
            this.scenario = scenario;
            this.snapshot = snapshot;
        }

        /** The horizon times the ecosystem's blocks a second must stay within {@link #MAX_BLOCKS}. */
        void horizon() {
            double perSecond = 0;
            for (Chain c : snapshot.chains()) {
                perSecond += 1 / c.blockTimeSeconds();
            }
            if (perSecond == 0) {
                return;
            }
            long most = (long) Math.floor(MAX_BLOCKS / perSecond);
            if (scenario.horizonSeconds() > most) {
                add("horizonSeconds", "must be at most " + most + " s on this ecosystem (was "
                        + scenario.horizonSeconds() + "): a run keeps a trace row for every block of every chain, at "
                        + "most " + MAX_BLOCKS + " blocks, and its " + snapshot.chains().size() + " chains make "
                        + Checks.approx(perSecond) + " blocks a second");
            }
        }

        void drivers() {
            Map<AssetId, Integer> seen = new HashMap<>();
            for (int i = 0; i < scenario.drivers().size(); i++) {
                PriceDriver d = scenario.drivers().get(i);
                String path = "drivers[" + i + "]";
                Optional<Asset> asset = asset(path + ".asset", d.asset());
                Integer first = seen.putIfAbsent(d.asset(), i);
                if (first != null) {
                    add(path + ".asset", "asset " + d.asset() + " already has a driver (drivers[" + first
                            + "]); an asset has at most one");
                }
                if (d instanceof PriceDriver.StepShock s) {
                    within(path + ".atSeconds", s.atSeconds());
                    asset.ifPresent(a -> shockedPrice(path, a, s));
                } else if (d instanceof PriceDriver.PathFile) {
                    add(path + ".file", "a path file must be read before a run: read the scenario with "
                            + "ScenarioReader, or give the points");
                } else if (d instanceof PriceDriver.PathPoints p) {
                    if (p.path().end() > scenario.horizonSeconds()) {
                        add(path + ".points", "ends at " + p.path().end() + " s, after the horizon of "
                                + scenario.horizonSeconds() + " s");
                    }
                    asset.ifPresent(a -> pathPrices(path, a, p));
                } else if (d instanceof PriceDriver.Stochastic s) {
                    stepWithin(path + ".stepSeconds", s.stepSeconds());
                } else if (d instanceof PriceDriver.Depeg s) {
                    stepWithin(path + ".stepSeconds", s.stepSeconds());
                }
            }
        }

        /** The price a step leads to must be one the engine's oracles can answer ({@link PriceBand}). */
        private void shockedPrice(String path, Asset asset, PriceDriver.StepShock step) {
            inBand(path + ".shock", asset, asset.referencePriceUsd() * (1 + step.shock()), "");
        }

        /**
         * Whether {@code after}, the price a field takes {@code asset} to from its snapshot price, lies in the band;
         * when not, the field is reported with both prices and {@code hint} (empty or a sentence to add).
         */
        private boolean inBand(String field, Asset asset, double after, String hint) {
            if (PriceBand.contains(after)) {
                return true;
            }
            add(field, "must keep " + asset.id() + "'s price " + PriceBand.words() + " (it takes "
                    + Checks.show(asset.referencePriceUsd()) + " USD to " + Checks.approx(after) + ")" + hint);
            return false;
        }

        /**
         * Every point of a path, as the engine follows it (rebased when asked), must be a price the oracles can answer
         * ({@link PriceBand}). The first point outside is named: a path read from a file may hold thousands.
         */
        private void pathPrices(String path, Asset asset, PriceDriver.PathPoints driver) {
            TimeSeries prices = driver.prices(asset.referencePriceUsd());
            int first = -1;
            int outside = 0;
            for (int k = 0; k < prices.size(); k++) {
                if (!PriceBand.contains(prices.value(k))) {
                    first = first < 0 ? k : first;
                    outside++;
                }
            }
            if (first >= 0) {
                String rebased = driver.rebase() ? " after rebasing to " + asset.id() + "'s "
                        + Checks.show(asset.referencePriceUsd()) + " USD" : "";
                add(path + ".points[" + first + "]", "must be a price " + PriceBand.words() + " (was "
                        + Checks.approx(prices.value(first)) + rebased + ", at " + prices.time(first) + " s"
                        + (outside > 1 ? "; " + (outside - 1) + " later points are outside too" : "") + ")");
            }
        }

        void correlation() {
            Correlation c = scenario.correlation();
            if (c == null) {
                return;
            }
            for (int i = 0; i < c.assets().size(); i++) {
                AssetId a = c.assets().get(i);
                boolean stochastic = scenario.drivers().stream()
                        .anyMatch(d -> d.asset().equals(a) && d instanceof PriceDriver.Stochastic);
                if (!stochastic) {
                    add("correlation.assets[" + i + "]", "asset " + a + " has no stochastic driver: only "
                            + "stochastic drivers draw correlated shocks");
                }
            }
        }

        void events() {
            List<ScenarioEvent> events = scenario.events();
            for (int i = 0; i < events.size(); i++) {
                ScenarioEvent e = events.get(i);
                String path = "events[" + i + "]";
                if (e instanceof ScenarioEvent.OracleFreeze f) {
                    oracle(path, f.oracle());
                    interval(path, f.fromSeconds(), f.toSeconds());
                } else if (e instanceof ScenarioEvent.OracleStale s) {
                    oracle(path, s.oracle());
                    interval(path, s.fromSeconds(), s.toSeconds());
                } else if (e instanceof ScenarioEvent.OracleWrongValue w) {
                    oracle(path, w.oracle());
                    interval(path, w.fromSeconds(), w.toSeconds());
                } else if (e instanceof ScenarioEvent.BridgeHalt h) {
                    bridge(path, h.bridge());
                    within(path + ".atSeconds", h.atSeconds());
                    h.untilSeconds().ifPresent(u -> within(path + ".untilSeconds", u));
                } else if (e instanceof ScenarioEvent.BridgeExploit x) {
                    bridge(path, x.bridge());
                    within(path + ".atSeconds", x.atSeconds());
                    exploitBottom(path, x);
                } else if (e instanceof ScenarioEvent.LiquidityWithdrawal w) {
                    for (int v = 0; v < w.venues().size(); v++) {
                        var named = snapshot.venue(w.venues().get(v));
                        if (named.isEmpty()) {
                            add(path + ".venues[" + v + "]", "unknown venue '" + w.venues().get(v) + "'");
                        } else if (named.get() instanceof VenueSpec.Wrapper) {
                            add(path + ".venues[" + v + "]", "venue '" + w.venues().get(v) + "' is a wrapper: it"
                                    + " converts at its contract's rate and no liquidity providers stand behind it, so"
                                    + " there is nothing to withdraw");
                        }
                    }
                    within(path + ".atSeconds", w.atSeconds());
                } else if (e instanceof ScenarioEvent.GasSpike g) {
                    chain(path + ".chain", g.chain());
                    interval(path, g.fromSeconds(), g.toSeconds());
                    overlappingGas(i, g);
                } else if (e instanceof ScenarioEvent.StablecoinDepeg d) {
                    Optional<Asset> asset = asset(path + ".asset", d.asset());
                    if (asset.isPresent() && !(asset.get().kind() instanceof AssetKind.Stablecoin)) {
                        add(path + ".asset", "asset " + d.asset() + " is not a stablecoin");
                    } else if (asset.isPresent()) {
                        depegBottom(path, asset.get(), d);
                    }
                    within(path + ".atSeconds", d.atSeconds());
                }
            }
        }

        /** The bottom of a depeg, from the snapshot price, must be a price the oracles can answer ({@link PriceBand}). */
        private void depegBottom(String path, Asset asset, ScenarioEvent.StablecoinDepeg depeg) {
            inBand(path + ".depth", asset, asset.referencePriceUsd() * (1 - depeg.depth()), "");
        }

        /**
         * What an exploit leaves of each token its bridge minted, from the snapshot price, must be a price the oracles
         * can answer ({@link PriceBand}): a loss of all the backing (1) would price the token at 0, which no feed can
         * report; a token left worthless is a loss just under 1. The first token outside is named.
         */
        private void exploitBottom(String path, ScenarioEvent.BridgeExploit exploit) {
            for (Asset a : snapshot.assets()) {
                if (a.kind() instanceof AssetKind.Bridged b && b.bridge().equals(exploit.bridge())
                        && !inBand(path + ".backingLoss", a, a.referencePriceUsd() * (1 - exploit.backingLoss()),
                                "; a token left worthless is a loss just under 1, such as 0.9999")) {
                    return;
                }
            }
        }

        /** Two spikes on one chain at once would leave the base fee undefined. */
        private void overlappingGas(int index, ScenarioEvent.GasSpike g) {
            for (int j = 0; j < index; j++) {
                if (scenario.events().get(j) instanceof ScenarioEvent.GasSpike o && o.chain().equals(g.chain())
                        && o.fromSeconds() < g.toSeconds() && g.fromSeconds() < o.toSeconds()) {
                    add("events[" + index + "].fromSeconds", "gas spike on " + g.chain() + " overlaps events[" + j
                            + "] (" + o.fromSeconds() + " to " + o.toSeconds() + " s)");
                }
            }
        }

        void mitigations() {
            for (int i = 0; i < scenario.mitigations().size(); i++) {
                MitigationSpec m = scenario.mitigations().get(i);
                String path = "mitigations[" + i + "]";
                if (m instanceof MitigationSpec.CircuitBreaker c) {
                    asset(path + ".asset", c.asset());
                } else if (m instanceof MitigationSpec.LiquidationRateLimit r) {
                    optionalProtocol(path, r.protocol());
                } else if (m instanceof MitigationSpec.ProgressivePenalty p) {
                    optionalProtocol(path, p.protocol());
                } else if (m instanceof MitigationSpec.InternalDutchAuction a) {
                    protocol(path, a.protocol());
                } else if (m instanceof MitigationSpec.CollateralSegmentation s) {
                    protocol(path, s.protocol());
                    for (int k = 0; k < s.correlatedGroup().size(); k++) {
                        asset(path + ".correlatedGroup[" + k + "]", s.correlatedGroup().get(k));
                    }
                } else if (m instanceof MitigationSpec.IsolatedMarkets s) {
                    protocol(path, s.protocol());
                } else if (m instanceof MitigationSpec.Backstop b) {
                    optionalProtocol(path, b.protocol());
                } else if (m instanceof MitigationSpec.LiquidityIncentives l) {
                    Optional<Asset> asset = asset(path + ".asset", l.asset());
                    if (l.against() != null) {
                        Optional<Asset> against = asset(path + ".against", l.against());
                        if (asset.isPresent() && against.isPresent()
                                && !asset.get().chain().equals(against.get().chain())) {
                            add(path + ".against", "asset " + l.against() + " lives on " + against.get().chain()
                                    + ", not on " + asset.get().chain() + " where " + l.asset() + " is (a pool holds"
                                    + " two assets of one chain)");
                        }
                    }
                }
            }
        }

        void liquidators() {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < scenario.liquidators().size(); i++) {
                LiquidatorSpec l = scenario.liquidators().get(i);
                String path = "liquidators[" + i + "]";
                for (String id : l.ids()) {
                    Integer first = ids.putIfAbsent(id, i);
                    if (first != null && first != i) {
                        add(path + ".id", "liquidator id " + id + " is also produced by liquidators[" + first + "]");
                        break;
                    }
                }
                for (int k = 0; k < l.capital().size(); k++) {
                    LiquidatorSpec.Holding h = l.capital().get(k);
                    String at = path + ".capital[" + k + "]";
                    boolean chainKnown = chain(at + ".chain", h.chain());
                    Optional<Asset> asset = asset(at + ".asset", h.asset());
                    if (chainKnown && asset.isPresent() && !asset.get().chain().equals(h.chain())) {
                        add(at + ".asset", "asset " + h.asset() + " lives on " + asset.get().chain() + ", not on "
                                + h.chain());
                    }
                }
            }
        }

        void impact() {
            Map<AssetId, Integer> seen = new HashMap<>();
            for (int i = 0; i < scenario.impact().size(); i++) {
                ImpactSpec s = scenario.impact().get(i);
                String path = "impact[" + i + "].asset";
                asset(path, s.asset());
                Integer first = seen.putIfAbsent(s.asset(), i);
                if (first != null) {
                    add(path, "asset " + s.asset() + " already has impact parameters (impact[" + first + "])");
                }
            }
        }

        private Optional<Asset> asset(String path, AssetId id) {
            Optional<Asset> found = snapshot.asset(id);
            if (found.isEmpty()) {
                add(path, "unknown asset '" + id + "'");
            }
            return found;
        }

        private boolean chain(String path, ChainId id) {
            if (snapshot.chain(id).isEmpty()) {
                add(path, "unknown chain '" + id + "'");
                return false;
            }
            return true;
        }

        private void oracle(String path, dev.fracture.model.OracleId id) {
            if (snapshot.oracle(id).isEmpty()) {
                add(path + ".oracle", "unknown oracle '" + id + "'");
            }
        }

        private void bridge(String path, dev.fracture.model.BridgeId id) {
            if (snapshot.bridge(id).isEmpty()) {
                add(path + ".bridge", "unknown bridge '" + id + "'");
            }
        }

        private void protocol(String path, ProtocolId id) {
            if (snapshot.protocol(id).isEmpty()) {
                add(path + ".protocol", "unknown protocol '" + id + "'");
            }
        }

        private void optionalProtocol(String path, ProtocolId id) {
            if (id != null) {
                protocol(path, id);
            }
        }

        private void interval(String path, long from, long to) {
            within(path + ".fromSeconds", from);
            within(path + ".toSeconds", to);
        }

        private void within(String path, long t) {
            if (t < 0 || t > scenario.horizonSeconds()) {
                add(path, "must be within the horizon, 0 to " + scenario.horizonSeconds() + " s (was " + t + ")");
            }
        }

        private void stepWithin(String path, long step) {
            if (step > scenario.horizonSeconds()) {
                add(path, "must not exceed the horizon of " + scenario.horizonSeconds() + " s (was " + step + ")");
            }
        }

        private void add(String path, String rule) {
            violations.add(new Violation(path, rule));
        }
    }
}
