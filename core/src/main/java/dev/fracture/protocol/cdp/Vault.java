package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * One vault (an {@code urn} of makerdao/dss {@code src/vat.sol}).
 *
 * @param owner the account the vault belongs to; leftover auction collateral goes back to it
 * @param ink   locked collateral [WAD]
 * @param art   normalized debt; the DAI owed is {@code art · rate} [WAD]
 */
public record Vault(AccountId owner, BigInteger ink, BigInteger art) {
    public Vault {
        Checks.notNull(owner, "owner");
        Checks.nonNegative(ink, "ink");
        Checks.nonNegative(art, "art");
    }

    public static Vault of(String owner, BigInteger ink, BigInteger art) {
        return new Vault(AccountId.of(owner), ink, art);
    }
}
