package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Bad arguments throw IllegalArgumentException naming the field and the rule. */
class CdpBadInputTest {
    static final BigInteger MINUS_ONE = BigInteger.ONE.negate();

    @Test
    void negativeAmounts() {
        assertThatThrownBy(() -> Vault.of("a", MINUS_ONE, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ink must be non-negative, got -1");
        assertThatThrownBy(() -> Vault.of("a", BigInteger.ONE, MINUS_ONE)).hasMessage("art must be non-negative, got -1");
        Clipper clipper = Clipper.of(ClipperTest.params(7200));
        ClipperState empty = ClipperState.empty("ETH-A");
        assertThatThrownBy(() -> clipper.kick(empty, BigInteger.ZERO, wad("1"), AccountId.of("u"), AccountId.of("k"),
                ray("1"), 0)).hasMessage("tab must be positive, got 0");
        assertThatThrownBy(() -> clipper.kick(empty, rad("1"), MINUS_ONE, AccountId.of("u"), AccountId.of("k"),
                ray("1"), 0)).hasMessage("lot must be non-negative, got -1");
        ClipperState running = clipper.kick(empty, rad("10"), wad("1"), AccountId.of("u"), AccountId.of("k"),
                ray("1"), 0).state();
        assertThatThrownBy(() -> clipper.take(running, 1, MINUS_ONE, ray("2"), 1))
                .hasMessage("amt must be non-negative, got -1");
        assertThatThrownBy(() -> clipper.takeWithin(running, 1, MINUS_ONE, ray("2"), 1))
                .hasMessage("dai must be non-negative, got -1");
        assertThatThrownBy(() -> new DogIlk(wad("1.1"), MINUS_ONE, BigInteger.ZERO))
                .hasMessage("hole must be non-negative, got -1");
        assertThatThrownBy(() -> new DogTotals(BigInteger.ONE, MINUS_ONE)).hasMessage("Dirt must be non-negative, got -1");
    }

    @Test
    void parametersOutOfRange() {
        assertThatThrownBy(() -> new ClipperParams(ray("0.99"), 1, ray("0.5"), BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, new LinearDecrease(1)))
                .hasMessage("buf must be at least 1 RAY (1000000000000000000000000000), got 990000000000000000000000000");
        assertThatThrownBy(() -> new ClipperParams(ray("1"), 1, ray("1"), BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, new LinearDecrease(1)))
                .hasMessage("cusp must be below 1 RAY (1000000000000000000000000000), got 1000000000000000000000000000");
        assertThatThrownBy(() -> new ClipperParams(ray("1"), 0, ray("0.5"), BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, new LinearDecrease(1))).hasMessage("tail must be positive, got 0");
        assertThatThrownBy(() -> new LinearDecrease(0)).hasMessage("tau must be positive, got 0");
        assertThatThrownBy(() -> new ExponentialDecrease(DssMath.RAY))
                .hasMessage("cut must be strictly between 0 and 1 RAY (1000000000000000000000000000), got "
                        + "1000000000000000000000000000");
        assertThatThrownBy(() -> new StairstepExponentialDecrease(90, BigInteger.ZERO))
                .hasMessageStartingWith("cut must be strictly between 0 and 1 RAY");
        assertThatThrownBy(() -> new StairstepExponentialDecrease(0, ray("0.99"))).hasMessage("step must be positive, got 0");
        assertThatThrownBy(() -> new DogIlk(wad("0.99"), BigInteger.ONE, BigInteger.ZERO))
                .hasMessage("chop must be at least 1 WAD (1000000000000000000), got 990000000000000000");
        assertThatThrownBy(() -> new Ilk("ETH-A", BigInteger.ZERO, DssMath.RAY, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, ray("0.5")))
                .hasMessage("mat must be at least 1 RAY (1000000000000000000000000000), got 500000000000000000000000000");
        assertThatThrownBy(() -> new Ilk(" ", BigInteger.ZERO, DssMath.RAY, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, ray("1.5"))).hasMessage("name must not be blank");
    }

    @Test
    void unknownAuctionAndTimeBeforeStart() {
        Clipper clipper = Clipper.of(ClipperTest.params(7200));
        ClipperState empty = ClipperState.empty("ETH-A");
        assertThatThrownBy(() -> clipper.take(empty, 7, wad("1"), ray("1"), 0))
                .hasMessage("id 7: unknown auction id, not running in the ETH-A clipper (running: [])");
        assertThatThrownBy(() -> clipper.redo(empty, 7, AccountId.of("k"), ray("1"), 0))
                .hasMessageStartingWith("id 7: unknown auction id");
        Kick k = clipper.kick(empty, rad("10"), wad("1"), AccountId.of("u"), AccountId.of("k"), ray("1"), 100);
        assertThatThrownBy(() -> clipper.status(k.auction(), 99))
                .hasMessage("now must not be before the auction's tic (100), got 99");
        assertThatThrownBy(() -> Jug.drip(JugTest.ilk(wad("1"), DssMath.RAY), new JugIlk(DssMath.RAY, 10),
                BigInteger.ZERO, 9)).hasMessage("now must not be before rho (10), got 9");
    }
}
