package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final String GRID = "aave-v3.eth.ltvBps=7000,8050";

    static String scenario() {
        String repo = System.getProperty("fracture.repo", System.getProperty("user.dir") + "/..");
        return Path.of(repo, "docs", "examples", "eth-jump-stress.yaml").toString();
    }

    private static FractureCommandTest.Run run(String... args) {
        return FractureCommandTest.run(args);
    }

    @Test
    void sweepWritesRowsForEveryCellAndPath(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Path json = dir.resolve("run.json");
        Path html = dir.resolve("report.html");
        FractureCommandTest.Run r = run("sweep", scenario(), "--paths", "3", "--grid", GRID, "--grid",
                "morpho-blue.wsteth-usdc-86.lltv=0.8,0.86", "--seed", "5", "--threads", "2", "--quiet", "--csv",
                csv.toString(), "--json", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 cell(s)", "shortfall VaR99", ", unbounded]",
                "unbounded: 3 paths per cell cannot bound shortfall VaR99 from above; that takes at least 368")
                .doesNotContain("inf]");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 4 * 3);
        assertThat(lines.get(0)).startsWith("scenario,cell,aave-v3.eth.ltvBps,morpho-blue.wsteth-usdc-86.lltv,path,seed,")
                .contains("badDebtUsd:aave-v3", "badDebtUsd:morpho-blue", "insolvent");
        JsonNode doc = new ObjectMapper().readTree(Files.readString(json));
        assertThat(doc.get("cells")).hasSize(4);
        assertThat(doc.get("rows")).hasSize(12);
        assertThat(doc.at("/rootSeed").asLong()).isEqualTo(5);
        // The scenario names its liquidators: nothing to caution about, in the JSON or the table.
        assertThat(doc.get("cautions")).isEmpty();
        assertThat(r.out()).doesNotContain("Caution:");
        assertThat(doc.at("/cells/3/parameters/aave-v3.eth.ltvBps").asDouble()).isEqualTo(8050);
        assertThat(doc.at("/cells/3/parameters/morpho-blue.wsteth-usdc-86.lltv").asDouble()).isEqualTo(0.86);
        // Three paths cannot bound VaR99 from above: the JSON says so with null.
        assertThat(doc.at("/cells/0/shortfallUsd/var99/upper").isNull()).isTrue();
        // The same seed in every cell: path i's seed is the same in cells 0 and 3.
        assertThat(doc.at("/rows/0/seed").asLong()).isEqualTo(doc.at("/rows/9/seed").asLong());
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "Heatmaps over the grid", "Shortfall VaR99", "Wilson")
                .doesNotContain("http://cdn", "<script");
    }

    @Test
    void adviseRecommendsTheMostBorrowingPowerUnderTheTarget() {
        FractureCommandTest.Run r = run("advise", scenario(), "--paths", "2", "--grid", GRID, "--target-var", "1e12",
                "--confidence", "0.95", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recommendation: cell 1: aave-v3.eth.ltvBps = 8050", "shortfall VaR95",
                "2 of 2 cells", "95% CI [", ", unbounded]; target",
                "unbounded: 2 paths per cell cannot bound shortfall VaR95 from above; that takes at least 72")
                .doesNotContain("inf]");
    }

    /**
     * {@code advise --json}: stdout is one JSON document, the sweep's plan and cells and the advice. Raising the LTV
     * (7000 to 8050 bps) can only add borrowing power, and a target of 1e12 USD admits both cells, so the rule
     * (most borrowing power under the target) picks cell 1. Two paths cannot bound VaR95 from above (docs/runs.md: it
     * takes 72), so the interval is open and the advice is not confident.
     */
    @Test
    void adviseJsonCarriesTheRecommendationAndTheCellsItWeighed() throws Exception {
        FractureCommandTest.Run r = run("advise", scenario(), "--paths", "2", "--grid", GRID, "--target-var", "1e12",
                "--confidence", "0.95", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.has("rows")).isFalse();
        assertThat(doc.at("/paths").asInt()).isEqualTo(2);
        JsonNode cells = doc.get("cells");
        assertThat(cells).hasSize(2);
        assertThat(cells.at("/1/borrowingPowerUsd").asDouble()).isGreaterThan(cells.at("/0/borrowingPowerUsd").asDouble());
        JsonNode advice = doc.get("advice");
        assertThat(advice.get("loss").asText()).isEqualTo("shortfall");
        assertThat(advice.get("level").asDouble()).isEqualTo(0.95);
        assertThat(advice.get("targetVarUsd").asDouble()).isEqualTo(1e12);
                assertThat(List.of(advice.at("/underTarget/0").asInt(), advice.at("/underTarget/1").asInt()))
                .containsExactly(0, 1);
        JsonNode rec = advice.get("recommendation");
        assertThat(rec.get("cell").asInt()).isEqualTo(1);
        assertThat(rec.at("/parameters/aave-v3.eth.ltvBps").asDouble()).isEqualTo(8050);
        assertThat(rec.get("borrowingPowerUsd").asDouble()).isEqualTo(cells.at("/1/borrowingPowerUsd").asDouble());
        assertThat(rec.at("/valueAtRisk/value").asDouble())
                .isEqualTo(cells.at("/1/shortfallUsd/var95/value").asDouble());
        assertThat(rec.at("/valueAtRisk/upper").isNull()).isTrue();
        assertThat(rec.get("confidentlyUnderTarget").asBoolean()).isFalse();
    }

    /**
     * No cell under a target of 0 when every path loses something: exit 1, as the text, with a null recommendation
     * and the lowest VaR found. With two paths VaR99 is the empirical quantile X(⌈2·0.99⌉) = X(2), the larger loss:
     * the cell's {@code max}.
     */
    @Test
    void adviseJsonWithNoCellUnderTheTargetExitsOne() throws Exception {
        FractureCommandTest.Run r = run("advise", "eth-crash-30", "--paths", "2", "--target-var", "0", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode advice = doc.get("advice");
        assertThat(advice.get("recommendation").isNull()).isTrue();
        assertThat(advice.get("underTarget")).isEmpty();
        assertThat(advice.at("/lowest/cell").asInt()).isZero();
        double max = doc.at("/cells/0/shortfallUsd/max").asDouble();
        assertThat(max).isPositive();
        assertThat(advice.at("/lowest/valueAtRisk/value").asDouble()).isEqualTo(max);
    }

    /**
     * An infinite side of an interval reads "unbounded". When: the VaR interval's upper rank exists only if all n
     * paths at or below the quantile has probability level^n <= 2.5%. By hand: 0.95^71 = 0.0262, 0.95^72 = 0.0249;
     * 0.99^367 = 0.02501, 0.99^368 = 0.02476. So 72 and 368 paths, and on the sample 1..368 the upper bound is the
     * largest path, 368 (P(B <= 366) = 1 - 0.99^368 - 368 * 0.01 * 0.99^367 = 0.883 < 97.5%, so no lower rank will do).
     */
    @Test
    void anUnboundedSideReadsUnboundedAndTheDocumentedPathCountsBoundIt() {
        assertThat(SweepCommand.withInterval(new dev.fracture.run.Estimate(251_054_516.24, 1e8,
                Double.POSITIVE_INFINITY), true)).isEqualTo("251,054,516.24 [100,000,000.00, unbounded]");
        assertThat(SweepCommand.withInterval(new dev.fracture.run.Estimate(0.5, Double.NEGATIVE_INFINITY, 0.9), false))
                .isEqualTo("0.500 [unbounded, 0.900]");
        assertThat(SweepCommand.pathsToBoundAbove(0.95)).isEqualTo(72);
        assertThat(SweepCommand.pathsToBoundAbove(0.99)).isEqualTo(368);
        // The estimator agrees at the edge: one path short is unbounded, the documented count is not.
        assertThat(SweepCommand.withInterval(dev.fracture.run.Estimators.valueAtRisk(oneTo(367), 0.99), true))
                .endsWith(", unbounded]");
        assertThat(SweepCommand.withInterval(dev.fracture.run.Estimators.valueAtRisk(oneTo(368), 0.99), true))
                .endsWith(", 368.0000]");
        assertThat(dev.fracture.run.Estimators.valueAtRisk(oneTo(71), 0.95).upper()).isInfinite();
        assertThat(dev.fracture.run.Estimators.valueAtRisk(oneTo(72), 0.95).upper()).isEqualTo(72);
    }

    private static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void badGridsAndOptionsExitOneWithAMessage() {
        assertBad("unknown protocol 'nope'", "sweep", scenario(), "--paths", "2", "--grid", "nope.eth.ltvBps=1");
        assertBad("no reserve 'doge'", "sweep", scenario(), "--paths", "2", "--grid", "aave-v3.doge.ltvBps=1");
        assertBad("unknown reserve field", "sweep", scenario(), "--paths", "2", "--grid", "aave-v3.eth.ltv=1");
        assertBad("values must be finite", "sweep", scenario(), "--paths", "2", "--grid", "aave-v3.eth.ltvBps=NaN");
        assertBad("has no values", "sweep", scenario(), "--paths", "2", "--grid", "aave-v3.eth.ltvBps=");
        assertBad("empty axis", "sweep", scenario(), "--paths", "2", "--grid", "aave-v3.eth.ltvBps=9000:8000:100");
        assertBad("liquidationThresholdBps", "sweep", scenario(), "--paths", "2", "--grid",
                "aave-v3.eth.ltvBps=9900");
        assertBad("fraction in (0, 1)", "sweep", scenario(), "--paths", "2", "--grid",
                "morpho-blue.wsteth-usdc-86.lltv=1.5");
        assertBad("paths must be between 1", "sweep", scenario(), "--paths", "0");
        assertBad("--engine must be local or spark", "sweep", scenario(), "--paths", "1", "--engine", "mpi",
                "--quiet");
        assertBad("--confidence must be 0.95 or 0.99", "advise", scenario(), "--paths", "1", "--target-var", "1",
                "--confidence", "0.9");
        assertBad("neither a file nor a bundled scenario", "sweep", "no-such-scenario", "--paths", "1");
    }

    private static void assertBad(String message, String... args) {
        FractureCommandTest.Run r = run(args);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.err()).contains(message);
    }
}
