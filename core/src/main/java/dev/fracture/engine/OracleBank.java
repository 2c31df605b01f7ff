package dev.fracture.engine;

import dev.fracture.market.Market;
import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.oracle.FallbackFeed;
import dev.fracture.oracle.FallbackParams;
import dev.fracture.oracle.FallbackState;
import dev.fracture.oracle.FeedReading;
import dev.fracture.oracle.Osm;
import dev.fracture.oracle.OsmState;
import dev.fracture.oracle.PushFeed;
import dev.fracture.oracle.PushFeedParams;
import dev.fracture.oracle.PushFeedState;
import dev.fracture.oracle.TwapFeed;
import dev.fracture.oracle.TwapState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every oracle feed of the ecosystem, live: each block they observe the reference prices (push feeds) or their
 * venue (TWAPs), and derived feeds (delayed, fallback) read their sources — in an order where sources come first.
 * Values are USD per unit of the feed's asset. The mechanics are those of {@code dev.fracture.oracle}.
 */
final class OracleBank {
    /** One feed and its state. */
    private interface Live {
        void update(long now, ReferenceView reference);

        double usd(long now);

        long updatedAt();
    }

    /** What feeds observe: the reference price of an asset now. */
    interface ReferenceView {
        double usd(AssetId asset);
    }

    private final Map<OracleId, Live> feeds = new LinkedHashMap<>();
    private final Map<OracleId, List<SimulationSetup.OracleFault>> faults = new HashMap<>();
    private final Map<OracleId, AssetId> assets = new HashMap<>();
    private final List<OracleId> order;
    private Heartbeats heartbeats = (asset, beat, now) -> beat;

    /** The heartbeat push feeds of an asset keep at a time, given their own (mitigations may shorten it). */
    @FunctionalInterface
    interface Heartbeats {
        long seconds(AssetId asset, long heartbeatSeconds, long now);
    }

    OracleBank(EcosystemSnapshot snapshot, Market market, ReferenceView reference, long start,
               List<SimulationSetup.OracleFault> faultList) {
        faultList.forEach(f -> faults.computeIfAbsent(f.oracle(), k -> new ArrayList<>()).add(f));
        Map<OracleId, OracleSpec> specs = new LinkedHashMap<>();
        snapshot.oracles().forEach(o -> specs.put(o.id(), o));
        order = topological(specs);
        for (OracleId id : order) {
            OracleSpec spec = specs.get(id);
            AssetId asset = assetOf(spec, specs);
            assets.put(id, asset);
            feeds.put(id, live(spec, snapshot, market, reference, start));
        }
    }

    /**
     * Lets mitigations shorten push feeds' heartbeats while they act (dynamic parameters, docs/mitigations.md): a
     * feed then reports at least every shortened heartbeat, with its deviation rule and delay unchanged.
     */
    void useHeartbeats(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    List<OracleId> ids() {
        return order;
    }

    AssetId asset(OracleId id) {
        return assets.get(id);
    }

    /** Updates every feed, except those frozen at {@code now} by a scenario fault. */
    void update(long now, ReferenceView reference) {
        for (OracleId id : order) {
            if (!frozen(id, now)) {
                feeds.get(id).update(now, reference);
            }
        }
    }

    /** What a consumer reads: the feed's value, times a wrong-value fault's factor while it lasts. */
    double usd(OracleId id, long now) {
        Live feed = feeds.get(id);
        if (feed == null) {
            throw new IllegalStateException("no oracle " + id);
        }
        double value = feed.usd(now);
        for (SimulationSetup.OracleFault f : faults.getOrDefault(id, List.of())) {
            if (!f.frozen() && f.active(now)) {
                value *= f.factor();
            }
        }
        return value;
    }

    private boolean frozen(OracleId id, long now) {
        for (SimulationSetup.OracleFault f : faults.getOrDefault(id, List.of())) {
            if (f.frozen() && f.active(now)) {
                return true;
            }
        }
        return false;
    }

    private static AssetId assetOf(OracleSpec spec, Map<OracleId, OracleSpec> specs) {
        OracleSpec s = spec;
        Set<OracleId> seen = new HashSet<>();
        while (true) {
            if (s instanceof OracleSpec.Push p) {
                return p.asset();
            }
            if (s instanceof OracleSpec.Twap t) {
                return t.asset();
            }
            if (!seen.add(s.id())) {
                throw new IllegalStateException("oracle cycle through " + s.id());
            }
            s = specs.get(s.sources().get(0));
        }
    }

    private static List<OracleId> topological(Map<OracleId, OracleSpec> specs) {
        List<OracleId> out = new ArrayList<>();
        Set<OracleId> done = new HashSet<>();
        for (OracleId id : specs.keySet()) {
            visit(id, specs, done, new HashSet<>(), out);
        }
        return out;
    }

    private static void visit(OracleId id, Map<OracleId, OracleSpec> specs, Set<OracleId> done, Set<OracleId> path,
                              List<OracleId> out) {
        if (done.contains(id)) {
            return;
        }
        if (!path.add(id)) {
            throw new IllegalStateException("oracle cycle through " + id);
        }
        for (OracleId source : specs.get(id).sources()) {
            visit(source, specs, done, path, out);
        }
        done.add(id);
        out.add(id);
    }

    private Live live(OracleSpec spec, EcosystemSnapshot snapshot, Market market, ReferenceView reference,
                      long start) {
        if (spec instanceof OracleSpec.Push p) {
            PushFeed feed = PushFeed.of(new PushFeedParams(p.heartbeatSeconds(), p.deviationBps(), p.decimals(),
                    p.delaySeconds(), 2 * p.heartbeatSeconds()));
            return new Live() {
                private PushFeedState state = feed.start(start, reference.usd(p.asset()));

                private PushFeed shortened;

                @Override
                public void update(long now, ReferenceView ref) {
                    long beat = heartbeats.seconds(p.asset(), p.heartbeatSeconds(), now);
                    PushFeed f = feed;
                    if (beat < p.heartbeatSeconds()) {
                        if (shortened == null || shortened.params().heartbeatSeconds() != beat) {
                            shortened = PushFeed.of(new PushFeedParams(beat, p.deviationBps(), p.decimals(),
                                    p.delaySeconds(), 2 * p.heartbeatSeconds()));
                        }
                        f = shortened;
                    }
                    state = f.step(state, now, ref.usd(p.asset()));
                }

                @Override
                public double usd(long now) {
                    return feed.value(state, now);
                }

                @Override
                public long updatedAt() {
                    return feed.updatedAt(state);
                }
            };
        }
        if (spec instanceof OracleSpec.Twap t) {
            Venue venue = market.venue(t.venue()).orElseThrow();
            AssetId other = venue.assets().get(0).equals(t.asset()) ? venue.assets().get(1) : venue.assets().get(0);
            Asset a = market.asset(t.asset());
            Asset o = market.asset(other);
            TwapFeed feed = TwapFeed.of(t.windowSeconds(), a.decimals(), o.decimals());
            // Enough slots for one observation per second of the window: blocks are at least a second apart.
            int cardinality = (int) Math.min(65_535, t.windowSeconds() + 2);
            // The pool existed before the run: its observations cover the window at the tick it holds at the start.
            TwapState primed = feed.record(feed.start(start - t.windowSeconds(), cardinality,
                    feed.tickOf(venue, t.asset(), other), 1), start, venue, t.asset(), other);
            return new Live() {
                private TwapState state = primed;

                @Override
                public void update(long now, ReferenceView ref) {
                    if (now > state.ring().newest().blockTimestamp()) {
                        state = feed.record(state, now, venue, t.asset(), other);
                    }
                }

                @Override
                public double usd(long now) {
                    return feed.value(state, now) * reference.usd(other);
                }

                @Override
                public long updatedAt() {
                    return feed.updatedAt(state);
                }
            };
        }
        if (spec instanceof OracleSpec.Delayed d) {
            Osm osm = Osm.of(d.hopSeconds());
            Live source = feeds.get(d.source());
            return new Live() {
                private OsmState state = osm.primed(start, source.usd(start));

                @Override
                public void update(long now, ReferenceView ref) {
                    state = osm.advance(state, now, source.usd(now), true);
                }

                @Override
                public double usd(long now) {
                    return osm.value(state, now);
                }

                @Override
                public long updatedAt() {
                    return osm.updatedAt(state);
                }
            };
        }
        OracleSpec.Fallback f = (OracleSpec.Fallback) spec;
        FallbackFeed feed = FallbackFeed.of(new FallbackParams(f.primaryMaxAgeSeconds(), f.fallbackMaxAgeSeconds(),
                f.maxRoundChange(), f.maxSourceDifference(), false));
        Live primary = feeds.get(f.primary());
        Live fallback = feeds.get(f.fallback());
        return new Live() {
            private FallbackState state = feed.start(start, FeedReading.of(primary.usd(start), primary.updatedAt()));
            private double previousPrimary = primary.usd(start);
            private double previousFallback = fallback.usd(start);

            @Override
            public void update(long now, ReferenceView ref) {
                double p = primary.usd(now);
                double b = fallback.usd(now);
                state = feed.fetch(state, now, new FeedReading(p, primary.updatedAt(), previousPrimary),
                        new FeedReading(b, fallback.updatedAt(), previousFallback));
                previousPrimary = p;
                previousFallback = b;
            }

            @Override
            public double usd(long now) {
                return feed.value(state, now);
            }

            @Override
            public long updatedAt() {
                return feed.updatedAt(state);
            }
        };
    }
}
