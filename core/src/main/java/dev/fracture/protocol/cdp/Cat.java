package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Liquidation start before Liquidations 1.2 (makerdao/dss {@code src/cat.sol}, tag 1.0.4, live in March 2020): an
 * unsafe vault is cut into lots of at most {@code lump} collateral, each bite taking its share of the debt; no
 * liquidation limit ({@code box} came with Liquidations 1.2) and no dust rule. The caller then kicks the Flipper with
 * {@link Bite#tab()} and {@link Bite#dink()} and an opening bid of 0, as bite calls kick.
 */
public final class Cat {
    private Cat() {
    }

    /**
     * One bite of an unsafe vault:
     * <ul>
     * <li>unsafe means {@code spot > 0 && ink · spot < art · rate} ({@code Cat/not-unsafe} otherwise);</li>
     * <li>{@code lot = min(ink, lump)}, {@code art = min(art, lot · art / ink)} (floor);</li>
     * <li>{@code due = art · rate}, {@code tab = due · chop}. cat.sol holds chop as a RAY and takes
     * {@code rmul(due, chop)}; with chop given as a WAD (the snapshot's unit) {@code due · chop / WAD} is the same
     * integer.</li>
     * </ul>
     * The vault stays unsafe after a partial bite (its ratio is unchanged), so a vault larger than lump is bitten again
     * until it is empty.
     *
     * @param lump most collateral per auction [WAD], positive
     * @param chop liquidation penalty factor [WAD], at least 1 WAD
     * @throws CdpRevertException {@code Cat/not-unsafe} for a safe vault or an ilk without a price; {@code Cat/no-ink}
     *                            for an unsafe vault without collateral (cat.sol's {@code lot · art / ink} divides by
     *                            zero and reverts without a reason)
     */
    public static Bite bite(Ilk ilk, Vault vault, BigInteger lump, BigInteger chop) {
        Checks.positive(lump, "lump");
        Checks.atLeast(chop, DssMath.WAD, "chop", "WAD");
        BigInteger ink = vault.ink();
        BigInteger art = vault.art();
        BigInteger rate = ilk.rate();
        if (ilk.spot().signum() == 0 || ink.multiply(ilk.spot()).compareTo(art.multiply(rate)) >= 0) {
            throw new CdpRevertException("Cat/not-unsafe", "vault of " + vault.owner() + " in " + ilk.name()
                    + " is safe or the ilk has no price");
        }
        if (ink.signum() == 0) {
            throw new CdpRevertException("Cat/no-ink", "vault of " + vault.owner() + " in " + ilk.name()
                    + " owes debt against no collateral");
        }
        BigInteger lot = DssMath.min(ink, lump);
        BigInteger dart = DssMath.min(art, lot.multiply(art).divide(ink));
        BigInteger due = dart.multiply(rate);
        BigInteger tab = due.multiply(chop).divide(DssMath.WAD);
        Vault after = new Vault(vault.owner(), ink.subtract(lot), art.subtract(dart));
        return new Bite(dart, lot, due, tab, after, ilk.withTotalArt(ilk.totalArt().subtract(dart)));
    }
}
