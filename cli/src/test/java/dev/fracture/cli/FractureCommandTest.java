package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FractureCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FractureCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo", "quote", "route", "ecosystems", "validate");
    }

    @Test
    void demoRoutesGrowingOrdersAndReportsFragmentation() {
        Run r = run("demo");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("fragmentation", "unified pool", "best single venue");
    }

    @Test
    void routeJsonCarriesFillsAndFragmentationCost() throws Exception {
        Run r = run("route", "--sell", "eth", "--buy", "usdc", "--amount", "2000", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/result/fills").size()).isGreaterThan(1);
        assertThat(doc.at("/result/routedOut").asDouble()).isGreaterThan(0);
        assertThat(doc.at("/result/routedOut").asDouble()).isLessThanOrEqualTo(doc.at("/result/referenceOut").asDouble());
        assertThat(doc.has("fragmentationCostBps")).isTrue();
        assertThat(doc.at("/result/fills/0/venue").isTextual()).isTrue();
    }

    @Test
    void quoteExactAndFastAgreeOnABundledPool() throws Exception {
        String venue = firstVenueOfType("concentrated-liquidity");
        Run fast = run("quote", "--venue", venue, "--sell", "eth", "--amount", "10", "--json");
        Run exact = run("quote", "--venue", venue, "--sell", "eth", "--amount", "10", "--exact", "--json");
        assertThat(fast.exit()).as(fast.err()).isZero();
        assertThat(exact.exit()).as(exact.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        double f = m.readTree(fast.out()).at("/quote/amountOut").asDouble();
        double e = m.readTree(exact.out()).at("/quote/amountOut").asDouble();
        assertThat(f).isCloseTo(e, org.assertj.core.api.Assertions.within(e * 1e-9));
    }

    @Test
    void quoteOfAnInlineVenue() {
        String json = "{\"type\":\"constant-product\",\"id\":\"inline\",\"chain\":\"ethereum\",\"token0\":\"eth\","
                + "\"token1\":\"usdc\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}";
        Run r = run("quote", "--venue-json", json, "--sell", "eth", "--amount", "1", "--exact", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        // Uniswap v2-core's swap test case: 1 in against reserves 5 / 10 gives 1.662497915624478906 out; USDC has
        // 6 decimals, so the integer result is 1662497 units.
        assertThat(r.out()).contains("\"amountOut\" : 1.662497");
    }

    @Test
    void unknownEcosystemIsACleanError() {
        Run r = run("route", "--ecosystem", "no-such-thing", "--sell", "eth", "--buy", "usdc", "--amount", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--ecosystem 'no-such-thing'", "defi-2025");
    }

    @Test
    void negativeAmountIsACleanError() {
        Run r = run("route", "--sell", "eth", "--buy", "usdc", "--amount", "-5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("positive finite");
    }

    @Test
    void unknownAssetIsACleanError() {
        Run r = run("route", "--sell", "DOGE", "--buy", "usdc", "--amount", "5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unknown asset 'DOGE'");
    }

    @Test
    void unknownVenueIsACleanError() {
        Run r = run("quote", "--venue", "nope", "--sell", "eth", "--amount", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--venue 'nope'");
    }

    @Test
    void missingOptionIsAUsageError() {
        Run r = run("route", "--sell", "ETH");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--buy");
    }

    @Test
    void validateNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nasOf: 2025-01-01T00:00:00Z\nchains: [\n");
        Run r = run("validate", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+");
    }

    private static String firstVenueOfType(String type) throws Exception {
        Run r = run("ecosystems");
        assertThat(r.exit()).isZero();
        dev.fracture.model.EcosystemSnapshot s = EcosystemSource.load(EcosystemSource.DEFAULT);
        return s.venues().stream().filter(v -> v instanceof dev.fracture.model.VenueSpec.ConcentratedLiquidity)
                .findFirst().orElseThrow().id().value();
    }
}
