package dev.fracture.protocol.lending;

import java.math.BigInteger;

/** A Morpho Blue market's totals ({@code Market} in {@code IMorpho.sol}): assets and shares, supply and borrow. */
public record MorphoMarketState(BigInteger totalSupplyAssets, BigInteger totalSupplyShares,
                                BigInteger totalBorrowAssets, BigInteger totalBorrowShares) {
    public MorphoMarketState {
        Require.nonNegative(totalSupplyAssets, "totalSupplyAssets");
        Require.nonNegative(totalSupplyShares, "totalSupplyShares");
        Require.nonNegative(totalBorrowAssets, "totalBorrowAssets");
        Require.nonNegative(totalBorrowShares, "totalBorrowShares");
    }
}
