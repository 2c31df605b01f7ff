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
 * @param handOverAt     the fewest items of one piece of work handed to the threads (fewer stay on the calling
 *                       thread, where handing them over would cost more than it saves); tests set 1 so that every
 *                       piece of work is spread however small the ecosystem
 * @param passOverRuns   with {@code memoizedQuotes}, the positions nobody takes are passed over in runs, one test at
 *                       a run's extremes ({@link PassOverCover}), rather than one test each; tests turn it off to hold
 *                       the runs to the positions' own tests
 */
record EngineOptions(boolean indexedBooks, boolean memoizedQuotes, int threads, int handOverAt,
                     boolean passOverRuns) {
    static final EngineOptions REFERENCE = new EngineOptions(false, false, 1, Workers.MIN_PARALLEL, false);

    EngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("engine: threads must be >= 1 (was " + threads + ")");
        }
        if (handOverAt < 1) {
            throw new IllegalArgumentException("engine: handOverAt must be >= 1 (was " + handOverAt + ")");
        }
    }

    static EngineOptions fast(int threads) {
        return new EngineOptions(true, true, threads, Workers.MIN_PARALLEL, true);
    }

    /** These options with every piece of work of at least {@code items} items handed to the threads. */
    EngineOptions handingOverFrom(int items) {
        return new EngineOptions(indexedBooks, memoizedQuotes, threads, items, passOverRuns);
    }

    /** These options with every position nobody takes tested on its own ({@code passOverRuns} off). */
    EngineOptions testingEachPosition() {
        return new EngineOptions(indexedBooks, memoizedQuotes, threads, handOverAt, false);
    }
}
