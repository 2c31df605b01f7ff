package dev.fracture.oracle;

/**
 * State of a fallback feed.
 *
 * @param status         the trusted source
 * @param lastGoodPrice  the last price taken from a trusted, live source; what the feed serves
 * @param lastGoodAt     the updatedAt of the reading that gave lastGoodPrice
 */
public record FallbackState(FallbackStatus status, double lastGoodPrice, long lastGoodAt) {

    public FallbackState {
        if (status == null) {
            throw new IllegalArgumentException("fallback feed: status must not be null");
        }
    }
}
