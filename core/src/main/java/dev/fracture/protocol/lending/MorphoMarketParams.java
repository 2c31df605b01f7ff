package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A Morpho Blue market's immutable parameters ({@code MarketParams}, morpho-org/morpho-blue
 * {@code src/interfaces/IMorpho.sol}); the oracle is represented by the price passed to each call.
 *
 * @param lltv liquidation loan-to-value in WAD, strictly between 0 and 1e18
 */
public record MorphoMarketParams(AssetId loanToken, AssetId collateralToken, BigInteger lltv) {
    public MorphoMarketParams {
        Objects.requireNonNull(loanToken, "loanToken");
        Objects.requireNonNull(collateralToken, "collateralToken");
        Objects.requireNonNull(lltv, "lltv");
        if (lltv.signum() <= 0 || lltv.compareTo(MorphoBlue.WAD) >= 0) {
            throw new IllegalArgumentException("lltv must be in (0, 1e18) WAD, was " + lltv);
        }
    }
}
