package dev.fracture.protocol.cdp;

import dev.fracture.model.Asset;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maker system of a snapshot in the mechanics' terms: the Dog's global limit and, per ilk, the Vat, Jug, Dog and
 * Clipper records (or the Cat's lump and the Flipper's parameters) and the vaults. Stablecoin amounts become RAD, collateral and normalized debt WAD (the Vat holds
 * every gem in WAD, whatever the token's decimals; its GemJoin scales them).
 *
 * <p>{@code spot} is set as a Spotter poke at snapshot time would set it with {@code par} = 1: the collateral's
 * reference price (rounded down to a WAD) divided by {@code mat}. The Jug's {@code rho} is the snapshot's instant,
 * so no fee is due at the start.
 */
public record MakerSetup(DogTotals dog, List<IlkSetup> ilks) {
    public MakerSetup {
        ilks = List.copyOf(ilks);
    }

    /**
     * One collateral type: the records each dss contract holds for it, its vaults and the feed it reads. Exactly one of
     * {@code clipper} (Liquidations 2.0) and {@code flipper} (the 2020 Cat and Flipper) is set; a flipper ilk keeps
     * its {@code dogIlk} for the penalty {@code chop}, which the Cat held.
     */
    public record IlkSetup(Ilk ilk, JugIlk jug, DogIlk dogIlk, ClipperParams clipper, FlipperSetup flipper,
                           List<Vault> vaults, OracleId oracle) {
        public IlkSetup {
            vaults = List.copyOf(vaults);
            if ((clipper == null) == (flipper == null)) {
                throw new IllegalArgumentException("ilk " + (ilk == null ? null : ilk.name())
                        + ": exactly one of clipper and flipper must be set");
            }
        }

        /** An ilk liquidated by a Clipper. */
        public IlkSetup(Ilk ilk, JugIlk jug, DogIlk dogIlk, ClipperParams clipper, List<Vault> vaults,
                        OracleId oracle) {
            this(ilk, jug, dogIlk, clipper, null, vaults, oracle);
        }
    }

    /**
     * The 2020 liquidation of an ilk: the Flipper's parameters and the Cat's lot size.
     *
     * @param params beg, ttl, tau
     * @param lump   most collateral per auction [WAD], positive
     */
    public record FlipperSetup(FlipperParams params, BigInteger lump) {
        public FlipperSetup {
            Checks.notNull(params, "params");
            Checks.positive(lump, "lump");
        }
    }

    public static MakerSetup of(ProtocolSpec.CdpSystem spec, EcosystemSnapshot snapshot) {
        long now = snapshot.asOf().getEpochSecond();
        List<IlkSetup> ilks = new ArrayList<>();
        for (ProtocolSpec.CdpSystem.Ilk i : spec.ilks()) {
            Asset collateral = snapshot.asset(i.collateral()).orElseThrow();
            List<Vault> vaults = new ArrayList<>();
            BigInteger totalArt = BigInteger.ZERO;
            for (ProtocolSpec.CdpSystem.Vault v : spec.vaults()) {
                if (v.ilk().equals(i.name())) {
                    BigInteger art = wad(v.art());
                    totalArt = totalArt.add(art);
                    vaults.add(new Vault(v.owner(), wad(v.ink()), art));
                }
            }
            Ilk ilk = new Ilk(i.name(), totalArt, i.rate(), spot(collateral.referencePriceUsd(), i.mat()),
                    rad(i.line()), rad(i.dust()), i.mat());
            DogIlk dogIlk = new DogIlk(i.chop(), rad(i.hole()), BigInteger.ZERO);
            ProtocolSpec.CdpSystem.Clipper c = i.clipper();
            ProtocolSpec.CdpSystem.Flipper f = i.flipper();
            ClipperParams clipper = c == null ? null : ClipperParams.of(c.buf(), c.tail(), c.cusp(), c.chip(),
                    rad(c.tip()), abacus(c.calc()), ilk, dogIlk);
            FlipperSetup flipper = f == null ? null
                    : new FlipperSetup(new FlipperParams(f.beg(), f.ttl(), f.tau()), wad(f.lump()));
            ilks.add(new IlkSetup(ilk, new JugIlk(i.duty(), now), dogIlk, clipper, flipper, vaults, i.oracle()));
        }
        return new MakerSetup(new DogTotals(rad(spec.hole()), BigInteger.ZERO), ilks);
    }

    /** Spotter.poke: {@code spot = rdiv(rdiv(price · 1e9, par), mat)} with the price a WAD and par 1 RAY. */
    static BigInteger spot(double priceUsd, BigInteger mat) {
        BigInteger priceWad = ShortestDecimal.of(priceUsd).movePointRight(18).setScale(0, RoundingMode.DOWN)
                .toBigIntegerExact();
        BigInteger priceRay = priceWad.multiply(BigInteger.TEN.pow(9));
        return DssMath.rdiv(DssMath.rdiv(priceRay, DssMath.RAY), mat);
    }

    static Abacus abacus(ProtocolSpec.CdpSystem.Calc calc) {
        if (calc instanceof ProtocolSpec.CdpSystem.LinearDecrease linear) {
            return new LinearDecrease(linear.tau());
        } else if (calc instanceof ProtocolSpec.CdpSystem.StairstepExponentialDecrease stair) {
            return new StairstepExponentialDecrease(stair.step(), stair.cut());
        }
        return new ExponentialDecrease(((ProtocolSpec.CdpSystem.ExponentialDecrease) calc).cut());
    }

    private static BigInteger wad(BigDecimal amount) {
        return amount.movePointRight(18).toBigIntegerExact();
    }

    private static BigInteger rad(BigDecimal amount) {
        return amount.movePointRight(45).toBigIntegerExact();
    }
}
