package dev.fracture.protocol.options;

/**
 * Dealer gamma at one strike, all expiries and both types together.
 *
 * @param gamma Σ signed size × Γ, units of underlying per unit of spot price (the dealers' delta grows by
 *              {@code gamma × ΔS} when spot moves by ΔS)
 */
public record StrikeGamma(double strike, double gamma) {
}
