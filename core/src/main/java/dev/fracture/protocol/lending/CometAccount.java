package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * One Comet account: its base balance as a present value in base units (negative = borrowed; the principal/index
 * split of {@code CometCore.presentValue} is folded in, see docs/model.md, Lending) and its collateral balances.
 */
public record CometAccount(AccountId id, BigInteger baseBalance, Map<AssetId, BigInteger> collateral) {
    public CometAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseBalance, "baseBalance");
        collateral = Map.copyOf(collateral);
        collateral.forEach((asset, amount) -> Require.nonNegative(amount, "account " + id + " collateral " + asset));
    }
}
