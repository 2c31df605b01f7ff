package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The stored state of a trading venue, as a snapshot holds it. Behaviour (quotes, swaps, depth) lives in
 * {@code dev.fracture.market}; a venue object is built from one of these and never writes back to it.
 * Token amounts are decimals in token units (1.5 means 1.5 ETH), converted exactly to the token's integer
 * units with its decimals when a venue is built; protocol parameters are kept in the units the protocol uses.
 */
public sealed interface VenueSpec {

    VenueId id();

    ChainId chain();

    /** The assets this venue trades, in the venue's own order (token0, token1, ... or base, quote). */
    List<AssetId> assets();

    /**
     * A Uniswap v2 style pair. {@code feePips} is the fee in millionths of the input (3000 = the v2 constant
     * 997/1000).
     */
    record ConstantProduct(VenueId id, ChainId chain, AssetId token0, AssetId token1, BigDecimal reserve0,
                           BigDecimal reserve1, int feePips) implements VenueSpec {
        public ConstantProduct {
            reserve0 = reserve0 == null ? null : reserve0.stripTrailingZeros();
            reserve1 = reserve1 == null ? null : reserve1.stripTrailingZeros();
        }

        @Override
        public List<AssetId> assets() {
            return List.of(token0, token1);
        }
    }

    /**
     * A Uniswap v3 style pool: {@code feePips} in millionths (500, 3000, 10000 ...), {@code tickSpacing},
     * the current √price as the contract stores it (Q64.96, token1 per token0 in integer units), and the
     * liquidity positions over tick ranges.
     */
    record ConcentratedLiquidity(VenueId id, ChainId chain, AssetId token0, AssetId token1, int feePips,
                                 int tickSpacing, BigInteger sqrtPriceX96, List<LiquidityPosition> positions)
            implements VenueSpec {
        public ConcentratedLiquidity {
            positions = positions == null ? null : List.copyOf(positions);
        }

        @Override
        public List<AssetId> assets() {
            return List.of(token0, token1);
        }
    }

    /** One concentrated-liquidity position: liquidity L (the contract's uint128) over [tickLower, tickUpper). */
    record LiquidityPosition(int tickLower, int tickUpper, BigInteger liquidity) {
    }

    /**
     * A Curve StableSwap pool of n coins: {@code amplification} is the A parameter as the contract's
     * {@code A()} returns it (not multiplied by A_PRECISION), {@code fee} is in Curve's 1e10 units
     * (4000000 = 0.04%).
     */
    record StableSwap(VenueId id, ChainId chain, List<AssetId> coins, List<BigDecimal> balances, long amplification,
                      long fee) implements VenueSpec {
        public StableSwap {
            coins = coins == null ? null : List.copyOf(coins);
            balances = balances == null ? null : List.copyOf(balances);
        }

        @Override
        public List<AssetId> assets() {
            return coins;
        }
    }

    /**
     * A central limit order book for base/quote: bids best (highest) first, asks best (lowest) first,
     * prices in quote per base, sizes in base. {@code takerFeePips} is charged on the taker's output.
     */
    record OrderBook(VenueId id, ChainId chain, AssetId base, AssetId quote, List<BookLevel> bids,
                     List<BookLevel> asks, int takerFeePips) implements VenueSpec {
        public OrderBook {
            bids = bids == null ? null : List.copyOf(bids);
            asks = asks == null ? null : List.copyOf(asks);
        }

        @Override
        public List<AssetId> assets() {
            return List.of(base, quote);
        }
    }

    /**
     * A wrapper contract converting the liquid-staking token {@code wrapped} and its {@code underlying} into each other
     * at the wrapped asset's exchange rate, with no fee and no liquidity behind it (Lido's wstETH: {@code wrap} and
     * {@code unwrap}). The rate is the one the asset's kind states, so the two cannot disagree.
     */
    record Wrapper(VenueId id, ChainId chain, AssetId wrapped, AssetId underlying) implements VenueSpec {
        @Override
        public List<AssetId> assets() {
            return List.of(wrapped, underlying);
        }
    }

    /** A price level of an order book: size in base units resting at price (quote per base). */
    record BookLevel(BigDecimal price, BigDecimal size) {
    }
}
