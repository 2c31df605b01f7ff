package dev.fracture.io;

import dev.fracture.model.AssetId;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.VenueId;

/** Decodes the {@code oracles} section: one feed per element, its kind named by {@code type}. */
final class OracleDecoder {
    /** Chainlink answers in USD carry 8 decimals. */
    static final int DEFAULT_DECIMALS = 8;
    static final String DEFAULT_QUOTE = "USD";

    private final SnapshotDecoder snapshot;

    OracleDecoder(SnapshotDecoder snapshot) {
        this.snapshot = snapshot;
    }

    /** Null when the type is unreadable (already reported), so the element's fields are not judged. */
    OracleSpec oracle(Fields f) {
        String type = snapshot.type(f, Schema.ORACLE_TYPES, "oracle type");
        if (type == null) {
            return null;
        }
        OracleId id = snapshot.id(f, "id", OracleId::of);
        return switch (type) {
            case Schema.PUSH -> new OracleSpec.Push(id, snapshot.id(f, "asset", AssetId::of),
                    f.string("quote", DEFAULT_QUOTE), f.longValue("heartbeatSeconds"), f.intValue("deviationBps"),
                    f.intValue("decimals", DEFAULT_DECIMALS), f.longValue("delaySeconds", 0));
            case Schema.TWAP -> new OracleSpec.Twap(id, snapshot.id(f, "asset", AssetId::of),
                    snapshot.id(f, "venue", VenueId::of), f.longValue("windowSeconds"));
            case Schema.DELAYED -> new OracleSpec.Delayed(id, snapshot.id(f, "source", OracleId::of),
                    f.longValue("hopSeconds"));
            default -> new OracleSpec.Fallback(id, snapshot.id(f, "primary", OracleId::of),
                    snapshot.id(f, "fallback", OracleId::of), f.longValue("primaryMaxAgeSeconds"),
                    f.longValue("fallbackMaxAgeSeconds"), f.number("maxRoundChange"), f.number("maxSourceDifference"));
        };
    }
}
