package dev.fracture.io;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a {@link SourceNode} tree into the model's records, field names matching record components one to one so
 * that a model violation's path is also the path in the file. Problems of shape (types, missing and unknown
 * fields) are collected in the {@link Decoding}; the model's own rules are left to the validator.
 */
final class SnapshotDecoder {
    /** EIP-1559's BASE_FEE_MAX_CHANGE_DENOMINATOR of 8, the default for chains that do not say. */
    static final double DEFAULT_MAX_BASE_FEE_CHANGE = 0.125;

    private final Decoding decoding;
    private final Map<AssetId, Integer> decimalsById = new HashMap<>();
    private final PopulationDecoder populations;

    SnapshotDecoder(Decoding decoding) {
        this.decoding = decoding;
        this.populations = new PopulationDecoder(this, decoding);
    }

    /** The protocols' {@code populations} blocks read so far, for {@link PopulationExpander}. */
    PopulationDecoder populations() {
        return populations;
    }

    DecodedSnapshot decode(SourceNode root) {
        Fields top = decoding.object(root, "");
        if (top == null) {
            return null;
        }
        String name = top.string("name");
        var asOf = top.instant("asOf");
        List<Chain> chains = each(top, "chains", this::chain);
        List<Asset> assets = each(top, "assets", this::asset);
        List<Bridge> bridges = each(top, "bridges", this::bridge);
        List<VenueSpec> venues = each(top, "venues", this::venue);
        List<OracleSpec> oracles = each(top, "oracles", new OracleDecoder(this)::oracle);
        List<ProtocolSpec> protocols = each(top, "protocols", new ProtocolDecoder(this)::protocol);
        top.rejectUnknown();
        return new DecodedSnapshot(name, asOf, chains, assets, bridges, venues, oracles, protocols);
    }

    /**
     * Decodes one venue written on its own, as if it were element {@code path} of a snapshot whose assets are
     * {@code known} (their decimals convert a {@code price} to a √price). Null when its type is unreadable.
     */
    VenueSpec venueAlone(SourceNode node, String path, List<Asset> known) {
        known.forEach(a -> decimalsById.putIfAbsent(a.id(), a.decimals()));
        Fields item = decoding.object(node, path);
        if (item == null) {
            return null;
        }
        VenueSpec venue = venue(item);
        if (venue != null) {
            item.rejectUnknown();
        }
        return venue;
    }

    /** Decodes an optional list of objects; an absent list is empty. */
    <T> List<T> each(Fields parent, String name, Function<Fields, T> decode) {
        List<T> out = new ArrayList<>();
        if (!parent.has(name)) {
            return out;
        }
        List<SourceNode> items = parent.list(name);
        if (items == null) {
            return out;
        }
        String path = SourceMap.child(parent.path(), name);
        for (int i = 0; i < items.size(); i++) {
            Fields item = decoding.object(items.get(i), SourceMap.element(path, i));
            if (item != null) {
                T value = decode.apply(item);
                // A null value means an unreadable type discriminator: its fields cannot be judged known or not.
                if (value != null) {
                    item.rejectUnknown();
                    out.add(value);
                }
            }
        }
        return out;
    }

    /** Decodes a list of objects that must be present (it may be empty); null when absent, as already reported. */
    <T> List<T> required(Fields parent, String name, Function<Fields, T> decode) {
        return parent.has(name) ? each(parent, name, decode) : requiredList(parent, name);
    }

    <T> T id(Fields f, String name, Function<String, T> make) {
        String text = f.string(name);
        if (text == null) {
            return null;
        }
        try {
            return make.apply(text);
        } catch (IllegalArgumentException e) {
            decoding.problem(f.keyLocation(name), SourceMap.child(f.path(), name), e.getMessage());
            return null;
        }
    }

    private Chain chain(Fields f) {
        ChainId id = id(f, "id", ChainId::of);
        String name = f.string("name");
        double blockTime = f.number("blockTimeSeconds");
        AssetId nativeAsset = id(f, "nativeAsset", AssetId::of);
        Fields gas = f.object("gas");
        GasPriceModel model = null;
        if (gas != null) {
            model = new GasPriceModel(gas.number("baseFeeGwei"), gas.number("priorityFeeGwei"),
                    gas.number("maxBaseFeeChangePerBlock", DEFAULT_MAX_BASE_FEE_CHANGE));
            gas.rejectUnknown();
        }
        return new Chain(id, name, blockTime, nativeAsset, model);
    }

    private Asset asset(Fields f) {
        AssetId id = id(f, "id", AssetId::of);
        ChainId chain = id(f, "chain", ChainId::of);
        String symbol = f.string("symbol");
        int decimals = f.intValue("decimals");
        double price = f.number("referencePriceUsd");
        Fields kindFields = f.object("kind");
        AssetKind kind = kindFields == null ? null : kind(kindFields);
        if (id != null) {
            decimalsById.putIfAbsent(id, decimals);
        }
        return new Asset(id, chain, symbol, decimals, kind, price);
    }

    private AssetKind kind(Fields f) {
        String type = type(f, Schema.ASSET_KINDS, "asset kind");
        AssetKind kind = null;
        if (type != null) {
            switch (type) {
                case Schema.NATIVE -> kind = new AssetKind.Native();
                case Schema.TOKEN -> kind = new AssetKind.Token();
                case Schema.STABLECOIN -> kind = new AssetKind.Stablecoin(f.string("peg"),
                        f.decimal("pegPrice", BigDecimal.ONE));
                case Schema.LIQUID_STAKING -> kind = new AssetKind.LiquidStaking(id(f, "underlying", AssetId::of),
                        f.decimal("exchangeRate"));
                case Schema.BRIDGED -> kind = new AssetKind.Bridged(id(f, "origin", AssetId::of),
                        id(f, "bridge", BridgeId::of), f.decimal("backingRatio", BigDecimal.ONE));
                default -> kind = new AssetKind.Receipt(id(f, "redeemsFor", AssetId::of),
                        f.decimal("redemptionRate"), id(f, "issuer", ProtocolId::of));
            }
        }
        if (kind != null) {
            f.rejectUnknown();
        }
        return kind;
    }

    /**
     * Reads an enumerated value from field {@code name}, {@code orElse} when absent; a value outside {@code allowed}
     * is reported and reads as null.
     */
    String choice(Fields f, String name, List<String> allowed, String what, String orElse) {
        String value = orElse == null ? f.string(name) : f.string(name, orElse);
        if (value != null && !allowed.contains(value)) {
            decoding.problem(f.keyLocation(name), SourceMap.child(f.path(), name), "unknown " + what + " '" + value
                    + "' (expected one of: " + String.join(", ", allowed) + ")");
            return null;
        }
        return value;
    }

    /** Reads a {@code type} discriminator; the fields of an unknown type cannot be checked, so they are skipped. */
    String type(Fields f, List<String> allowed, String what) {
        String type = f.string("type");
        if (type != null && !allowed.contains(type)) {
            decoding.problem(f.keyLocation("type"), SourceMap.child(f.path(), "type"), "unknown " + what + " '" + type
                    + "' (expected one of: " + String.join(", ", allowed) + ")");
            return null;
        }
        return type;
    }

    private Bridge bridge(Fields f) {
        BridgeId id = id(f, "id", BridgeId::of);
        ChainId a = id(f, "chainA", ChainId::of);
        ChainId b = id(f, "chainB", ChainId::of);
        double latency = f.number("latencySeconds");
        double capacity = f.number("capacityPerHourUsd");
        int feeBps = f.intValue("feeBps");
        BridgeStatus status = BridgeStatus.OPEN;
        if (f.has("status")) {
            String text = f.string("status");
            if (text != null && Schema.BRIDGE_STATUSES.contains(text)) {
                status = Schema.status(text);
            } else if (text != null) {
                decoding.problem(f.keyLocation("status"), SourceMap.child(f.path(), "status"), "unknown bridge status '"
                        + text + "' (expected one of: " + String.join(", ", Schema.BRIDGE_STATUSES) + ")");
            }
        }
        return new Bridge(id, a, b, latency, capacity, feeBps, status);
    }

    private VenueSpec venue(Fields f) {
        String type = type(f, Schema.VENUE_TYPES, "venue type");
        if (type == null) {
            return null;
        }
        VenueId id = id(f, "id", VenueId::of);
        ChainId chain = id(f, "chain", ChainId::of);
        return switch (type) {
            case Schema.CONSTANT_PRODUCT -> new VenueSpec.ConstantProduct(id, chain, id(f, "token0", AssetId::of),
                    id(f, "token1", AssetId::of), f.decimal("reserve0"), f.decimal("reserve1"), f.intValue("feePips"));
            case Schema.CONCENTRATED_LIQUIDITY -> concentratedLiquidity(f, id, chain);
            case Schema.STABLE_SWAP -> stableSwap(f, id, chain);
            case Schema.WRAPPER -> new VenueSpec.Wrapper(id, chain, id(f, "wrapped", AssetId::of),
                    id(f, "underlying", AssetId::of));
            default -> orderBook(f, id, chain);
        };
    }

    private VenueSpec concentratedLiquidity(Fields f, VenueId id, ChainId chain) {
        AssetId token0 = id(f, "token0", AssetId::of);
        AssetId token1 = id(f, "token1", AssetId::of);
        int feePips = f.intValue("feePips");
        int tickSpacing = f.intValue("tickSpacing");
        BigInteger sqrtPrice = sqrtPrice(f, token0, token1);
        List<VenueSpec.LiquidityPosition> positions = f.has("positions")
                ? each(f, "positions", this::position) : requiredList(f, "positions");
        return new VenueSpec.ConcentratedLiquidity(id, chain, token0, token1, feePips, tickSpacing, sqrtPrice,
                positions);
    }

    /**
     * Exactly one of {@code sqrtPriceX96} and {@code price}. A price is recorded at the path of sqrtPriceX96 too,
     * so that a range violation of the converted value points at the price the user wrote.
     */
    private BigInteger sqrtPrice(Fields f, AssetId token0, AssetId token1) {
        boolean raw = f.has("sqrtPriceX96");
        boolean human = f.has("price");
        String sqrtPath = SourceMap.child(f.path(), "sqrtPriceX96");
        if (raw == human) {
            decoding.problem(f.location(), sqrtPath, "exactly one of sqrtPriceX96 and price is required");
            return null;
        }
        if (raw) {
            return f.integer("sqrtPriceX96");
        }
        BigDecimal price = f.decimal("price");
        decoding.sourceMap().put(sqrtPath, decoding.sourceMap().locate(SourceMap.child(f.path(), "price")));
        if (price == null) {
            return null;
        }
        if (price.signum() <= 0) {
            decoding.problem(f.keyLocation("price"), SourceMap.child(f.path(), "price"),
                    "must be greater than 0 (was " + price.toPlainString() + ")");
            return null;
        }
        Integer decimals0 = decimalsById.get(token0);
        Integer decimals1 = decimalsById.get(token1);
        if (decimals0 == null || decimals1 == null) {
            // The venue names an unknown token, which the validator reports; any in-range value avoids a second,
            // misleading complaint about the price, and the snapshot is rejected anyway.
            return BigInteger.ONE.shiftLeft(96);
        }
        return SqrtPrice.fromPrice(price, decimals0, decimals1);
    }

    private VenueSpec.LiquidityPosition position(Fields f) {
        return new VenueSpec.LiquidityPosition(f.intValue("tickLower"), f.intValue("tickUpper"),
                f.integer("liquidity"));
    }

    private VenueSpec stableSwap(Fields f, VenueId id, ChainId chain) {
        List<AssetId> coins = scalars(f, "coins", (node, path) -> {
            String text = decoding.string(node, path);
            try {
                return text == null ? null : AssetId.of(text);
            } catch (IllegalArgumentException e) {
                decoding.problem(node.location(), path, e.getMessage());
                return null;
            }
        });
        List<BigDecimal> balances = scalars(f, "balances", decoding::decimal);
        return new VenueSpec.StableSwap(id, chain, coins, balances, f.longValue("amplification"), f.longValue("fee"));
    }

    /** A list of scalars; a list with an unreadable entry is dropped whole, the entry already reported. */
    private <T> List<T> scalars(Fields f, String name, BiFunction<SourceNode, String, T> read) {
        List<SourceNode> nodes = f.list(name);
        if (nodes == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        String path = SourceMap.child(f.path(), name);
        for (int i = 0; i < nodes.size(); i++) {
            T value = read.apply(nodes.get(i), SourceMap.element(path, i));
            if (value == null) {
                return null;
            }
            out.add(value);
        }
        return out;
    }

    private VenueSpec orderBook(Fields f, VenueId id, ChainId chain) {
        AssetId base = id(f, "base", AssetId::of);
        AssetId quote = id(f, "quote", AssetId::of);
        List<VenueSpec.BookLevel> bids = f.has("bids") ? each(f, "bids", this::level) : requiredList(f, "bids");
        List<VenueSpec.BookLevel> asks = f.has("asks") ? each(f, "asks", this::level) : requiredList(f, "asks");
        return new VenueSpec.OrderBook(id, chain, base, quote, bids, asks, f.intValue("takerFeePips"));
    }

    private <T> List<T> requiredList(Fields f, String name) {
        f.list(name);
        return null;
    }

    private VenueSpec.BookLevel level(Fields f) {
        return new VenueSpec.BookLevel(f.decimal("price"), f.decimal("size"));
    }
}
