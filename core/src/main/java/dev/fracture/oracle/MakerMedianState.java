package dev.fracture.oracle;

/**
 * State of a Maker {@code Median}: the stored value and the block timestamp of the poke that wrote it.
 *
 * @param val  the median price; 0 before the first poke (then peek reports it invalid)
 * @param age  timestamp of the last poke; signed messages must be newer than this
 */
public record MakerMedianState(double val, long age) {

    /** peek()'s validity flag: the contract reports a value as valid when it is non-zero. */
    public boolean has() {
        return val > 0;
    }
}
