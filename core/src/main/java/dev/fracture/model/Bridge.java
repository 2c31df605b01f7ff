package dev.fracture.model;

/**
 * A bridge joining two chains, usable both ways.
 *
 * @param latencySeconds     time from lock on one side to mint on the other
 * @param capacityPerHourUsd value that may cross per hour (rate limits, relayer liquidity)
 * @param feeBps             fee charged on the amount bridged, in basis points
 */
public record Bridge(BridgeId id, ChainId chainA, ChainId chainB, double latencySeconds, double capacityPerHourUsd,
                     int feeBps, BridgeStatus status) {

    public boolean joins(ChainId a, ChainId b) {
        return (chainA.equals(a) && chainB.equals(b)) || (chainA.equals(b) && chainB.equals(a));
    }

    public double feeFraction() {
        return feeBps / 10_000.0;
    }
}
