package dev.fracture.protocol.options;

/**
 * The hedge a dealer book needs at one spot and time. Amounts in units of underlying.
 *
 * @param spot         spot the plan was made at
 * @param optionDelta  the dealers' option delta, Σ signed size × Δ
 * @param currentHedge underlying the dealers hold as hedge now (negative = short)
 * @param targetHedge  {@code −optionDelta}: the holding that makes the book delta-neutral
 * @param trade        what to buy (> 0) or sell (< 0): {@code targetHedge − currentHedge}, or 0 when that is within
 *                     the hedger's band
 */
public record HedgePlan(double spot, double optionDelta, double currentHedge, double targetHedge, double trade) {

    /** The trade's notional at spot, quote units, signed as the trade. */
    public double notional() {
        return trade * spot;
    }
}
