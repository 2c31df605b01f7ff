package dev.fracture.protocol.perp;

/** How a position is margined. */
public enum MarginMode {
    /** Shares the account's cross collateral and cross positions' P&L with the other cross positions. */
    CROSS,
    /** Carries its own margin; its losses stop there. */
    ISOLATED
}
