package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/** An account's debt in one reserve in the token's smallest unit (variable debt with interest accrued). */
public record AaveDebt(AssetId asset, BigInteger balance) {
    public AaveDebt {
        Objects.requireNonNull(asset, "asset");
        Require.nonNegative(balance, "debt " + asset + " balance");
    }

    /**
     * The text the record's generated {@code toString} gives, character for character, made by concatenation: this
     * JDK's generated one goes through {@code String.format}, a parse of its pattern on every call (the run's state
     * hash read this text for every debt until it read the book's positions as bytes, {@code DigestBytes}).
     */
    @Override
    public String toString() {
        return "AaveDebt[asset=" + asset + ", balance=" + balance + "]";
    }
}
