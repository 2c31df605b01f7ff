package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An account's supplied balance of one reserve in the token's smallest unit (aToken balance, interest included) and
 * whether the account uses it as collateral ({@code UserConfiguration.isUsingAsCollateral}).
 */
public record AaveCollateral(AssetId asset, BigInteger balance, boolean usedAsCollateral) {
    public AaveCollateral {
        Objects.requireNonNull(asset, "asset");
        Require.nonNegative(balance, "collateral " + asset + " balance");
    }

    public static AaveCollateral of(AssetId asset, BigInteger balance) {
        return new AaveCollateral(asset, balance, true);
    }

    /**
     * The text the record's generated {@code toString} gives, character for character, made by concatenation: this
     * JDK's generated one goes through {@code String.format}, a parse of its pattern on every call (the run's state
     * hash read this text for every supplied balance until it read the book's positions as bytes, {@code DigestBytes}).
     */
    @Override
    public String toString() {
        return "AaveCollateral[asset=" + asset + ", balance=" + balance + ", usedAsCollateral=" + usedAsCollateral
                + "]";
    }
}
