package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** LaR and bad-debt VaR as empirical quantiles x(⌈q·n⌉), by hand. */
class TailRiskCalculatorTest {

    @Test
    void percentilesAreOutcomesOfThePaths() {
        // 100 paths, liquidations 1,000 · k and bad debt k for k = 100, 99, ..., 1 (unsorted on purpose):
        // the 95th percentile is the 95th smallest: 95,000 and 95; the 99th: 99.
        double[] liq = new double[100];
        double[] bad = new double[100];
        for (int k = 0; k < 100; k++) {
            liq[k] = 1000.0 * (100 - k);
            bad[k] = 100 - k;
        }
        TailRisk t = TailRiskCalculator.DEFAULT.tailRisk(new MonteCarloSample(86_400, 7, liq, bad));
        assertThat(t.liquidationsAtRisk95Usd()).isEqualTo(95_000);
        assertThat(t.badDebtVar95Usd()).isEqualTo(95);
        assertThat(t.badDebtVar99Usd()).isEqualTo(99);
        assertThat(t.meanBadDebtUsd()).isEqualTo(50.5);
        assertThat(t.horizonSeconds()).isEqualTo(86_400);
    }

    @Test
    void twentyPathsPutTheNinetyNinthAtTheWorst() {
        // ⌈0.99 · 20⌉ = 20: the worst path; ⌈0.95 · 20⌉ = 19.
        double[] bad = new double[20];
        for (int k = 0; k < 20; k++) {
            bad[k] = k + 1;
        }
        TailRisk t = TailRiskCalculator.DEFAULT.tailRisk(new MonteCarloSample(3600, 1, bad, bad));
        assertThat(t.badDebtVar99Usd()).isEqualTo(20);
        assertThat(t.badDebtVar95Usd()).isEqualTo(19);
    }

    @Test
    void refusesSamplesThatDoNotMatch() {
        assertThatThrownBy(() -> new MonteCarloSample(3600, 1, new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("liquidationsUsd has 2 paths, badDebtUsd 1");
        assertThatThrownBy(() -> new MonteCarloSample(3600, 1, new double[] {Double.NaN}, new double[] {1}))
                .hasMessageContaining("liquidationsUsd[0] must be a finite amount >= 0");
        assertThatThrownBy(() -> new MonteCarloSample(0, 1, new double[] {1}, new double[] {1}))
                .hasMessageContaining("horizonSeconds must be > 0");
    }
}
