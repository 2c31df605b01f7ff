package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * The mutable totals of a Comet market, as values: reserves in base units ({@code Comet.getReserves}: base held minus
 * supplied plus borrowed; negative means the protocol owes more than it holds — that is its loss), collateral the
 * protocol owns after absorbs ({@code getCollateralReserves}), and total base supplied and borrowed (present values).
 */
public record CometState(BigInteger reserves, Map<AssetId, BigInteger> collateralReserves, BigInteger totalSupplyBase,
                         BigInteger totalBorrowBase) {
    public CometState {
        Objects.requireNonNull(reserves, "reserves");
        collateralReserves = Map.copyOf(collateralReserves);
        collateralReserves.forEach((asset, amount) -> Require.nonNegative(amount, "collateralReserves " + asset));
        Require.nonNegative(totalSupplyBase, "totalSupplyBase");
        Require.nonNegative(totalBorrowBase, "totalBorrowBase");
    }

    public BigInteger collateralReserve(AssetId asset) {
        return collateralReserves.getOrDefault(asset, BigInteger.ZERO);
    }
}
