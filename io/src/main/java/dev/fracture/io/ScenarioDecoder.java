package dev.fracture.io;

import static dev.fracture.io.ScenarioSchema.*;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import dev.fracture.scenario.BlockBootstrap;
import dev.fracture.scenario.Correlation;
import dev.fracture.scenario.DepegJumps;
import dev.fracture.scenario.Garch11;
import dev.fracture.scenario.GeometricBrownianMotion;
import dev.fracture.scenario.ImpactSpec;
import dev.fracture.scenario.LiquidatorSpec;
import dev.fracture.scenario.LiquidityProviderSpec;
import dev.fracture.scenario.MertonJumpDiffusion;
import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.ReturnGenerator;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioEvent;
import dev.fracture.scenario.ScenarioFieldException;
import dev.fracture.scenario.TimeSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a {@link SourceNode} tree into a {@link Scenario}, field names matching record components so that a path in
 * a message is the path in the file. Shape problems and the rules each record checks on its own values are collected
 * in the {@link Decoding}, at the line of the field concerned; references to the ecosystem are left to
 * {@link dev.fracture.scenario.ScenarioValidator}.
 */
final class ScenarioDecoder {
    private final Decoding decoding;
    private final SnapshotDecoder shared;
    private final ScenarioFiles files;

    ScenarioDecoder(Decoding decoding, Path baseDir) {
        this.decoding = decoding;
        this.shared = new SnapshotDecoder(decoding);
        this.files = new ScenarioFiles(baseDir, decoding);
    }

    /** Null when anything was wrong; every problem is then in the decoding. */
    Scenario decode(SourceNode root) {
        Fields top = decoding.object(root, "");
        if (top == null) {
            return null;
        }
        int before = problems();
        String name = top.string("name");
        String ecosystem = top.string("ecosystem");
        long horizon = top.longValue("horizonSeconds");
        long seed = top.longValue("seed", 0);
        List<PriceDriver> drivers = each(top, "drivers", this::driver);
        Correlation correlation = null;
        if (top.has("correlation")) {
            Fields c = top.object("correlation");
            correlation = c == null ? null : correlation(c);
        }
        List<ScenarioEvent> events = each(top, "events", this::event);
        List<MitigationSpec> mitigations = each(top, "mitigations", this::mitigation);
        List<LiquidatorSpec> liquidators = each(top, "liquidators", this::liquidator);
        List<ImpactSpec> impact = each(top, "impact", this::impact);
        LiquidityProviderSpec providers = null;
        if (top.has("liquidityProviders")) {
            Fields lp = top.object("liquidityProviders");
            providers = lp == null ? null : liquidityProviders(lp);
        }
        top.rejectUnknown();
        Correlation c = correlation;
        LiquidityProviderSpec lps = providers;
        return build(top, before, () -> new Scenario(name, ecosystem, horizon, seed, drivers, c, events, mitigations,
                liquidators, impact, lps));
    }

    private int problems() {
        return decoding.problems().size();
    }

    /**
     * Builds a record once its fields read cleanly; a rule the record refuses is reported at the field it names.
     * Null when anything went wrong.
     */
    private <T> T build(Fields f, int problemsBefore, Supplier<T> make) {
        if (problems() > problemsBefore) {
            return null;
        }
        try {
            return make.get();
        } catch (ScenarioFieldException e) {
            String path = SourceMap.child(f.path(), e.field());
            decoding.problem(decoding.sourceMap().locate(path), path, e.rule());
        } catch (IllegalArgumentException e) {
            decoding.problem(f.location(), f.path(), e.getMessage());
        }
        return null;
    }

    /** An optional list of objects; each element decodes itself, unknown fields included. */
    private <T> List<T> each(Fields parent, String name, Function<Fields, T> decode) {
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
            T value = item == null ? null : decode.apply(item);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Reads the {@code type}, then the fields, then checks for unknown ones; the fields of an unknown type are skipped. */
    private <T> T typed(Fields f, List<String> types, String what, Function<String, T> decode) {
        int before = problems();
        String type = shared.type(f, types, what);
        if (type == null) {
            return null;
        }
        T value = decode.apply(type);
        f.rejectUnknown();
        return problems() > before ? null : value;
    }

    private PriceDriver driver(Fields f) {
        return typed(f, DRIVER_TYPES, "driver type", type -> {
            int before = problems();
            AssetId asset = shared.id(f, "asset", AssetId::of);
            return switch (type) {
                case STEP -> {
                    double shock = f.number("shock");
                    long at = f.longValue("atSeconds");
                    yield build(f, before, () -> new PriceDriver.StepShock(asset, shock, at));
                }
                case PATH -> path(f, asset, before);
                case STOCHASTIC -> {
                    long step = f.longValue("stepSeconds");
                    Fields g = f.object("generator");
                    ReturnGenerator generator = g == null ? null : generator(g, step);
                    yield build(f, before, () -> new PriceDriver.Stochastic(asset, generator, step));
                }
                default -> {
                    long step = f.longValue("stepSeconds");
                    Fields j = f.object("jumps");
                    DepegJumps jumps = null;
                    if (j != null) {
                        int jb = problems();
                        double perYear = j.number("perYear");
                        double min = j.number("minDepth");
                        double max = j.number("maxDepth");
                        double halfLife = j.number("recoveryHalfLifeYears");
                        j.rejectUnknown();
                        jumps = build(j, jb, () -> new DepegJumps(perYear, min, max, halfLife));
                    }
                    DepegJumps d = jumps;
                    yield build(f, before, () -> new PriceDriver.Depeg(asset, d, step));
                }
            };
        });
    }

    /** Exactly one of {@code file} and {@code points}; either way the engine gets points from time 0. */
    private PriceDriver path(Fields f, AssetId asset, int before) {
        boolean rebase = f.bool("rebase", false);
        boolean file = f.has("file");
        boolean points = f.has("points");
        if (file == points) {
            decoding.problem(f.location(), f.path(), "exactly one of file and points is required");
            f.has("format");
            f.has("field");
            return null;
        }
        if (points) {
            TimeSeries series = points(f, asset);
            return build(f, before, () -> new PriceDriver.PathPoints(asset, series, rebase));
        }
        String name = f.string("file");
        String format = f.string("format", null);
        String field = f.string("field", null);
        PriceDriver.PathFile spec = build(f, before, () -> new PriceDriver.PathFile(asset, name, format, field, rebase));
        if (spec == null) {
            return null;
        }
        TimeSeries series = files.prices(f, "file", spec.file(), spec.format(), spec.field());
        return series == null ? null : build(f, before, () -> new PriceDriver.PathPoints(asset, series.fromZero(),
                rebase));
    }

    /** {@code [[t, price], ...]}: seconds from the start and USD, times strictly increasing. */
    private TimeSeries points(Fields f, AssetId asset) {
        List<SourceNode> items = f.list("points");
        if (items == null) {
            return null;
        }
        String path = SourceMap.child(f.path(), "points");
        if (items.isEmpty()) {
            decoding.problem(f.keyLocation("points"), path, "must hold at least one point");
            return null;
        }
        long[] times = new long[items.size()];
        double[] values = new double[items.size()];
        int before = problems();
        for (int i = 0; i < items.size(); i++) {
            String at = SourceMap.element(path, i);
            List<SourceNode> pair = decoding.list(items.get(i), at);
            if (pair == null) {
                continue;
            }
            if (pair.size() != 2) {
                decoding.problem(items.get(i).location(), at, "expected [seconds, price], found " + pair.size()
                        + " values");
                continue;
            }
            Long t = decoding.longValue(pair.get(0), at + "[0]");
            Double v = decoding.number(pair.get(1), at + "[1]");
            if (t == null || v == null) {
                continue;
            }
            times[i] = t;
            values[i] = v;
            if (i > 0 && t <= times[i - 1] && problems() == before) {
                decoding.problem(pair.get(0).location(), at + "[0]", "times must increase: " + t + " follows "
                        + times[i - 1]);
            }
        }
        if (problems() > before) {
            return null;
        }
        return new TimeSeries(asset == null ? "path" : asset.value(), "USD", times, values);
    }

    /** Generators fitted on one step (GARCH, bootstrap) take the driver's step. */
    private ReturnGenerator generator(Fields g, long stepSeconds) {
        return typed(g, GENERATOR_TYPES, "generator type", type -> {
            int before = problems();
            double stepYears = stepSeconds / (double) Scenario.SECONDS_PER_YEAR;
            return switch (type) {
                case GBM -> {
                    double drift = g.number("drift");
                    double vol = g.number("volatility");
                    yield build(g, before, () -> new GeometricBrownianMotion(drift, vol));
                }
                case MERTON -> {
                    double drift = g.number("drift");
                    double vol = g.number("volatility");
                    double lambda = g.number("jumpsPerYear");
                    double mean = g.number("jumpMean");
                    double sd = g.number("jumpStdDev");
                    yield build(g, before, () -> new MertonJumpDiffusion(drift, vol, lambda, mean, sd));
                }
                case GARCH -> {
                    double mean = g.number("mean");
                    double omega = g.number("omega");
                    double alpha = g.number("alpha");
                    double beta = g.number("beta");
                    yield stepYears > 0 ? build(g, before, () -> new Garch11(mean, omega, alpha, beta, stepYears))
                            : null;
                }
                default -> bootstrap(g, before);
            };
        });
    }

    /** History from a price file; its step is the file's, which the driver's {@code stepSeconds} must equal. */
    private ReturnGenerator bootstrap(Fields g, int before) {
        String name = g.string("file");
        String format = g.string("format", null);
        String field = g.string("field", null);
        int blockLength = g.intValue("blockLength");
        PriceDriver.PathFile spec = build(g, before, () -> new PriceDriver.PathFile(AssetId.of("history"), name,
                format, field, false));
        if (spec == null) {
            return null;
        }
        TimeSeries series = files.prices(g, "file", spec.file(), spec.format(), spec.field());
        if (series == null) {
            return null;
        }
        long step = ScenarioFiles.typicalStepSeconds(series);
        if (step <= 0) {
            decoding.problem(g.keyLocation("file"), SourceMap.child(g.path(), "file"),
                    "a bootstrap history needs at least two prices");
            return null;
        }
        double[] history;
        try {
            history = series.logReturns();
        } catch (IllegalArgumentException e) {
            decoding.problem(g.keyLocation("file"), SourceMap.child(g.path(), "file"), e.getMessage());
            return null;
        }
        return build(g, before, () -> new BlockBootstrap(history, blockLength,
                step / (double) Scenario.SECONDS_PER_YEAR));
    }

    private Correlation correlation(Fields c) {
        int before = problems();
        List<AssetId> assets = scalars(c, "assets", this::assetId);
        double[][] matrix = null;
        List<SourceNode> rows = c.list("matrix");
        if (rows != null) {
            matrix = new double[rows.size()][];
            String path = SourceMap.child(c.path(), "matrix");
            for (int i = 0; i < rows.size(); i++) {
                List<Double> row = scalars(rows.get(i), SourceMap.element(path, i), decoding::number);
                matrix[i] = row == null ? null : row.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        c.rejectUnknown();
        double[][] m = matrix;
        return build(c, before, () -> new Correlation(assets, m));
    }

    private ScenarioEvent event(Fields f) {
        return typed(f, EVENT_TYPES, "event type", type -> {
            int before = problems();
            return switch (type) {
                case ORACLE_FREEZE, ORACLE_STALE, ORACLE_WRONG_VALUE -> {
                    OracleId oracle = shared.id(f, "oracle", OracleId::of);
                    long from = f.longValue("fromSeconds");
                    long to = f.longValue("toSeconds");
                    if (type.equals(ORACLE_FREEZE)) {
                        yield build(f, before, () -> new ScenarioEvent.OracleFreeze(oracle, from, to));
                    } else if (type.equals(ORACLE_STALE)) {
                        yield build(f, before, () -> new ScenarioEvent.OracleStale(oracle, from, to));
                    }
                    double factor = f.number("factor");
                    yield build(f, before, () -> new ScenarioEvent.OracleWrongValue(oracle, from, to, factor));
                }
                case BRIDGE_HALT -> {
                    BridgeId bridge = shared.id(f, "bridge", BridgeId::of);
                    long at = f.longValue("atSeconds");
                    OptionalLong until = f.has("untilSeconds") && f.node("untilSeconds", false) != null ? OptionalLong.of(f.longValue("untilSeconds"))
                            : OptionalLong.empty();
                    yield build(f, before, () -> new ScenarioEvent.BridgeHalt(bridge, at, until));
                }
                case BRIDGE_EXPLOIT -> {
                    BridgeId bridge = shared.id(f, "bridge", BridgeId::of);
                    long at = f.longValue("atSeconds");
                    double loss = f.number("backingLoss");
                    yield build(f, before, () -> new ScenarioEvent.BridgeExploit(bridge, at, loss));
                }
                case LIQUIDITY_WITHDRAWAL -> {
                    List<VenueId> venues = scalars(f, "venues", (node, path) -> id(node, path, VenueId::of));
                    double fraction = f.number("fraction");
                    long at = f.longValue("atSeconds");
                    yield build(f, before, () -> new ScenarioEvent.LiquidityWithdrawal(venues, fraction, at));
                }
                case GAS_SPIKE -> {
                    ChainId chain = shared.id(f, "chain", ChainId::of);
                    long from = f.longValue("fromSeconds");
                    long to = f.longValue("toSeconds");
                    double fee = f.number("baseFeeGwei");
                    yield build(f, before, () -> new ScenarioEvent.GasSpike(chain, from, to, fee));
                }
                default -> {
                    AssetId asset = shared.id(f, "asset", AssetId::of);
                    long at = f.longValue("atSeconds");
                    double depth = f.number("depth");
                    long halfLife = f.longValue("recoveryHalfLifeSeconds");
                    yield build(f, before, () -> new ScenarioEvent.StablecoinDepeg(asset, at, depth, halfLife));
                }
            };
        });
    }

    private MitigationSpec mitigation(Fields f) {
        return typed(f, MITIGATION_TYPES, "mitigation type", type -> {
            int before = problems();
            return switch (type) {
                case CIRCUIT_BREAKER -> {
                    AssetId asset = shared.id(f, "asset", AssetId::of);
                    double move = f.number("movePct");
                    long window = f.longValue("windowSeconds");
                    long cooldown = f.longValue("cooldownSeconds");
                    MitigationSpec.Scope scope = scope(f);
                    yield build(f, before, () -> new MitigationSpec.CircuitBreaker(asset, move, window, cooldown,
                            scope));
                }
                case LIQUIDATION_RATE_LIMIT -> {
                    ProtocolId protocol = optionalProtocol(f);
                    double perBlock = f.number("maxPerBlockUsd");
                    double perHour = f.number("maxPerHourUsd");
                    yield build(f, before, () -> new MitigationSpec.LiquidationRateLimit(protocol, perBlock, perHour));
                }
                case PROGRESSIVE_PENALTY -> {
                    ProtocolId protocol = optionalProtocol(f);
                    double threshold = f.number("slippageThreshold");
                    long window = f.longValue("twapWindowSeconds");
                    double slope = f.number("penaltyBpsPerPercent");
                    int max = f.intValue("maxPenaltyBps");
                    yield build(f, before, () -> new MitigationSpec.ProgressivePenalty(protocol, threshold, window,
                            slope, max));
                }
                case INTERNAL_DUTCH_AUCTION -> {
                    ProtocolId protocol = shared.id(f, "protocol", ProtocolId::of);
                    double capital = f.number("committedCapitalUsd");
                    long duration = f.longValue("durationSeconds");
                    double premium = f.number("startPremium");
                    double floor = f.number("floorDiscount");
                    yield build(f, before, () -> new MitigationSpec.InternalDutchAuction(protocol, capital, duration,
                            premium, floor));
                }
                case COLLATERAL_SEGMENTATION -> {
                    ProtocolId protocol = shared.id(f, "protocol", ProtocolId::of);
                    double share = f.number("maxCorrelatedShare");
                    List<AssetId> group = scalars(f, "correlatedGroup", this::assetId);
                    yield build(f, before, () -> new MitigationSpec.CollateralSegmentation(protocol, share, group));
                }
                case ISOLATED_MARKETS -> {
                    ProtocolId protocol = shared.id(f, "protocol", ProtocolId::of);
                    yield build(f, before, () -> new MitigationSpec.IsolatedMarkets(protocol));
                }
                case BACKSTOP -> {
                    ProtocolId protocol = optionalProtocol(f);
                    double fund = f.number("fundUsd");
                    double slippage = f.number("maxSlippageAbsorbed");
                    yield build(f, before, () -> new MitigationSpec.Backstop(protocol, fund, slippage));
                }
                case SYNTHETIC_LIQUIDITY_LAYER -> {
                    double capacity = f.number("capacityUsd");
                    long unwind = f.longValue("unwindSeconds");
                    yield build(f, before, () -> new MitigationSpec.SyntheticLiquidityLayer(capacity, unwind));
                }
                case LIQUIDITY_INCENTIVES -> {
                    AssetId asset = shared.id(f, "asset", AssetId::of);
                    double depth = f.number("depthUsd");
                    double band = f.number("bandPct");
                    AssetId against = f.has("against") && f.node("against", false) != null
                            ? shared.id(f, "against", AssetId::of) : null;
                    yield build(f, before, () -> new MitigationSpec.LiquidityIncentives(asset, depth, band, against));
                }
                default -> {
                    double vol = f.number("volThreshold");
                    int ltvCut = f.intValue("ltvCutBps");
                    int penaltyCut = f.intValue("penaltyCutBps");
                    long heartbeat = f.longValue("oracleHeartbeatSeconds");
                    yield build(f, before, () -> new MitigationSpec.DynamicParameters(vol, ltvCut, penaltyCut,
                            heartbeat));
                }
            };
        });
    }

    private MitigationSpec.Scope scope(Fields f) {
        String text = f.string("scope");
        if (text == null) {
            return null;
        }
        if (!SCOPES.contains(text)) {
            decoding.problem(f.keyLocation("scope"), SourceMap.child(f.path(), "scope"), "unknown scope '" + text
                    + "' (expected one of: " + String.join(", ", SCOPES) + ")");
            return null;
        }
        return MitigationSpec.Scope.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private ProtocolId optionalProtocol(Fields f) {
        return f.has("protocol") && f.node("protocol", false) != null ? shared.id(f, "protocol", ProtocolId::of)
                : null;
    }

    private LiquidatorSpec liquidator(Fields f) {
        int before = problems();
        String id = f.string("id");
        int count = f.intValue("count", 1);
        List<LiquidatorSpec.Holding> capital = each(f, "capital", this::holding);
        boolean flash = f.bool("usesFlashLoans", false);
        double priority = f.number("priorityFeeGwei");
        double gas = f.number("gasBudgetNative");
        double minProfit = f.number("minProfitUsd");
        int latency = f.intValue("reactionLatencyBlocks");
        double slippage = f.number("maxSlippageShareOfBonus");
        double inventory = f.number("maxInventoryUsd");
        f.rejectUnknown();
        return build(f, before, () -> new LiquidatorSpec(id, count, capital, flash, priority, gas, minProfit, latency,
                slippage, inventory));
    }

    private LiquidatorSpec.Holding holding(Fields f) {
        int before = problems();
        ChainId chain = shared.id(f, "chain", ChainId::of);
        AssetId asset = shared.id(f, "asset", AssetId::of);
        double amount = f.number("amount");
        f.rejectUnknown();
        return build(f, before, () -> new LiquidatorSpec.Holding(chain, asset, amount));
    }

    /** Every field optional, with {@link LiquidityProviderSpec#DEFAULT}'s value. */
    private LiquidityProviderSpec liquidityProviders(Fields f) {
        int before = problems();
        LiquidityProviderSpec d = LiquidityProviderSpec.DEFAULT;
        long window = f.longValue("windowSeconds", d.windowSeconds());
        double calm = f.number("calmVolatility", d.calmVolatility());
        double sensitivity = f.number("sensitivity", d.sensitivity());
        double maxShare = f.number("maxShare", d.maxShare());
        f.rejectUnknown();
        return build(f, before, () -> new LiquidityProviderSpec(window, calm, sensitivity, maxShare));
    }

    private ImpactSpec impact(Fields f) {
        int before = problems();
        AssetId asset = shared.id(f, "asset", AssetId::of);
        double y = f.number("coefficientY");
        double volume = f.number("dailyVolumeUsd");
        double volatility = f.number("dailyVolatility");
        f.rejectUnknown();
        return build(f, before, () -> new ImpactSpec(asset, y, volume, volatility));
    }

    private AssetId assetId(SourceNode node, String path) {
        return id(node, path, AssetId::of);
    }

    private <T> T id(SourceNode node, String path, Function<String, T> make) {
        String text = decoding.string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return make.apply(text);
        } catch (IllegalArgumentException e) {
            decoding.problem(node.location(), path, e.getMessage());
            return null;
        }
    }

    private <T> List<T> scalars(Fields f, String name, java.util.function.BiFunction<SourceNode, String, T> read) {
        SourceNode node = f.node(name, true);
        return node == null ? null : scalars(node, SourceMap.child(f.path(), name), read);
    }

    /** A list of scalars; null when any is unreadable, each such one reported. */
    private <T> List<T> scalars(SourceNode node, String path,
                                java.util.function.BiFunction<SourceNode, String, T> read) {
        List<SourceNode> nodes = decoding.list(node, path);
        if (nodes == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < nodes.size(); i++) {
            T value = read.apply(nodes.get(i), SourceMap.element(path, i));
            complete &= value != null;
            out.add(value);
        }
        return complete ? out : null;
    }
}
