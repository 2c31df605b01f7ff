package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Liquidation start (makerdao/dss {@code src/dog.sol}, {@code bark} and {@code digs}, the deployed version with the
 * partial-liquidation dust rules). {@link #bark} does the Vat grab and the limit bookkeeping; the caller then kicks the
 * auction with {@link Clipper#kick} using {@link Bark#tab()} and {@link Bark#dink()}, as bark calls kick.
 */
public final class Dog {
    private Dog() {
    }

    /**
     * Liquidates as much of an unsafe vault as the limits allow.
     * <ul>
     * <li>{@code room = min(Hole − Dirt, hole − dirt)}, refused ({@code Dog/liquidation-limit-hit}) unless both limits
     * have room;</li>
     * <li>{@code dart = min(art, room · WAD / rate / chop)}, floor divisions in that order;</li>
     * <li>if the rest {@code (art − dart) · rate} would be below dust the whole vault goes (the limits may then be
     * overshot by at most dust · chop, as dog.sol accepts); otherwise a partial auction must itself reach dust
     * ({@code Dog/dusty-auction-from-partial-liquidation});</li>
     * <li>{@code dink = ink · dart / art}, {@code due = dart · rate}, {@code tab = due · chop / WAD}.</li>
     * </ul>
     *
     * @throws CdpRevertException with dog.sol's reason when the contract would revert
     */
    public static Bark bark(Ilk ilk, Vault vault, DogIlk dogIlk, DogTotals totals) {
        BigInteger ink = vault.ink();
        BigInteger art = vault.art();
        BigInteger rate = ilk.rate();
        if (ilk.spot().signum() == 0 || Vat.isSafe(ilk, vault)) {
            throw new CdpRevertException("Dog/not-unsafe", "vault of " + vault.owner() + " in " + ilk.name()
                    + " is safe or the ilk has no price");
        }
        if (totals.hole().compareTo(totals.dirt()) <= 0 || dogIlk.hole().compareTo(dogIlk.dirt()) <= 0) {
            throw new CdpRevertException("Dog/liquidation-limit-hit", ilk.name() + ": Hole " + totals.hole()
                    + ", Dirt " + totals.dirt() + ", hole " + dogIlk.hole() + ", dirt " + dogIlk.dirt());
        }
        BigInteger room = DssMath.min(totals.hole().subtract(totals.dirt()), dogIlk.hole().subtract(dogIlk.dirt()));
        BigInteger dart = DssMath.min(art, room.multiply(DssMath.WAD).divide(rate).divide(dogIlk.chop()));
        if (art.compareTo(dart) > 0) {
            if (art.subtract(dart).multiply(rate).compareTo(ilk.dust()) < 0) {
                dart = art;
            } else if (dart.multiply(rate).compareTo(ilk.dust()) < 0) {
                throw new CdpRevertException("Dog/dusty-auction-from-partial-liquidation", ilk.name() + ": room "
                        + room + " allows dart " + dart + " worth less than dust " + ilk.dust());
            }
        }
        BigInteger dink = ink.multiply(dart).divide(art);
        if (dink.signum() == 0) {
            throw new CdpRevertException("Dog/null-auction", ilk.name() + ": no collateral to auction");
        }
        BigInteger due = dart.multiply(rate);
        BigInteger tab = due.multiply(dogIlk.chop()).divide(DssMath.WAD);
        Vault after = new Vault(vault.owner(), ink.subtract(dink), art.subtract(dart));
        return new Bark(dart, dink, due, tab, after, ilk.withTotalArt(ilk.totalArt().subtract(dart)),
                dogIlk.withDirt(dogIlk.dirt().add(tab)), totals.withDirt(totals.dirt().add(tab)));
    }

    /** True when {@link #bark} would start an auction (the vault is unsafe and the limits leave a valid room). */
    public static boolean canBark(Ilk ilk, Vault vault, DogIlk dogIlk, DogTotals totals) {
        try {
            bark(ilk, vault, dogIlk, totals);
            return true;
        } catch (CdpRevertException e) {
            return false;
        }
    }

    /** Releases {@code rad} of auction room, as the Clipper calls {@code dog.digs} on take and yank. */
    public static DogIlk digs(DogIlk dogIlk, BigInteger rad) {
        Checks.nonNegative(rad, "rad");
        if (rad.compareTo(dogIlk.dirt()) > 0) {
            throw new IllegalArgumentException("rad must not exceed dirt (" + dogIlk.dirt() + "), got " + rad);
        }
        return dogIlk.withDirt(dogIlk.dirt().subtract(rad));
    }

    /** Releases {@code rad} of global auction room ({@code Dirt}). */
    public static DogTotals digs(DogTotals totals, BigInteger rad) {
        Checks.nonNegative(rad, "rad");
        if (rad.compareTo(totals.dirt()) > 0) {
            throw new IllegalArgumentException("rad must not exceed Dirt (" + totals.dirt() + "), got " + rad);
        }
        return totals.withDirt(totals.dirt().subtract(rad));
    }
}
