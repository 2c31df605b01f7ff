package dev.fracture.io;

import dev.fracture.scenario.TimeSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the market-data files a scenario names, relative to the scenario file's folder, with
 * {@link MarketDataReader}. A failure is reported as a problem at the field that named the file, its message
 * keeping the data file's own {@code file:line:column}.
 */
final class ScenarioFiles {
    private final Path baseDir;
    private final Decoding decoding;

    /** @param baseDir the scenario file's folder; null for a scenario read from text, which may name no files */
    ScenarioFiles(Path baseDir, Decoding decoding) {
        this.baseDir = baseDir;
        this.decoding = decoding;
    }

    /** A USD price series in epoch seconds, or null when it could not be read (reported at {@code fileField}). */
    TimeSeries prices(Fields f, String fileField, String file, String format, String field) {
        SourceLocation at = f.keyLocation(fileField);
        String path = SourceMap.child(f.path(), fileField);
        if (baseDir == null) {
            decoding.problem(at, path, "this scenario was not read from a file, so it cannot name data files");
            return null;
        }
        Path resolved = baseDir.resolve(file).normalize();
        if (!Files.isRegularFile(resolved)) {
            decoding.problem(at, path, "no such file: " + resolved);
            return null;
        }
        try {
            return format.equals("candles") ? MarketDataReader.hourlyCandles(resolved, "USD")
                    : MarketDataReader.ohlcvBars(resolved,
                            MarketDataReader.BarField.valueOf(field.toUpperCase(Locale.ROOT)), "USD");
        } catch (MarketDataFormatException e) {
            decoding.problem(at, path, "cannot read path file: " + e.getMessage());
        } catch (NoSuchFileException e) {
            decoding.problem(at, path, "no such file: " + resolved);
        } catch (IOException | IllegalArgumentException e) {
            decoding.problem(at, path, "cannot read " + resolved + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * The usual spacing of a series' points, in seconds: the median gap, because hourly candles have a few missing
     * or doubled hours that should not decide the step the data was sampled at.
     */
    static long typicalStepSeconds(TimeSeries series) {
        long[] times = series.times();
        if (times.length < 2) {
            return 0;
        }
        long[] gaps = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }
}
