package dev.fracture.oracle;

/**
 * One slot of a Uniswap v3 oracle array (v3-core {@code contracts/libraries/Oracle.sol}, struct Observation).
 *
 * @param blockTimestamp                  seconds; a long, so the contract's uint32 wrap-around never happens here
 * @param tickCumulative                  Σ tick × seconds since the array was initialized
 * @param secondsPerLiquidityCumulative   Σ seconds / max(liquidity, 1), as a double in seconds per unit of
 *                                        liquidity (the contract keeps it as a Q128 fixed-point uint160)
 * @param initialized                     false for slots not yet written
 */
public record Observation(long blockTimestamp, long tickCumulative, double secondsPerLiquidityCumulative,
                          boolean initialized) {

    static final Observation EMPTY = new Observation(0, 0, 0, false);

    /**
     * {@code Oracle.transform}: the observation {@code last} carried forward to {@code time} with {@code tick} and
     * {@code liquidity} in force since {@code last}.
     */
    public Observation transform(long time, int tick, double liquidity) {
        long delta = time - blockTimestamp;
        return new Observation(time, tickCumulative + (long) tick * delta,
                secondsPerLiquidityCumulative + delta / (liquidity > 0 ? liquidity : 1), true);
    }
}
