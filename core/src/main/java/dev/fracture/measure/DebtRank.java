package dev.fracture.measure;

import java.util.Arrays;

/**
 * DebtRank, after Battiston, Puliga, Kaushik, Tasca and Caldarelli, "DebtRank: Too Central to Fail? Financial
 * Networks, the FED and Systemic Risk", Scientific Reports 2:541 (2012). Nodes carry a relative economic value
 * {@code v_i} (summing to 1) and a distress {@code h_i ∈ [0, 1]}; {@code W_ij ∈ [0, 1]} is the impact of i on j, the
 * share of j's value lost when i is fully distressed. Each node is undistressed (U), distressed (D) or inactive (I).
 * From {@code h_i(1) = ψ} on the initially distressed set (state D), others 0 (state U), each step applies the paper's
 * update to every node:
 * <pre>
 *   h_j(t) = min(1, h_j(t−1) + Σ_{i : s_i(t−1) = D} W_ij · h_i(t−1))
 *   s_j(t) = D if h_j(t) &gt; 0 and s_j(t−1) ≠ I;  I if s_j(t−1) = D;  s_j(t−1) otherwise
 * </pre>
 * until no node is distressed. A node passes its distress on once, in the step after it became distressed, so
 * distress crosses each edge once and cycles do not feed it back without end. The DebtRank of the initial set is
 * {@code R = Σ_j h_j(T) v_j − Σ_j h_j(1) v_j}: the value lost beyond the initial distress.
 */
public final class DebtRank {
    public static final DebtRank DEFAULT = new DebtRank();

    private DebtRank() {
    }

    /** The outcome: R, the final distress of every node, and the steps taken. */
    public record Result(double debtRank, double[] distress, int steps) {
        public Result {
            distress = distress.clone();
        }

        @Override
        public double[] distress() {
            return distress.clone();
        }
    }

    /**
     * Runs the dynamics.
     *
     * @param impact  {@code impact[i][j] = W_ij}, square, entries in [0, 1]
     * @param value   {@code v}, non-negative, one per node
     * @param initial indexes of the initially distressed nodes
     * @param psi     their initial distress, in (0, 1]
     */
    public Result run(double[][] impact, double[] value, int[] initial, double psi) {
        int n = value.length;
        check(impact, value, initial, psi);
        double[] h = new double[n];
        byte[] state = new byte[n];
        final byte u = 0;
        final byte d = 1;
        final byte inactive = 2;
        for (int i : initial) {
            h[i] = psi;
            state[i] = d;
        }
        double start = dot(h, value);
        int steps = 0;
        while (contains(state, d)) {
            double[] next = h.clone();
            for (int i = 0; i < n; i++) {
                if (state[i] != d) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (impact[i][j] > 0) {
                        next[j] += impact[i][j] * h[i];
                    }
                }
            }
            byte[] nextState = state.clone();
            for (int j = 0; j < n; j++) {
                next[j] = Math.min(1, next[j]);
                if (state[j] == d) {
                    nextState[j] = inactive;
                } else if (next[j] > 0 && state[j] == u) {
                    nextState[j] = d;
                }
            }
            h = next;
            state = nextState;
            steps++;
        }
        return new Result(dot(h, value) - start, h, steps);
    }

    private static boolean contains(byte[] state, byte s) {
        for (byte b : state) {
            if (b == s) {
                return true;
            }
        }
        return false;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void check(double[][] impact, double[] value, int[] initial, double psi) {
        int n = value.length;
        if (impact.length != n) {
            throw new IllegalArgumentException("DebtRank: impact has " + impact.length + " rows for " + n + " nodes");
        }
        for (int i = 0; i < n; i++) {
            if (impact[i].length != n) {
                throw new IllegalArgumentException("DebtRank: impact row " + i + " has " + impact[i].length
                        + " entries for " + n + " nodes");
            }
            for (int j = 0; j < n; j++) {
                if (!(impact[i][j] >= 0 && impact[i][j] <= 1)) {
                    throw new IllegalArgumentException("DebtRank: impact[" + i + "][" + j + "] must be in [0, 1], was "
                            + impact[i][j]);
                }
            }
            if (!(value[i] >= 0) || Double.isInfinite(value[i])) {
                throw new IllegalArgumentException("DebtRank: value[" + i + "] must be finite and >= 0, was " + value[i]);
            }
        }
        if (!(psi > 0 && psi <= 1)) {
            throw new IllegalArgumentException("DebtRank: initial distress psi must be in (0, 1], was " + psi);
        }
        for (int i : initial) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("DebtRank: initial node " + i + " is not in [0, " + n + ")");
            }
        }
        if (Arrays.stream(initial).distinct().count() != initial.length) {
            throw new IllegalArgumentException("DebtRank: initial nodes repeat: " + Arrays.toString(initial));
        }
    }
}
