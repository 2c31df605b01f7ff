package dev.fracture.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Estimators on samples whose quantiles and shortfalls are known. */
class EstimatorsTest {

    private static double[] oneToHundred() {
        return IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
    }

    @Test
    void valueAtRiskIsTheOrderStatisticAtTheCeilingRank() {
        // Hyndman-Fan type 1 on 1..100: the p-quantile is the ceil(100 p)-th value.
        assertThat(Estimators.quantile(oneToHundred(), 0.95)).isEqualTo(95);
        assertThat(Estimators.quantile(oneToHundred(), 0.99)).isEqualTo(99);
        assertThat(Estimators.quantile(oneToHundred(), 0.951)).isEqualTo(96);
        assertThat(Estimators.quantile(new double[] {3, 7}, 0.5)).isEqualTo(3);
    }

    @Test
    void quantileIntervalUsesTheBinomialRanksOfTheTables() {
        // The distribution-free 95% interval for the median of 100 observations runs from the 40th to the 61st
        // (Conover, Practical Nonparametric Statistics, Table A3 / §3.2 example: P(B <= 39) = 0.0176, P(B <= 60) =
        // 0.9824 for B ~ Bin(100, 0.5)).
        Estimate median = Estimators.valueAtRisk(oneToHundred(), 0.5);
        assertThat(median.lower()).isEqualTo(40);
        assertThat(median.upper()).isEqualTo(61);
    }

    @Test
    void theUpperBoundOfAFarQuantileNeedsEnoughPaths() {
        // P(all n below the 0.99-quantile) = 0.99^n must be at most 2.5%: n >= 368.
        double[] small = IntStream.rangeClosed(1, 367).asDoubleStream().toArray();
        double[] enough = IntStream.rangeClosed(1, 368).asDoubleStream().toArray();
        assertThat(Estimators.valueAtRisk(small, 0.99).upper()).isInfinite();
        assertThat(Estimators.valueAtRisk(enough, 0.99).upper()).isEqualTo(368);
    }

    @Test
    void quantileIntervalsCoverTheTrueQuantileAtLeastNinetyFivePercentOfTheTime() {
        // Exponential(1): the 0.95-quantile is -ln 0.05. 400 samples of 500 draws, seed 91.
        double truth = -Math.log(0.05);
        SplittableRandom rng = new SplittableRandom(91);
        int covered = 0;
        for (int s = 0; s < 400; s++) {
            double[] x = new double[500];
            for (int i = 0; i < x.length; i++) {
                x[i] = -Math.log(1 - rng.nextDouble());
            }
            Arrays.sort(x);
            Estimate e = Estimators.valueAtRisk(x, 0.95);
            covered += e.lower() <= truth && truth <= e.upper() ? 1 : 0;
        }
        // The interval is conservative (>= 95%); 400 trials have a standard error of about 1.1 points.
        assertThat(covered / 400.0).as("coverage, seed 91").isGreaterThan(0.92);
    }

    @Test
    void expectedShortfallIsTheMeanOfTheWorstTail() {
        // Acerbi-Tasche on 1..100: ES95 = mean of the 5 largest = 98; ES99 = the largest = 100.
        assertThat(Estimators.expectedShortfall(oneToHundred(), 0.95)).isEqualTo(98);
        assertThat(Estimators.expectedShortfall(oneToHundred(), 0.99)).isEqualTo(100);
        // Fewer paths than the tail needs: the single worst one.
        assertThat(Estimators.expectedShortfall(new double[] {1, 2, 3}, 0.99)).isEqualTo(3);
    }

    @Test
    void expectedShortfallOfTheExponentialIsItsQuantilePlusOne() {
        // Memorylessness: E[X | X > q] = q + 1 for Exponential(1). 400,000 draws, seed 17.
        SplittableRandom rng = new SplittableRandom(17);
        double[] x = new double[400_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.log(1 - rng.nextDouble());
        }
        Arrays.sort(x);
        assertThat(Estimators.expectedShortfall(x, 0.99)).as("seed 17").isCloseTo(-Math.log(0.01) + 1, within(0.03));
        assertThat(Estimators.quantile(x, 0.99)).as("seed 17").isCloseTo(-Math.log(0.01), within(0.03));
        Estimate es = Estimators.expectedShortfall(Arrays.copyOf(x, 400_000), 0.95, 5);
        assertThat(es.lower()).isLessThan(-Math.log(0.05) + 1);
        assertThat(es.upper()).isGreaterThan(-Math.log(0.05) + 1);
    }

    @Test
    void bootstrapIntervalsRepeatForTheSameSeed() {
        double[] x = oneToHundred();
        assertThat(Estimators.expectedShortfall(x, 0.95, 3)).isEqualTo(Estimators.expectedShortfall(x, 0.95, 3));
    }

    @Test
    void meanIntervalIsTheNormalApproximation() {
        // {1..5}: mean 3, s^2 = 2.5, half-width 1.959964 * sqrt(2.5 / 5) = 1.385904.
        Estimate m = Estimators.mean(new double[] {1, 2, 3, 4, 5});
        assertThat(m.value()).isEqualTo(3);
        assertThat(m.upper() - 3).isCloseTo(1.385904, within(1e-6));
        assertThat(Estimators.mean(new double[] {4}).lower()).isNaN();
    }

    @Test
    void wilsonIntervalsMatchNewcombesTable() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
        // Table II, method 3 (score): 81/263 -> 0.2553-0.3662; 15/148 -> 0.0624-0.1605; 0/20 -> 0-0.1611;
        // 1/29 -> 0.0061-0.1718.
        assertWilson(81, 263, 0.2553, 0.3662);
        assertWilson(15, 148, 0.0624, 0.1605);
        assertWilson(0, 20, 0, 0.1611);
        assertWilson(1, 29, 0.0061, 0.1718);
    }

    private static void assertWilson(int k, int n, double lower, double upper) {
        Estimate p = Estimators.proportion(k, n);
        assertThat(p.value()).isEqualTo((double) k / n);
        assertThat(p.lower()).as("%d/%d lower", k, n).isCloseTo(lower, within(1e-4));
        assertThat(p.upper()).as("%d/%d upper", k, n).isCloseTo(upper, within(1e-4));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThatThrownBy(() -> Estimators.quantile(new double[0], 0.5)).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Estimators.quantile(new double[] {1}, 1.0)).hasMessageContaining("level");
        assertThatThrownBy(() -> Estimators.proportion(3, 2)).hasMessageContaining("0 <= k <= n");
    }
}
