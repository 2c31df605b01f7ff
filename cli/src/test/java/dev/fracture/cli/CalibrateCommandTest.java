package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fracture.io.ScenarioReader;
import dev.fracture.scenario.GeometricBrownianMotion;
import dev.fracture.scenario.Normals;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    /** Hourly candles newest first, as the Binance files are, from a GBM of known drift and volatility. */
    private static Path synthetic(Path dir, double mu, double sigma, int n, long seed) throws Exception {
        double dt = 3600.0 / (365 * 86_400);
        Normals z = Normals.seeded(seed);
        double[] shocks = new double[n];
        for (int i = 0; i < n; i++) {
            shocks[i] = z.next();
        }
        double[] p = new GeometricBrownianMotion(mu, sigma).prices(2000, n, dt, shocks, Normals.seeded(seed + 1));
        Path file = dir.resolve("synthetic-1h.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("unix,date,symbol,open,high,low,close,Volume ETH,Volume USDT,tradecount");
            for (int i = p.length - 1; i >= 0; i--) {
                w.printf("%d,x,ETH/USDT,0,0,0,%s,0,0,0%n", (1_500_000_000L + 3600L * i) * 1000, p[i]);
            }
        }
        return file;
    }

    private static double field(String out, String name) {
        Matcher m = Pattern.compile(name + "([-0-9.e+]+)").matcher(out);
        assertThat(m.find()).as(name + " in " + out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void recoversTheDriftAndVolatilityOfAKnownSeries(@TempDir Path dir) throws Exception {
        int n = 40_000;
        FractureCommandTest.Run r = FractureCommandTest.run("calibrate", synthetic(dir, 0.4, 0.9, n, 12).toString(),
                "--model", "gbm");
        assertThat(r.exit()).as(r.err()).isZero();
        // Tolerances: 4 standard errors, sigma / sqrt(2n) for the volatility and sigma / sqrt(T) for the drift.
        double years = n / 8760.0;
        assertThat(field(r.out(), "volatility: ")).as("seed 12").isCloseTo(0.9, within(4 * 0.9 / Math.sqrt(2.0 * n)));
        assertThat(field(r.out(), "drift: ")).as("seed 12").isCloseTo(0.4, within(4 * 0.9 / Math.sqrt(years)));
    }

    @Test
    void everyPrintedDriverReadsBackAsAScenario(@TempDir Path dir) throws Exception {
        Path csv = synthetic(dir, 0, 0.7, 3000, 4);
        FractureCommandTest.Run r = FractureCommandTest.run("calibrate", csv.toString(), "--asset", "eth");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> drivers = r.out().lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(drivers).hasSize(4);
        for (String d : drivers) {
            Path scenario = dir.resolve("pasted.yaml");
            Files.writeString(scenario, "name: pasted\necosystem: defi-2025\nhorizonSeconds: 7200\ndrivers:\n  " + d
                    + "\n");
            assertThat(ScenarioReader.read(scenario).scenario().drivers()).as(d).hasSize(1);
        }
    }

    @Test
    void fitsTheRealEthHistory() {
        String repo = System.getProperty("fracture.repo", System.getProperty("user.dir") + "/..");
        Path file = Path.of(repo).toAbsolutePath().normalize().resolveSibling("shared")
                .resolve("data/prices/binance-ethusdt-1h.csv");
        assumeTrue(Files.isRegularFile(file), "skipped: no market data at " + file);
        FractureCommandTest.Run r = FractureCommandTest.run("calibrate", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("returns of 3600 s", "2017-08-17");
        // ETH's realised volatility over 2017-2021 was of order 80-100% a year; hourly crypto returns cluster
        // (GARCH persistence near 1) and have jumps.
        assertThat(field(r.out(), "type: gbm, drift: [-0-9.e+]+, volatility: ")).isBetween(0.6, 1.3);
        assertThat(field(r.out(), "persistence alpha \\+ beta = ")).isBetween(0.8, 1.0);
        assertThat(field(r.out(), "jumpsPerYear: ")).isPositive();
    }

    @Test
    void badInputExitsOne(@TempDir Path dir) throws Exception {
        assertThat(FractureCommandTest.run("calibrate", dir.resolve("none.csv").toString()).err()).contains("no file");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "unix,close\n1500000000,100\n1500003600,abc\n");
        FractureCommandTest.Run r = FractureCommandTest.run("calibrate", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:3", "close must be a number");
        Path csv = synthetic(dir, 0, 0.7, 100, 4);
        assertThat(FractureCommandTest.run("calibrate", csv.toString(), "--model", "heston").err())
                .contains("--model must be");
    }
}
