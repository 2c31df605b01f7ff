package dev.fracture.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules oracle feeds must keep: their assets, venues and source feeds exist, their timing parameters are ones a
 * feed could run with, and no feed reads itself through delays and fallbacks (such a feed would never have a value).
 * Also tells protocol rules which asset a feed prices, following delayed and fallback feeds to the feed that observes
 * a market.
 */
final class OracleRules {
    static final int MAX_BPS = 10_000;
    static final int MAX_ANSWER_DECIMALS = 36;

    private final SnapshotIndex index;
    private final ViolationSink sink;
    private final Map<OracleId, Integer> positions = new HashMap<>();

    OracleRules(SnapshotIndex index, ViolationSink sink) {
        this.index = index;
        this.sink = sink;
    }

    void check(List<OracleSpec> oracles) {
        for (int i = 0; i < oracles.size(); i++) {
            OracleSpec oracle = oracles.get(i);
            if (oracle == null) {
                continue;
            }
            String p = "oracles[" + i + "]";
            if (sink.required(p + ".id", oracle.id())) {
                positions.putIfAbsent(oracle.id(), i);
            }
            if (oracle instanceof OracleSpec.Push push) {
                push(p, push);
            } else if (oracle instanceof OracleSpec.Twap twap) {
                twap(p, twap);
            } else if (oracle instanceof OracleSpec.Delayed delayed) {
                index.oracle(p + ".source", delayed.source());
                sink.positive(p + ".hopSeconds", delayed.hopSeconds());
            } else if (oracle instanceof OracleSpec.Fallback fallback) {
                fallback(p, fallback);
            }
        }
        reportCycles(oracles);
    }

    private void push(String p, OracleSpec.Push push) {
        index.asset(p + ".asset", push.asset());
        sink.notBlank(p + ".quote", push.quote());
        sink.positive(p + ".heartbeatSeconds", push.heartbeatSeconds());
        sink.between(p + ".deviationBps", push.deviationBps(), 0, MAX_BPS);
        sink.between(p + ".decimals", push.decimals(), 0, MAX_ANSWER_DECIMALS);
        sink.nonNegative(p + ".delaySeconds", push.delaySeconds());
    }

    private void twap(String p, OracleSpec.Twap twap) {
        index.asset(p + ".asset", twap.asset());
        VenueSpec venue = index.venue(p + ".venue", twap.venue());
        if (venue != null && twap.asset() != null && venue.assets() != null
                && !venue.assets().contains(twap.asset())) {
            sink.add(p + ".asset", "asset '" + twap.asset() + "' is not traded on venue '" + venue.id() + "' (trades "
                    + join(venue.assets()) + ")");
        }
        sink.positive(p + ".windowSeconds", twap.windowSeconds());
    }

    private void fallback(String p, OracleSpec.Fallback f) {
        index.oracle(p + ".primary", f.primary());
        index.oracle(p + ".fallback", f.fallback());
        if (f.primary() != null && f.primary().equals(f.fallback())) {
            sink.add(p + ".fallback", "must differ from primary (both '" + f.primary() + "')");
        }
        sink.positive(p + ".primaryMaxAgeSeconds", f.primaryMaxAgeSeconds());
        sink.positive(p + ".fallbackMaxAgeSeconds", f.fallbackMaxAgeSeconds());
        openFraction(p + ".maxRoundChange", f.maxRoundChange());
        openFraction(p + ".maxSourceDifference", f.maxSourceDifference());
        AssetId primary = pricedAsset(f.primary());
        AssetId fallback = pricedAsset(f.fallback());
        if (primary != null && fallback != null && index.assets().containsKey(primary)
                && index.assets().containsKey(fallback) && !primary.equals(fallback)) {
            sink.add(p + ".fallback", "oracle '" + f.fallback() + "' prices '" + fallback + "', not '" + primary
                    + "' as the primary does");
        }
    }

    private void openFraction(String path, double value) {
        if (!Double.isFinite(value) || value <= 0 || value >= 1) {
            sink.add(path, "must be strictly between 0 and 1 (was " + ViolationSink.show(value) + ")");
        }
    }

    /**
     * The asset {@code id} prices: its own for a push or TWAP feed, its source's for a delayed feed, its primary's for
     * a fallback. Null when unknown or when the references loop (reported separately).
     */
    AssetId pricedAsset(OracleId id) {
        Set<OracleId> seen = new HashSet<>();
        OracleSpec current = id == null ? null : index.oracles().get(id);
        while (current != null && seen.add(current.id())) {
            if (current instanceof OracleSpec.Push push) {
                return push.asset();
            } else if (current instanceof OracleSpec.Twap twap) {
                return twap.asset();
            } else if (current instanceof OracleSpec.Delayed delayed) {
                current = delayed.source() == null ? null : index.oracles().get(delayed.source());
            } else if (current instanceof OracleSpec.Fallback fallback) {
                current = fallback.primary() == null ? null : index.oracles().get(fallback.primary());
            }
        }
        return null;
    }

    /**
     * Resolves a protocol's oracle reference and checks that the feed prices {@code asset}: a reserve priced by another
     * asset's feed would be liquidated at the wrong price.
     */
    void pricing(String path, OracleId id, AssetId asset) {
        if (index.oracle(path, id) == null || asset == null) {
            return;
        }
        AssetId priced = pricedAsset(id);
        if (priced != null && index.assets().containsKey(priced) && !priced.equals(asset)) {
            sink.add(path, "oracle '" + id + "' prices '" + priced + "', not '" + asset + "'");
        }
    }

    /** Each cycle once, at the reference leaving its first-defined feed: {@code a -> b -> a}. */
    private void reportCycles(List<OracleSpec> oracles) {
        Set<OracleId> reported = new HashSet<>();
        for (int i = 0; i < oracles.size(); i++) {
            OracleSpec start = oracles.get(i);
            if (start == null || start.id() == null || reported.contains(start.id())
                    || positions.get(start.id()) != i) {
                continue;
            }
            List<OracleId> cycle = pathBack(start.id());
            if (cycle == null || cycle.stream().anyMatch(reported::contains)) {
                continue;
            }
            reported.addAll(cycle);
            OracleId next = cycle.size() > 1 ? cycle.get(1) : start.id();
            StringBuilder text = new StringBuilder();
            for (OracleId id : cycle) {
                text.append(id).append(" -> ");
            }
            text.append(start.id());
            sink.add("oracles[" + i + "]." + referenceField(start, next), "oracle cycle " + text);
        }
    }

    /** The shortest path from {@code start} through references back to it, starting with {@code start}; or null. */
    private List<OracleId> pathBack(OracleId start) {
        Map<OracleId, OracleId> parent = new HashMap<>();
        Deque<OracleId> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            OracleId at = queue.poll();
            OracleSpec spec = index.oracles().get(at);
            if (spec == null) {
                continue;
            }
            for (OracleId next : spec.sources()) {
                if (next.equals(start)) {
                    List<OracleId> path = new ArrayList<>();
                    for (OracleId k = at; k != null; k = parent.get(k)) {
                        path.add(0, k);
                    }
                    return path;
                }
                if (!parent.containsKey(next) && index.oracles().containsKey(next)) {
                    parent.put(next, at);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private static String referenceField(OracleSpec from, OracleId to) {
        if (from instanceof OracleSpec.Fallback f) {
            return to.equals(f.primary()) ? "primary" : "fallback";
        }
        return "source";
    }

    private static String join(List<AssetId> ids) {
        return String.join(", ", ids.stream().map(AssetId::value).toList());
    }
}
