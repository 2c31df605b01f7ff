package dev.fracture.run;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotValidationException;
import java.util.List;

/** Copies of a snapshot with other protocols, validated as any snapshot is. */
final class Snapshots {
    private Snapshots() {
    }

    static EcosystemSnapshot withProtocols(String parameter, double value, EcosystemSnapshot s,
                                           List<ProtocolSpec> protocols) {
        try {
            return new EcosystemSnapshot(s.name(), s.asOf(), s.chains(), s.assets(), s.bridges(), s.venues(),
                    s.oracles(), protocols);
        } catch (SnapshotValidationException e) {
            throw new IllegalArgumentException("grid parameter '" + parameter + "' = " + value
                    + " makes the ecosystem invalid: " + e.getMessage(), e);
        }
    }
}
