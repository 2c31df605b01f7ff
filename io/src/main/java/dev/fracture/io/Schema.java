package dev.fracture.io;

import dev.fracture.model.BridgeStatus;
import dev.fracture.model.VenueSpec;
import java.util.List;
import java.util.Locale;

/** The names the file format gives to asset kinds, venue types and bridge statuses; reader and writer share them. */
final class Schema {
    static final String NATIVE = "native";
    static final String TOKEN = "token";
    static final String STABLECOIN = "stablecoin";
    static final String LIQUID_STAKING = "liquid-staking";
    static final String BRIDGED = "bridged";
    static final String RECEIPT = "receipt";
    static final List<String> ASSET_KINDS = List.of(NATIVE, TOKEN, STABLECOIN, LIQUID_STAKING, BRIDGED, RECEIPT);

    static final String CONSTANT_PRODUCT = "constant-product";
    static final String CONCENTRATED_LIQUIDITY = "concentrated-liquidity";
    static final String STABLE_SWAP = "stable-swap";
    static final String ORDER_BOOK = "order-book";
    static final List<String> VENUE_TYPES = List.of(CONSTANT_PRODUCT, CONCENTRATED_LIQUIDITY, STABLE_SWAP, ORDER_BOOK);

    /** Bridge status written as lower case, as every other enumerated value in the format is. */
    static final List<String> BRIDGE_STATUSES = List.of("open", "halted", "exploited");

    private Schema() {
    }

    static String venueType(VenueSpec venue) {
        if (venue instanceof VenueSpec.ConstantProduct) {
            return CONSTANT_PRODUCT;
        } else if (venue instanceof VenueSpec.ConcentratedLiquidity) {
            return CONCENTRATED_LIQUIDITY;
        } else if (venue instanceof VenueSpec.StableSwap) {
            return STABLE_SWAP;
        }
        return ORDER_BOOK;
    }

    static String statusName(BridgeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static BridgeStatus status(String name) {
        return BridgeStatus.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
