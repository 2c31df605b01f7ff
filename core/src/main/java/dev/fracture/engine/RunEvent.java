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
}
