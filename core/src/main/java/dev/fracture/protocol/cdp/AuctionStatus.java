package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * clip.sol's {@code getStatus}: whether the auction must be reset and its current price.
 *
 * @param needsRedo true when more than {@code tail} seconds passed or the price fell below {@code cusp · top}
 * @param price     current auction price [RAY]
 */
public record AuctionStatus(boolean needsRedo, BigInteger price) {
}
