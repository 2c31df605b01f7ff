package dev.fracture.protocol.lending;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Token amounts of a snapshot in each token's smallest unit, for the lending converters. */
final class Units {
    /** The snapshot's assets by id: a book converts every balance of a million accounts through it. */
    private final Map<AssetId, Asset> assets = new HashMap<>();

    Units(EcosystemSnapshot snapshot) {
        for (Asset a : snapshot.assets()) {
            // The first of an id, as EcosystemSnapshot.asset finds it.
            assets.putIfAbsent(a.id(), a);
        }
    }

    Asset asset(AssetId id) {
        Asset a = assets.get(id);
        if (a == null) {
            throw new IllegalArgumentException("unknown asset " + id);
        }
        return a;
    }

    BigInteger of(AssetId id, BigDecimal amount) {
        return asset(id).units(amount);
    }
}
