package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.List;

/**
 * One protocol's positions inside a run: it reads oracle prices, says which positions can be liquidated now, and
 * applies a landed liquidation with the protocol's own mechanic. The engine owns it; nothing else mutates it.
 */
interface ProtocolBook {

    ProtocolId id();

    ChainId chain();

    /**
     * Reads the protocol's oracles at {@code now}: what its checks and liquidations use in this block. The reference
     * view prices what no feed of the protocol covers (a Morpho loan asset, whose market oracle prices the
     * collateral in it).
     */
    void observe(OracleBank oracles, OracleBank.ReferenceView reference, long now);

    /** Positions liquidatable now, in a stable order. */
    List<LiquidationOpportunity> opportunities(long block);

    /**
     * The same positions as {@link #opportunities}, with the number the book gives each position (its slot), so that
     * the desk keeps its record of a position in an array by slot rather than in a map by account: at a million
     * accounts the lookups in that map, one per liquidatable position and block, were a fifth of a cascade's time.
     * A book may hand back the very {@code Listing} of its last call when nothing it reads has changed since (no
     * price it uses moved, no position was liquidated): the same positions, the same opportunity objects, and the
     * desk then reuses what it worked out for them. The default numbers none.
     */
    default Listing listing(long block) {
        return new Listing(opportunities(block), null, 0);
    }

    /**
     * Applies a landed liquidation and says what the protocol moved: debt repaid and collateral sent to the
     * liquidator, in token units, and bad debt it realized, in USD at the block's oracle prices.
     */
    Applied apply(LiquidationPlan plan);

    /**
     * {@link #apply(LiquidationPlan)} of a plan made from this book's listing, where its position had slot
     * {@code slot} ({@link Listing#slots}; -1: not known): a book that numbers its positions may take the position
     * from the slot instead of looking its account up, once it has made sure the slot holds that account. The
     * default ignores the slot.
     */
    default Applied apply(LiquidationPlan plan, int slot) {
        return apply(plan);
    }

    /**
     * Gives the book the run's mitigations' liquidation terms: the price at which it values each collateral and
     * the bonus it pays on it (docs/mitigations.md, "Liquidation terms"). A book applies them whenever it reads its
     * prices; the default ignores them, so a book that does not support them keeps its own terms.
     */
    default void useTerms(LiquidationTerms terms) {
    }

    /** Debt still owed in USD at the last observed prices, over every position. */
    double debtUsd();

    /** Collateral value in USD at the last observed prices, over every position. */
    double collateralUsd();

    /** Bad debt realized so far, USD at the prices when it was realized. */
    double badDebtUsd();

    /**
     * Debt owed by positions whose collateral is worth less than their debt now (bad debt waiting), USD: both
     * valued at the run's reference (market) prices, not at the oracle's or a mitigation's valuation, so that a lagging
     * or frozen feed, or a TWAP a mitigation values collateral at, does not hide debt the collateral no longer covers.
     */
    double underwaterUsd();

    /**
     * Whether to find liquidatable positions through an index rather than by checking every position (the fast
     * engine's shortcut; the result must not change). Books without an index ignore it.
     */
    default void useIndex(boolean indexed) {
    }

    /**
     * Threads the book may spread a block's independent checks over (the fast engine's; results are merged in
     * position order, so the thread count never changes them). Books that check alone ignore it.
     */
    default void useWorkers(Workers workers) {
    }

    /** Feeds the book's state into a digest: by default its totals; books override it with every position. */
    default void digest(StateDigest digest) {
        digest.add(debtUsd()).add(collateralUsd()).add(badDebtUsd()).add(underwaterUsd());
    }

    /**
     * A book's liquidatable positions and their slots: {@code slots[i]} is the slot of {@code opportunities[i]}, each
     * in {@code [0, slotCount)} and never shared by two positions of the book; {@code slots} is null when the book
     * numbers none.
     */
    record Listing(List<LiquidationOpportunity> opportunities, int[] slots, int slotCount) {
        public Listing {
            if (slots != null && slots.length < opportunities.size()) {
                throw new IllegalArgumentException("listing: " + opportunities.size() + " opportunities but "
                        + slots.length + " slots");
            }
        }
    }

    /** What one liquidation moved. */
    record Applied(double debtRepaid, double collateralToLiquidator, double badDebtUsd) {
    }
}
