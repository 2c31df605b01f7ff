package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * DebtRank on small networks worked by hand from the definition of Battiston et al. (2012): h_j(t) = min(1, h_j(t−1)
 * + Σ_{i in state D at t−1} W_ij h_i(t−1)); a node distressed at t−1 becomes inactive; R = Σ h_j(T) v_j − Σ h_j(1)
 * v_j.
 */
class DebtRankTest {

    @Test
    void aChainPassesDistressDownOnce() {
        // A → B (W 0.5), B → C (W 0.4); v = (0.5, 0.3, 0.2). t=1: h = (1, 0, 0), A distressed.
        // t=2: h_B = 0.5; A inactive, B distressed. t=3: h_C = 0.4 · 0.5 = 0.2; C distressed. t=4: C inactive.
        // R = 0.3 · 0.5 + 0.2 · 0.2 = 0.19.
        double[][] w = {{0, 0.5, 0}, {0, 0, 0.4}, {0, 0, 0}};
        DebtRank.Result r = DebtRank.DEFAULT.run(w, new double[] {0.5, 0.3, 0.2}, new int[] {0}, 1);
        assertThat(r.debtRank()).isCloseTo(0.19, within(1e-15));
        assertThat(r.distress()).containsExactly(new double[] {1, 0.5, 0.2}, within(1e-15));
        assertThat(r.steps()).isEqualTo(3);
    }

    @Test
    void aCycleReturnsDistressOnceAndStops() {
        // A ↔ B, W = 0.5 both ways, v = (0.5, 0.5), ψ = 0.5 on A. t=2: h_B = 0.25; A inactive. t=3: A gets
        // 0.5 · 0.25 = 0.125 back (h_A = 0.625), B inactive. No node is distressed any more.
        // R = 0.5 · 0.625 + 0.5 · 0.25 − 0.5 · 0.5 = 0.1875.
        double[][] w = {{0, 0.5}, {0.5, 0}};
        DebtRank.Result r = DebtRank.DEFAULT.run(w, new double[] {0.5, 0.5}, new int[] {0}, 0.5);
        assertThat(r.distress()).containsExactly(new double[] {0.625, 0.25}, within(1e-15));
        assertThat(r.debtRank()).isCloseTo(0.1875, within(1e-15));
    }

    @Test
    void distressIsCappedAtOne() {
        // Two distressed creditors of C with W = 0.8 each: h_C = min(1, 0.8 + 0.8) = 1. v_C = 1: R = 1.
        double[][] w = {{0, 0, 0.8}, {0, 0, 0.8}, {0, 0, 0}};
        DebtRank.Result r = DebtRank.DEFAULT.run(w, new double[] {0, 0, 1}, new int[] {0, 1}, 1);
        assertThat(r.debtRank()).isCloseTo(1, within(1e-15));
    }

    @Test
    void refusesImpactsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> DebtRank.DEFAULT.run(new double[][] {{0, 1.5}, {0, 0}}, new double[] {1, 0},
                new int[] {0}, 1)).hasMessageContaining("impact[0][1] must be in [0, 1]");
        assertThatThrownBy(() -> DebtRank.DEFAULT.run(new double[][] {{0}}, new double[] {1}, new int[] {0},
                Double.NaN)).hasMessageContaining("psi must be in (0, 1]");
    }
}
