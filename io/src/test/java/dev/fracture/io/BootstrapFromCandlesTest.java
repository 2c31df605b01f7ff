package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.scenario.BlockBootstrap;
import dev.fracture.scenario.Normals;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block bootstrap driven by the hourly Binance candles of ../shared/data/prices. */
class BootstrapFromCandlesTest {

    @Test
    void aBootstrapDriverReadsHourlyCandlesAndResamplesWholeBlocksOfThem(@TempDir Path dir) throws Exception {
        Path csv = SharedData.dir().resolve("prices/binance-ethusdt-1h.csv");
        Path scenario = dir.resolve("bootstrap.yaml");
        Files.writeString(scenario, "name: hourly-bootstrap\necosystem: defi-2025\nhorizonSeconds: 86400\ndrivers:\n"
                + "  - {type: stochastic, asset: eth, stepSeconds: 3600, generator: {type: bootstrap, file: \""
                + csv.toString().replace("\\", "/") + "\", format: candles, field: close, blockLength: 24}}\n");
        PriceDriver.Stochastic driver = (PriceDriver.Stochastic) ScenarioReader.read(scenario).scenario().drivers()
                .get(0);
        BlockBootstrap b = (BlockBootstrap) driver.generator();
        assertThat(b.stepYears() * 365 * 86_400).isCloseTo(3600, org.assertj.core.api.Assertions.within(1e-6));
        TimeSeries candles = MarketDataReader.hourlyCandles(csv, "USD");
        double[] history = b.history();
        // The history is every consecutive pair of the file's closes (about 36,000 hourly rows).
        assertThat(history).hasSize(candles.size() - 1);
        // Ten days drawn with seed 3: each block of 24 is 24 consecutive returns of the file.
        double[] drawn = b.logReturns(240, b.stepYears(), new double[0], Normals.seeded(3));
        for (int start = 0; start < drawn.length; start += 24) {
            int at = indexOf(history, drawn, start);
            assertThat(at).as("block at %d found in the history (seed 3)", start).isGreaterThanOrEqualTo(0);
        }
    }

    /** Where the 24 returns from {@code from} sit consecutively in the history, or -1. */
    private static int indexOf(double[] history, double[] drawn, int from) {
        outer:
        for (int i = 0; i + 24 <= history.length; i++) {
            for (int k = 0; k < 24; k++) {
                if (Double.compare(history[i + k], drawn[from + k]) != 0) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
