package dev.fracture.engine;

import dev.fracture.model.ChainId;

/**
 * One entry of a run's event log other than a liquidation of a lending or CDP position (those are
 * {@link LiquidationEvent}s): a scenario event taking effect, a mitigation acting, a perp liquidation, a bridge
 * halting. {@code kind} is a short stable word (e.g. {@code oracle-freeze}, {@code breaker-trip}); {@code subject} the
 * id it concerns; {@code usd} the value involved, 0 when none.
 */
public record RunEvent(long time, ChainId chain, long block, String kind, String subject, String detail, double usd) {
    public RunEvent {
        if (kind == null || kind.isBlank() || subject == null || detail == null) {
            throw new IllegalArgumentException("run event: kind, subject and detail are required");
        }
    }

    /**
     * The text the record's generated {@code toString} gives, character for character (the run's state hash reads
     * it), made by concatenation: this JDK's generated one goes through {@code String.format}, a parse of its
     * pattern on every call, and a run writes this text for every event.
     */
    @Override
    public String toString() {
        return "RunEvent[time=" + time + ", chain=" + chain + ", block=" + block + ", kind=" + kind + ", subject="
                + subject + ", detail=" + detail + ", usd=" + usd + "]";
    }
}
