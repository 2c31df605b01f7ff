package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 12–13 March 2020: with keepers out of DAI and the network congested, Maker's English (flip) auctions closed at zero
 * bids (MakerDAO's Black Thursday post-mortem reports about 5.67M DAI of protocol deficit and about $8.32M of ETH won at
 * zero bids). A Clipper with no keeper capital through {@code tail} does not give the lot away: the price stops at
 * {@code cusp · top}, the auction asks for a reset, and after the reset it sells at a market price once capital
 * returns. Parameters are ETH-A-like: buf 1.2, tail 140 min, cusp 0.4, a 1% cut every 90 s, chip 0.1%, tip 300 DAI.
 */
class BlackThursdayTest {
    static final long T0 = 1_584_000_000L;
    static final long BLOCK = 12;

    @Test
    void aLotNobodyCanBuyIsResetNotGivenAwayAtZero() {
        Clipper clipper = Clipper.of(new ClipperParams(ray("1.2"), 8400, ray("0.4"), wad("0.001"), rad("300"),
                rad("16950"), new StairstepExponentialDecrease(90, ray("0.99"))));
        // 100 ETH liquidated at a feed price of 110 USD for a tab of 9,000 DAI (8,000 debt with a 12.5% penalty).
        Kick kick = clipper.kick(ClipperState.empty("ETH-A"), rad("9000"), wad("100"), AccountId.of("vault"),
                AccountId.of("kicker"), ray("110"), T0);
        BigInteger top = kick.auction().top();
        assertThat(top).isEqualTo(ray("132"));

        long now = T0;
        BigInteger lowest = top;
        while (!clipper.needsRedo(kick.state(), 1, now)) {
            BigInteger price = clipper.status(kick.auction(), now).price();
            lowest = lowest.min(price);
            // Keepers hold no DAI: any price is acceptable to them, but nothing can be bought.
            assertThat(clipper.takeWithin(kick.state(), 1, BigInteger.ZERO, top, now)).isEmpty();
            now += BLOCK;
        }
        // The cusp (0.4 · 132 = 52.8) stopped the auction long before a zero price: 0.99^91 · 132 ≈ 52.86.
        assertThat(lowest).isGreaterThanOrEqualTo(DssMath.rmul(top, ray("0.4")));
        assertThat(now - T0).isLessThanOrEqualTo(8400 + BLOCK);
        assertThat(kick.state().auction(1).lot()).isEqualTo(wad("100"));

        // Reset at the market's low (feed price 100) and a keeper with 10,000 DAI comes back a few minutes later.
        Redo redo = clipper.redo(kick.state(), 1, AccountId.of("resetter"), ray("100"), now);
        assertThat(redo.auction().top()).isEqualTo(ray("120"));
        assertThat(redo.coin()).isZero();
        long later = now + 300;
        Optional<Take> take = clipper.takeWithin(redo.state(), 1, rad("10000"), ray("120"), later);
        assertThat(take).isPresent();
        Take t = take.orElseThrow();
        // 300 s is three steps: price = 120 · 0.99^3 ≈ 116.4; 9,000 DAI buys ≈ 77.3 ETH, 22.7 ETH go back to the owner.
        assertThat(t.owe()).isEqualTo(rad("9000"));
        assertThat(t.badDebt()).isZero();
        assertThat(t.returned()).isGreaterThan(wad("22")).isLessThan(wad("23"));
        assertThat(t.slice().add(t.returned())).isEqualTo(wad("100"));
    }
}
