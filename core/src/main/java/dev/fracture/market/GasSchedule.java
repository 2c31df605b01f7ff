package dev.fracture.market;

import dev.fracture.model.VenueSpec;

/**
 * Gas units a router pays per venue it trades on and per bridge transfer. The defaults are the order of magnitude
 * of typical mainnet receipts for a single-hop swap: about 110k gas for a Uniswap v2 pair swap, 140k for a v3
 * swap crossing no or few ticks, 180k for a Curve exchange, 120k for a bridge deposit; order books are matched
 * off-chain (Hyperliquid-style L1s charge no gas to takers); a wrapper's conversion (Lido's wstETH {@code unwrap} or
 * {@code wrap}, a burn or mint and a share transfer) about 60k, an estimate of the same order. They are parameters, not constants: pass your own.
 */
public record GasSchedule(long constantProduct, long concentratedLiquidity, long stableSwap, long orderBook,
                          long bridgeTransfer, long wrapper) {
    public static final GasSchedule DEFAULT = new GasSchedule(110_000, 140_000, 180_000, 0, 120_000, 60_000);
    public static final GasSchedule FREE = new GasSchedule(0, 0, 0, 0, 0, 0);

    public GasSchedule {
        if (constantProduct < 0 || concentratedLiquidity < 0 || stableSwap < 0 || orderBook < 0 || bridgeTransfer < 0
                || wrapper < 0) {
            throw new IllegalArgumentException("gas units must be non-negative");
        }
    }

    /** Gas for one swap on a venue of this kind; {@code null} (a venue not from a snapshot) counts as a v3 swap. */
    public long swapGas(VenueSpec spec) {
        if (spec == null) {
            return concentratedLiquidity;
        }
        if (spec instanceof VenueSpec.ConstantProduct) {
            return constantProduct;
        }
        if (spec instanceof VenueSpec.ConcentratedLiquidity) {
            return concentratedLiquidity;
        }
        if (spec instanceof VenueSpec.StableSwap) {
            return stableSwap;
        }
        if (spec instanceof VenueSpec.Wrapper) {
            return wrapper;
        }
        return orderBook;
    }
}
