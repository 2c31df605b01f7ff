package dev.fracture.market.clmm;

import java.math.BigInteger;

/** v3-core {@code contracts/libraries/LiquidityMath.sol}: a uint128 plus an int128 delta, reverting on over/underflow. */
public final class LiquidityMath {
    private LiquidityMath() {
    }

    /** x + y for x a uint128 and y an int128; throws with the contract's reason ('LS' underflow, 'LA' overflow). */
    public static BigInteger addDelta(BigInteger x, BigInteger y) {
        BigInteger z = x.add(y);
        if (z.signum() < 0) {
            throw new ArithmeticException("LiquidityMath.addDelta: liquidity underflow (LS)");
        }
        if (z.compareTo(FullMath.MAX_UINT128) > 0) {
            throw new ArithmeticException("LiquidityMath.addDelta: liquidity overflow (LA)");
        }
        return z;
    }
}
