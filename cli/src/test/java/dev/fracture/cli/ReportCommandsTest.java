package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.cli.report.PngCharts;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** simulate --html/--png, compare and demo, through the command line as a user runs them. */
class ReportCommandsTest {
    private static final List<String> CHARTS = List.of("reference-prices", "oracle-prices", "venue-prices",
            "liquidations", "bad-debt", "forced-sales");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FractureCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void simulateWritesASelfContainedHtmlReportAndPngCharts(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Path pngs = dir.resolve("charts");
        Run r = run("simulate", "eth-crash-30", "--html", html.toString(), "--png", pngs.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Report: " + html.toAbsolutePath(), "Charts: 6 PNG files", "cascade multiplier");

        String page = Files.readString(html);
        // Opens offline: nothing fetched from anywhere, every src an inline data URI.
        assertThat(page).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("<script").doesNotContain("<link");
        Matcher src = Pattern.compile("(src|href)=\"([^\"]*)\"").matcher(page);
        while (src.find()) {
            assertThat(src.group(2)).startsWith("data:image/png;base64,");
        }
        // Well-formed enough for an XML parser, with every chart, the graph and the tables.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(html.toFile());
        NodeList imgs = doc.getElementsByTagName("img");
        assertThat(imgs.getLength()).isEqualTo(CHARTS.size());
        for (int i = 0; i < imgs.getLength(); i++) {
            assertThat(imgs.item(i).getAttributes().getNamedItem("id").getNodeValue())
                    .isEqualTo("chart-" + CHARTS.get(i));
        }
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(page).contains("protocol:aave-v3", "Event log", "Summary", "liquidation", "Liquidators");
        // eth-crash-30 liquidates ETH collateral in Aave: that edge is drawn as damaged.
        assertThat(page).contains("<path class=\"edge collateral hit\"");

        for (String chart : CHARTS) {
            Path png = pngs.resolve(chart + ".png");
            assertThat(png).exists();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(PngCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PngCharts.HEIGHT);
        }
    }

    @Test
    void jsonGoesToStdoutCleanAndNoProgressBarIsDrawn(@TempDir Path dir) throws Exception {
        Run r = run("simulate", "eth-crash-30", "--json", "--html", dir.resolve("r.html").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/summary/liquidations").asInt()).isGreaterThan(0);
        assertThat(r.err()).isEmpty();
        assertThat(dir.resolve("r.html")).exists();
    }

    @Test
    void compareRunsNoneEachAloneAndAllInAFixedOrderIndependentOfThreads(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("two.yaml");
        Files.writeString(scenario, """
                name: two-mitigations
                ecosystem: defi-2025
                horizonSeconds: 120
                seed: 7
                drivers:
                  - {type: step, asset: eth, shock: -0.3, atSeconds: 24}
                mitigations:
                  - {type: circuit-breaker, asset: eth, movePct: 0.1, windowSeconds: 60, cooldownSeconds: 60, scope: liquidations}
                  - {type: backstop, fundUsd: 1000000, maxSlippageAbsorbed: 0.02}
                liquidators:
                  - {id: searcher, capital: [{chain: ethereum, asset: usdc, amount: 5000000}], usesFlashLoans: true,
                     priorityFeeGwei: 2, gasBudgetNative: 0.5, minProfitUsd: 50, reactionLatencyBlocks: 1,
                     maxSlippageShareOfBonus: 0.8, maxInventoryUsd: 500000}
                """);
        Run one = run("compare", scenario.toString(), "--json", "--threads", "1");
        Run two = run("compare", scenario.toString(), "--json", "--threads", "2");
        assertThat(one.exit()).as(one.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(one.out());
        JsonNode b = new ObjectMapper().readTree(two.out());
        assertThat(a.get("runs")).extracting(n -> n.get("variant").asText())
                .containsExactly("none", "circuit-breaker (eth)", "backstop", "all together");
        assertThat(a.at("/runs/3/mitigations")).hasSize(2);
        assertThat(a).isEqualTo(b);
        assertThat(a.at("/runs/0/liquidations").asInt()).isGreaterThan(0);

        Run table = run("compare", scenario.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("mitigations", "bad debt USD", "liquidated USD", "max drawdown",
                "all together");
        // simulate runs the scenario with both on, and says so: each mitigation, what it did, what it cost (the
        // backstop's fund, $1,000,000 as the scenario sets it, is its capital cost).
        Run simulated = run("simulate", scenario.toString());
        assertThat(simulated.out()).contains("Mitigations on in this run", "breaker/eth/liquidations", "backstop/all",
                "1,000,000.00");
        JsonNode sim = new ObjectMapper().readTree(run("simulate", scenario.toString(), "--json").out());
        assertThat(sim.get("mitigations")).extracting(n -> n.get("mitigation").asText())
                .containsExactly("breaker/eth/liquidations", "backstop/all");
        assertThat(sim.at("/mitigations/1/capitalCostUsd").asDouble()).isEqualTo(1_000_000);
        // Two minutes after a 30% step the prices still move: the summary's -1 reads as words, as in simulate.
        assertThat(a.at("/runs/0/timeToStabilizeSeconds").isIntegralNumber()).isTrue();
        assertThat(a.at("/runs/0/timeToStabilizeSeconds").asLong()).isEqualTo(-1);
        // Counts and seconds are integers in JSON, money a decimal.
        assertThat(a.at("/runs/0/liquidations").isIntegralNumber()).isTrue();
        assertThat(a.at("/runs/0/lastLiquidationSeconds").isIntegralNumber()).isTrue();
        assertThat(a.at("/runs/0/liquidatedUsd").isFloatingPointNumber()).isTrue();
        assertThat(table.out()).contains("not within the run").doesNotContain("-1.0000");
    }

    /**
     * compare's row with the scenario's own mitigations is the scenario as simulate runs it, bit for bit — its
     * liquidity providers who withdraw as volatility rises included (a copy that dropped them ran every row on a
     * market whose providers stay put).
     */
    @Test
    void compareRunsTheScenariosOwnMarketItsLiquidityProvidersIncluded(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("providers.yaml");
        Files.writeString(scenario, """
                name: providers
                ecosystem: defi-2025
                horizonSeconds: 240
                seed: 3
                drivers:
                  - {type: step, asset: eth, shock: -0.3, atSeconds: 24}
                mitigations:
                  - {type: backstop, fundUsd: 1000000, maxSlippageAbsorbed: 0.02}
                liquidators:
                  - {id: searcher, capital: [{chain: ethereum, asset: usdc, amount: 5000000}], usesFlashLoans: true,
                     priorityFeeGwei: 2, gasBudgetNative: 0.5, minProfitUsd: 50, reactionLatencyBlocks: 1,
                     maxSlippageShareOfBonus: 0.8, maxInventoryUsd: 500000}
                liquidityProviders: {windowSeconds: 120, calmVolatility: 0.01, sensitivity: 5, maxShare: 0.5}
                """);
        Run simulated = run("simulate", scenario.toString(), "--json");
        assertThat(simulated.exit()).as(simulated.err()).isZero();
        Run compared = run("compare", scenario.toString(), "--json");
        assertThat(compared.exit()).as(compared.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(compared.out()).get("runs");
        assertThat(rows).extracting(n -> n.get("variant").asText()).containsExactly("none", "backstop");
        assertThat(rows.get(1).get("traceHash").asText())
                .isEqualTo(new ObjectMapper().readTree(simulated.out()).get("traceHash").asText());
    }

    @Test
    void demoWritesTheReportWherePointedAndPrintsItsPathAndTheSummary(@TempDir Path dir) {
        Path html = dir.resolve("demo.html");
        Run r = run("demo", "--out", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Report: " + html.toAbsolutePath())
                .contains("Scenario defi-2025-stress on defi-2025", "cascade multiplier");
        assertThat(html).exists();
    }

    @Test
    void demoRoutingKeepsTheRoutingDemo() {
        Run r = run("demo", "--routing");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("fragmentation", "unified pool", "best single venue");
    }

    @Test
    void badArgumentsExitOneWithAClearMessage(@TempDir Path dir) throws Exception {
        Run missing = run("simulate", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.yaml' is neither a file nor a bundled scenario");

        Run unknown = run("compare", "no-such-scenario");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("scenario 'no-such-scenario'", "defi-2025-stress");

        Run noDir = run("simulate", "eth-crash-30", "--html", dir.resolve("missing/report.html").toString());
        assertThat(noDir.exit()).isEqualTo(1);
        assertThat(noDir.err()).contains("fracture simulate: --html", "does not exist");

        Run isDir = run("demo", "--out", dir.toString());
        assertThat(isDir.exit()).isEqualTo(1);
        assertThat(isDir.err()).contains("--out", "is a directory");

        Path file = Files.writeString(dir.resolve("plain"), "x");
        Run pngOnFile = run("simulate", "eth-crash-30", "--png", file.toString());
        assertThat(pngOnFile.exit()).isEqualTo(1);
        assertThat(pngOnFile.err()).contains("--png", "not a directory");

        Run threads = run("compare", "eth-crash-30", "--threads", "0");
        assertThat(threads.exit()).isEqualTo(1);
        assertThat(threads.err()).contains("--threads must be at least 1 (was 0)");
    }
}
