package dev.fracture.protocol.options;

import java.util.List;

/**
 * Dealer gamma by strike and in total, and the hedge flow it implies — the "gamma exposure" (GEX) that desks and
 * data vendors publish (SqueezeMetrics, "Gamma Exposure (GEX)" white paper), computed here from the dealers'
 * actual book rather than from the usual guess that dealers are long calls and short puts.
 *
 * <p><b>Signs.</b> Gamma is the dealers' own: Σ over positions of (+size if the dealers are long, −size if short)
 * × Γ. When spot moves by ΔS the dealers' option delta changes by {@code Γ_total × ΔS}, and a delta-neutral dealer
 * trades the opposite, {@code −Γ_total × ΔS} units of underlying. Per 1% move up that is
 * {@code −Γ_total × S × 0.01} units, {@code −Γ_total × S² × 0.01} in quote notional:
 * <ul>
 *   <li>dealers <b>long gamma</b> ({@code Γ_total > 0}, e.g. long the calls and puts DeFi vaults sold them) sell
 *       into rises and buy into drops — their hedging damps moves;</li>
 *   <li>dealers <b>short gamma</b> ({@code Γ_total < 0}, having written options to buyers) buy into rises and sell
 *       into drops — their hedging feeds a cascade.</li>
 * </ul>
 * Second order only: for large moves gamma itself changes, which {@link DeltaHedger} captures by revaluing.
 *
 * @param spot     spot price the map was computed at
 * @param byStrike gamma per strike, by increasing strike
 * @param total    Σ of {@code byStrike}
 */
public record GammaMap(double spot, List<StrikeGamma> byStrike, double total) {
    public GammaMap {
        byStrike = List.copyOf(byStrike);
    }

    /** Dollar gamma per 1% move, {@code Γ_total × S² × 0.01}: the change in dealer delta notional, quote units. */
    public double gammaExposurePerOnePercent() {
        return total * spot * spot * 0.01;
    }

    /**
     * Units of underlying the dealers must trade to stay delta-neutral when spot moves by {@code moveFraction}
     * (0.01 for +1%, −0.01 for −1%): {@code −Γ_total × S × moveFraction}; positive = buy.
     */
    public double hedgeFlow(double moveFraction) {
        Checks.finite(moveFraction, "move fraction");
        return -total * spot * moveFraction;
    }

    /** {@link #hedgeFlow(double)} in quote notional at the current spot: {@code −Γ_total × S² × moveFraction}. */
    public double hedgeFlowNotional(double moveFraction) {
        return hedgeFlow(moveFraction) * spot;
    }
}
