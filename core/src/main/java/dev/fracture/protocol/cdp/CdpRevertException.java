package dev.fracture.protocol.cdp;

/**
 * A call the contract would revert for a reason of state rather than of bad arguments (a safe vault, a full
 * liquidation limit, an auction that needs a reset, a price above the buyer's limit). The message starts with the
 * contract's own revert string, e.g. {@code Clipper/needs-reset}, so an agent can tell the cases apart.
 */
public final class CdpRevertException extends IllegalStateException {
    private final String reason;

    public CdpRevertException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** The contract's revert string, e.g. {@code Dog/not-unsafe}. */
    public String reason() {
        return reason;
    }
}
