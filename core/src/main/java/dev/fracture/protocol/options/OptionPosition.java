package dev.fracture.protocol.options;

/**
 * A holding of European options of one series on the book's underlying.
 *
 * @param id     who or what the position came from (a vault sale, a counterparty), for tracing
 * @param type   call or put
 * @param strike quote units per unit of underlying
 * @param expiry model time in years at which it settles
 * @param size   number of options, each on one unit of underlying; > 0
 * @param side   long (bought) or short (written)
 */
public record OptionPosition(String id, OptionType type, double strike, double expiry, double size, Side side) {
    public OptionPosition {
        Checks.present(id, "position id");
        Checks.present(type, "position " + id + " type");
        Checks.positive(strike, "position " + id + " strike");
        Checks.finite(expiry, "position " + id + " expiry");
        Checks.positive(size, "position " + id + " size");
        Checks.present(side, "position " + id + " side");
    }

    /** Size signed by side: + long, − short. */
    public double signedSize() {
        return side.sign() * size;
    }

    /** The counterparty's position: the same options on the other side. */
    public OptionPosition mirror(String counterpartyId) {
        return new OptionPosition(counterpartyId, type, strike, expiry, size, side.opposite());
    }

    public boolean expiredAt(double time) {
        return expiry <= time;
    }
}
