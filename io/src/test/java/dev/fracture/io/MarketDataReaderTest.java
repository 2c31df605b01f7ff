package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.scenario.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDataReaderTest {

    private static Path sharedData() {
        return SharedData.dir();
    }

    @Test
    void readsBarsFromAHandWrittenFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bars.json");
        Files.writeString(f, """
                [
                  {"time_period_start": "2020-03-12T00:00:00.0000000Z", "price_open": 195.21, "price_high": 195.43,
                   "price_low": 194.38, "price_close": 194.52},
                  {"time_period_start": "2020-03-12T00:10:00.0000000Z", "price_open": 194.5, "price_high": 195,
                   "price_low": 190, "price_close": 191}
                ]
                """);
        TimeSeries close = MarketDataReader.ohlcvBars(f, MarketDataReader.BarField.CLOSE, "USD");
        assertThat(close.times()).containsExactly(1_583_971_200L, 1_583_971_800L);
        assertThat(close.values()).containsExactly(194.52, 191.0);
        assertThat(MarketDataReader.ohlcvBars(f, MarketDataReader.BarField.LOW, "USD").values())
                .containsExactly(194.38, 190.0);
    }

    @Test
    void aBadValueIsReportedAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        // The value "lots" opens at column 64 of line 2.
        Files.writeString(f, "[\n  {\"time_period_start\": \"2020-03-12T00:00:00Z\", \"price_close\": \"lots\"}\n]\n");
        assertThatThrownBy(() -> MarketDataReader.ohlcvBars(f, MarketDataReader.BarField.CLOSE, "USD"))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage(f + ":2:64: [0].price_close must be a finite number (was 'lots')");
    }

    @Test
    void aSyntaxErrorNamesItsPlace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "[\n  {\"time_period_start\": \"2020-03-12T00:00:00Z\",,}\n]\n");
        assertThatThrownBy(() -> MarketDataReader.ohlcvBars(f, MarketDataReader.BarField.CLOSE, "USD"))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith(f + ":2:")
                .hasMessageContaining("syntax error");
    }

    @Test
    void aMissingFieldIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("missing.json");
        Files.writeString(f, "[{\"time_period_start\": \"2020-03-12T00:00:00Z\"}]");
        assertThatThrownBy(() -> MarketDataReader.ohlcvBars(f, MarketDataReader.BarField.CLOSE, "USD"))
                .hasMessageContaining("[0] has no field 'price_close'");
    }

    @Test
    void candlesMixingMillisecondsAndSecondsAreSortedOldestFirst(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("candles.csv");
        Files.writeString(f, """
                unix,date,symbol,open,high,low,close,Volume ETH,Volume USDT,tradecount
                1623283200000,2021-06-10 00:00:00,ETH/USDT,2610.2,2622,2595.4,2620.87,1,1,1
                1623279600000,2021-06-09 23:00:00,ETH/USDT,2598.61,2613.42,2585.48,2610.18,1,1,1
                1623279600.0,2021-06-09 23-PM,ETH/USDT,1,1,1,9999,1,1,NULL
                """);
        TimeSeries s = MarketDataReader.hourlyCandles(f, "USDT");
        // The repeated hour keeps the row that came first in the file (2610.18, not 9999).
        assertThat(s.times()).containsExactly(1_623_279_600L, 1_623_283_200L);
        assertThat(s.values()).containsExactly(2610.18, 2620.87);
    }

    @Test
    void aBadCandleNamesItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "unix,close\n1623283200,2620.87\n1623279600,-1\n");
        assertThatThrownBy(() -> MarketDataReader.hourlyCandles(f, "USDT"))
                .hasMessage(f + ":3: close must be a positive price (was -1)");
        Path g = dir.resolve("noheader.csv");
        Files.writeString(g, "time,price\n1,2\n");
        assertThatThrownBy(() -> MarketDataReader.hourlyCandles(g, "USDT")).hasMessageContaining(":1: header must name");
    }

    @Test
    void blackThursdayFeedReachesItsPublishedLow() throws Exception {
        Path data = sharedData();
        TimeSeries low = MarketDataReader.ohlcvBars(data.resolve("crash-days/eth-usd-10min-03-12-2020.json"),
                MarketDataReader.BarField.LOW, "USD");
        // The data README: "ETH fell from about $195 to about $101 on this feed's 10-minute lows".
        assertThat(low.size()).isEqualTo(144);
        assertThat(low.start()).isEqualTo(Instant.parse("2020-03-12T00:00:00Z").getEpochSecond());
        assertThat(Arrays.stream(low.values()).min().orElseThrow()).isCloseTo(101, within(1.0));
        assertThat(low.first()).isCloseTo(195, within(1.0));
        assertThat(low.maxDrawdown()).isCloseTo(1 - 101.01 / 195.43, within(0.02));
    }

    @Test
    void gasAndReservesOfACrashDay() throws Exception {
        Path data = sharedData();
        TimeSeries gas = MarketDataReader.gasGwei(data.resolve("crash-days/gas-10min-03-12-2020.json"), "60.0 Perc");
        assertThat(gas.unit()).isEqualTo("gwei");
        assertThat(gas.first()).isCloseTo(6.9246, within(1e-4));
        TimeSeries weth = MarketDataReader.reserves(
                data.resolve("crash-days/uniswap-eth-dai-reserves-10min-05-19-2021.json"), "WETH",
                Instant.parse("2021-05-19T00:00:00Z").getEpochSecond(), 600);
        assertThat(weth.first()).isCloseTo(23221.35, within(0.01));
        assertThat(weth.time(1) - weth.time(0)).isEqualTo(600);
    }

    @Test
    void hourlyEthHistoryIsReadWhole() throws Exception {
        Path data = sharedData();
        TimeSeries eth = MarketDataReader.hourlyCandles(data.resolve("prices/binance-ethusdt-1h.csv"), "USDT");
        // Rows run from 2017-08-17 04:00 (seconds in the file) to 2021-06-10 00:00 (milliseconds in the file).
        assertThat(eth.start()).isEqualTo(1_502_942_400L);
        assertThat(eth.end()).isEqualTo(1_623_283_200L);
        assertThat(eth.last()).isEqualTo(2620.87);
        assertThat(eth.size()).isBetween(33_000, 36_062);
    }
}
