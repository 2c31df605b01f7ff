package dev.fracture.io;

import dev.fracture.model.BridgeStatus;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueSpec;

/**
 * The names the ecosystem file format gives venue, oracle and protocol types ({@code constant-product},
 * {@code wrapper}, {@code push}, {@code pooled-lending} ...), for listings that should read like the files. They are
 * the reader's and writer's own names, so a listing cannot fall behind a new type.
 */
public final class FormatNames {
    private FormatNames() {
    }

    /** The {@code type} a venue of this kind has in an ecosystem file. */
    public static String venueType(VenueSpec venue) {
        return Schema.venueType(venue);
    }

    /** The {@code type} an oracle of this kind has in an ecosystem file. */
    public static String oracleType(OracleSpec oracle) {
        return Schema.oracleType(oracle);
    }

    /** The {@code status} a bridge in this state has in an ecosystem file ({@code open}, {@code halted} ...). */
    public static String bridgeStatus(BridgeStatus status) {
        return Schema.statusName(status);
    }

    /** The {@code type} a protocol of this kind has in an ecosystem file. */
    public static String protocolType(ProtocolSpec protocol) {
        return Schema.protocolType(protocol);
    }
}
