package dev.fracture.engine;

/**
 * How the engine finds and schedules its work; never what the model computes. The reference simulator turns every
 * shortcut off; the fast engine turns them on; both must give the same state hash ({@link ReferenceSimulator}).
 *
 * @param indexedBooks   books look only at positions an index says may have crossed their liquidation threshold
 *                       (a conservative filter; the protocol's own check still decides), instead of every position
 * @param memoizedQuotes liquidators planning in the same block share router quotes for the same sale (the market
 *                       does not move while they plan), instead of routing each one again; and a plan that came to
 *                       nothing is not made again while none of its inputs changed ({@link PlanVerdicts})
 * @param threads        threads that look for liquidatable positions and plan liquidations in a block; their results
 *                       are merged in a fixed order, so the count never changes the result
 */
record EngineOptions(boolean indexedBooks, boolean memoizedQuotes, int threads) {
    static final EngineOptions REFERENCE = new EngineOptions(false, false, 1);

    EngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("engine: threads must be >= 1 (was " + threads + ")");
        }
    }

    static EngineOptions fast(int threads) {
        return new EngineOptions(true, true, threads);
    }
}
