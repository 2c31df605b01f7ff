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
}
