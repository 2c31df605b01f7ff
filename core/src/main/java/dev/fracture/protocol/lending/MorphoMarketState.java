package dev.fracture.protocol.lending;

/** A Morpho Blue market's totals ({@code Market} in {@code IMorpho.sol}): assets and shares, supply and borrow. */
public record MorphoMarketState(java.math.BigInteger totalSupplyAssets, java.math.BigInteger totalSupplyShares,
                                java.math.BigInteger totalBorrowAssets, java.math.BigInteger totalBorrowShares) {
    public MorphoMarketState {
        Require.nonNegative(totalSupplyAssets, "totalSupplyAssets");
        Require.nonNegative(totalSupplyShares, "totalSupplyShares");
        Require.nonNegative(totalBorrowAssets, "totalBorrowAssets");
        Require.nonNegative(totalBorrowShares, "totalBorrowShares");
    }
}
