package dev.fracture.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Fracture knows about an ecosystem at one instant: chains, assets, bridges, venues, the oracle feeds and
 * the protocols reading them, with their positions. Immutable;
 * a scenario perturbs a copy. Construction validates the whole snapshot (see {@link SnapshotValidator}) and
 * throws {@link SnapshotValidationException} listing every rule broken, each with its field path.
 *
 * <p>The lookups scan the lists; they are for set-up code. Hot paths use the indexes of a resolved ecosystem.
 */
public record EcosystemSnapshot(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                                List<Bridge> bridges, List<VenueSpec> venues, List<OracleSpec> oracles,
                                List<ProtocolSpec> protocols) {
    public EcosystemSnapshot {
        chains = chains == null ? List.of() : List.copyOf(chains);
        assets = assets == null ? List.of() : List.copyOf(assets);
        bridges = bridges == null ? List.of() : List.copyOf(bridges);
        venues = venues == null ? List.of() : List.copyOf(venues);
        oracles = oracles == null ? List.of() : List.copyOf(oracles);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        SnapshotValidator.DEFAULT.requireValid(name, asOf, chains, assets, bridges, venues, oracles, protocols);
    }

    /** A snapshot of markets only: no oracle feeds and no protocols. */
    public EcosystemSnapshot(String name, Instant asOf, List<Chain> chains, List<Asset> assets, List<Bridge> bridges,
                             List<VenueSpec> venues) {
        this(name, asOf, chains, assets, bridges, venues, List.of(), List.of());
    }

    public Optional<Chain> chain(ChainId id) {
        return chains.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Asset> asset(AssetId id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Bridge> bridge(BridgeId id) {
        return bridges.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<VenueSpec> venue(VenueId id) {
        return venues.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Optional<OracleSpec> oracle(OracleId id) {
        return oracles.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<ProtocolSpec> protocol(ProtocolId id) {
        return protocols.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The assets living on {@code chain}, in snapshot order. */
    public List<Asset> assetsOnChain(ChainId chain) {
        return assets.stream().filter(a -> a.chain().equals(chain)).toList();
    }

    /** The venues on {@code chain}, in snapshot order. */
    public List<VenueSpec> venuesOnChain(ChainId chain) {
        return venues.stream().filter(v -> v.chain().equals(chain)).toList();
    }
}
