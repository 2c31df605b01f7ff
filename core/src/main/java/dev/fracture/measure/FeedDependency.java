package dev.fracture.measure;

import dev.fracture.model.AssetId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import java.util.List;

/**
 * What depends on one oracle feed: the asset it prices, the feeds that read it, and every protocol market whose
 * collateral or debt it values — directly, or through a feed built on it (Maker's OSM on a push feed).
 *
 * @param collateralSecuredUsd collateral valued through this feed, USD at reference prices
 * @param debtSecuredUsd       debt valued through it
 */
public record FeedDependency(OracleId oracle, String type, AssetId asset, List<OracleId> readBy,
                             List<Dependent> dependents, double collateralSecuredUsd, double debtSecuredUsd) {
    public FeedDependency {
        readBy = List.copyOf(readBy);
        dependents = List.copyOf(dependents);
    }

    /**
     * One protocol market that reads the feed (the explain form).
     *
     * @param via the feed the protocol names, this one or a feed built on it
     */
    public record Dependent(ProtocolId protocol, String market, AssetId asset, OracleId via, int positions,
                            double collateralUsd, double debtUsd) {
    }

    /** The protocols reading the feed, directly or not. */
    public List<ProtocolId> protocols() {
        return dependents.stream().map(Dependent::protocol).distinct().sorted().toList();
    }
}
