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
        assertThat(r.out()).contains("4 cell(s)", "shortfall VaR99");
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
                "2 of 2 cells");
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
