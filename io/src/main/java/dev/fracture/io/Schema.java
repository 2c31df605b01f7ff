package dev.fracture.io;

import dev.fracture.model.BridgeStatus;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueSpec;
import java.util.List;
import java.util.Locale;

/**
 * The names the file format gives to asset kinds, venue, oracle, protocol and auction-curve types and bridge statuses;
 * reader and writer share them.
 */
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
    static final String WRAPPER = "wrapper";
    static final List<String> VENUE_TYPES = List.of(CONSTANT_PRODUCT, CONCENTRATED_LIQUIDITY, STABLE_SWAP, ORDER_BOOK,
            WRAPPER);

    static final String PUSH = "push";
    static final String TWAP = "twap";
    static final String DELAYED = "delayed";
    static final String FALLBACK = "fallback";
    static final List<String> ORACLE_TYPES = List.of(PUSH, TWAP, DELAYED, FALLBACK);

    static final String POOLED_LENDING = "pooled-lending";
    static final String ISOLATED_LENDING = "isolated-lending";
    static final String COMET_LENDING = "comet-lending";
    static final String CDP = "cdp";
    static final String STABILITY_POOL = "stability-pool";
    static final String PERP_EXCHANGE = "perp-exchange";
    static final String OPTIONS_DEALER = "options-dealer";
    static final List<String> PROTOCOL_TYPES = List.of(POOLED_LENDING, ISOLATED_LENDING, COMET_LENDING, CDP,
            STABILITY_POOL, PERP_EXCHANGE, OPTIONS_DEALER);

    /** Enumerated values of the derivatives protocols, lower case as every other enumerated value. */
    static final List<String> MARGIN_MODES = List.of("cross", "isolated");
    static final List<String> OPTION_TYPES = List.of("call", "put");
    static final List<String> OPTION_SIDES = List.of("long", "short");

    /** The abaci.sol contract names, in the format's lower-case style. */
    static final String LINEAR_DECREASE = "linear-decrease";
    static final String STAIRSTEP_EXPONENTIAL_DECREASE = "stairstep-exponential-decrease";
    static final String EXPONENTIAL_DECREASE = "exponential-decrease";
    static final List<String> CALC_TYPES = List.of(LINEAR_DECREASE, STAIRSTEP_EXPONENTIAL_DECREASE,
            EXPONENTIAL_DECREASE);

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
        } else if (venue instanceof VenueSpec.Wrapper) {
            return WRAPPER;
        }
        return ORDER_BOOK;
    }

    static String oracleType(OracleSpec oracle) {
        if (oracle instanceof OracleSpec.Push) {
            return PUSH;
        } else if (oracle instanceof OracleSpec.Twap) {
            return TWAP;
        } else if (oracle instanceof OracleSpec.Delayed) {
            return DELAYED;
        }
        return FALLBACK;
    }

    static String protocolType(ProtocolSpec protocol) {
        if (protocol instanceof ProtocolSpec.PooledLending) {
            return POOLED_LENDING;
        } else if (protocol instanceof ProtocolSpec.IsolatedLending) {
            return ISOLATED_LENDING;
        } else if (protocol instanceof ProtocolSpec.CometLending) {
            return COMET_LENDING;
        } else if (protocol instanceof ProtocolSpec.CdpSystem) {
            return CDP;
        } else if (protocol instanceof ProtocolSpec.PerpExchange) {
            return PERP_EXCHANGE;
        } else if (protocol instanceof ProtocolSpec.OptionsDealer) {
            return OPTIONS_DEALER;
        }
        return STABILITY_POOL;
    }

    static String calcType(ProtocolSpec.CdpSystem.Calc calc) {
        if (calc instanceof ProtocolSpec.CdpSystem.LinearDecrease) {
            return LINEAR_DECREASE;
        } else if (calc instanceof ProtocolSpec.CdpSystem.StairstepExponentialDecrease) {
            return STAIRSTEP_EXPONENTIAL_DECREASE;
        }
        return EXPONENTIAL_DECREASE;
    }

    static String statusName(BridgeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static BridgeStatus status(String name) {
        return BridgeStatus.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
