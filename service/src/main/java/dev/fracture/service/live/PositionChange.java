package dev.fracture.service.live;

import dev.fracture.model.AssetId;

/**
 * A change to one position, as the replay file gives it: the holding of one asset set to a new amount in tokens
 * ({@code collateral} seizable collateral, {@code debt} owed), and for CDPs the debt counted at par in USD. A field left
 * null keeps its value. A position not yet in the book is opened in an existing protocol and market.
 */
public record PositionChange(String protocol, String market, String account, AssetId asset, Double collateral,
                             Double debt, Double parDebtUsd) {
    public String label() {
        return protocol + "/" + market + "/" + account;
    }
}
