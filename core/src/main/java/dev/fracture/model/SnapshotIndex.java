package dev.fracture.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ids a snapshot defines, each mapped to its first definition, for resolving references during validation.
 * Building it reports missing list entries and duplicate ids; resolving reports dangling references.
 */
final class SnapshotIndex {
    private final Map<ChainId, Chain> chains;
    private final Map<AssetId, Asset> assets;
    private final Map<BridgeId, Bridge> bridges;
    private final Map<VenueId, VenueSpec> venues;
    private final Map<OracleId, OracleSpec> oracles;
    private final Map<AssetId, Integer> assetPositions;
    private final ViolationSink sink;

    private SnapshotIndex(Map<ChainId, Chain> chains, Map<AssetId, Asset> assets, Map<BridgeId, Bridge> bridges,
                          Map<VenueId, VenueSpec> venues, Map<OracleId, OracleSpec> oracles,
                          Map<AssetId, Integer> assetPositions, ViolationSink sink) {
        this.chains = chains;
        this.assets = assets;
        this.bridges = bridges;
        this.venues = venues;
        this.oracles = oracles;
        this.assetPositions = assetPositions;
        this.sink = sink;
    }

    static SnapshotIndex of(List<Chain> chains, List<Asset> assets, List<Bridge> bridges, List<VenueSpec> venues,
                            List<OracleSpec> oracles, List<ProtocolSpec> protocols, ViolationSink sink) {
        Map<ChainId, Chain> chainMap = byId("chains", "chain", chains, Chain::id, sink);
        Map<AssetId, Asset> assetMap = byId("assets", "asset", assets, Asset::id, sink);
        Map<BridgeId, Bridge> bridgeMap = byId("bridges", "bridge", bridges, Bridge::id, sink);
        Map<VenueId, VenueSpec> venueMap = byId("venues", "venue", venues, VenueSpec::id, sink);
        Map<OracleId, OracleSpec> oracleMap = byId("oracles", "oracle", oracles, OracleSpec::id, sink);
        byId("protocols", "protocol", protocols, ProtocolSpec::id, sink);
        Map<AssetId, Integer> positions = new HashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            if (a != null && a.id() != null) {
                positions.putIfAbsent(a.id(), i);
            }
        }
        return new SnapshotIndex(chainMap, assetMap, bridgeMap, venueMap, oracleMap, positions, sink);
    }

    /**
     * Reports each item whose key repeats an earlier one in the same list, as {@code list[i].field}; for ids that
     * are unique only within one protocol or market (account ids, ilk names).
     */
    static <T, K> void unique(String list, String field, String kind, List<T> items, Function<T, K> key,
                              ViolationSink sink) {
        Map<K, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            K k = items.get(i) == null ? null : key.apply(items.get(i));
            Integer previous = k == null ? null : first.putIfAbsent(k, i);
            if (previous != null) {
                sink.add(list + "[" + i + "]" + (field.isEmpty() ? "" : "." + field), "duplicate " + kind + " '" + k
                        + "' (first at " + list + "[" + previous + "])");
            }
        }
    }

    private static <K, T> Map<K, T> byId(String list, String kind, List<T> items, Function<T, K> id,
                                         ViolationSink sink) {
        Map<K, T> byId = new LinkedHashMap<>();
        Map<K, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                sink.add(list + "[" + i + "]", "is required");
                continue;
            }
            K key = id.apply(item);
            if (key == null) {
                continue;
            }
            Integer previous = first.putIfAbsent(key, i);
            if (previous == null) {
                byId.put(key, item);
            } else {
                sink.add(list + "[" + i + "].id",
                        "duplicate " + kind + " id '" + key + "' (first defined at " + list + "[" + previous + "])");
            }
        }
        return byId;
    }

    Map<AssetId, Asset> assets() {
        return assets;
    }

    /** Position of an asset's first definition in the snapshot's asset list, or -1. */
    int assetPosition(AssetId id) {
        return assetPositions.getOrDefault(id, -1);
    }

    /**
     * Whether {@code id} names a defined chain. Placement rules only compare chains that exist, so an unknown chain
     * is reported once, where it is named, and not again at every asset or venue standing on it.
     */
    boolean knowsChain(ChainId id) {
        return id != null && chains.containsKey(id);
    }

    /** Resolves a required chain reference, reporting it at {@code path} when missing or unknown. */
    Chain chain(String path, ChainId id) {
        return resolve(path, id, chains, "chain");
    }

    Asset asset(String path, AssetId id) {
        return resolve(path, id, assets, "asset");
    }

    Bridge bridge(String path, BridgeId id) {
        return resolve(path, id, bridges, "bridge");
    }

    VenueSpec venue(String path, VenueId id) {
        return resolve(path, id, venues, "venue");
    }

    OracleSpec oracle(String path, OracleId id) {
        return resolve(path, id, oracles, "oracle");
    }

    Map<OracleId, OracleSpec> oracles() {
        return oracles;
    }

    private <K, T> T resolve(String path, K id, Map<K, T> map, String kind) {
        if (!sink.required(path, id)) {
            return null;
        }
        T found = map.get(id);
        if (found == null) {
            sink.add(path, "unknown " + kind + " '" + id + "'");
        }
        return found;
    }
}
