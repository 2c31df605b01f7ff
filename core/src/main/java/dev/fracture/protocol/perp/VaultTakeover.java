package dev.fracture.protocol.perp;

/**
 * Part of a position taken over by the backstop vault.
 *
 * @param market market id
 * @param size   base units moved from the liquidated account to the vault (the account's sign)
 * @param price  the vault's entry price: the bankruptcy price of the moved share, or the mark for a residual
 * @param residual true for size that no ADL counterparty could take, moved at the mark with its loss socialized
 */
public record VaultTakeover(String market, double size, double price, boolean residual) {
}
