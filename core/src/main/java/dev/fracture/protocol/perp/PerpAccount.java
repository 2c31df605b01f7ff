package dev.fracture.protocol.perp;

import dev.fracture.model.AccountId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trader's account: USD cross collateral and at most one position per market.
 *
 * @param id              the account
 * @param crossCollateral USD held for the cross positions; realized P&L and funding settle here, so it can be
 *                        negative while open cross positions carry a gain
 * @param positions       open positions, one per market
 */
public record PerpAccount(AccountId id, double crossCollateral, List<PerpPosition> positions) {
    public PerpAccount {
        Require.notNull(id, "id");
        Require.finite(crossCollateral, "crossCollateral");
        Require.notNull(positions, "positions");
        positions = List.copyOf(positions);
        Set<String> seen = new HashSet<>();
        for (PerpPosition p : positions) {
            if (!seen.add(p.market())) {
                throw new IllegalArgumentException("account " + id + " holds two positions in market " + p.market());
            }
        }
    }

    public Optional<PerpPosition> position(String market) {
        return positions.stream().filter(p -> p.market().equals(market)).findFirst();
    }
}
