package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * cat.sol's bite (makerdao/dss tag 1.0.4) worked by hand: ETH-A at mat 1.5, rate 1, price 100 (spot 66.66...), a
 * vault of 120 ETH owing 10,000 DAI (8,000 of backing at spot: unsafe), lump 50 ETH (March 2020's ETH-A lump,
 * makerdao/dss-deploy-scripts config/main.json), chop 1.13.
 */
class CatTest {
    static final BigInteger LUMP = wad("50");
    static final BigInteger CHOP = wad("1.13");

    static Ilk ilk(BigInteger spot) {
        return new Ilk("ETH-A", wad("10000"), DssMath.RAY, spot, rad("1000000"), rad("20"), ray("1.5"));
    }

    static final Ilk ILK = ilk(DssMath.rdiv(ray("100"), ray("1.5")));

    @Test
    void anUnsafeVaultIsCutIntoLumpsUntilEmpty() {
        Vault v = Vault.of("alice", wad("120"), wad("10000"));
        // Bite 1: lot 50, art = floor(50e18 · 10000e18 / 120e18) = 4166.666666666666666666.
        Bite b1 = Cat.bite(ILK, v, LUMP, CHOP);
        assertThat(b1.dink()).isEqualTo(wad("50"));
        assertThat(b1.dart()).isEqualTo(new BigInteger("4166666666666666666666"));
        assertThat(b1.due()).isEqualTo(b1.dart().multiply(DssMath.RAY));
        // tab = due · 1.13, exact: 4708.33333333333333333258 DAI.
        assertThat(b1.tab()).isEqualTo(new BigInteger("4708333333333333333332580").multiply(BigInteger.TEN.pow(24)));
        assertThat(b1.vault().ink()).isEqualTo(wad("70"));
        assertThat(b1.ilk().totalArt()).isEqualTo(wad("10000").subtract(b1.dart()));
        // The ratio is unchanged, so it is bitten again: floor(50e18 · 5833.333333333333333334e18 / 70e18).
        Bite b2 = Cat.bite(b1.ilk(), b1.vault(), LUMP, CHOP);
        assertThat(b2.dart()).isEqualTo(new BigInteger("4166666666666666666667"));
        // The last 20 ETH take the rest of the debt: lot = ink, art = min(art, art).
        Bite b3 = Cat.bite(b2.ilk(), b2.vault(), LUMP, CHOP);
        assertThat(b3.dink()).isEqualTo(wad("20"));
        assertThat(b1.dart().add(b2.dart()).add(b3.dart())).isEqualTo(wad("10000"));
        assertThat(b3.vault().ink()).isZero();
        assertThat(b3.vault().art()).isZero();
        assertThat(b3.ilk().totalArt()).isZero();
    }

    @Test
    void safeVaultsAndVaultsWithoutCollateralAreRefused() {
        Vault safe = Vault.of("bob", wad("160"), wad("10000"));
        assertThatThrownBy(() -> Cat.bite(ILK, safe, LUMP, CHOP)).isInstanceOfSatisfying(CdpRevertException.class,
                e -> assertThat(e.reason()).isEqualTo("Cat/not-unsafe"));
        // 150 ETH × 66.66... = 10,000 exactly: not below, so safe.
        Vault edge = Vault.of("carol", wad("150"), wad("9999.999999999999999999"));
        assertThat(Vat.isSafe(ILK, edge)).isTrue();
        assertThatThrownBy(() -> Cat.bite(ILK, edge, LUMP, CHOP)).isInstanceOf(CdpRevertException.class);
        assertThatThrownBy(() -> Cat.bite(ilk(BigInteger.ZERO), Vault.of("dan", wad("1"), wad("1")), LUMP, CHOP))
                .isInstanceOfSatisfying(CdpRevertException.class,
                        e -> assertThat(e.reason()).isEqualTo("Cat/not-unsafe"));
        assertThatThrownBy(() -> Cat.bite(ILK, Vault.of("eve", BigInteger.ZERO, wad("1")), LUMP, CHOP))
                .isInstanceOfSatisfying(CdpRevertException.class, e -> assertThat(e.reason()).isEqualTo("Cat/no-ink"));
        assertThatThrownBy(() -> Cat.bite(ILK, Vault.of("eve", wad("1"), wad("1000")), BigInteger.ZERO, CHOP))
                .hasMessageContaining("lump must be positive");
    }
}
