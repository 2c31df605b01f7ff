package dev.fracture.oracle;

/**
 * What every feed answers about its state {@code S} at a block timestamp (seconds): the value a protocol would
 * read, when that value was last updated, and whether a careful consumer would reject it as stale. The feeds
 * are stateless mechanics: the state is an immutable record the caller keeps and passes back each block.
 *
 * @param <S> the feed's state record
 */
public interface PriceFeed<S> {

    /** The price a protocol reading this feed at {@code now} gets. */
    double value(S state, long now);

    /** Timestamp (seconds) at which the readable value was last written on chain. */
    long updatedAt(S state);

    /** True when a consumer applying this feed's staleness rule would refuse the value at {@code now}. */
    boolean isStale(S state, long now);
}
