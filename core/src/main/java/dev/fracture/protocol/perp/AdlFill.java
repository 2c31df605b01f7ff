package dev.fracture.protocol.perp;

import dev.fracture.model.AccountId;

/**
 * One counterparty's position closed by auto-deleveraging.
 *
 * @param counterparty the deleveraged account
 * @param market       market id
 * @param size         base units closed from the counterparty's position (the counterparty's sign)
 * @param price        the bankrupt position's bankruptcy price, at which it is closed
 * @param rankScore    the counterparty's ranking score (profit fraction × leverage)
 */
public record AdlFill(AccountId counterparty, String market, double size, double price, double rankScore) {
}
