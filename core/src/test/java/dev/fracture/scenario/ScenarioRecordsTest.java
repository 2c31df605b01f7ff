package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.VenueId;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule a scenario record checks on its own values, with the field it names and the words it uses. */
class ScenarioRecordsTest {
    static final AssetId ETH = AssetId.of("eth");
    static final AssetId USDC = AssetId.of("usdc");
    static final OracleId FEED = OracleId.of("eth-usd");
    static final ProtocolId AAVE = ProtocolId.of("aave");
    static final ChainId ETHEREUM = ChainId.of("ethereum");

    static Arguments rule(String name, Supplier<Object> make, String field, String words) {
        return Arguments.of(name, make, field, words);
    }

    static TimeSeries series(long[] t, double[] v) {
        return new TimeSeries("p", "USD", t, v);
    }

    static LiquidatorSpec liquidator(String id, int count, double slippageShare) {
        return new LiquidatorSpec(id, count, List.of(), false, 1, 0.1, 10, 1, slippageShare, 0);
    }

    static Stream<Arguments> rules() {
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(0, 0.8);
        return Stream.of(
                rule("scenario name", () -> new Scenario(" ", "defi-2025", 60, 1, null, null, null, null, null, null),
                        "name", "must not be blank"),
                rule("scenario ecosystem", () -> new Scenario("s", "", 60, 1, null, null, null, null, null, null),
                        "ecosystem", "must not be blank"),
                rule("scenario horizon", () -> new Scenario("s", "e", 0, 1, null, null, null, null, null, null),
                        "horizonSeconds", "must be greater than 0 (was 0)"),
                rule("null list element", () -> new Scenario("s", "e", 60, 1, java.util.Arrays.asList(
                        (PriceDriver) null), null, null, null, null, null), "drivers[0]", "must not be null"),
                rule("step asset", () -> new PriceDriver.StepShock(null, -0.3, 0), "asset", "is required"),
                rule("step shock", () -> new PriceDriver.StepShock(ETH, -1, 0), "shock",
                        "must be a finite number greater than -1 (was -1)"),
                rule("step time", () -> new PriceDriver.StepShock(ETH, -0.3, -5), "atSeconds",
                        "must be at least 0 (was -5)"),
                rule("path file format", () -> new PriceDriver.PathFile(ETH, "a.json", "csv", null, false), "format",
                        "must be one of ohlcv, candles (was 'csv')"),
                rule("path file field", () -> new PriceDriver.PathFile(ETH, "a.csv", "candles", "low", false),
                        "field", "must be one of close for candles (was 'low')"),
                rule("path file name", () -> new PriceDriver.PathFile(ETH, " ", null, null, false), "file",
                        "must not be blank"),
                rule("points start", () -> new PriceDriver.PathPoints(ETH, series(new long[] {5, 10},
                        new double[] {1, 2}), false), "points", "must start at 0 seconds (starts at 5)"),
                rule("points price", () -> new PriceDriver.PathPoints(ETH, series(new long[] {0, 10},
                        new double[] {1, 0}), false), "points[1]", "price must be greater than 0 (was 0)"),
                rule("stochastic step", () -> new PriceDriver.Stochastic(ETH, gbm, 0), "stepSeconds",
                        "must be greater than 0 (was 0)"),
                rule("stochastic generator", () -> new PriceDriver.Stochastic(ETH, null, 60), "generator",
                        "is required"),
                rule("garch step", () -> new PriceDriver.Stochastic(ETH, new Garch11(0, 1e-5, 0.1, 0.8,
                        3600.0 / Scenario.SECONDS_PER_YEAR), 600), "stepSeconds",
                        "must equal the generator's step of 3600 seconds (was 600)"),
                rule("depeg jumps", () -> new PriceDriver.Depeg(USDC, null, 60), "jumps", "is required"),
                rule("correlation size", () -> new Correlation(List.of(ETH, USDC), new double[][] {{1}}), "matrix",
                        "must have one row per asset: 2 assets but 1 rows"),
                rule("correlation matrix", () -> new Correlation(List.of(ETH, USDC),
                        new double[][] {{1, 0.5}, {0.4, 1}}), "matrix", "must be symmetric"),
                rule("correlation definite", () -> new Correlation(List.of(ETH, USDC),
                        new double[][] {{1, 1}, {1, 1}}), "matrix", "must be positive definite"),
                rule("correlation repeats", () -> new Correlation(List.of(ETH, ETH),
                        new double[][] {{1, 0}, {0, 1}}), "assets[1]", "repeats eth (already at index 0)"),
                rule("correlation empty", () -> new Correlation(List.of(), new double[0][]), "assets",
                        "must hold at least one element"),
                rule("freeze interval", () -> new ScenarioEvent.OracleFreeze(FEED, 100, 100), "toSeconds",
                        "must be after fromSeconds (100), was 100"),
                rule("stale from", () -> new ScenarioEvent.OracleStale(FEED, -1, 100), "fromSeconds",
                        "must be at least 0 (was -1)"),
                rule("wrong value factor", () -> new ScenarioEvent.OracleWrongValue(FEED, 0, 100, 0), "factor",
                        "must be between 0.001 and 1000 (was 0)"),
                rule("wrong value factor too large", () -> new ScenarioEvent.OracleWrongValue(FEED, 0, 100, 1e308),
                        "factor", "must be between 0.001 and 1000 (was 1E+308)"),
                rule("wrong value factor too small", () -> new ScenarioEvent.OracleWrongValue(FEED, 0, 100, 1e-300),
                        "factor", "must be between 0.001 and 1000 (was 1E-300)"),
                rule("wrong value factor infinite", () -> new ScenarioEvent.OracleWrongValue(FEED, 0, 100,
                        Double.POSITIVE_INFINITY), "factor", "must be between 0.001 and 1000 (was Infinity)"),
                rule("freeze oracle", () -> new ScenarioEvent.OracleFreeze(null, 0, 100), "oracle", "is required"),
                rule("halt until", () -> new ScenarioEvent.BridgeHalt(BridgeId.of("b"), 100, OptionalLong.of(50)),
                        "untilSeconds", "must be after atSeconds (100), was 50"),
                rule("exploit loss", () -> new ScenarioEvent.BridgeExploit(BridgeId.of("b"), 0, 1.5), "backingLoss",
                        "must be in (0, 1] (was 1.5)"),
                rule("withdrawal fraction", () -> new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("v")), 0,
                        0), "fraction", "must be in (0, 1] (was 0)"),
                rule("withdrawal venues", () -> new ScenarioEvent.LiquidityWithdrawal(List.of(), 0.5, 0), "venues",
                        "must hold at least one element"),
                rule("withdrawal repeats", () -> new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("v"),
                        VenueId.of("v")), 0.5, 0), "venues[1]", "repeats v"),
                rule("gas fee", () -> new ScenarioEvent.GasSpike(ETHEREUM, 0, 10, -1), "baseFeeGwei",
                        "must be a finite number greater than 0 (was -1)"),
                rule("depeg depth", () -> new ScenarioEvent.StablecoinDepeg(USDC, 0, 0, 0), "depth",
                        "must be in (0, 1) (was 0)"),
                rule("depeg to nothing", () -> new ScenarioEvent.StablecoinDepeg(USDC, 0, 1, 0), "depth",
                        "must be in (0, 1) (was 1)"),
                rule("depeg half-life", () -> new ScenarioEvent.StablecoinDepeg(USDC, 0, 0.1, -1),
                        "recoveryHalfLifeSeconds", "must be at least 0 (was -1)"),
                rule("breaker move", () -> new MitigationSpec.CircuitBreaker(ETH, 0, 60, 60,
                        MitigationSpec.Scope.TRADING), "movePct", "must be in (0, 1] (was 0)"),
                rule("breaker window", () -> new MitigationSpec.CircuitBreaker(ETH, 0.1, 0, 60,
                        MitigationSpec.Scope.TRADING), "windowSeconds", "must be greater than 0 (was 0)"),
                rule("breaker cooldown", () -> new MitigationSpec.CircuitBreaker(ETH, 0.1, 60, 0,
                        MitigationSpec.Scope.TRADING), "cooldownSeconds", "must be greater than 0 (was 0)"),
                rule("breaker scope", () -> new MitigationSpec.CircuitBreaker(ETH, 0.1, 60, 60, null), "scope",
                        "is required"),
                rule("rate limit block", () -> new MitigationSpec.LiquidationRateLimit(null, 0, 10), "maxPerBlockUsd",
                        "must be a finite number greater than 0 (was 0)"),
                rule("rate limit hour", () -> new MitigationSpec.LiquidationRateLimit(null, 10, 5), "maxPerHourUsd",
                        "must be at least maxPerBlockUsd (10), was 5"),
                rule("penalty threshold", () -> new MitigationSpec.ProgressivePenalty(null, 2, 600, 10, 500),
                        "slippageThreshold", "must be in (0, 1] (was 2)"),
                rule("penalty window", () -> new MitigationSpec.ProgressivePenalty(null, 0.05, 0, 10, 500),
                        "twapWindowSeconds", "must be greater than 0 (was 0)"),
                rule("penalty slope", () -> new MitigationSpec.ProgressivePenalty(null, 0.05, 600, -1, 500),
                        "penaltyBpsPerPercent", "must be a finite number at least 0 (was -1)"),
                rule("penalty max", () -> new MitigationSpec.ProgressivePenalty(null, 0.05, 600, 10, 0),
                        "maxPenaltyBps", "must be between 1 and 10000 (was 0)"),
                rule("auction protocol", () -> new MitigationSpec.InternalDutchAuction(null, 1e6, 600, 0.05, 0.2),
                        "protocol", "is required"),
                rule("auction capital", () -> new MitigationSpec.InternalDutchAuction(AAVE, 0, 600, 0.05, 0.2),
                        "committedCapitalUsd", "must be a finite number greater than 0 (was 0)"),
                rule("auction duration", () -> new MitigationSpec.InternalDutchAuction(AAVE, 1e6, 0, 0.05, 0.2),
                        "durationSeconds", "must be greater than 0 (was 0)"),
                rule("auction premium", () -> new MitigationSpec.InternalDutchAuction(AAVE, 1e6, 600, 1.5, 0.2),
                        "startPremium", "must be between 0 and 1 (was 1.5)"),
                rule("auction floor", () -> new MitigationSpec.InternalDutchAuction(AAVE, 1e6, 600, 0.05, 1),
                        "floorDiscount", "must be between 0 and 0.99 (was 1)"),
                rule("segmentation share", () -> new MitigationSpec.CollateralSegmentation(AAVE, 0, List.of(ETH,
                        USDC)), "maxCorrelatedShare", "must be in (0, 1] (was 0)"),
                rule("segmentation group", () -> new MitigationSpec.CollateralSegmentation(AAVE, 0.5, List.of(ETH)),
                        "correlatedGroup", "must name at least two assets (was [eth])"),
                rule("isolated protocol", () -> new MitigationSpec.IsolatedMarkets(null), "protocol", "is required"),
                rule("backstop fund", () -> new MitigationSpec.Backstop(null, -1, 0.03), "fundUsd",
                        "must be a finite number greater than 0 (was -1)"),
                rule("backstop slippage", () -> new MitigationSpec.Backstop(null, 1e6, 0), "maxSlippageAbsorbed",
                        "must be in (0, 1] (was 0)"),
                rule("synthetic capacity", () -> new MitigationSpec.SyntheticLiquidityLayer(0, 60), "capacityUsd",
                        "must be a finite number greater than 0 (was 0)"),
                rule("synthetic unwind", () -> new MitigationSpec.SyntheticLiquidityLayer(1e6, 0), "unwindSeconds",
                        "must be greater than 0 (was 0)"),
                rule("incentive depth", () -> new MitigationSpec.LiquidityIncentives(ETH, 0, 0.02), "depthUsd",
                        "must be a finite number greater than 0 (was 0)"),
                rule("incentive band", () -> new MitigationSpec.LiquidityIncentives(ETH, 1e6, 0), "bandPct",
                        "must be in (0, 1] (was 0)"),
                rule("dynamic vol", () -> new MitigationSpec.DynamicParameters(0, 500, 100, 600), "volThreshold",
                        "must be a finite number greater than 0 (was 0)"),
                rule("dynamic ltv", () -> new MitigationSpec.DynamicParameters(1, 20_000, 100, 600), "ltvCutBps",
                        "must be between 0 and 10000 (was 20000)"),
                rule("dynamic penalty", () -> new MitigationSpec.DynamicParameters(1, 500, -1, 600), "penaltyCutBps",
                        "must be between 0 and 10000 (was -1)"),
                rule("dynamic heartbeat", () -> new MitigationSpec.DynamicParameters(1, 500, 100, 0),
                        "oracleHeartbeatSeconds", "must be greater than 0 (was 0)"),
                rule("liquidator id", () -> liquidator("a b", 1, 0.5), "id", "must not contain whitespace (was 'a b')"),
                rule("liquidator count", () -> liquidator("a", 0, 0.5), "count", "must be between 1 and 10000 (was 0)"),
                rule("liquidator slippage share", () -> liquidator("a", 1, 1.5), "maxSlippageShareOfBonus",
                        "must be between 0 and 1 (was 1.5)"),
                rule("liquidator latency", () -> new LiquidatorSpec("a", 1, List.of(), false, 1, 0.1, 10, -1, 0.5, 0),
                        "reactionLatencyBlocks", "must be at least 0 (was -1)"),
                rule("liquidator fee", () -> new LiquidatorSpec("a", 1, List.of(), false, -1, 0.1, 10, 1, 0.5, 0),
                        "priorityFeeGwei", "must be a finite number at least 0 (was -1)"),
                rule("liquidator capital repeats", () -> new LiquidatorSpec("a", 1, List.of(
                        new LiquidatorSpec.Holding(ETHEREUM, USDC, 1), new LiquidatorSpec.Holding(ETHEREUM, USDC, 2)),
                        false, 1, 0.1, 10, 1, 0.5, 0), "capital[1]", "repeats usdc on ethereum (already at index 0)"),
                rule("holding amount", () -> new LiquidatorSpec.Holding(ETHEREUM, USDC, -1), "amount",
                        "must be a finite number at least 0 (was -1)"),
                rule("impact Y", () -> new ImpactSpec(ETH, 0, 1e9, 0.03), "coefficientY", "must be in (0, 5] (was 0)"),
                rule("impact volume", () -> new ImpactSpec(ETH, 0.7, 0, 0.03), "dailyVolumeUsd",
                        "must be a finite number greater than 0 (was 0)"),
                rule("impact volatility", () -> new ImpactSpec(ETH, 0.7, 1e9, 0), "dailyVolatility",
                        "must be in (0, 5] (was 0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aBrokenRuleNamesItsFieldAndTheRule(String name, Supplier<Object> make, String field, String words) {
        ScenarioFieldException e = catchThrowableOfType(make::get, ScenarioFieldException.class);
        assertThat(e).as("%s is refused", name).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rule()).contains(words);
        assertThat(e.getMessage()).startsWith(field + ": ");
    }

    @Test
    void aStepShockMovesThePriceFromItsTimeOn() {
        PriceDriver.StepShock step = new PriceDriver.StepShock(ETH, -0.3, 600);
        assertThat(step.priceAt(599, 3000)).isEqualTo(3000);
        assertThat(step.priceAt(600, 3000)).isEqualTo(2100, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aRebasedPathKeepsItsRelativeMoves() {
        PriceDriver.PathPoints path = new PriceDriver.PathPoints(ETH, series(new long[] {0, 600},
                new double[] {200, 100}), true);
        assertThat(path.prices(3000).values()).containsExactly(3000, 1500);
        PriceDriver.PathPoints raw = new PriceDriver.PathPoints(ETH, path.path(), false);
        assertThat(raw.prices(3000).values()).containsExactly(200, 100);
    }

    @Test
    void aDepegHalvesItsGapEveryHalfLifeOrNeverRecovers() {
        ScenarioEvent.StablecoinDepeg recovering = new ScenarioEvent.StablecoinDepeg(USDC, 100, 0.12, 3600);
        assertThat(recovering.pegShareAt(99)).isEqualTo(1);
        assertThat(recovering.pegShareAt(100)).isEqualTo(0.88, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(recovering.pegShareAt(3700)).isEqualTo(0.94, org.assertj.core.data.Offset.offset(1e-12));
        ScenarioEvent.StablecoinDepeg never = new ScenarioEvent.StablecoinDepeg(USDC, 0, 0.7, 0);
        assertThat(never.pegShareAt(1_000_000)).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aDepegMayTakeAllButAMillionthOfThePeg() {
        ScenarioEvent.StablecoinDepeg deepest = new ScenarioEvent.StablecoinDepeg(USDC, 0, 0.999999, 0);
        assertThat(deepest.pegShareAt(60)).isEqualTo(1e-6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aWrongValueMayBeAThousandTimesOffEitherWay() {
        assertThat(new ScenarioEvent.OracleWrongValue(FEED, 0, 100, 1e3).factor()).isEqualTo(1000);
        assertThat(new ScenarioEvent.OracleWrongValue(FEED, 0, 100, 1e-3).factor()).isEqualTo(0.001);
    }

    @Test
    void squareRootImpactFollowsTheLaw() {
        ImpactSpec impact = new ImpactSpec(ETH, 0.5, 1e10, 0.04);
        // Selling 1% of a day's volume moves the price Y·σ·√0.01 = 0.5 × 0.04 × 0.1 = 0.2%.
        assertThat(impact.relativeImpact(1e8)).isEqualTo(0.002, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(impact.relativeImpact(4e8)).isEqualTo(2 * impact.relativeImpact(1e8),
                org.assertj.core.data.Offset.offset(1e-15));
        assertThatThrownBy(() -> impact.relativeImpact(-1)).hasMessageContaining("quantityUsd");
    }

    @Test
    void aBootstrapDriverTakesItsStepFromTheHistory() {
        BlockBootstrap history = new BlockBootstrap(new double[] {0.01, -0.02, 0.005}, 2,
                600.0 / Scenario.SECONDS_PER_YEAR);
        assertThat(new PriceDriver.Stochastic(ETH, history, 600).stepYears()).isEqualTo(history.stepYears());
        assertThatThrownBy(() -> new PriceDriver.Stochastic(ETH, history, 3600))
                .hasMessage("stepSeconds: must equal the generator's step of 600 seconds (was 3600)");
    }

    @Test
    void aCorrelationIsCopiedInAndOut() {
        double[][] m = {{1, 0.8}, {0.8, 1}};
        Correlation c = new Correlation(List.of(ETH, USDC), m);
        m[0][1] = 0;
        assertThat(c.matrix()[0][1]).isEqualTo(0.8);
        c.matrix()[0][1] = 0;
        assertThat(c.matrix()[0][1]).isEqualTo(0.8);
        assertThat(c).isEqualTo(new Correlation(List.of(ETH, USDC), new double[][] {{1, 0.8}, {0.8, 1}}));
        assertThat(c.shocks().assets()).isEqualTo(2);
    }

    @Test
    void aScenarioWithNoLiquidatorsCarriesOneCautionAndOneWithLiquidatorsNone() {
        Scenario keeperless = new Scenario("s", "defi-2025", 60, 1, null, null, null, null, null, null);
        assertThat(keeperless.cautions()).singleElement().asString()
                .startsWith("the scenario names no liquidators, so nobody liquidates a position")
                .contains("'liquidators' list");
        Scenario kept = new Scenario("s", "defi-2025", 60, 1, null, null, null, null,
                List.of(liquidator("keeper", 2, 0.5)), null);
        assertThat(kept.cautions()).isEmpty();
    }
}
