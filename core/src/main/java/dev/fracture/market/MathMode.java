package dev.fracture.market;

/** How a venue computes: the contract's own integer arithmetic, or doubles. */
public enum MathMode {
    /** Integer arithmetic reproducing the on-chain contract to the last unit, rounding directions included. */
    EXACT,
    /** Doubles; agrees with {@link #EXACT} within a stated relative tolerance and is much faster. */
    FAST
}
