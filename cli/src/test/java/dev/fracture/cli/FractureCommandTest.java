package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(r.out()).contains("demo", "simulate", "compare", "report", "quote", "route", "ecosystems", "validate",
                "calibrate", "sweep", "advise");
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
    void wstethSellsForUsdcThroughEthAndNotWithOneHop() throws Exception {
        // defi-2025 has no wstETH/USDC venue: two hops go through the wstETH/ETH pool and the ETH/USDC pools.
        Run r = run("route", "--sell", "wsteth", "--buy", "usdc", "--amount", "100", "--no-gas", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/result/fills/0/hop").asText()).isEqualTo("TO_INTERMEDIATE");
        assertThat(doc.at("/result/fills/0/venue").asText()).isEqualTo("uniswap-v3-wsteth-eth-100");
        assertThat(doc.at("/result/fills/1/hop").asText()).isEqualTo("FROM_INTERMEDIATE");
        // 100 wstETH are worth 399,000 USDC at reference prices; two 0.01% and 0.05% hops cost a few bps.
        assertThat(doc.at("/result/routedOut").asDouble()).isBetween(398_000.0, 399_000.0);
        assertThat(doc.at("/result/unifiedOut").asText()).isEqualTo("NaN");

        Run text = run("route", "--sell", "wsteth", "--buy", "usdc", "--amount", "100");
        assertThat(text.out()).contains("hop 1 wsteth > eth", "hop 2 eth > usdc", "no venue trades the pair itself");

        // 20,000 wstETH also unwrap and sell stETH in Curve's stETH pool before the ETH is sold: three hops.
        Run big = run("route", "--sell", "wsteth", "--buy", "usdc", "--amount", "20000");
        assertThat(big.out()).contains("hop 1 wsteth > eth", "hop 1 wsteth > steth", "hop 2 steth > eth",
                "hop 3 eth > usdc");

        Run one = run("route", "--sell", "wsteth", "--buy", "usdc", "--amount", "100", "--max-hops", "1", "--json");
        assertThat(new ObjectMapper().readTree(one.out()).at("/result/routedOut").asDouble()).isZero();

        Run bad = run("route", "--sell", "wsteth", "--buy", "usdc", "--amount", "100", "--max-hops", "3");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("max hops must be 1", "was 3");
    }

    @Test
    void wstethSellsForEthByUnwrappingAndSellingStethInCurveBesideItsOwnPool() throws Exception {
        Run r = run("route", "--sell", "wsteth", "--buy", "eth", "--amount", "5000", "--no-gas", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode fills = new ObjectMapper().readTree(r.out()).at("/result/fills");
        JsonNode unwrap = null;
        JsonNode curve = null;
        for (JsonNode f : fills) {
            if (f.get("venue").asText().equals("lido-wsteth")) {
                unwrap = f;
            } else if (f.get("venue").asText().equals("curve-steth")) {
                curve = f;
            }
        }
        assertThat(unwrap).as(r.out()).isNotNull();
        assertThat(curve).as(r.out()).isNotNull();
        // Lido's unwrap pays stEthPerToken = the asset's exchange rate, 1.21 stETH per wstETH, and no fee.
        assertThat(unwrap.get("hop").asText()).isEqualTo("TO_INTERMEDIATE");
        assertThat(unwrap.get("delivered").asDouble()).isCloseTo(1.21 * unwrap.get("amountIn").asDouble(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(curve.get("hop").asText()).isEqualTo("FROM_INTERMEDIATE");
        assertThat(curve.get("venueAmountIn").asDouble()).isEqualTo(unwrap.get("delivered").asDouble());

        Run quote = run("quote", "--venue", "lido-wsteth", "--sell", "wsteth", "--amount", "10", "--exact", "--json");
        assertThat(quote.exit()).as(quote.err()).isZero();
        assertThat(new ObjectMapper().readTree(quote.out()).at("/units/amountOut").asText())
                .isEqualTo("12100000000000000000");
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
    void exactQuoteOfAnInlineVenueIsTheContractsIntegerResult() throws Exception {
        // Uniswap v2-core's swap test case (test/UniswapV2Pair.spec.ts, swapTestCases): 1e18 in against reserves
        // 5e18 / 10e18 gives 1662497915624478906 out. ETH and DAI both have 18 decimals.
        String json = "{\"type\":\"constant-product\",\"id\":\"inline\",\"chain\":\"ethereum\",\"token0\":\"eth\","
                + "\"token1\":\"dai\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}";
        Run r = run("quote", "--venue-json", json, "--sell", "eth", "--amount", "1", "--exact", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/units/amountOut").asText()).isEqualTo("1662497915624478906");
        assertThat(doc.at("/quote/amountOut").asText()).isEqualTo("1.662497915624478906");
        Run table = run("quote", "--venue-json", json, "--sell", "eth", "--amount", "1", "--exact");
        assertThat(table.out()).contains("1.662497915624478906", "1662497915624478906");
    }

    @Test
    void exactOutQuoteAsksForOneUnitMoreThanTheInverse() throws Exception {
        // getAmountIn(1662497915624478906, 5e18, 10e18) = 5e18·1662497915624478906·1000 /
        // ((10e18 − 1662497915624478906)·997) + 1, worked by hand: 999999999999999999 + 1 = 1e18.
        String json = "{\"type\":\"constant-product\",\"id\":\"inline\",\"chain\":\"ethereum\",\"token0\":\"eth\","
                + "\"token1\":\"dai\",\"reserve0\":\"5\",\"reserve1\":\"10\",\"feePips\":3000}";
        Run r = run("quote", "--venue-json", json, "--sell", "eth", "--buy", "dai", "--amount", "1.662497915624478906",
                "--exact-out", "--exact", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).at("/units/amountIn").asText()).isEqualTo("1000000000000000000");
    }

    @Test
    void exactAmountFinerThanTheTokenIsACleanError() {
        Run r = run("quote", "--venue", "uniswap-v2-usdc-eth", "--sell", "usdc", "--amount", "1.0000001", "--exact");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--amount 1.0000001 has more decimal places than usdc's 6 decimals");
    }

    @Test
    void malformedAmountIsACleanError() {
        Run r = run("quote", "--venue", "uniswap-v2-usdc-eth", "--sell", "usdc", "--amount", "lots");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--amount must be a decimal number (was 'lots')");
    }

    @Test
    void ecosystemsShowsTheIdsOtherCommandsTake() {
        Run list = run("ecosystems");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("defi-2025");
        Run detail = run("ecosystems", "defi-2025");
        assertThat(detail.exit()).as(detail.err()).isZero();
        assertThat(detail.out()).contains("Assets", "usdc-arbitrum", "bridged from usdc via cctp-arbitrum",
                "uniswap-v3-usdc-eth-500", "concentrated-liquidity", "Protocols", "aave-v3", "pooled-lending", "eth-osm",
                "hyperliquid-perps", "perp-exchange", "deribit-eth-dealers", "options-dealer");
    }

    /**
     * {@code ecosystems --json}: the list and one ecosystem's parts as JSON. The figures are read off
     * io/src/main/resources/ecosystems/maker-2020.yaml by hand: one chain (13 s blocks, 5 gwei), ETH at 195.21 and
     * DAI, no bridge, one Uniswap v1 pool of dai and eth, three feeds, and Maker with 22 vaults (vault-1 to vault-22).
     */
    @Test
    void ecosystemsJsonHoldsTheListAndTheParts() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Run list = run("ecosystems", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode all = m.readTree(list.out()).get("ecosystems");
        assertThat(all.findValuesAsText("name")).containsExactly("defi-2025", "maker-2020");
        JsonNode maker = all.get(1);
        assertThat(maker.get("asOf").asText()).isEqualTo("2020-03-12T00:00:00Z");
        assertThat(List.of(maker.get("chains").asInt(), maker.get("assets").asInt(), maker.get("bridges").asInt(),
                maker.get("venues").asInt(), maker.get("oracles").asInt(), maker.get("protocols").asInt()))
                .containsExactly(1, 2, 0, 1, 3, 1);

        Run detail = run("ecosystems", "maker-2020", "--json");
        assertThat(detail.exit()).as(detail.err()).isZero();
        JsonNode d = m.readTree(detail.out());
        assertThat(d.get("name").asText()).isEqualTo("maker-2020");
        assertThat(d.at("/chains/0/id").asText()).isEqualTo("ethereum");
        assertThat(d.at("/chains/0/blockTimeSeconds").asDouble()).isEqualTo(13);
        assertThat(d.at("/chains/0/baseFeeGwei").asDouble()).isEqualTo(5);
        assertThat(d.at("/assets/0/referencePriceUsd").asDouble()).isEqualTo(195.21);
        assertThat(d.at("/assets/1/kind").asText()).isEqualTo("stablecoin (USD)");
        assertThat(d.get("bridges")).isEmpty();
        assertThat(d.at("/venues/0/type").asText()).isEqualTo("constant-product");
        assertThat(List.of(d.at("/venues/0/assets/0").asText(), d.at("/venues/0/assets/1").asText()))
                .containsExactly("dai", "eth");
        assertThat(d.get("oracles").findValuesAsText("id")).containsExactly("eth-usd", "dai-usd", "eth-osm");
        assertThat(d.at("/oracles/2/reads").asText()).isEqualTo("eth-usd one hop (3600 s) late");
        assertThat(d.at("/protocols/0/type").asText()).isEqualTo("cdp");
        assertThat(d.at("/protocols/0/positions").asInt()).isEqualTo(22);

        // The bundled defi-2025 as the table shows it: a bridged asset's origin and bridge, in the same words.
        JsonNode defi = m.readTree(run("ecosystems", "defi-2025", "--json").out());
        JsonNode usdcArbitrum = null;
        for (JsonNode a : defi.get("assets")) {
            usdcArbitrum = a.get("id").asText().equals("usdc-arbitrum") ? a : usdcArbitrum;
        }
        assertThat(usdcArbitrum).isNotNull();
        assertThat(usdcArbitrum.get("kind").asText()).isEqualTo("bridged from usdc via cctp-arbitrum");
        assertThat(defi.get("protocols").findValuesAsText("id")).contains("hyperliquid-perps",
                "deribit-eth-dealers");
    }

    @Test
    void simulateRunsABundledScenarioReproducibly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("trace.csv");
        Run a = run("simulate", "eth-crash-30", "--json", "--trace", csv.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(a.out());
        assertThat(doc.at("/summary/liquidations").asInt()).isGreaterThan(0);
        // Every protocol of defi-2025 has a book now: Maker runs with the rest.
        assertThat(doc.at("/notSimulated").toString()).doesNotContain("protocol maker");
        // The shock is ETH's, its first driver, though stETH and wstETH fall a point further (31%): the summary's move
        // is ETH's 30%, and Arbitrum's and Base's Aave, which hold no ETH, are reached through bridged WETH.
        assertThat(doc.at("/summary/shockedAsset").asText()).isEqualTo("eth");
        assertThat(doc.at("/summary/initialMove").asDouble()).isCloseTo(0.30, within(1e-12));
        assertThat(doc.at("/summary/contagion"))
                .extracting(n -> n.get("channel").asText() + " " + n.get("via").asText())
                .contains("BRIDGED_ASSET weth-arbitrum", "BRIDGED_ASSET weth-base");
        // eth-crash-30 names its liquidators: nothing to caution about.
        assertThat(doc.at("/cautions").isArray()).isTrue();
        assertThat(doc.at("/cautions").size()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("time,chain,ref:");
        Run b = run("simulate", "eth-crash-30", "--json");
        assertThat(new ObjectMapper().readTree(b.out()).at("/traceHash").asText())
                .isEqualTo(doc.at("/traceHash").asText());
        Run table = run("simulate", "eth-crash-30");
        // eth-crash-30 holds nothing the engine leaves out, so the table names nothing as not simulated.
        assertThat(table.out()).contains("cascade multiplier").doesNotContain("Not simulated yet");
    }

    @Test
    void simulateUnifiedReportsTheCostOfFragmentation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.yaml");
        java.nio.file.Files.writeString(file, """
                name: short
                ecosystem: defi-2025
                horizonSeconds: 120
                drivers:
                  - {type: step, asset: eth, shock: -0.3, atSeconds: 24}
                """);
        Run table = run("simulate", file.toString(), "--unified");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("Cost of fragmentation", "slippage paid by liquidators (USD)",
                "time to stabilize");
        Run json = run("simulate", file.toString(), "--unified", "--json");
        assertThat(json.out()).contains("\"fragmentationCost\"", "\"slippageUsd\"", "\"badDebtByChain\"");
    }

    /**
     * A scenario without a liquidators list runs (the world without keepers is a counterfactual), but nobody
     * liquidates in it, and every way of reading its results says so before the numbers.
     */
    @Test
    void aScenarioWithNoLiquidatorsIsRunWithACautionBesideItsResults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keeperless.yaml");
        Files.writeString(file, """
                name: keeperless
                ecosystem: defi-2025
                horizonSeconds: 120
                drivers:
                  - {type: step, asset: eth, shock: -0.3, atSeconds: 24}
                """);
        Run table = run("simulate", file.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        String out = table.out();
        assertThat(out).contains("Caution: the scenario names no liquidators, so nobody liquidates a position");
        assertThat(out.indexOf("Caution:")).isLessThan(out.indexOf("cascade multiplier"));
        Run json = run("simulate", file.toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.at("/cautions").size()).isEqualTo(1);
        assertThat(doc.at("/cautions/0").asText()).contains("no liquidators");
        // What the caution warns of: no keeper acts, so no liquidation is booked.
        assertThat(doc.at("/summary/liquidations").asInt()).isZero();
        Path html = dir.resolve("keeperless.html");
        assertThat(run("simulate", file.toString(), "--html", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("<strong>Caution:</strong> the scenario names no liquidators");
        Run compare = run("compare", file.toString());
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("Caution: the scenario names no liquidators");
    }

    @Test
    void simulateRejectsAnUnknownScenario() {
        Run r = run("simulate", "no-such-scenario");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("scenario 'no-such-scenario'", "eth-crash-30");
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
        assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+").doesNotContain("Exception", "\tat ");
    }

    private static String firstVenueOfType(String type) throws Exception {
        Run r = run("ecosystems");
        assertThat(r.exit()).isZero();
        dev.fracture.model.EcosystemSnapshot s = EcosystemSource.load(EcosystemSource.DEFAULT);
        return s.venues().stream().filter(v -> v instanceof dev.fracture.model.VenueSpec.ConcentratedLiquidity)
                .findFirst().orElseThrow().id().value();
    }
}
