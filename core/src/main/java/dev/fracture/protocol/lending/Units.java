package dev.fracture.protocol.lending;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Token amounts of a snapshot in each token's smallest unit, for the lending converters. */
final class Units {
    private final EcosystemSnapshot snapshot;

    Units(EcosystemSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    Asset asset(AssetId id) {
        return snapshot.asset(id).orElseThrow(() -> new IllegalArgumentException("unknown asset " + id));
    }

    BigInteger of(AssetId id, BigDecimal amount) {
        return asset(id).units(amount);
    }
}
