package dev.fracture.market.clmm;

import java.math.BigInteger;

/**
 * An initialized tick as v3-core {@code contracts/libraries/Tick.sol} keeps it, reduced to what swaps read: total
 * liquidity referencing the tick, and the net liquidity added when the price crosses it left to right.
 */
public record TickInfo(int tick, BigInteger liquidityGross, BigInteger liquidityNet) {
}
