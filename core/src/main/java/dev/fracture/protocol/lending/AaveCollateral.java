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
     * The text the record's generated {@code toString} gives, character for character (the run's state hash reads
     * it), made by concatenation: this JDK's generated one goes through {@code String.format}, a parse of its
     * pattern on every call, and a run writes this text for every supplied balance.
     */
    @Override
    public String toString() {
        return "AaveCollateral[asset=" + asset + ", balance=" + balance + ", usedAsCollateral=" + usedAsCollateral
                + "]";
    }
}
