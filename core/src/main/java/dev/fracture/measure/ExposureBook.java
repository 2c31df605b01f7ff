package dev.fracture.measure;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every borrowing position of a snapshot, across protocol families, in the common form of {@link Position}, built
 * once ({@link PositionReader} does the per-protocol conversion through each family's own setup). Immutable; the
 * snapshot's reference prices are the prices the positions are valued at.
 */
public final class ExposureBook {
    private final EcosystemSnapshot snapshot;
    private final List<Position> positions;
    private final Map<AssetId, Asset> assets = new HashMap<>();

    private ExposureBook(EcosystemSnapshot snapshot, List<Position> positions) {
        this.snapshot = snapshot;
        this.positions = List.copyOf(positions);
        snapshot.assets().forEach(a -> assets.put(a.id(), a));
    }

    /** Reads every protocol of {@code snapshot}. */
    public static ExposureBook of(EcosystemSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("snapshot: is required");
        }
        List<Position> all = new ArrayList<>();
        for (ProtocolSpec p : snapshot.protocols()) {
            all.addAll(PositionReader.read(p, snapshot));
        }
        return new ExposureBook(snapshot, all);
    }

    /** A book over given positions, for tests and for callers that build positions themselves. */
    public static ExposureBook of(EcosystemSnapshot snapshot, List<Position> positions) {
        return new ExposureBook(snapshot, positions);
    }

    public EcosystemSnapshot snapshot() {
        return snapshot;
    }

    public List<Position> positions() {
        return positions;
    }

    /** The asset, or a clear error naming the ones the ecosystem has. */
    public Asset asset(AssetId id) {
        Asset a = id == null ? null : assets.get(id);
        return a != null ? a : snapshot.asset(scope(id).asset()).orElseThrow();
    }

    /** The scope of a shock to {@code asset}; unknown assets are refused with the list of known ones. */
    public ShockScope scope(AssetId asset) {
        return ShockScope.of(snapshot, asset);
    }

    /** The positions flattened against one shock scope, for the curve, cascade and boundary calculators. */
    public ShockProjection project(ShockScope scope) {
        return ShockProjection.of(this, scope);
    }
}
