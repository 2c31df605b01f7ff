package dev.fracture.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fracture.scenario.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the market-data files a scenario replays: OHLCV bars, gas-price statistics, pool reserves and hourly
 * exchange candles, in the formats of {@code ../shared/data} (its README describes them). Every reader returns
 * {@link TimeSeries} in epoch seconds, oldest first; a malformed file gives a {@link MarketDataFormatException}
 * naming {@code file:line:column} and the rule broken, and nothing is returned half-read.
 */
public final class MarketDataReader {
    private static final JsonFactory JSON = new JsonFactory();

    private MarketDataReader() {
    }

    /** Which price of an OHLCV bar to read. */
    public enum BarField {
        OPEN("price_open"), HIGH("price_high"), LOW("price_low"), CLOSE("price_close");

        final String key;

        BarField(String key) {
            this.key = key;
        }
    }

    /**
     * OHLCV bars as a JSON array of objects with {@code time_period_start} (ISO-8601) and {@code price_open},
     * {@code price_high}, {@code price_low}, {@code price_close} (the crash-day {@code eth-usd-10min-*.json} files).
     * The series is stamped at each bar's start.
     */
    public static TimeSeries ohlcvBars(Path file, BarField field, String unit) throws IOException {
        List<Map<String, Located>> rows = objects(file);
        long[] times = new long[rows.size()];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Located> row = rows.get(i);
            times[i] = instant(file, row, "time_period_start", i);
            values[i] = number(file, row, field.key, i);
        }
        return series(file, file.getFileName() + " " + field.name().toLowerCase(), unit, times, values);
    }

    /**
     * Gas-price statistics in table-schema JSON ({@code {"schema": ..., "data": [...]}}, the crash-day
     * {@code gas-10min-*.json} files): {@code column} (e.g. {@code "60.0 Perc"} or {@code avgGasDay}) in wei,
     * returned in gwei, stamped at {@code timestamp}.
     */
    public static TimeSeries gasGwei(Path file, String column) throws IOException {
        List<Map<String, Located>> rows = tableData(file);
        long[] times = new long[rows.size()];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            times[i] = instant(file, rows.get(i), "timestamp", i);
            values[i] = number(file, rows.get(i), column, i) / 1e9;
        }
        return series(file, file.getFileName() + " " + column, "gwei", times, values);
    }

    /**
     * Pool reserves as a JSON array of objects, one per bar, each mapping a token symbol to its reserve (the
     * crash-day {@code uniswap-eth-dai-reserves-10min-*.json} files). The file carries no times: bars are stamped
     * {@code start + i × stepSeconds}, as the day's price file is.
     */
    public static TimeSeries reserves(Path file, String token, long start, long stepSeconds) throws IOException {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("reserves: stepSeconds must be > 0 (was " + stepSeconds + ")");
        }
        List<Map<String, Located>> rows = objects(file);
        long[] times = new long[rows.size()];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            times[i] = start + i * stepSeconds;
            values[i] = number(file, rows.get(i), token, i);
        }
        return series(file, file.getFileName() + " " + token, token, times, values);
    }

    /**
     * Hourly candles as CSV with a header naming {@code unix} and {@code close} columns (the
     * {@code binance-*-1h.csv} files). The {@code unix} column mixes milliseconds and seconds, and rows come newest
     * first: values above 10^11 are read as milliseconds, rows are sorted oldest first, and a repeated hour keeps
     * the row that came first in the file. A row whose close is not a positive number is an error naming its line.
     */
    public static TimeSeries hourlyCandles(Path file, String unit) throws IOException {
        TreeMap<Long, Double> byTime = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new MarketDataFormatException(file + ":1: empty file: expected a header with unix and close");
            }
            List<String> columns = List.of(header.split(",", -1));
            int unixCol = columns.indexOf("unix");
            int closeCol = columns.indexOf("close");
            if (unixCol < 0 || closeCol < 0) {
                throw new MarketDataFormatException(file + ":1: header must name 'unix' and 'close' columns (has "
                        + columns + ")");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length <= Math.max(unixCol, closeCol)) {
                    throw new MarketDataFormatException(file + ":" + lineNo + ": expected at least "
                            + (Math.max(unixCol, closeCol) + 1) + " columns, found " + cells.length);
                }
                double unix = parse(file, lineNo, "unix", cells[unixCol]);
                double close = parse(file, lineNo, "close", cells[closeCol]);
                if (!(close > 0)) {
                    throw new MarketDataFormatException(file + ":" + lineNo + ": close must be a positive price (was "
                            + cells[closeCol] + ")");
                }
                long seconds = unix > 1e11 ? Math.round(unix / 1000) : Math.round(unix);
                byTime.putIfAbsent(seconds, close);
            }
        }
        long[] times = new long[byTime.size()];
        double[] values = new double[byTime.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : byTime.entrySet()) {
            times[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return series(file, file.getFileName() + " close", unit, times, values);
    }

    private static double parse(Path file, int line, String column, String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new MarketDataFormatException(file + ":" + line + ": " + column + " must be a number (was '" + cell
                    + "')");
        }
    }

    private static TimeSeries series(Path file, String name, String unit, long[] times, double[] values) {
        if (times.length == 0) {
            throw new MarketDataFormatException(file + ": holds no data points");
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] <= times[i - 1]) {
                throw new MarketDataFormatException(file + ": point " + i + " at " + Instant.ofEpochSecond(times[i])
                        + " does not come after point " + (i - 1) + " at " + Instant.ofEpochSecond(times[i - 1]));
            }
        }
        return new TimeSeries(name, unit, times, values);
    }

    /** A scalar value with where it was written. */
    private record Located(String text, boolean numeric, JsonLocation at) {
    }

    private static String where(Path file, JsonLocation at) {
        return file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    private static long instant(Path file, Map<String, Located> row, String key, int index) {
        Located v = require(file, row, key, index);
        try {
            return Instant.parse(v.text()).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new MarketDataFormatException(where(file, v.at()) + ": [" + index + "]." + key
                    + " must be an ISO-8601 instant (was '" + v.text() + "')");
        }
    }

    private static double number(Path file, Map<String, Located> row, String key, int index) {
        Located v = require(file, row, key, index);
        double d;
        try {
            d = Double.parseDouble(v.text());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!v.numeric() || !Double.isFinite(d)) {
            throw new MarketDataFormatException(where(file, v.at()) + ": [" + index + "]." + key
                    + " must be a finite number (was '" + v.text() + "')");
        }
        return d;
    }

    private static Located require(Path file, Map<String, Located> row, String key, int index) {
        Located v = row.get(key);
        if (v == null) {
            Located any = row.values().stream().findFirst().orElse(null);
            String at = any == null ? file.toString() : where(file, any.at());
            throw new MarketDataFormatException(at + ": [" + index + "] has no field '" + key + "' (fields: "
                    + row.keySet() + ")");
        }
        return v;
    }

    /** The top-level array of flat objects. */
    private static List<Map<String, Located>> objects(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw new MarketDataFormatException(where(file, p.currentTokenLocation())
                        + ": expected a JSON array of objects");
            }
            return array(file, p);
        } catch (JsonProcessingException e) {
            throw new MarketDataFormatException(where(file, e.getLocation()) + ": syntax error: "
                    + e.getOriginalMessage());
        }
    }

    /** The {@code data} array of a table-schema document. */
    private static List<Map<String, Located>> tableData(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MarketDataFormatException(where(file, p.currentTokenLocation())
                        + ": expected a table-schema object with a 'data' array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MarketDataFormatException(where(file, p.currentTokenLocation())
                                + ": 'data' must be an array of objects");
                    }
                    return array(file, p);
                }
                p.skipChildren();
            }
            throw new MarketDataFormatException(file + ": no 'data' array");
        } catch (JsonProcessingException e) {
            throw new MarketDataFormatException(where(file, e.getLocation()) + ": syntax error: "
                    + e.getOriginalMessage());
        }
    }

    private static List<Map<String, Located>> array(Path file, JsonParser p) throws IOException {
        List<Map<String, Located>> rows = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new MarketDataFormatException(where(file, p.currentTokenLocation()) + ": [" + rows.size()
                        + "] must be an object");
            }
            Map<String, Located> row = new java.util.LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                if (v.isScalarValue()) {
                    row.put(key, new Located(p.getText(), v.isNumeric(), at));
                } else {
                    p.skipChildren();
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
