package dev.fracture.protocol.perp;

/**
 * The outcome of an open, close or liquidation against the pool.
 *
 * @param position  the position after (null once closed or liquidated)
 * @param state     the pool after
 * @param traderCash USD the trader received (negative: paid in, the collateral deposited when opening)
 * @param fee       position fee charged, USD
 */
public record PoolTrade(PoolPosition position, PoolState state, double traderCash, double fee) {
}
