package dev.fracture.cli;

import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.Summary;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The measures {@code fracture compare} sets side by side, each read from one accessor of a run's result, so a new
 * measure of the summary is one line here. The source documents' table of risk-dampening frameworks
 * (seeds/002, "Comparative Risk-Dampening Frameworks") names each mechanism's benefit (less liquidation velocity,
 * less contagion, less slippage) and its trade-off (solvency risk, capital efficiency, committed capital): these
 * columns are those, measured.
 */
final class CompareColumns {
    private CompareColumns() {
    }

    /**
     * {@code key} names the JSON field, {@code header} the table column; a {@code whole} measure (a count, or seconds
     * of simulated time, -1 for none) is written to JSON as an integer.
     */
    record Column(String key, String header, ToDoubleFunction<SimulationResult> value, boolean whole) {
        Column(String key, String header, ToDoubleFunction<SimulationResult> value) {
            this(key, header, value, false);
        }

        /** The measure of {@code r} as the JSON document holds it. */
        Object json(SimulationResult r) {
            double v = value.applyAsDouble(r);
            return whole ? (Object) Math.round(v) : (Object) v;
        }
    }

    static final List<Column> ALL = List.of(
            new Column("badDebtUsd", "bad debt USD", r -> r.summary().totalBadDebtUsd()),
            new Column("underwaterUsd", "underwater USD",
                    r -> r.summary().underwaterUsd().values().stream().mapToDouble(Double::doubleValue).sum()),
            new Column("liquidatedUsd", "liquidated USD", r -> r.summary().liquidatedUsd()),
            new Column("liquidations", "liquidations", r -> r.summary().liquidations(), true),
            new Column("forcedSalesUsd", "forced sales USD",
                    r -> r.summary().forcedSalesUsd().values().stream().mapToDouble(Double::doubleValue).sum()),
            new Column("maxDrawdown", "max drawdown", CompareColumns::shockedDrawdown),
            new Column("cascadeMultiplier", "cascade multiplier", r -> r.summary().cascadeMultiplier()),
            new Column("lastLiquidationSeconds", "last liquidation s", r -> r.summary().lastLiquidationTime(), true),
            new Column("timeToStabilizeSeconds", "stable from s", r -> r.summary().timeToStabilize(), true),
            new Column("capitalCostUsd", "capital cost USD", CompareColumns::capitalCost));

    /**
     * Capital-efficiency cost of the run's mitigations: borrowing power given up plus capital held idle (see
     * docs/mitigations.md), summed over the mitigations switched on.
     */
    private static double capitalCost(SimulationResult r) {
        return r.mitigations().stream().mapToDouble(m -> m.capitalCostUsd()).sum();
    }

    /** Maximum drawdown of the shocked asset's reference price. */
    private static double shockedDrawdown(SimulationResult r) {
        Summary s = r.summary();
        return s.maxDrawdown().getOrDefault(s.shockedAsset(), 0.0);
    }
}
