package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generators against their closed forms, within sampling error (4 standard errors unless stated). */
class ReturnGeneratorsTest {
    private static final int N = 400_000;
    private static final double DT = 1.0 / 365;

    private static double[] shocks(long seed, int n) {
        Normals z = Normals.seeded(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = z.next();
        }
        return s;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void normalsHaveUnitVarianceAndReproduceBitForBit(long seed) {
        double[] a = shocks(seed, N);
        assertThat(mean(a)).isCloseTo(0, within(4 / Math.sqrt(N)));
        assertThat(variance(a)).isCloseTo(1, within(4 * Math.sqrt(2.0 / N)));
        assertThat(shocks(seed, 1000)).containsExactly(Arrays.copyOf(a, 1000));
    }

    @Test
    void gbmLogReturnsHaveTheClosedFormMeanAndVariance() {
        double mu = 0.08;
        double sigma = 0.8;
        double[] r = new GeometricBrownianMotion(mu, sigma).logReturns(N, DT, shocks(7, N), Normals.seeded(8));
        double var = sigma * sigma * DT;
        assertThat(mean(r)).isCloseTo((mu - sigma * sigma / 2) * DT, within(4 * Math.sqrt(var / N)));
        assertThat(variance(r)).isCloseTo(var, within(var * 4 * Math.sqrt(2.0 / N)));
    }

    @Test
    void mertonJumpsArriveAtTheirIntensity() {
        double lambda = 20;
        MertonJumpDiffusion m = new MertonJumpDiffusion(0, 0, lambda, -0.05, 0.0);
        double[] r = m.logReturns(N, DT, new double[N], Normals.seeded(11));
        // With σ = 0 and fixed jump size m, each step is the compensated drift plus m per jump.
        double drift = -lambda * m.expectedJump() * DT;
        long jumps = Arrays.stream(r).mapToLong(x -> Math.round((x - drift) / -0.05)).sum();
        double expected = lambda * DT * N;
        assertThat((double) jumps).isCloseTo(expected, within(4 * Math.sqrt(expected)));
        // Compensation: E[exp(r)] = 1 per step to first order, so the mean price relative stays 1.
        double meanGrowth = Arrays.stream(r).map(Math::exp).average().orElseThrow();
        assertThat(meanGrowth).isCloseTo(1, within(1e-3));
    }

    @Test
    void garchVarianceSettlesAtItsUnconditionalLevel() {
        Garch11 g = new Garch11(0, 2e-6, 0.05, 0.90, 1.0 / 8760);
        double[] r = g.logReturns(N, 1.0 / 8760, shocks(13, N), Normals.seeded(14));
        // ω / (1 − α − β) = 2e-6 / 0.05 = 4e-5. GARCH samples converge slowly: 5% here.
        assertThat(g.unconditionalVariance()).isCloseTo(4e-5, within(1e-18));
        assertThat(variance(r)).isCloseTo(4e-5, within(4e-5 * 0.05));
    }

    @Test
    void bootstrapKeepsBlocksOfConsecutiveReturns() {
        double[] history = new double[500];
        for (int i = 0; i < history.length; i++) {
            history[i] = i * 1e-4;
        }
        int block = 24;
        double[] r = new BlockBootstrap(history, block, DT).logReturns(10 * block + 5, DT, new double[0],
                Normals.seeded(21));
        for (int start = 0; start < r.length; start += block) {
            for (int k = start + 1; k < Math.min(start + block, r.length); k++) {
                assertThat(r[k] - r[k - 1]).as("step %d follows %d in the history", k, k - 1)
                        .isCloseTo(1e-4, within(1e-12));
            }
        }
    }

    @Test
    void correlatedShocksReproduceTheMatrix() {
        double[][] c = {{1, 0.8, -0.3}, {0.8, 1, 0.1}, {-0.3, 0.1, 1}};
        double[][] z = new CorrelatedShocks(c).draw(200_000, Normals.seeded(31));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double cov = 0;
                for (int t = 0; t < z[i].length; t++) {
                    cov += z[i][t] * z[j][t];
                }
                assertThat(cov / z[i].length).as("corr[%d][%d]", i, j).isCloseTo(c[i][j], within(0.012));
            }
        }
    }

    @Test
    void depegGapsAreDepthsDecayingByTheirHalfLife() {
        double d = 0.12;
        double halfLife = 3.0 / 365;
        double[] p = new DepegJumps(20, d, d, halfLife).prices(1, 5000, DT, Normals.seeded(41));
        double step = StrictMath.pow(0.5, DT / halfLife);
        for (double price : p) {
            double gap = 1 - price;
            // Below 1e-9, 1 − price has lost too many digits to recover the exponent.
            if (gap > 1e-9) {
                double k = Math.log(gap / d) / Math.log(step);
                assertThat(k).isCloseTo(Math.rint(k), within(1e-5));
            }
        }
        assertThat(Arrays.stream(p).min().orElseThrow()).isCloseTo(1 - d, within(1e-12));
        assertThat(new DepegJumps(0, d, d, halfLife).prices(1, 100, DT, Normals.seeded(1))).containsOnly(1.0);
    }

    @Test
    void pricesCompoundTheLogReturns() {
        double[] p = new GeometricBrownianMotion(0, 0.5).prices(3300, 3, DT, new double[] {1, -1, 0},
                Normals.seeded(1));
        double sd = 0.5 * Math.sqrt(DT);
        double m = -0.125 * DT;
        assertThat(p[0]).isEqualTo(3300);
        assertThat(p[1]).isCloseTo(3300 * Math.exp(m + sd), within(1e-9));
        assertThat(p[3]).isCloseTo(3300 * Math.exp(3 * m), within(1e-9));
    }

    @Test
    void impossibleParametersAreRejected() {
        assertThatThrownBy(() -> new GeometricBrownianMotion(0, -1)).hasMessageContaining("volatility");
        assertThatThrownBy(() -> new Garch11(0, 1e-6, 0.5, 0.6, DT)).hasMessageContaining("alpha + beta must be < 1");
        assertThatThrownBy(() -> new MertonJumpDiffusion(0, 0.1, -1, 0, 0)).hasMessageContaining("jumpsPerYear");
        assertThatThrownBy(() -> new BlockBootstrap(new double[] {1, 2}, 3, DT)).hasMessageContaining("blockLength");
        assertThatThrownBy(() -> new CorrelatedShocks(new double[][] {{1, 0.9}, {0.8, 1}}))
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> new CorrelatedShocks(new double[][] {{1, 1.0}, {1.0, 1}}))
                .hasMessageContaining("positive definite");
        assertThatThrownBy(() -> new DepegJumps(1, 0.5, 0.2, 1)).hasMessageContaining("minDepth <= maxDepth");
        assertThatThrownBy(() -> new GeometricBrownianMotion(0, 0.1).prices(-1, 3, DT, new double[3],
                Normals.seeded(1))).hasMessageContaining("start price");
        assertThatThrownBy(() -> new Garch11(0, 1e-6, 0.1, 0.1, DT).logReturns(3, DT * 2, new double[3],
                Normals.seeded(1))).hasMessageContaining("cannot step");
    }
}
