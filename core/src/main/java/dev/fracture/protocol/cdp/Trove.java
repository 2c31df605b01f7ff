package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;

/**
 * One Liquity trove with its pending redistribution rewards already applied.
 *
 * @param owner the trove's owner (one trove per owner, as in Liquity)
 * @param coll  collateral [ETH]
 * @param debt  composite debt [LUSD]: net debt plus the gas-compensation reserve held in the gas pool
 */
public record Trove(AccountId owner, double coll, double debt) {
    public Trove {
        Checks.notNull(owner, "owner");
        Checks.nonNegative(coll, "coll");
        Checks.nonNegative(debt, "debt");
    }

    public static Trove of(String owner, double coll, double debt) {
        return new Trove(AccountId.of(owner), coll, debt);
    }

    /** Individual collateral ratio at {@code price}; infinite without debt. */
    public double icr(double price) {
        return debt == 0 ? Double.POSITIVE_INFINITY : coll * price / debt;
    }
}
