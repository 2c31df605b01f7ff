package dev.fracture.protocol.options;

/**
 * What a DeFi option vault writes each epoch (Ribbon "Theta Vaults", Thetanuts, Lyra-based vaults): it sells
 * options fully collateralized by its deposits and earns the premium.
 */
public enum VaultStrategy {
    /** Writes calls against underlying it holds: one call per unit of underlying deposited. */
    COVERED_CALL,
    /** Writes puts against stablecoins it holds: one put per strike's worth of quote deposited. */
    CASH_SECURED_PUT
}
