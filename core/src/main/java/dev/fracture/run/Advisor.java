package dev.fracture.run;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the grid cell that gives the most borrowing power ({@link BorrowingPower}) while keeping a loss's VaR at a
 * stated level at or under a target. The choice uses the VaR estimate; the answer carries its confidence interval
 * and says whether the interval's upper bound is under the target too (only then is the cell under the target with
 * 97.5% one-sided confidence). Ties in borrowing power go to the lower VaR, then the lower cell index.
 */
public final class Advisor {
    private Advisor() {
    }

    /** The loss whose VaR is held under the target. */
    public enum Loss {
        /** Bad debt realised during the run. */
        BAD_DEBT("bad-debt"),
        /** Bad debt realised plus underwater debt at the horizon. */
        SHORTFALL("shortfall");

        private final String key;

        Loss(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Loss parse(String key) {
            return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("loss must be one of "
                            + Arrays.stream(values()).map(Loss::key).toList() + " (was '" + key + "')"));
        }

        /** This loss's statistics in a cell. */
        public MetricStats of(CellSummary c) {
            return this == BAD_DEBT ? c.badDebtUsd() : c.shortfallUsd();
        }
    }

    /**
     * @param feasibleCells           how many cells have VaR at or under the target
     * @param confidentlyUnderTarget  the VaR interval's upper bound is under the target as well
     */
    public record Advice(CellSummary cell, Loss loss, double level, double targetUsd, Estimate valueAtRisk,
                         int feasibleCells, boolean confidentlyUnderTarget) {
    }

    public static Optional<Advice> advise(RunResult result, Loss loss, double level, double targetUsd) {
        if (!(targetUsd >= 0) || Double.isInfinite(targetUsd)) {
            throw new IllegalArgumentException("target VaR must be a finite number of USD >= 0 (was " + targetUsd
                    + ")");
        }
        List<CellSummary> feasible = result.cells().stream()
                .filter(c -> loss.of(c).valueAtRisk(level).value() <= targetUsd).toList();
        Comparator<CellSummary> best = Comparator.comparingDouble(CellSummary::borrowingPowerUsd).reversed()
                .thenComparingDouble(c -> loss.of(c).valueAtRisk(level).value())
                .thenComparingInt(c -> c.cell().index());
        return feasible.stream().min(best).map(c -> {
            Estimate var = loss.of(c).valueAtRisk(level);
            return new Advice(c, loss, level, targetUsd, var, feasible.size(), var.upper() <= targetUsd);
        });
    }
}
