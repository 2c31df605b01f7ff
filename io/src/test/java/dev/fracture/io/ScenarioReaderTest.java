package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fracture.model.AssetId;
import dev.fracture.scenario.BlockBootstrap;
import dev.fracture.scenario.Garch11;
import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    static final String SAMPLE = "eth-usd-10min-sample.json";

    @TempDir
    Path dir;

    /** Writes the example and its data file into a folder of their own, as a user would have them. */
    Path example() throws IOException {
        Files.writeString(dir.resolve(SAMPLE), Resources.text("/scenarios/" + SAMPLE), StandardCharsets.UTF_8);
        return write("example.yaml", Resources.text("/scenarios/example.yaml"));
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A small valid scenario for tests to break one line of. */
    static final String SMALL = """
            name: small
            ecosystem: defi-2025
            horizonSeconds: 3600
            drivers:
              - {type: step, asset: eth, shock: -0.3, atSeconds: 600}
            events:
              - {type: oracle-freeze, oracle: eth-usd, fromSeconds: 600, toSeconds: 1200}
            """;

    List<String> problems(String name, String text) throws IOException {
        Path file = write(name, text);
        SnapshotFormatException e = catchThrowableOfType(SnapshotFormatException.class,
                () -> ScenarioReader.read(file));
        assertThat(e).as("reading %s fails", name).isNotNull();
        return e.problems().stream().map(SourceProblem::toString).toList();
    }

    @Test
    void theExampleReadsWithEveryPartInPlace() throws IOException {
        LoadedScenario loaded = ScenarioReader.read(example());
        Scenario s = loaded.scenario();

        assertThat(loaded.snapshot().name()).isEqualTo("defi-2025");
        assertThat(s.name()).isEqualTo("everything-at-once");
        assertThat(s.horizonSeconds()).isEqualTo(7200);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.drivers()).hasSize(8);
        assertThat(s.drivers()).noneMatch(d -> d instanceof PriceDriver.PathFile);
        PriceDriver.PathPoints eth = (PriceDriver.PathPoints) s.drivers().get(0);
        assertThat(eth.rebase()).isTrue();
        assertThat(eth.path().times()).startsWith(0, 600).endsWith(6600);
        assertThat(eth.path().first()).isEqualTo(167.64);
        assertThat(eth.prices(3300).first()).isEqualTo(3300);
        PriceDriver.PathPoints wsteth = (PriceDriver.PathPoints) s.drivers().get(2);
        assertThat(wsteth.path().values()).containsExactly(3990, 2750, 2900, 3000);
        assertThat(((PriceDriver.Stochastic) s.drivers().get(5)).generator()).isInstanceOf(Garch11.class);
        PriceDriver.Stochastic hype = (PriceDriver.Stochastic) s.drivers().get(6);
        assertThat(((BlockBootstrap) hype.generator()).history()).hasSize(11);
        assertThat(s.correlation().assets()).containsExactly(AssetId.of("wbtc"), AssetId.of("weth-arbitrum"));
        assertThat(s.events()).hasSize(8);
        assertThat(((ScenarioEvent.BridgeHalt) s.events().get(3)).untilSeconds()).hasValue(4500);
        assertThat(s.mitigations()).hasSize(10);
        assertThat(((MitigationSpec.CircuitBreaker) s.mitigations().get(0)).scope())
                .isEqualTo(MitigationSpec.Scope.LIQUIDATIONS);
        assertThat(((MitigationSpec.ProgressivePenalty) s.mitigations().get(2)).protocol()).isNull();
        assertThat(s.mitigations()).filteredOn(MitigationSpec.LiquidityIncentives.class::isInstance).singleElement()
                .extracting(m -> ((MitigationSpec.LiquidityIncentives) m).against()).isEqualTo(AssetId.of("usdc"));
        assertThat(s.liquidators().get(0).profiles()).hasSize(3);
        assertThat(s.impact()).hasSize(1);
    }

    @Test
    void jsonSpellsTheSameSchema() throws IOException {
        Path file = write("small.json", """
                {"name": "small", "ecosystem": "defi-2025", "horizonSeconds": 3600,
                 "drivers": [{"type": "step", "asset": "eth", "shock": -0.3, "atSeconds": 600}]}
                """);
        assertThat(ScenarioReader.read(file).scenario().drivers()).containsExactly(
                new PriceDriver.StepShock(AssetId.of("eth"), -0.3, 600));
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() throws IOException {
        String text = SMALL.replace("atSeconds: 600}", "atSeconds: 600");
        List<String> problems = problems("broken.yaml", text);
        assertThat(problems).singleElement().asString().startsWith("broken.yaml:").contains("syntax error");
        assertThat(problems.get(0)).startsWith("broken.yaml:" + Resources.at(text, "events").split(":")[0] + ":");
    }

    @Test
    void anUnknownFieldIsNamedWhereItIsWritten() throws IOException {
        String text = SMALL.replace("horizonSeconds: 3600", "horizonSeconds: 3600\nhorizon: 3600")
                .replace("shock: -0.3", "shock: -0.3, shok: 1");
        assertThat(problems("typo.yaml", text)).containsExactly(
                "typo.yaml:" + Resources.at(text, "horizon:") + ": horizon: unknown field 'horizon' (expected one of: "
                        + "name, ecosystem, horizonSeconds, seed, drivers, correlation, events, mitigations, "
                        + "liquidators, impact, liquidityProviders)",
                "typo.yaml:" + Resources.at(text, "shok") + ": drivers[0].shok: unknown field 'shok' (expected one "
                        + "of: type, asset, shock, atSeconds)");
    }

    @Test
    void liquidityProvidersTakeTheDefaultsForWhatTheyDoNotSay() throws IOException {
        Path file = write("lp.yaml", SMALL + "liquidityProviders: {sensitivity: 3, maxShare: 0.25}\n");
        assertThat(ScenarioReader.read(file).scenario().liquidityProviders()).isEqualTo(
                new dev.fracture.scenario.LiquidityProviderSpec(3600, 0.01, 3, 0.25));
        assertThat(ScenarioReader.read(write("none.yaml", SMALL)).scenario().liquidityProviders()).isNull();
    }

    @Test
    void anImpossibleLiquidityProviderRuleIsReportedAtItsField() throws IOException {
        String text = SMALL + "liquidityProviders:\n  maxShare: 1\n";
        assertThat(problems("lp.yaml", text)).singleElement().asString()
                .startsWith("lp.yaml:" + Resources.at(text, "maxShare"))
                .contains("liquidityProviders.maxShare: must be in [0, 1) (was 1)");
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() throws IOException {
        String text = SMALL.replace("type: oracle-freeze", "type: oracle-frozen");
        assertThat(problems("type.yaml", text)).containsExactly("type.yaml:" + Resources.at(text, "type: oracle-")
                + ": events[0].type: unknown event type 'oracle-frozen' (expected one of: oracle-freeze, oracle-stale, "
                + "oracle-wrong-value, bridge-halt, bridge-exploit, liquidity-withdrawal, gas-spike, stablecoin-depeg)");
    }

    @Test
    void aRecordRuleIsReportedAtTheFieldItNames() throws IOException {
        String text = SMALL.replace("toSeconds: 1200", "toSeconds: 500").replace("shock: -0.3", "shock: -1.5");
        assertThat(problems("rule.yaml", text)).containsExactly(
                "rule.yaml:" + Resources.at(text, "shock") + ": drivers[0].shock: must be a finite number greater "
                        + "than -1 (was -1.5)",
                "rule.yaml:" + Resources.at(text, "toSeconds") + ": events[0].toSeconds: must be after fromSeconds "
                        + "(600), was 500");
    }

    @Test
    void aDepegToNothingIsRefusedAtItsDepth() throws IOException {
        String text = SMALL + "  - {type: stablecoin-depeg, asset: usdc, atSeconds: 60, depth: 1, "
                + "recoveryHalfLifeSeconds: 0}\n";
        assertThat(problems("depeg.yaml", text)).containsExactly("depeg.yaml:" + Resources.at(text, "depth")
                + ": events[1].depth: must be in (0, 1) (was 1)");
        String almost = text.replace("depth: 1,", "depth: 0.9999999999,");
        assertThat(problems("almost.yaml", almost)).containsExactly("almost.yaml:" + Resources.at(almost, "depth")
                + ": events[1].depth: must keep usdc's price between 0.000001 and 10000000 USD (it takes 1 USD to "
                + "1E-10)");
        assertThat(ScenarioReader.read(write("deep.yaml", text.replace("depth: 1,", "depth: 0.999999,")))
                .scenario().events()).hasSize(2);
    }

    @Test
    void aStepToAPriceNoOracleCanAnswerIsRefusedAtItsShock() throws IOException {
        String text = SMALL.replace("shock: -0.3", "shock: 1e308");
        assertThat(problems("step.yaml", text)).containsExactly("step.yaml:" + Resources.at(text, "shock")
                + ": drivers[0].shock: must keep eth's price between 0.000001 and 10000000 USD (it takes 3300 USD to "
                + "Infinity)");
        assertThat(ScenarioReader.read(write("high.yaml", SMALL.replace("shock: -0.3", "shock: 3000"))).scenario()
                .drivers()).hasSize(1);
    }

    @Test
    void aPathPointNoOracleCanAnswerIsRefusedWhereItIsWritten() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, points: [[0, 2000], [60, 1e-300]]}");
        assertThat(problems("tiny.yaml", text)).containsExactly("tiny.yaml:" + Resources.at(text, "[60, 1e-300]")
                + ": drivers[0].points[1]: must be a price between 0.000001 and 10000000 USD (was 1E-300, at 60 s)");
        String floor = text.replace("1e-300", "0.000001");
        assertThat(ScenarioReader.read(write("floor.yaml", floor)).scenario().drivers()).hasSize(1);
    }

    @Test
    void aWrongValueFactorBeyondAThousandIsRefusedAtTheFactor() throws IOException {
        String text = SMALL + "  - {type: oracle-wrong-value, oracle: wsteth-usd, fromSeconds: 0, toSeconds: 120, "
                + "factor: 1e308}\n";
        assertThat(problems("factor.yaml", text)).containsExactly("factor.yaml:" + Resources.at(text, "factor")
                + ": events[1].factor: must be between 0.001 and 1000 (was 1E+308)");
        String wbtc = text.replace("wsteth-usd", "wbtc-usd").replace("1e308", "1000");
        assertThat(ScenarioReader.read(write("wbtc.yaml", wbtc)).scenario().events()).hasSize(2);
    }

    @Test
    void aHorizonBeyondTheBlocksARunMayHoldIsRefusedAtTheHorizon() throws IOException {
        // defi-2025: Ethereum 12 s, Arbitrum 0.25 s, Base 2 s, Hyperliquid 0.1 s blocks, 14.5833 a second.
        String text = SMALL.replace("horizonSeconds: 3600", "horizonSeconds: 9999999999999");
        assertThat(problems("long.yaml", text)).containsExactly("long.yaml:" + Resources.at(text, "horizonSeconds")
                + ": horizonSeconds: must be at most 342857 s on this ecosystem (was 9999999999999): a run keeps a "
                + "trace row for every block of every chain, at most 5000000 blocks, and its 4 chains make 14.5833 "
                + "blocks a second");
        String longest = SMALL.replace("horizonSeconds: 3600", "horizonSeconds: 342857");
        assertThat(ScenarioReader.read(write("longest.yaml", longest)).scenario().horizonSeconds()).isEqualTo(342857);
    }

    @Test
    void aBadReferenceIsMappedBackToItsLine() throws IOException {
        String text = SMALL.replace("oracle: eth-usd", "oracle: btc-usd").replace("atSeconds: 600", "atSeconds: 4000");
        assertThat(problems("ref.yaml", text)).containsExactly(
                "ref.yaml:" + Resources.at(text, "atSeconds") + ": drivers[0].atSeconds: must be within the horizon, "
                        + "0 to 3600 s (was 4000)",
                "ref.yaml:" + Resources.at(text, "oracle:") + ": events[0].oracle: unknown oracle 'btc-usd'");
    }

    @Test
    void aMissingFieldAndAWrongTypeAreBothReported() throws IOException {
        String text = SMALL.replace("horizonSeconds: 3600\n", "").replace("fromSeconds: 600", "fromSeconds: soon");
        assertThat(problems("shape.yaml", text)).containsExactly(
                "shape.yaml:1:1: horizonSeconds: is required",
                "shape.yaml:" + Resources.at(text, "soon") + ": events[0].fromSeconds: expected an integer, found "
                        + "'soon'");
    }

    @Test
    void aBrokenPathFileKeepsItsOwnFileLineAndColumn() throws IOException {
        String bad = """
                [
                  {"time_period_start": "2020-03-12T10:00:00Z", "price_close": 167.64},
                  {"time_period_start": "2020-03-12T10:10:00Z", "price_close": "lots"}
                ]
                """;
        Path data = write("bad.json", bad);
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, file: bad.json}");
        assertThat(problems("path.yaml", text)).containsExactly("path.yaml:" + Resources.at(text, "file:")
                + ": drivers[0].file: cannot read path file: " + data + ":" + Resources.at(bad, "\"lots\"")
                + ": [1].price_close must be a finite number "
                + "(was 'lots')");
    }

    @Test
    void aMissingPathFileIsNamed() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, file: nowhere.json}");
        assertThat(problems("missing.yaml", text)).containsExactly("missing.yaml:" + Resources.at(text, "file:")
                + ": drivers[0].file: no such file: " + dir.resolve("nowhere.json"));
    }

    @Test
    void aPathHasAFileOrPointsButNotBoth() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, file: a.json, points: [[0, 1]]}");
        assertThat(problems("both.yaml", text)).containsExactly("both.yaml:" + Resources.at(text, "{type: path")
                + ": drivers[0]: exactly one of file and points is required");
    }

    @Test
    void inlinePointsAreCheckedOneByOne() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, points: [[0, 3300], [600], [600, 3000], [500, 2900]]}");
        assertThat(problems("points.yaml", text)).containsExactly("points.yaml:" + Resources.at(text, "[600]")
                + ": drivers[0].points[1]: expected [seconds, price], found 1 values");
        String unordered = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, points: [[0, 3300], [600, 3000], [500, 2900]]}");
        assertThat(problems("order.yaml", unordered)).containsExactly("order.yaml:"
                + Resources.at(unordered, "500, 2900") + ": drivers[0].points[2][0]: times must increase: 500 follows 600");
        String late = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, points: [[60, 3300]]}");
        assertThat(problems("late.yaml", late)).containsExactly("late.yaml:" + Resources.at(late, "points")
                + ": drivers[0].points: must start at 0 seconds (starts at 60)");
    }

    @Test
    void aBootstrapStepMustBeTheFilesStep() throws IOException {
        example();
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}", """
                {type: stochastic, asset: eth, stepSeconds: 60,
                     generator: {type: bootstrap, file: eth-usd-10min-sample.json, blockLength: 2}}""");
        assertThat(problems("boot.yaml", text)).containsExactly("boot.yaml:" + Resources.at(text, "stepSeconds")
                + ": drivers[0].stepSeconds: must equal the generator's step of 600 seconds (was 60)");
    }

    @Test
    void aGeneratorsOwnRuleIsReportedAtTheGenerator() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}", """
                {type: stochastic, asset: eth, stepSeconds: 60,
                     generator: {type: garch, mean: 0, omega: 0.00001, alpha: 0.5, beta: 0.6}}""");
        assertThat(problems("garch.yaml", text)).containsExactly("garch.yaml:" + Resources.at(text, "{type: garch")
                + ": drivers[0].generator: GARCH alpha + beta must be < 1 for a stationary variance (was 1.1)");
    }

    @Test
    void anUnknownEcosystemIsNamed() throws IOException {
        String text = SMALL.replace("ecosystem: defi-2025", "ecosystem: defi-2030.yaml");
        assertThat(problems("eco.yaml", text)).containsExactly("eco.yaml:" + Resources.at(text, "ecosystem")
                + ": ecosystem: 'defi-2030.yaml' is neither a bundled ecosystem (defi-2025, maker-2020) nor a snapshot "
                + "file (no file "
                + dir.resolve("defi-2030.yaml") + ")");
    }

    @Test
    void anEcosystemFileIsReadRelativeToTheScenario() throws IOException {
        Files.createDirectories(dir.resolve("eco"));
        Files.writeString(dir.resolve("eco/example.yaml"), Resources.text("/snapshots/example.yaml"));
        String text = """
                name: relative
                ecosystem: eco/example.yaml
                horizonSeconds: 60
                """;
        LoadedScenario loaded = ScenarioReader.read(write("relative.yaml", text));
        assertThat(loaded.snapshot().name()).isEqualTo(SnapshotReader.read(dir.resolve("eco/example.yaml")).name());
        assertThat(loaded.scenario().ecosystem()).isEqualTo("eco/example.yaml");
    }

    @Test
    void aScenarioReadFromTextCannotNameFiles() throws IOException {
        String text = SMALL.replace("{type: step, asset: eth, shock: -0.3, atSeconds: 600}",
                "{type: path, asset: eth, file: a.json}");
        SnapshotFormatException e = catchThrowableOfType(SnapshotFormatException.class,
                () -> ScenarioReader.read(text, "inline", Format.YAML, null));
        assertThat(e.getMessage()).isEqualTo("inline:" + Resources.at(text, "file:")
                + ": drivers[0].file: this scenario was not read from a file, so it cannot name data files");
    }

    @Test
    void anEmptyDocumentIsAnError() throws IOException {
        assertThat(problems("empty.yaml", "")).containsExactly("empty.yaml:1:1: empty document: expected a scenario "
                + "object");
    }
}
