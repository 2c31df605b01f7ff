package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import java.util.Objects;

/** A borrower's position in one Morpho Blue market: borrow shares and collateral in token units. */
public record MorphoPosition(AccountId id, BigInteger borrowShares, BigInteger collateral) {
    public MorphoPosition {
        Objects.requireNonNull(id, "id");
        Require.nonNegative(borrowShares, "position " + id + " borrowShares");
        Require.nonNegative(collateral, "position " + id + " collateral");
    }
}
