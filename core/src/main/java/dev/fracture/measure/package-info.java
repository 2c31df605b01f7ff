/**
 * Fragility measures of an ecosystem snapshot — liquidation curves, the cascade fixpoint and critical shock, depth and
 * liquidity velocity, the solvency boundary, LVaR, concentration, oracle dependency, DebtRank contagion,
 * fragmentation cost, LaR and VaR from Monte Carlo samples — and the standard risk report that holds them
 * (definitions and sources in docs/measures.md).
 */
package dev.fracture.measure;
