package dev.fracture.scenario;

import static dev.fracture.scenario.Checks.positive;
import static dev.fracture.scenario.Checks.required;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * What moves one asset's reference price (the global market price, see DESIGN.md "Price formation") during a
 * scenario. An asset without a driver keeps its snapshot price unless forced selling moves it through its
 * {@link ImpactSpec}. Times are seconds from the scenario's start.
 */
public sealed interface PriceDriver {

    AssetId asset();

    /** The price jumps by {@code shock} (−0.3 = a 30% fall) at {@code atSeconds} and stays there. */
    record StepShock(AssetId asset, double shock, long atSeconds) implements PriceDriver {
        public StepShock {
            required("asset", asset);
            if (!Double.isFinite(shock) || shock <= -1) {
                throw new ScenarioFieldException("shock", "must be a finite number greater than -1 (was "
                        + Checks.show(shock) + ")");
            }
            Checks.nonNegative("atSeconds", atSeconds);
        }

        /** The price at {@code t} given the price before the shock. */
        public double priceAt(long t, double before) {
            return t >= atSeconds ? before * (1 + shock) : before;
        }
    }

    /**
     * A historical path still in its file, as a scenario names it. {@code ScenarioReader} reads the file and hands
     * the engine a {@link PathPoints} instead, so the engine never sees this form.
     *
     * @param file   relative to the scenario file
     * @param format {@code ohlcv} (10-minute bars, {@code eth-usd-10min-*.json}) or {@code candles} (hourly CSV)
     * @param field  for {@code ohlcv}: {@code open}, {@code high}, {@code low} or {@code close}; candles have close only
     * @param rebase scale the path so it starts at the snapshot's reference price
     */
    record PathFile(AssetId asset, String file, String format, String field, boolean rebase) implements PriceDriver {
        public static final List<String> FORMATS = List.of("ohlcv", "candles");
        public static final List<String> OHLCV_FIELDS = List.of("open", "high", "low", "close");

        public PathFile {
            required("asset", asset);
            Checks.notBlank("file", file);
            format = format == null ? "ohlcv" : format;
            field = field == null ? "close" : field;
            if (!FORMATS.contains(format)) {
                throw new ScenarioFieldException("format", "must be one of " + String.join(", ", FORMATS) + " (was '"
                        + format + "')");
            }
            List<String> fields = format.equals("ohlcv") ? OHLCV_FIELDS : List.of("close");
            if (!fields.contains(field)) {
                throw new ScenarioFieldException("field", "must be one of " + String.join(", ", fields) + " for "
                        + format + " (was '" + field + "')");
            }
        }
    }

    /**
     * A price path given point by point, in USD, with times in seconds from the scenario's start; the first point
     * is at 0. Between points the engine interpolates linearly ({@link TimeSeries#linearAt}); after the last it
     * holds the last price.
     *
     * @param rebase scale the path so it starts at the snapshot's reference price: a historical crash replayed on
     *               today's price level, keeping its relative moves
     */
    record PathPoints(AssetId asset, TimeSeries path, boolean rebase) implements PriceDriver {
        public PathPoints {
            required("asset", asset);
            required("points", path);
            if (path.start() != 0) {
                throw new ScenarioFieldException("points", "must start at 0 seconds (starts at " + path.start() + ")");
            }
            for (int i = 0; i < path.size(); i++) {
                if (!(path.value(i) > 0)) {
                    throw new ScenarioFieldException("points[" + i + "]", "price must be greater than 0 (was "
                            + Checks.show(path.value(i)) + ")");
                }
            }
        }

        /** The path the engine follows, given the asset's snapshot reference price. */
        public TimeSeries prices(double referencePriceUsd) {
            return rebase ? path.rebased(referencePriceUsd) : path;
        }
    }

    /**
     * A seeded random path, one return every {@code stepSeconds}. Generators fitted on data of a fixed step
     * ({@link Garch11}, {@link BlockBootstrap}) must have been fitted on steps of exactly {@code stepSeconds}.
     */
    record Stochastic(AssetId asset, ReturnGenerator generator, long stepSeconds) implements PriceDriver {
        public Stochastic {
            required("asset", asset);
            required("generator", generator);
            positive("stepSeconds", stepSeconds);
            double stepYears = Scenario.years(stepSeconds);
            double fitted = generator instanceof Garch11 g ? g.stepYears()
                    : generator instanceof BlockBootstrap b ? b.stepYears() : stepYears;
            if (Math.abs(fitted - stepYears) > 1e-9 * stepYears) {
                throw new ScenarioFieldException("stepSeconds", "must equal the generator's step of "
                        + Math.round(fitted * Scenario.SECONDS_PER_YEAR) + " seconds (was " + stepSeconds + ")");
            }
        }

        public double stepYears() {
            return Scenario.years(stepSeconds);
        }
    }

    /** Random depegs of a pegged asset ({@link DepegJumps}), drawn every {@code stepSeconds}. */
    record Depeg(AssetId asset, DepegJumps jumps, long stepSeconds) implements PriceDriver {
        public Depeg {
            required("asset", asset);
            required("jumps", jumps);
            positive("stepSeconds", stepSeconds);
        }
    }
}
