package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code fracture report}: tables, the schema's JSON, and clear errors for bad input. */
class ReportCommandTest {

    @Test
    void tablesShowTheMeasuresOfEachAsset() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Risk report v1.0.0 of defi-2025", "critical shock", "solvency boundary",
                "depth within 2.00%", "liquidity velocity", "HHI over protocols", "fragmentation cost",
                "Oracle dependency", "eth-osm", "DebtRank");
    }

    /**
     * The text names the impact model behind its critical shock and resting prices, as docs/measures.md requires of
     * every report: the report's model is venue-depth (docs/measures.md, "the report's"), stated on the line just
     * above the table whose first row is the critical shock, with the parameters the JSON carries.
     */
    @Test
    void theTextStatesTheImpactModelAboveTheCriticalShock() throws Exception {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth");
        assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> lines = r.out().lines().toList();
        int at = 0;
        while (!lines.get(at).startsWith("impact model:")) {
            at++;
        }
        String line = lines.get(at);
        assertThat(line).startsWith("impact model: venue-depth, as if all venues were arbitraged to one price");
        assertThat(lines.get(at + 1)).startsWith("measure");
        assertThat(lines.get(at + 3)).startsWith("critical shock (fracture point)");
        JsonNode params = new ObjectMapper().readTree(FractureCommandTest.run("report", "--asset", "eth", "--json")
                .out()).at("/assets/0/cascade/impactModel/parameters");
        assertThat(params.size()).isEqualTo(4);
        params.fieldNames().forEachRemaining(name -> assertThat(line).containsPattern("[ (]" + name + " \\d"));
        assertThat(line).containsPattern("maxFall 0\\.95[,)]");
    }

    /**
     * The "by protocol" cells list protocols in id order, the order docs/risk-report.md states. On defi-2025 the
     * six lending protocols holding ETH-family collateral, sorted by hand, differ from the snapshot file's order
     * (morpho-blue comes before compound-v3-usdc there), so neither file order nor a hash order passes by chance.
     */
    @Test
    void byProtocolListsProtocolsInIdOrder() throws Exception {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth");
        assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> sorted = java.util.List.of("aave-v3", "aave-v3-arbitrum", "aave-v3-base",
                "compound-v3-usdc", "maker", "morpho-blue");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^ *-(\\d+)\\.00%  .*$").matcher(r.out());
        int rows = 0;
        while (row.find()) {
            java.util.List<String> named = protocolsNamed(row.group(), sorted);
            assertThat(named).as(row.group()).isSortedAccordingTo(String::compareTo);
            if (row.group(1).equals("10")) {
                assertThat(named).as(row.group()).isEqualTo(sorted);
            }
            rows++;
        }
        assertThat(rows).isEqualTo(7);
        // The JSON's byProtocol objects are in the same order.
        JsonNode down = new ObjectMapper().readTree(FractureCommandTest.run("report", "--asset", "eth", "--json").out())
                .at("/assets/0/liquidationCurve/down/10/byProtocol");
        java.util.List<String> keys = new java.util.ArrayList<>();
        down.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(sorted);
    }

    /** The protocol ids in a row, in the order they appear ("aave-v3" not counted inside "aave-v3-base"). */
    private static java.util.List<String> protocolsNamed(String row, java.util.List<String> ids) {
        java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
        for (String id : ids) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[ ,])" + java.util.regex.Pattern.quote(id)
                    + " \\d").matcher(row);
            while (m.find()) {
                at.put(m.start(), id);
            }
        }
        return new java.util.ArrayList<>(at.values());
    }

    @Test
    void jsonIsTheVersionedReportWithLvarWhenAVolatilityIsGiven() throws Exception {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth", "--volatility", "eth=0.045",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/schemaVersion").asText()).isEqualTo("1.0.0");
        assertThat(doc.at("/snapshot/ecosystem").asText()).isEqualTo("defi-2025");
        assertThat(doc.at("/assets").size()).isEqualTo(1);
        assertThat(doc.at("/assets/0/liquidationCurve/down").size()).isEqualTo(91);
        assertThat(doc.at("/assets/0/lvar/dailyVolatility").asDouble()).isEqualTo(0.045);
        assertThat(doc.at("/assets/0/lvar/confidence").asDouble()).isEqualTo(0.99);
    }

    @Test
    void anUnknownAssetIsABadInputNamingTheKnownOnes() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "doge");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("fracture report: asset 'doge': unknown in ecosystem 'defi-2025'", "wsteth");
    }

    @Test
    void aVolatilityThatIsNotAPositiveNumberIsRefused() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--volatility", "eth=NaN");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--volatility eth=NaN: a daily volatility must be a finite fraction > 0");
    }

    /**
     * Twenty paths of cell 1 with liquidations 1,000·k and bad debt 100·k USD (k = 1..20), beside a cell 0 that must be
     * ignored. By the empirical quantile x(⌈q·n⌉) (Hyndman and Fan 1996, definition 1): LaR95 = x(19) = 19,000;
     * bad-debt VaR95 = x(19) = 1,900 and VaR99 = x(⌈19.8⌉ = 20) = 2,000; means 10,500 and 1,050.
     */
    @Test
    void aSweepsPathsGiveLarAndVarOverTheScenariosHorizon(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int k = 1; k <= 20; k++) {
            rows.append(String.format("{\"cell\":1,\"path\":%d,\"liquidatedUsd\":%d,\"badDebtUsd\":%d},", k - 1,
                    1000 * k, 100 * k));
            rows.append(String.format("{\"cell\":0,\"path\":%d,\"liquidatedUsd\":%d,\"badDebtUsd\":%d},", k - 1,
                    9_000_000, 9_000_000));
        }
        java.nio.file.Path sweep = dir.resolve("sweep.json");
        java.nio.file.Files.writeString(sweep, "{\"horizonSeconds\":3600,\"rootSeed\":7,\"rows\":["
                + rows.substring(0, rows.length() - 1) + "]}");
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth", "--monte-carlo",
                "eth=" + sweep, "--cell", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode t = new ObjectMapper().readTree(r.out()).at("/assets/0/tailRisk");
        assertThat(t.at("/horizonSeconds").asLong()).isEqualTo(3600);
        assertThat(t.at("/paths").asInt()).isEqualTo(20);
        assertThat(t.at("/seed").asLong()).isEqualTo(7);
        assertThat(t.at("/liquidationsAtRisk/0/usd").asDouble()).isEqualTo(19_000);
        assertThat(t.at("/badDebtVar/0/usd").asDouble()).isEqualTo(1_900);
        assertThat(t.at("/badDebtVar/1/usd").asDouble()).isEqualTo(2_000);
        assertThat(t.at("/meanLiquidationsUsd").asDouble()).isEqualTo(10_500);
        assertThat(t.at("/meanBadDebtUsd").asDouble()).isEqualTo(1_050);
        FractureCommandTest.Run table = FractureCommandTest.run("report", "--asset", "eth", "--monte-carlo",
                "eth=" + sweep, "--cell", "1");
        assertThat(table.out()).contains("LaR 95% over 3600 s, 20 paths (USD)", "19,000");
    }

    @Test
    void aMonteCarloFileThatIsNotASweepOrLacksTheCellIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path notSweep = dir.resolve("x.json");
        java.nio.file.Files.writeString(notSweep, "{\"rows\":[]}");
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth", "--monte-carlo",
                "eth=" + notSweep);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not a sweep's JSON", "horizonSeconds");
        java.nio.file.Path sweep = dir.resolve("s.json");
        java.nio.file.Files.writeString(sweep, "{\"horizonSeconds\":60,\"rootSeed\":1,\"rows\":["
                + "{\"cell\":0,\"liquidatedUsd\":-5,\"badDebtUsd\":0}]}");
        FractureCommandTest.Run neg = FractureCommandTest.run("report", "--asset", "eth", "--monte-carlo", "eth=" + sweep);
        assertThat(neg.exit()).isEqualTo(1);
        assertThat(neg.err()).contains("rows[0].liquidatedUsd: must be a finite number >= 0");
        FractureCommandTest.Run noCell = FractureCommandTest.run("report", "--asset", "eth", "--monte-carlo",
                "eth=" + sweep, "--cell", "3");
        assertThat(noCell.exit()).isEqualTo(1);
        assertThat(noCell.err()).contains("no path of cell 3");
        FractureCommandTest.Run unknown = FractureCommandTest.run("report", "--monte-carlo", "doge=" + sweep);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("'doge' is not an asset of defi-2025");
    }
}
