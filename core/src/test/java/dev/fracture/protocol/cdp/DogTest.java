package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Dog.bark's limits and dust rules, worked by hand. */
class DogTest {
    // rate 1.25, chop 1.13, dust 10,000 DAI. The vault: 100 ETH, art 80,000 (debt 100,000 DAI) at spot 900,
    // so ink·spot = 90,000 < 100,000: unsafe.
    static final Ilk ILK = new Ilk("ETH-A", wad("1000000"), ray("1.25"), ray("900"), rad("1000000000"),
            rad("10000"), ray("1.5"));
    static final Vault VAULT = Vault.of("alice", wad("100"), wad("80000"));
    static final BigInteger CHOP = wad("1.13");

    @Test
    void ilkHoleLimitsTheAuctionToAPartialLiquidation() {
        Bark bark = Dog.bark(ILK, VAULT, new DogIlk(CHOP, rad("50000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), BigInteger.ZERO));
        // room = 50,000 DAI; dart = floor(floor(50,000e45 · 1e18 / 1.25e27) / 1.13e18) = 35,398.230088495575221238.
        assertThat(bark.dart()).isEqualTo(new BigInteger("35398230088495575221238"));
        // dink = floor(100e18 · dart / 80,000e18) = 44.247787610619469026 ETH.
        assertThat(bark.dink()).isEqualTo(new BigInteger("44247787610619469026"));
        // due = dart · 1.25e27 = 44,247.7876106194690265475 DAI; tab = due · 1.13 = 49,999.999999999999999998675.
        assertThat(bark.due()).isEqualTo(new BigInteger("35398230088495575221238").multiply(ray("1.25")));
        assertThat(bark.tab()).isEqualTo(rad("49999.999999999999999998675"));
        assertThat(bark.tab()).isLessThanOrEqualTo(rad("50000"));
        // The rest, (80,000 − dart) · 1.25 = 55,752.21 DAI, stays in the vault: above dust.
        assertThat(bark.vault().art()).isEqualTo(wad("80000").subtract(bark.dart()));
        assertThat(bark.vault().ink()).isEqualTo(wad("100").subtract(bark.dink()));
        assertThat(bark.full()).isFalse();
        assertThat(bark.ilk().totalArt()).isEqualTo(wad("1000000").subtract(bark.dart()));
        assertThat(bark.dogIlk().dirt()).isEqualTo(bark.tab());
        assertThat(bark.totals().dirt()).isEqualTo(bark.tab());
    }

    @Test
    void globalHoleLimitsWhenItIsTighter() {
        Bark bark = Dog.bark(ILK, VAULT, new DogIlk(CHOP, rad("50000"), BigInteger.ZERO),
                new DogTotals(rad("130000"), rad("100000")));
        // room = min(130,000 − 100,000, 50,000) = 30,000: dart = 21,238.938053097345132743,
        // dink = 26.548672566371681415, tab = 29,999.9999999999999999994875.
        assertThat(bark.dart()).isEqualTo(new BigInteger("21238938053097345132743"));
        assertThat(bark.dink()).isEqualTo(new BigInteger("26548672566371681415"));
        assertThat(bark.tab()).isEqualTo(rad("29999.9999999999999999994875"));
        assertThat(bark.totals().dirt()).isEqualTo(rad("100000").add(bark.tab()));
    }

    @Test
    void aDustyRemainderLiquidatesTheWholeVaultBeyondTheLimit() {
        // room 100,000 allows dart = 70,796.46; the rest (9,203.54 · 1.25 = 11,504 DAI) is above dust 10,000, but with
        // dust 12,000 it is not, so the whole vault goes and dirt overshoots hole.
        Ilk dusty = new Ilk("ETH-A", wad("1000000"), ray("1.25"), ray("900"), rad("1000000000"), rad("12000"),
                ray("1.5"));
        Bark bark = Dog.bark(dusty, VAULT, new DogIlk(CHOP, rad("100000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), BigInteger.ZERO));
        assertThat(bark.full()).isTrue();
        assertThat(bark.dink()).isEqualTo(wad("100"));
        assertThat(bark.tab()).isEqualTo(rad("113000"));
        assertThat(bark.dogIlk().dirt()).isGreaterThan(rad("100000"));
    }

    @Test
    void aPartialAuctionBelowDustIsRefused() {
        // room 5,000 allows dart worth 4,424.78 DAI < dust 10,000, while the rest is far above dust.
        assertThatThrownBy(() -> Dog.bark(ILK, VAULT, new DogIlk(CHOP, rad("5000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), BigInteger.ZERO)))
                .isInstanceOf(CdpRevertException.class)
                .hasMessageStartingWith("Dog/dusty-auction-from-partial-liquidation");
    }

    @Test
    void noRoomAndSafeVaultsAreRefused() {
        assertThatThrownBy(() -> Dog.bark(ILK, VAULT, new DogIlk(CHOP, rad("50000"), rad("50000")),
                new DogTotals(rad("1000000"), BigInteger.ZERO)))
                .isInstanceOfSatisfying(CdpRevertException.class,
                        e -> assertThat(e.reason()).isEqualTo("Dog/liquidation-limit-hit"));
        assertThatThrownBy(() -> Dog.bark(ILK, VAULT, new DogIlk(CHOP, rad("50000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), rad("1000000"))))
                .hasMessageStartingWith("Dog/liquidation-limit-hit");
        Ilk priced = ILK.withSpot(ray("1000"));
        assertThat(Vat.isSafe(priced, VAULT)).isTrue();
        assertThatThrownBy(() -> Dog.bark(priced, VAULT, new DogIlk(CHOP, rad("50000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), BigInteger.ZERO)))
                .hasMessageStartingWith("Dog/not-unsafe");
        assertThat(Dog.canBark(priced, VAULT, new DogIlk(CHOP, rad("50000"), BigInteger.ZERO),
                new DogTotals(rad("1000000"), BigInteger.ZERO))).isFalse();
    }

    @Test
    void spotterAndVatAgreeOnTheLiquidationPrice() {
        // 100 ETH backing 100,000 DAI at mat 1.5 is unsafe below 1,500 USD.
        Ilk ilk = new Ilk("ETH-A", wad("80000"), ray("1.25"), BigInteger.ZERO, rad("1000000000"), rad("10000"),
                ray("1.5"));
        assertThat(Vat.liquidationPrice(ilk, VAULT)).isEqualTo(1500.0);
        assertThat(Vat.isSafe(Spotter.poke(ilk, wad("1500")), VAULT)).isTrue();
        assertThat(Vat.isSafe(Spotter.poke(ilk, wad("1499.99")), VAULT)).isFalse();
        assertThat(Spotter.poke(ilk, wad("1500")).spot()).isEqualTo(ray("1000"));
    }
}
