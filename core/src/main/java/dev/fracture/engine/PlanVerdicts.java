package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.market.Market;
import dev.fracture.market.Venue;
import java.util.HashSet;
import java.util.Set;

/**
 * The fast engine's memory of plans that came to nothing: a liquidator that found no plan for a position in one block
 * finds none in a later block whose every input to its decision is the same — the opportunity (but for the block it
 * was first seen), whether its reaction latency has passed, the base fee, the prices of the debt, the collateral and
 * the chain's gas asset, its capital in the debt asset, its gas budget left, the value of its inventory, and the state
 * of every venue ({@link Venue#version()}). {@code Liquidator.plan} reads nothing else, so skipping it then gives the
 * same bits as running it (the reference simulator always runs it; {@code ReferenceEqualityTest} holds the two equal).
 * A position nobody will liquidate — too small, no venue for its collateral — then costs its planners once per change
 * of the market, not once per block.
 */
final class PlanVerdicts {
    private final Set<Inputs> none = new HashSet<>();
    private long marketVersion = Long.MIN_VALUE;

    /** Everything a plan depends on, doubles by their bits. */
    record Inputs(String liquidator, LiquidationOpportunity opportunity, boolean latencyPassed, long baseFee,
                  long debtUsd, long collateralUsd, long nativeUsd, long capital, long gasLeft, long inventoryUsd,
                  long marketVersion) {
    }

    /**
     * The inputs of {@code ledger}'s plan for {@code o} in {@code block}; null when they cannot be pinned down (a venue
     * that does not count its changes), in which case the plan must be made.
     */
    Inputs inputs(LiquidatorLedger ledger, LiquidationOpportunity o, BlockContext block) {
        long version = marketVersion;
        if (version < 0) {
            return null;
        }
        LiquidationOpportunity undated = new LiquidationOpportunity(o.protocol(), o.account(), o.chain(),
                o.debtAsset(), o.collateralAsset(), o.maxRepay(), o.collateralPerDebt(), o.collateralAvailable(),
                o.flashLoan(), o.gasUnits(), 0);
        ReferencePrices prices = block.prices();
        return new Inputs(ledger.profile().id(), undated,
                block.number() >= o.detectedBlock() + ledger.profile().reactionLatencyBlocks(),
                bits(block.baseFeeGwei()), bits(prices.usd(o.debtAsset())), bits(prices.usd(o.collateralAsset())),
                bits(prices.usd(block.market().chain(o.chain()).nativeAsset())),
                bits(ledger.capital(o.chain(), o.debtAsset())), bits(ledger.gasBudgetLeft(o.chain(), block.number())),
                bits(ledger.inventoryUsd(prices::usd)), version);
    }

    /** Reads the market's state before a block's plans; forgets every verdict when it changed. */
    void observe(Market market) {
        long version = version(market);
        if (version != marketVersion) {
            none.clear();
            marketVersion = version;
        }
    }

    boolean knownToFail(Inputs inputs) {
        return inputs != null && none.contains(inputs);
    }

    void failed(Inputs inputs) {
        if (inputs != null) {
            none.add(inputs);
        }
    }

    private static long version(Market market) {
        long sum = 0;
        for (Venue v : market.venues()) {
            long x = v.version();
            if (x < 0) {
                return -1;
            }
            sum += x;
        }
        return sum;
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
