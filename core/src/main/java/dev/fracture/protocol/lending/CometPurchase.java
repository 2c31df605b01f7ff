package dev.fracture.protocol.lending;

import java.math.BigInteger;

/** The outcome of {@link Comet#buyCollateral}: base paid in, collateral paid out, the market afterwards. */
public record CometPurchase(BigInteger basePaid, BigInteger collateralReceived, CometState stateAfter) {
}
