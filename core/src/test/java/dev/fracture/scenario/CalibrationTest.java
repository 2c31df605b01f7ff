package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fits recover the parameters of series drawn from known models (seeded), within stated tolerances. */
class CalibrationTest {
    private static final double HOUR = 3600.0 / Scenario.SECONDS_PER_YEAR;

    private static double[] draw(ReturnGenerator g, int n, long seed) {
        Normals z = Normals.seeded(seed);
        double[] shocks = new double[n];
        for (int i = 0; i < n; i++) {
            shocks[i] = z.next();
        }
        return g.logReturns(n, HOUR, shocks, Normals.seeded(seed + 1));
    }

    @Test
    void gbmFitRecoversDriftAndVolatilityWithinFourStandardErrors() {
        int n = 50_000;
        GbmFit fit = GbmFit.of(draw(new GeometricBrownianMotion(0.5, 0.8), n, 3), HOUR);
        // s.e. of sigma: 0.8 / sqrt(2n) = 0.0025; of mu: 0.8 / sqrt(n dt) = 0.335 (5.7 years of hours).
        assertThat(fit.volatilityStdError()).isCloseTo(0.8 / Math.sqrt(2.0 * n), within(1e-4));
        assertThat(fit.model().volatility()).as("seed 3").isCloseTo(0.8, within(4 * 0.8 / Math.sqrt(2.0 * n)));
        assertThat(fit.model().drift()).as("seed 3").isCloseTo(0.5, within(4 * 0.8 / Math.sqrt(n * HOUR)));
    }

    @Test
    void mertonFitRecoversTheJumps() {
        // About 50 jumps a year of -4% +- 2% against an hourly diffusion of 0.6% s.d.: 3.4 years hold ~170 jumps, so
        // the intensity is known to about 1/sqrt(170) = 8%; tolerances are about 3 of those errors.
        MertonJumpDiffusion truth = new MertonJumpDiffusion(0, 0.6, 50, -0.04, 0.02);
        MertonFit fit = MertonFit.of(draw(truth, 30_000, 5), HOUR);
        MertonJumpDiffusion m = fit.model();
        assertThat(m.jumpsPerYear()).as("seed 5 lambda").isCloseTo(50, within(12.0));
        assertThat(m.jumpMean()).as("seed 5 jump mean").isCloseTo(-0.04, within(0.006));
        assertThat(m.jumpStdDev()).as("seed 5 jump s.d.").isCloseTo(0.02, within(0.006));
        assertThat(m.volatility()).as("seed 5 sigma").isCloseTo(0.6, within(0.03));
        // The jumps explain the tails: the fit beats GBM's likelihood on the same returns.
        assertThat(fit.logLikelihood()).isGreaterThan(GbmFit.of(draw(truth, 30_000, 5), HOUR).logLikelihood());
    }

    @Test
    void garchFitRecoversItsParameters() {
        Garch11 truth = new Garch11(0, 2e-6, 0.08, 0.9, HOUR);
        Garch11Fit fit = Garch11Fit.of(draw(truth, 30_000, 7), HOUR);
        Garch11 g = fit.model();
        // Asymptotic s.e. at this size are about 0.006 for alpha and 0.008 for beta (Bollerslev 1986 information
        // matrix at these values); the tolerances are about 4 of them.
        assertThat(g.alpha()).as("seed 7 alpha").isCloseTo(0.08, within(0.025));
        assertThat(g.beta()).as("seed 7 beta").isCloseTo(0.9, within(0.035));
        assertThat(g.unconditionalVariance()).as("seed 7 long-run variance")
                .isCloseTo(truth.unconditionalVariance(), within(0.2 * truth.unconditionalVariance()));
    }

    @Test
    void returnsSkipGapsInTheData() {
        TimeSeries prices = new TimeSeries("p", "USD", new long[] {0, 3600, 7200, 18000, 21600},
                new double[] {100, 110, 99, 120, 60});
        RegularReturns r = RegularReturns.of(prices);
        assertThat(r.stepSeconds()).isEqualTo(3600);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.returns()).containsExactly(Math.log(1.1), Math.log(0.9), Math.log(0.5));
        assertThatThrownBy(() -> RegularReturns.of(new TimeSeries("q", "USD", new long[] {0, 1}, new double[] {1, 2})))
                .hasMessageContaining("at least three prices");
        assertThatThrownBy(() -> garchOf(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .hasMessageContaining("returns that vary");
    }

    private static Garch11Fit garchOf(double[] r) {
        return Garch11Fit.of(r, HOUR);
    }
}
