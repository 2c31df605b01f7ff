package dev.fracture.measure;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * How concentrated an asset's use as collateral is: Herfindahl–Hirschman indexes (Σ shares², 1 = one holder) over
 * protocols and over accounts (a position in one protocol is one account), and the share of the ten largest accounts.
 *
 * @param totalUsd    collateral in the asset and what moves with it, tokens at reference prices
 * @param protocols   each protocol's share, largest first (the explain form)
 * @param topAccounts the ten largest positions and their shares (the explain form)
 */
public record Concentration(AssetId asset, double totalUsd, double hhiProtocols, double hhiAccounts,
                            double top10Share, List<Share> protocols, List<Share> topAccounts) {
    public Concentration {
        protocols = List.copyOf(protocols);
        topAccounts = List.copyOf(topAccounts);
    }

    /** A holder's collateral and its share of the total. */
    public record Share(String holder, double usd, double share) {
    }
}
