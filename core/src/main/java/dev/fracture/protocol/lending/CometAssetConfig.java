package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One Comet collateral asset ({@code CometCore.AssetInfo}, compound-finance/comet {@code contracts/CometCore.sol}):
 * factors scaled by {@code FACTOR_SCALE} = 1e18 as the contract holds them after unpacking, the supply cap in the
 * token's smallest unit.
 *
 * @param borrowCollateralFactor    share of the collateral value that may be borrowed against
 * @param liquidateCollateralFactor share counted by {@code isLiquidatable}; at least the borrow factor
 * @param liquidationFactor         share of the collateral value credited to the account on absorb (e.g. 0.93e18)
 */
public record CometAssetConfig(AssetId asset, int decimals, long borrowCollateralFactor,
                               long liquidateCollateralFactor, long liquidationFactor, BigInteger supplyCap) {
    /** {@code CometCore.FACTOR_SCALE}. */
    public static final long FACTOR_SCALE = 1_000_000_000_000_000_000L;

    public CometAssetConfig {
        Objects.requireNonNull(asset, "asset");
        String where = "comet asset " + asset + ": ";
        Require.range(decimals, 0, 18, where + "decimals");
        factor(borrowCollateralFactor, where + "borrowCollateralFactor");
        factor(liquidateCollateralFactor, where + "liquidateCollateralFactor");
        factor(liquidationFactor, where + "liquidationFactor");
        if (borrowCollateralFactor >= liquidateCollateralFactor) {
            // CometConfiguration / Comet constructor: BorrowCFTooLarge.
            throw new IllegalArgumentException(where + "borrowCollateralFactor (" + borrowCollateralFactor
                    + ") must be < liquidateCollateralFactor (" + liquidateCollateralFactor + ")");
        }
        Require.nonNegative(supplyCap, where + "supplyCap");
    }

    private static void factor(long value, String field) {
        if (value < 0 || value > FACTOR_SCALE) {
            throw new IllegalArgumentException(field + " must be in [0, 1e18], was " + value);
        }
    }

    public BigInteger scale() {
        return BigInteger.TEN.pow(decimals);
    }
}
