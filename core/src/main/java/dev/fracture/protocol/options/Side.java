package dev.fracture.protocol.options;

/** Which side of an option a holder is on: the buyer is long, the writer short. */
public enum Side {
    LONG,
    SHORT;

    /** +1 for long, −1 for short: the factor a per-option greek is multiplied by for a holder on this side. */
    public double sign() {
        return this == LONG ? 1 : -1;
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }
}
