package dev.fracture.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Checks every rule of a snapshot and reports each one broken, with the path of the offending field in the same
 * shape the file formats use ({@code assets[3].decimals}), so a reader can point at the line. The validator never
 * stops at the first problem: a user fixing a file wants the whole list at once.
 *
 * <p>Stateless; {@link #DEFAULT} is the instance to use.
 */
public final class SnapshotValidator {
    public static final SnapshotValidator DEFAULT = new SnapshotValidator();

    /** The widest decimals any token uses in practice is 18; 36 leaves room for exotic fixed-point tokens. */
    public static final int MAX_DECIMALS = 36;

    private static final int MAX_BRIDGE_FEE_BPS = 10_000;

    /** Lists given as null are treated as empty, as {@link EcosystemSnapshot} does. */
    public List<Violation> validate(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                                    List<Bridge> bridges, List<VenueSpec> venues) {
        return validate(name, asOf, chains, assets, bridges, venues, List.of(), List.of());
    }

    public List<Violation> validate(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                                    List<Bridge> bridges, List<VenueSpec> venues, List<OracleSpec> oracles,
                                    List<ProtocolSpec> protocols) {
        ViolationSink sink = new ViolationSink();
        sink.notBlank("name", name);
        sink.required("asOf", asOf);
        SnapshotIndex index = SnapshotIndex.of(orEmpty(chains), orEmpty(assets), orEmpty(bridges), orEmpty(venues),
                orEmpty(oracles), orEmpty(protocols), sink);
        checkChains(orEmpty(chains), index, sink);
        checkAssets(orEmpty(assets), index, sink);
        checkBridges(orEmpty(bridges), index, sink);
        new VenueRules(index, sink).check(orEmpty(venues));
        WrappingCycles.report(orEmpty(assets), index, sink);
        OracleRules oracleRules = new OracleRules(index, sink);
        oracleRules.check(orEmpty(oracles));
        new ProtocolRules(index, oracleRules, sink).check(orEmpty(protocols));
        return sink.violations();
    }

    public void requireValid(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                             List<Bridge> bridges, List<VenueSpec> venues) {
        requireValid(name, asOf, chains, assets, bridges, venues, List.of(), List.of());
    }

    public void requireValid(String name, Instant asOf, List<Chain> chains, List<Asset> assets,
                             List<Bridge> bridges, List<VenueSpec> venues, List<OracleSpec> oracles,
                             List<ProtocolSpec> protocols) {
        List<Violation> v = validate(name, asOf, chains, assets, bridges, venues, oracles, protocols);
        if (!v.isEmpty()) {
            throw new SnapshotValidationException(v);
        }
    }

    /** The name a file format gives an asset kind; messages use it so they read like the file. */
    public static String kindName(AssetKind kind) {
        if (kind instanceof AssetKind.Native) {
            return "native";
        } else if (kind instanceof AssetKind.Token) {
            return "token";
        } else if (kind instanceof AssetKind.Stablecoin) {
            return "stablecoin";
        } else if (kind instanceof AssetKind.LiquidStaking) {
            return "liquid-staking";
        } else if (kind instanceof AssetKind.Bridged) {
            return "bridged";
        } else {
            return "receipt";
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void checkChains(List<Chain> chains, SnapshotIndex index, ViolationSink sink) {
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i);
            if (chain == null) {
                continue;
            }
            String p = "chains[" + i + "]";
            sink.required(p + ".id", chain.id());
            sink.notBlank(p + ".name", chain.name());
            sink.positive(p + ".blockTimeSeconds", chain.blockTimeSeconds());
            checkNativeAsset(p + ".nativeAsset", chain, index, sink);
            if (sink.required(p + ".gas", chain.gas())) {
                GasPriceModel gas = chain.gas();
                sink.nonNegative(p + ".gas.baseFeeGwei", gas.baseFeeGwei());
                sink.nonNegative(p + ".gas.priorityFeeGwei", gas.priorityFeeGwei());
                sink.between(p + ".gas.maxBaseFeeChangePerBlock", gas.maxBaseFeeChangePerBlock(), 0.0, 1.0);
            }
        }
    }

    private static void checkNativeAsset(String path, Chain chain, SnapshotIndex index, ViolationSink sink) {
        Asset asset = index.asset(path, chain.nativeAsset());
        if (asset == null) {
            return;
        }
        if (chain.id() != null && index.knowsChain(asset.chain()) && !asset.chain().equals(chain.id())) {
            sink.add(path, "asset '" + asset.id() + "' is on chain '" + asset.chain() + "', not on '"
                    + chain.id() + "'");
        }
        if (asset.kind() != null && !(asset.kind() instanceof AssetKind.Native)) {
            sink.add(path, "asset '" + asset.id() + "' must be of kind native (was " + kindName(asset.kind()) + ")");
        }
    }

    private static void checkAssets(List<Asset> assets, SnapshotIndex index, ViolationSink sink) {
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            if (asset == null) {
                continue;
            }
            String p = "assets[" + i + "]";
            sink.required(p + ".id", asset.id());
            index.chain(p + ".chain", asset.chain());
            sink.notBlank(p + ".symbol", asset.symbol());
            sink.between(p + ".decimals", asset.decimals(), 0, MAX_DECIMALS);
            sink.positive(p + ".referencePriceUsd", asset.referencePriceUsd());
            if (sink.required(p + ".kind", asset.kind())) {
                checkKind(p + ".kind", asset, index, sink);
            }
        }
    }

    private static void checkKind(String p, Asset asset, SnapshotIndex index, ViolationSink sink) {
        AssetKind kind = asset.kind();
        if (kind instanceof AssetKind.Stablecoin s) {
            sink.notBlank(p + ".peg", s.peg());
            sink.positive(p + ".pegPrice", s.pegPrice());
        } else if (kind instanceof AssetKind.LiquidStaking ls) {
            index.asset(p + ".underlying", ls.underlying());
            sink.positive(p + ".exchangeRate", ls.exchangeRate());
        } else if (kind instanceof AssetKind.Bridged b) {
            Asset origin = index.asset(p + ".origin", b.origin());
            Bridge bridge = index.bridge(p + ".bridge", b.bridge());
            sink.between(p + ".backingRatio", b.backingRatio(), BigDecimal.ZERO, BigDecimal.ONE);
            if (origin != null && bridge != null && index.knowsChain(origin.chain())
                    && index.knowsChain(asset.chain()) && index.knowsChain(bridge.chainA())
                    && index.knowsChain(bridge.chainB()) && !bridge.joins(origin.chain(), asset.chain())) {
                sink.add(p + ".bridge", "bridge '" + bridge.id() + "' joins '" + bridge.chainA() + "' and '"
                        + bridge.chainB() + "', not the origin's chain '" + origin.chain()
                        + "' and this asset's chain '" + asset.chain() + "'");
            }
        } else if (kind instanceof AssetKind.Receipt r) {
            index.asset(p + ".redeemsFor", r.redeemsFor());
            sink.positive(p + ".redemptionRate", r.redemptionRate());
            sink.required(p + ".issuer", r.issuer());
        }
    }

    private static void checkBridges(List<Bridge> bridges, SnapshotIndex index, ViolationSink sink) {
        for (int i = 0; i < bridges.size(); i++) {
            Bridge bridge = bridges.get(i);
            if (bridge == null) {
                continue;
            }
            String p = "bridges[" + i + "]";
            sink.required(p + ".id", bridge.id());
            index.chain(p + ".chainA", bridge.chainA());
            index.chain(p + ".chainB", bridge.chainB());
            if (bridge.chainA() != null && bridge.chainA().equals(bridge.chainB())) {
                sink.add(p + ".chainB", "must differ from chainA (both '" + bridge.chainA() + "')");
            }
            sink.nonNegative(p + ".latencySeconds", bridge.latencySeconds());
            sink.nonNegative(p + ".capacityPerHourUsd", bridge.capacityPerHourUsd());
            sink.between(p + ".feeBps", bridge.feeBps(), 0, MAX_BRIDGE_FEE_BPS);
            sink.required(p + ".status", bridge.status());
        }
    }
}
