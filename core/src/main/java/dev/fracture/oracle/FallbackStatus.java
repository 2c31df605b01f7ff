package dev.fracture.oracle;

/** Which source a fallback feed trusts. */
public enum FallbackStatus {
    /** The primary is trusted (Liquity's chainlinkWorking, and usingChainlinkTellorUntrusted). */
    PRIMARY,
    /** The fallback is trusted (Liquity's usingTellorChainlinkUntrusted and usingTellorChainlinkFrozen). */
    FALLBACK,
    /** Neither is trusted; the last good price is served (Liquity's bothOraclesUntrusted). */
    NEITHER
}
