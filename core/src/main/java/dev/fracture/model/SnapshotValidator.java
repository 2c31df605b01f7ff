package dev.fracture.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks a snapshot's rules. (Being completed: cross-reference rules.) */
public final class SnapshotValidator {
    public static final SnapshotValidator DEFAULT = new SnapshotValidator();

    public List<Violation> validate(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                                    List<Bridge> bridges, List<VenueSpec> venues) {
        List<Violation> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new Violation("name", "must not be blank"));
        }
        return out;
    }

    public void requireValid(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                             List<Bridge> bridges, List<VenueSpec> venues) {
        List<Violation> v = validate(name, asOf, chains, assets, bridges, venues);
        if (!v.isEmpty()) {
            throw new SnapshotValidationException(v);
        }
    }
}
