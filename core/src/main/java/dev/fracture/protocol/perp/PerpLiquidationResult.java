package dev.fracture.protocol.perp;

import java.util.List;

/**
 * The outcome of one liquidation event, stage by stage.
 *
 * @param liquidatedNotional USD notional at mark removed from the account (book + vault + ADL + socialized remainder)
 * @param equityBefore       the scope's value before, USD
 * @param maintenanceBefore  the scope's maintenance margin before, USD
 * @param bookFills          market orders into the book that filled something (an order the book cannot fill within
 *                           the bankruptcy price is not sent)
 * @param vaultTakeovers     positions moved to the backstop vault
 * @param insuranceFundUsed  USD paid by the insurance fund
 * @param adlFills           counterparties deleveraged, in ranking order
 * @param socializedLoss     USD charged pro rata to other accounts (and to the vault when none has positive value)
 * @param accountAfter       the liquidated account afterwards
 * @param counterpartiesAfter the other accounts afterwards (deleveraged, charged), in input order: the very list given
 *                           as the counterparties when the liquidation changed none of them (most events: an exchange
 *                           with tens of thousands of accounts is not copied per event), else a new unmodifiable list
 * @param backstopAfter      vault capacity and insurance fund afterwards
 * @param ledger             each party's gain or loss at mark
 */
public record PerpLiquidationResult(double liquidatedNotional, double equityBefore, double maintenanceBefore,
                                    List<BookFill> bookFills, List<VaultTakeover> vaultTakeovers,
                                    double insuranceFundUsed, List<AdlFill> adlFills, double socializedLoss,
                                    PerpAccount accountAfter, List<PerpAccount> counterpartiesAfter,
                                    Backstop backstopAfter, PerpLedger ledger) {
    public PerpLiquidationResult {
        bookFills = List.copyOf(bookFills);
        vaultTakeovers = List.copyOf(vaultTakeovers);
        adlFills = List.copyOf(adlFills);
        counterpartiesAfter = java.util.Objects.requireNonNull(counterpartiesAfter, "counterpartiesAfter");
    }

    public boolean liquidated() {
        return liquidatedNotional > 0;
    }

    public double bookNotional() {
        return bookFills.stream().mapToDouble(f -> Math.abs(f.size()) * f.averagePrice()).sum();
    }

    public double adlSize() {
        return adlFills.stream().mapToDouble(f -> Math.abs(f.size())).sum();
    }
}
