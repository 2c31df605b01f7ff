package dev.fracture.oracle;

/**
 * State of a TWAP feed: the pool's oracle array plus the tick and in-range liquidity the pool holds now, which the
 * next write and any read carry forward.
 *
 * @param ring       the observations written so far
 * @param tick       the pool's current tick
 * @param liquidity  the pool's current in-range liquidity (1 for a venue without one)
 */
public record TwapState(ObservationRing ring, int tick, double liquidity) {

    public TwapState {
        if (ring == null) {
            throw new IllegalArgumentException("TWAP: ring must not be null");
        }
        ObservationRing.requireTick(tick);
    }
}
