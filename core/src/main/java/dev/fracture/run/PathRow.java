package dev.fracture.run;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one path came to. Per-protocol figures are aligned with {@link RunPlan#protocols()}.
 *
 * @param scenario           the scenario as the run names it (bundled name or file)
 * @param cell               grid cell index
 * @param path               path index within the cell
 * @param seed               the seed the path ran with
 * @param liquidatedUsd      debt repaid by liquidations, USD
 * @param badDebtUsd         bad debt realised, all protocols, USD (summed in protocol-id order)
 * @param badDebtByProtocol  bad debt realised per protocol, USD
 * @param underwaterUsd      debt of positions whose collateral is worth less than the debt at the horizon, USD
 * @param cascadeMultiplier  the engine's cascade multiplier: final move of the shocked asset over its scenario move
 * @param insolvent          some protocol ended the path with bad debt plus underwater debt above the plan's
 *                           insolvency threshold (see {@link RunPlan#insolvencyThresholdUsd()})
 */
public record PathRow(String scenario, int cell, int path, long seed, double liquidatedUsd, double badDebtUsd,
                      double[] badDebtByProtocol, double underwaterUsd, double cascadeMultiplier, boolean insolvent)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public PathRow {
        badDebtByProtocol = badDebtByProtocol.clone();
    }

    @Override
    public double[] badDebtByProtocol() {
        return badDebtByProtocol.clone();
    }

    /** Bad debt realised plus underwater debt: what lenders are owed that collateral no longer covers. */
    public double shortfallUsd() {
        return badDebtUsd + underwaterUsd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathRow r && scenario.equals(r.scenario) && cell == r.cell && path == r.path
                && seed == r.seed && Double.compare(liquidatedUsd, r.liquidatedUsd) == 0
                && Double.compare(badDebtUsd, r.badDebtUsd) == 0 && Arrays.equals(badDebtByProtocol,
                r.badDebtByProtocol) && Double.compare(underwaterUsd, r.underwaterUsd) == 0
                && Double.compare(cascadeMultiplier, r.cascadeMultiplier) == 0 && insolvent == r.insolvent;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {cell, path, seed, Double.doubleToLongBits(liquidatedUsd),
                Double.doubleToLongBits(badDebtUsd), Arrays.hashCode(badDebtByProtocol)});
    }

    @Override
    public String toString() {
        return "PathRow[" + scenario + " cell " + cell + " path " + path + " seed " + seed + ": liquidated "
                + liquidatedUsd + ", bad debt " + badDebtUsd + " " + Arrays.toString(badDebtByProtocol)
                + ", underwater " + underwaterUsd + ", multiplier " + cascadeMultiplier + ", insolvent " + insolvent
                + "]";
    }
}
