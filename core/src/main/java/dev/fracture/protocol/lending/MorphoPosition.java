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

    /**
     * The text the record's generated {@code toString} gives, character for character, made by concatenation: this
     * JDK's generated one goes through {@code String.format}, a parse of its pattern on every call (the run's state
     * hash read this text for every position until it read the book's positions as bytes, {@code DigestBytes}).
     */
    @Override
    public String toString() {
        return "MorphoPosition[id=" + id + ", borrowShares=" + borrowShares + ", collateral=" + collateral + "]";
    }
}
