package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tradable side of an ecosystem: its snapshot (chains, assets, bridges) and live venue objects built from the
 * snapshot's venue specs, with the look-ups a router needs. Venues here are live (swaps change them); the
 * snapshot never changes.
 */
public final class Market {
    private final EcosystemSnapshot snapshot;
    private final List<Venue> venues;
    private final Map<AssetId, Asset> assets = new HashMap<>();
    private final Map<ChainId, Chain> chains = new HashMap<>();
    private final Map<VenueId, Venue> venuesById = new HashMap<>();

    private Market(EcosystemSnapshot snapshot, List<Venue> venues) {
        this.snapshot = snapshot;
        this.venues = List.copyOf(venues);
        snapshot.assets().forEach(a -> assets.put(a.id(), a));
        snapshot.chains().forEach(c -> chains.put(c.id(), c));
        for (Venue v : this.venues) {
            if (venuesById.put(v.id(), v) != null) {
                throw new IllegalArgumentException("venue id " + v.id() + " appears twice");
            }
        }
    }

    /** Builds every venue of the snapshot in the given math mode. */
    public static Market of(EcosystemSnapshot snapshot, MathMode mode) {
        List<Venue> built = new ArrayList<>();
        snapshot.venues().forEach(spec -> built.add(Venues.of(spec, snapshot, mode)));
        return new Market(snapshot, built);
    }

    /** A market over the given venues (which must trade assets of the snapshot). */
    public static Market of(EcosystemSnapshot snapshot, List<Venue> venues) {
        return new Market(snapshot, venues);
    }

    public EcosystemSnapshot snapshot() {
        return snapshot;
    }

    public List<Venue> venues() {
        return venues;
    }

    public Optional<Venue> venue(VenueId id) {
        return Optional.ofNullable(venuesById.get(id));
    }

    public Asset asset(AssetId id) {
        Asset a = assets.get(id);
        if (a == null) {
            throw new IllegalArgumentException("unknown asset '" + id + "' (the ecosystem '" + snapshot.name()
                    + "' has: " + assets.keySet().stream().map(AssetId::value).sorted().toList() + ")");
        }
        return a;
    }

    public Chain chain(ChainId id) {
        Chain c = chains.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown chain '" + id + "'");
        }
        return c;
    }

    /**
     * The canonical asset an asset stands for across chains: bridged assets are followed to their origin, so WETH
     * bridged to Arbitrum and ETH on Ethereum share a family. Liquid-staking tokens and receipts are claims on
     * their underlying, not the same asset, and stay in families of their own.
     */
    public AssetId family(AssetId id) {
        Asset a = asset(id);
        int hops = 0;
        while (a.kind() instanceof AssetKind.Bridged bridged) {
            a = asset(bridged.origin());
            if (++hops > assets.size()) {
                throw new IllegalStateException("bridging cycle through " + id);
            }
        }
        return a.id();
    }

    /**
     * The bridges a token crosses to turn {@code from} into {@code to}, two members of one family, in order.
     * Tokens cross only on the bridges that mint them: each bridged asset names its bridge, so the path climbs
     * from {@code from} to the nearest asset both descend from and comes down to {@code to}, one hop per bridged
     * asset passed. Empty when the two are the same asset; {@code Optional.empty()} when they are not one family
     * or a bridge on the way is not open.
     */
    public Optional<List<Bridge>> bridgePath(AssetId from, AssetId to) {
        List<Asset> up = lineage(from);
        List<Asset> down = lineage(to);
        int i = up.size() - 1;
        int j = down.size() - 1;
        if (!up.get(i).id().equals(down.get(j).id())) {
            return Optional.empty();
        }
        while (i > 0 && j > 0 && up.get(i - 1).id().equals(down.get(j - 1).id())) {
            i--;
            j--;
        }
        List<Bridge> path = new ArrayList<>();
        for (int k = 0; k < i; k++) {
            path.add(bridgeOf(up.get(k)));
        }
        for (int k = j - 1; k >= 0; k--) {
            path.add(bridgeOf(down.get(k)));
        }
        for (Bridge b : path) {
            if (b == null || b.status() != dev.fracture.model.BridgeStatus.OPEN) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /** The asset, its origin, its origin's origin ... up to the family's root. */
    private List<Asset> lineage(AssetId id) {
        List<Asset> out = new ArrayList<>();
        Asset a = asset(id);
        out.add(a);
        while (a.kind() instanceof AssetKind.Bridged bridged) {
            a = asset(bridged.origin());
            out.add(a);
            if (out.size() > assets.size()) {
                throw new IllegalStateException("bridging cycle through " + id);
            }
        }
        return out;
    }

    private Bridge bridgeOf(Asset bridgedAsset) {
        BridgeId id = ((AssetKind.Bridged) bridgedAsset.kind()).bridge();
        return snapshot.bridges().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }
}
