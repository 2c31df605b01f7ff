package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * The Vat's vault rules (makerdao/dss {@code src/vat.sol}, {@code frob}): a vault is safe while
 * {@code ink · spot ≥ art · rate}, both sides in RAD; a non-empty debt must be at least {@code dust}.
 * Also the double analytics the liquidation curve needs.
 */
public final class Vat {
    private Vat() {
    }

    /** The Vat's safety check, exact. */
    public static boolean isSafe(Ilk ilk, Vault vault) {
        return vault.ink().multiply(ilk.spot()).compareTo(debt(ilk, vault)) >= 0;
    }

    /** DAI owed by the vault, {@code art · rate} [RAD]. */
    public static BigInteger debt(Ilk ilk, Vault vault) {
        return vault.art().multiply(ilk.rate());
    }

    /** True when the vault holds debt below the ilk's dust (frob refuses to leave a vault so). */
    public static boolean isDusty(Ilk ilk, Vault vault) {
        return vault.art().signum() != 0 && debt(ilk, vault).compareTo(ilk.dust()) < 0;
    }

    /**
     * Collateral price (in DAI, par = 1) at which the vault becomes unsafe: {@code art · rate · mat / ink}; infinite for
     * a vault with debt and no collateral, 0 for one without debt.
     */
    public static double liquidationPrice(Ilk ilk, Vault vault) {
        if (vault.art().signum() == 0) {
            return 0;
        }
        if (vault.ink().signum() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double debt = DssMath.toDouble(debt(ilk, vault), DssMath.RAD);
        return debt * DssMath.toDouble(ilk.mat(), DssMath.RAY) / DssMath.toDouble(vault.ink(), DssMath.WAD);
    }
}
