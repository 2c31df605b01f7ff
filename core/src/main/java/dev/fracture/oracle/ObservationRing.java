package dev.fracture.oracle;

import dev.fracture.market.clmm.TickMath;
import java.util.Arrays;

/**
 * The oracle array of a Uniswap v3 pool (v3-core {@code Oracle.sol}: {@code initialize}, {@code write}), immutable:
 * {@link #write} returns a new ring. The cardinality is fixed when the ring is made, as if {@code grow} had been
 * called before the first write; the contract's lazy growth ({@code cardinalityNext} taking effect when the index
 * wraps) only matters for gas. A write costs a copy of the ring, O(cardinality).
 */
public final class ObservationRing {
    private static final String FEED = "observation ring";

    private final Observation[] slots;
    private final int index;

    private ObservationRing(Observation[] slots, int index) {
        this.slots = slots;
        this.index = index;
    }

    /** {@code Oracle.initialize}: slot 0 at {@code time} with zero accumulators; {@code cardinality} slots. */
    public static ObservationRing initialize(long time, int cardinality) {
        if (cardinality < 1 || cardinality > 65_535) {
            throw OracleChecks.fail(FEED, "cardinality must be in [1, 65535], got " + cardinality);
        }
        Observation[] slots = new Observation[cardinality];
        Arrays.fill(slots, Observation.EMPTY);
        slots[0] = new Observation(time, 0, 0, true);
        return new ObservationRing(slots, 0);
    }

    /**
     * {@code Oracle.write}: at most one observation per block. A write at the newest observation's timestamp
     * returns this ring unchanged; otherwise the next slot receives the newest observation transformed to
     * {@code time} with the {@code tick} and {@code liquidity} that held since it (the pool writes before the
     * block's first swap changes the tick).
     */
    public ObservationRing write(long time, int tick, double liquidity) {
        Observation last = slots[index];
        if (time == last.blockTimestamp()) {
            return this;
        }
        OracleChecks.notBefore(FEED, time, last.blockTimestamp());
        requireTick(tick);
        if (!(liquidity >= 0) || Double.isInfinite(liquidity)) {
            throw OracleChecks.fail(FEED, "liquidity must be finite and >= 0, got " + liquidity);
        }
        Observation[] next = slots.clone();
        int nextIndex = (index + 1) % slots.length;
        next[nextIndex] = last.transform(time, tick, liquidity);
        return new ObservationRing(next, nextIndex);
    }

    public int cardinality() {
        return slots.length;
    }

    /** The slot holding the most recent observation. */
    public int index() {
        return index;
    }

    public Observation get(int slot) {
        return slots[slot];
    }

    public Observation newest() {
        return slots[index];
    }

    /** The oldest observation: the slot after the newest, or slot 0 while the ring has not wrapped. */
    public Observation oldest() {
        Observation o = slots[(index + 1) % slots.length];
        return o.initialized() ? o : slots[0];
    }

    static void requireTick(int tick) {
        if (tick < TickMath.MIN_TICK || tick > TickMath.MAX_TICK) {
            throw OracleChecks.fail(FEED, "tick must be in [MIN_TICK, MAX_TICK], got " + tick);
        }
    }
}
