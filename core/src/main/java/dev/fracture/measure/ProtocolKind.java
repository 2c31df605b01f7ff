package dev.fracture.measure;

/** The protocol families whose positions the measures read, each with the liquidation rule named in its docs. */
public enum ProtocolKind {
    /** Aave v3 pooled lending: health factor below 1, e-mode thresholds applied ({@code GenericLogic}). */
    AAVE_V3,
    /** Morpho Blue isolated markets: borrow above collateral × price × LLTV ({@code Morpho._isHealthy}). */
    MORPHO_BLUE,
    /** Compound v3: collateral × liquidateCollateralFactor below the base debt ({@code Comet.isLiquidatable}). */
    COMPOUND_V3,
    /** Maker vaults: {@code ink · spot < art · rate}, spot = OSM price / mat ({@code Vat.frob}, {@code Spotter.poke}). */
    MAKER,
    /** Liquity troves: ICR below MCR ({@code TroveManager._liquidateNormalMode}). */
    LIQUITY
}
