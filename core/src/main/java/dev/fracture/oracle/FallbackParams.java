package dev.fracture.oracle;

/**
 * Parameters of a primary/fallback rule. Liquity's PriceFeed values: timeouts 14400 s (4 h), a 50% maximum change
 * between two consecutive primary rounds, and 5% maximum difference between the two sources.
 *
 * @param primaryMaxAgeSeconds    the primary is frozen when {@code now − updatedAt} exceeds this; &gt; 0
 * @param fallbackMaxAgeSeconds   the same for the fallback; &gt; 0
 * @param maxRoundChange          a change between consecutive primary rounds above this fraction makes the
 *                                primary suspect; in (0, 1)
 * @param maxSourceDifference     the sources agree when |p − f| / min(p, f) ≤ this; in (0, 1)
 * @param crossCheckEveryRead     false: compare the sources only after a suspect primary jump (Liquity); true:
 *                                also switch to the fallback whenever the live primary differs from a live fallback
 *                                by more than maxSourceDifference
 */
public record FallbackParams(long primaryMaxAgeSeconds, long fallbackMaxAgeSeconds, double maxRoundChange,
                             double maxSourceDifference, boolean crossCheckEveryRead) {
    private static final String FEED = "fallback feed";

    public FallbackParams {
        OracleChecks.positive(FEED, "primaryMaxAgeSeconds", primaryMaxAgeSeconds);
        OracleChecks.positive(FEED, "fallbackMaxAgeSeconds", fallbackMaxAgeSeconds);
        OracleChecks.fraction(FEED, "maxRoundChange", maxRoundChange);
        OracleChecks.fraction(FEED, "maxSourceDifference", maxSourceDifference);
    }

    /** Liquity v1 PriceFeed's constants: TIMEOUT 4 h, 50% between rounds, 5% between oracles. */
    public static FallbackParams liquity() {
        return new FallbackParams(14_400, 14_400, 0.5, 0.05, false);
    }
}
