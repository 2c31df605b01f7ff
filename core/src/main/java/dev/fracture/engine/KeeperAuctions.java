package dev.fracture.engine;

import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.LiquidatorLedger;
import java.util.Collection;
import java.util.List;

/**
 * A book whose liquidations are English auctions (Maker's Flipper, makerdao/dss {@code src/flip.sol}): a keeper's bid
 * stands until somebody outbids it, and the lot moves only when the auction is settled. Each block the desk first
 * lands the auctions that settle now, like any liquidation (the winner paid its DAI when it bid; it receives the lot
 * and sells it now), then lets the run's liquidators bid on the auctions still open.
 */
interface KeeperAuctions {

    /**
     * The auctions that can be settled in this block, each as the plan its winner realizes: repay = its standing bid,
     * collateral = the lot. The desk applies them through {@link ProtocolBook#apply}.
     */
    List<LiquidationPlan> settlements(BlockContext block);

    /** The liquidators' bids of this block on the auctions still open, landed in priority-fee order. */
    void bid(Collection<LiquidatorLedger> keepers, BlockContext block);
}
