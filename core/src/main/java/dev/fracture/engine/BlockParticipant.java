package dev.fracture.engine;

import dev.fracture.model.ChainId;

/**
 * An actor that takes part in every block of its chain besides lending liquidations: a perp exchange liquidating
 * under-margined accounts, options dealers re-hedging, liquidity providers withdrawing as volatility rises. It reads
 * the block through {@link BlockContext} and acts through it (sales on venues, forced selling that moves the
 * reference price, entries in the event log), so that what it does feeds back into the cascade.
 */
interface BlockParticipant extends TraceSource {

    /** The chain whose blocks it acts in. */
    ChainId chain();

    /** Acts in one block, after the protocols' liquidations of that block. */
    void act(BlockContext block);

    /**
     * Threads the participant may spread a block's independent work over (the fast engine's; results are merged in
     * a fixed order, so the thread count never changes them). Participants that work alone ignore it.
     */
    default void useWorkers(Workers workers) {
    }
}
