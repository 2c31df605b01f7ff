package dev.fracture.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything Fracture knows about an ecosystem at one instant: chains, assets, bridges and venues. Immutable;
 * a scenario perturbs a copy. Construction validates the whole snapshot (see {@link SnapshotValidator}) and
 * throws {@link SnapshotValidationException} listing every rule broken, each with its field path.
 */
public record EcosystemSnapshot(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                                List<Bridge> bridges, List<VenueSpec> venues) {
    public EcosystemSnapshot {
        chains = chains == null ? List.of() : List.copyOf(chains);
        assets = assets == null ? List.of() : List.copyOf(assets);
        bridges = bridges == null ? List.of() : List.copyOf(bridges);
        venues = venues == null ? List.of() : List.copyOf(venues);
        SnapshotValidator.DEFAULT.requireValid(name, asOf, chains, assets, bridges, venues);
    }
}
