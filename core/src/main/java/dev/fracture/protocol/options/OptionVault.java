package dev.fracture.protocol.options;

/**
 * A DeFi option vault: deposits that back the options it sells, fully collateralized so it never needs margin
 * calls (Ribbon Finance Theta Vault docs; Thetanuts v2 docs). Each epoch it writes one strike and expiry with all its
 * collateral; the buyers — market makers — take the other side and hedge.
 *
 * @param id         vault name
 * @param strategy   covered calls or cash-secured puts
 * @param collateral units of underlying for covered calls, quote units for cash-secured puts; >= 0
 */
public record OptionVault(String id, VaultStrategy strategy, double collateral) {
    public OptionVault {
        Checks.present(id, "vault id");
        Checks.present(strategy, "vault " + id + " strategy");
        Checks.nonNegative(collateral, "vault " + id + " collateral");
    }

    /** Options the vault can write at {@code strike}: collateral for calls, collateral / strike for puts. */
    public double capacity(double strike) {
        Checks.positive(strike, "vault " + id + " strike");
        return strategy == VaultStrategy.COVERED_CALL ? collateral : collateral / strike;
    }

    /**
     * The vault's epoch sale: it is short {@link #capacity(double)} options of the series.
     *
     * @throws IllegalArgumentException when the vault holds no collateral (nothing to sell) or strike or expiry is bad
     */
    public OptionPosition write(double strike, double expiry) {
        double size = capacity(strike);
        if (!(size > 0)) {
            throw new IllegalArgumentException("vault " + id + " collateral must be > 0 to write options, was "
                    + collateral);
        }
        OptionType type = strategy == VaultStrategy.COVERED_CALL ? OptionType.CALL : OptionType.PUT;
        return new OptionPosition(id, type, strike, expiry, size, Side.SHORT);
    }
}
