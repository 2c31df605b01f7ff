package dev.fracture.cli;

import dev.fracture.io.MarketDataReader;
import dev.fracture.model.AssetId;
import dev.fracture.scenario.Garch11;
import dev.fracture.scenario.Garch11Fit;
import dev.fracture.scenario.GbmFit;
import dev.fracture.scenario.MertonFit;
import dev.fracture.scenario.MertonJumpDiffusion;
import dev.fracture.scenario.RegularReturns;
import dev.fracture.scenario.TimeSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fracture calibrate CSV}: fits the stochastic price drivers to an hourly price history and prints each as a
 * scenario driver (docs/formats.md, "Price drivers"), ready to paste under a scenario's {@code drivers:}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit GBM, Merton jump diffusion and GARCH(1,1) to an hourly price CSV (unix and close "
                + "columns, as ../shared/data/prices) and print them as scenario drivers, with a block bootstrap "
                + "of the file itself.")
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CSV", description = "Hourly candles: a header naming unix and close.")
    private Path file;

    @Option(names = "--asset", defaultValue = "eth", description = "Asset the printed drivers drive. "
            + "Default: ${DEFAULT-VALUE}.")
    private String asset;

    @Option(names = "--model", defaultValue = "all", description = "gbm, merton, garch, bootstrap or all. "
            + "Default: ${DEFAULT-VALUE}.")
    private String model;

    @Option(names = "--block-hours", defaultValue = "24", description = "Block length of the bootstrap driver, in "
            + "steps. Default: ${DEFAULT-VALUE}.")
    private int blockLength;

    @Override
    public Integer call() throws IOException {
        AssetId.of(asset);
        if (!java.util.List.of("gbm", "merton", "garch", "bootstrap", "all").contains(model)) {
            throw new IllegalArgumentException("--model must be gbm, merton, garch, bootstrap or all (was '" + model
                    + "')");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file);
        }
        TimeSeries prices = MarketDataReader.hourlyCandles(file, "USD");
        RegularReturns returns = RegularReturns.of(prices);
        if (blockLength < 1 || blockLength > returns.returns().length) {
            throw new IllegalArgumentException("--block-hours must be between 1 and " + returns.returns().length
                    + " (was " + blockLength + ")");
        }
        double[] r = returns.returns();
        double dt = returns.stepYears();
        long step = returns.stepSeconds();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# Fitted to %s: %,d returns of %d s from %s to %s (%d pairs not one step apart "
                        + "skipped).%n", file.getFileName(), r.length, step, Instant.ofEpochSecond(returns.fromSeconds()),
                Instant.ofEpochSecond(returns.toSeconds()), returns.skipped());
        out.println("# Choose one driver per asset and paste it under a scenario's `drivers:` (docs/formats.md, "
                + "\"Price drivers\").");
        String head = "- {type: stochastic, asset: " + asset + ", stepSeconds: " + step + ", generator: ";
        if (wants("gbm")) {
            GbmFit g = GbmFit.of(r, dt);
            out.printf(Locale.ROOT, "# GBM (maximum likelihood): log-likelihood %.1f; standard errors: drift %s, "
                    + "volatility %s%n", g.logLikelihood(), num(g.driftStdError()), num(g.volatilityStdError()));
            out.println(head + "{type: gbm, drift: " + num(g.model().drift()) + ", volatility: "
                    + num(g.model().volatility()) + "}}");
        }
        if (wants("merton")) {
            MertonFit f = MertonFit.of(r, dt);
            MertonJumpDiffusion m = f.model();
            out.printf(Locale.ROOT, "# Merton jump diffusion (maximum likelihood): log-likelihood %.1f%n",
                    f.logLikelihood());
            out.println(head + "{type: merton, drift: " + num(m.drift()) + ", volatility: " + num(m.volatility())
                    + ", jumpsPerYear: " + num(m.jumpsPerYear()) + ", jumpMean: " + num(m.jumpMean())
                    + ", jumpStdDev: " + num(m.jumpStdDev()) + "}}");
        }
        if (wants("garch")) {
            Garch11Fit f = Garch11Fit.of(r, dt);
            Garch11 g = f.model();
            out.printf(Locale.ROOT, "# GARCH(1,1) per %d s step (maximum likelihood): log-likelihood %.1f; "
                            + "persistence alpha + beta = %s, long-run volatility %s a year%n", step, f.logLikelihood(),
                    num(g.alpha() + g.beta()), num(Math.sqrt(g.unconditionalVariance() / dt)));
            out.println(head + "{type: garch, mean: " + num(g.mean()) + ", omega: " + num(g.omega()) + ", alpha: "
                    + num(g.alpha()) + ", beta: " + num(g.beta()) + "}}");
        }
        if (wants("bootstrap")) {
            out.printf("# Block bootstrap of the file's own returns, blocks of %d steps (the path is relative to the "
                    + "scenario file: adjust it)%n", blockLength);
            out.println(head + "{type: bootstrap, file: \"" + file.toString().replace("\\", "/").replace("\"", "\\\"")
                    + "\", format: candles, field: close, blockLength: " + blockLength + "}}");
        }
        out.flush();
        return 0;
    }

    private boolean wants(String m) {
        return model.equals("all") || model.equals(m);
    }

    /**
     * Six significant digits, the mantissa always with a decimal point: YAML 1.1 (SnakeYAML) reads {@code 2e-06} as
     * a string but {@code 2.0e-06} as a number.
     */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa += "0";
            }
        }
        return mantissa + exponent;
    }
}
