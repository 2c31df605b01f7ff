package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Jug.drip against rpow worked by hand and against the exact power. */
class JugTest {
    /** The duty Maker publishes for 5% a year: 1.05^(1/31536000) to 27 decimals. */
    static final BigInteger FIVE_PERCENT = new BigInteger("1000000001547125957863212448");
    static final long YEAR = 31_536_000L;

    static Ilk ilk(BigInteger totalArt, BigInteger rate) {
        return new Ilk("ETH-A", totalArt, rate, ray("1000"), Units.rad("1000000000"), Units.rad("100"), ray("1.5"));
    }

    @Test
    void twoAndThreeSecondsMatchRpowWorkedByHand() {
        BigInteger d = FIVE_PERCENT.subtract(DssMath.RAY);
        BigInteger half = DssMath.RAY.shiftRight(1);
        // rpow(x, 2): z starts at RAY (n even), then x² rounded half up: RAY + 2d + round(d²/RAY).
        // d² = 2393598729494162619157761202382152704, so d²/RAY = 2393598729.49… rounds to 2393598729.
        BigInteger square = new BigInteger("1000000003094251918120023625");
        assertThat(DssMath.RAY.add(d.shiftLeft(1)).add(d.multiply(d).add(half).divide(DssMath.RAY))).isEqualTo(square);
        // rpow(x, 3): z starts at x (n odd), then z·x² rounded half up.
        BigInteger cube = FIVE_PERCENT.multiply(square).add(half).divide(DssMath.RAY);
        assertThat(DssMath.rpow(FIVE_PERCENT, 2, DssMath.RAY)).isEqualTo(square);
        assertThat(DssMath.rpow(FIVE_PERCENT, 3, DssMath.RAY)).isEqualTo(cube);

        BigInteger prev = ray("1.2");
        BigInteger art = wad("1000000");
        Drip drip = Jug.drip(ilk(art, prev), new JugIlk(FIVE_PERCENT, 100), BigInteger.ZERO, 103);
        // rate' = floor(cube · 1.2 RAY / RAY) = 1200000005569653456924520243.
        assertThat(drip.ilk().rate()).isEqualTo(new BigInteger("1200000005569653456924520243"));
        assertThat(drip.jug().rho()).isEqualTo(103);
        assertThat(drip.fees()).isEqualTo(art.multiply(drip.ilk().rate().subtract(prev)));
    }

    @Test
    void oneYearAtTheFivePercentDutyCompoundsToOnePointZeroFive() {
        Drip drip = Jug.drip(ilk(wad("10"), DssMath.RAY), new JugIlk(FIVE_PERCENT, 0), BigInteger.ZERO, YEAR);
        BigInteger rate = drip.ilk().rate();
        assertThat(rate).isEqualTo(new BigInteger("1049999999999999999961070145"));
        BigDecimal exact = new BigDecimal(FIVE_PERCENT).movePointLeft(27).pow((int) YEAR, new MathContext(60))
                .movePointRight(27);
        // 25 squarings and 13 products, each rounded by up to half a unit and amplified by later squarings.
        assertThat(exact.subtract(new BigDecimal(rate)).abs()).isLessThan(BigDecimal.valueOf(1e10));
        assertThat(rate.subtract(ray("1.05")).abs()).isLessThan(BigInteger.valueOf(100_000_000_000L));
        assertThat(Jug.annualRate(FIVE_PERCENT)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void dripAtRhoChangesNothingAndBaseAdds() {
        Ilk ilk = ilk(wad("5"), ray("1.1"));
        Drip same = Jug.drip(ilk, new JugIlk(FIVE_PERCENT, 50), BigInteger.ZERO, 50);
        assertThat(same.ilk()).isEqualTo(ilk);
        assertThat(same.fees()).isZero();
        // duty 1 RAY with base = d is the same per-second factor as duty 1 + d.
        BigInteger d = FIVE_PERCENT.subtract(DssMath.RAY);
        assertThat(Jug.drip(ilk, new JugIlk(DssMath.RAY, 0), d, 1000).ilk())
                .isEqualTo(Jug.drip(ilk, new JugIlk(FIVE_PERCENT, 0), BigInteger.ZERO, 1000).ilk());
    }
}
