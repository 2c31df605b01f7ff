package dev.fracture.io;

import dev.fracture.model.Asset;
import dev.fracture.model.Chain;
import dev.fracture.model.Bridge;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueSpec;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot's parts as the file gave them, not yet validated; the reader validates them before building an
 * {@link dev.fracture.model.EcosystemSnapshot}, so nothing half-loaded escapes.
 */
record DecodedSnapshot(String name, Instant asOf, List<Chain> chains, List<Asset> assets, List<Bridge> bridges,
                       List<VenueSpec> venues, List<OracleSpec> oracles, List<ProtocolSpec> protocols) {
}
