package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.ray;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Clipper kick/take/redo/yank against clip.sol worked by hand. The auction: tab 50,000 DAI, lot 60 ETH, feed price
 * 1,000, buf 1.2 (top 1,200), linear decrease to zero over 36,000 s (price 1,080 after 3,600 s), tail 7,200 s,
 * cusp 0.6, chip 0.1%, tip 300 DAI, dust 5,000 DAI and chop 1.13 (chost 5,650 DAI).
 */
class ClipperTest {
    static final AccountId OWNER = AccountId.of("alice");
    static final AccountId KEEPER = AccountId.of("keeper");
    static final long T0 = 1_000_000;

    static ClipperParams params(long tail) {
        return new ClipperParams(ray("1.2"), tail, ray("0.6"), wad("0.001"), rad("300"), rad("5650"),
                new LinearDecrease(36_000));
    }

    static final Clipper CLIPPER = Clipper.of(params(7200));

    static Kick kick(Clipper clipper, BigInteger tab) {
        return clipper.kick(ClipperState.empty("ETH-A"), tab, wad("60"), OWNER, KEEPER, ray("1000"), T0);
    }

    @Test
    void chostIsDustTimesChop() {
        Ilk ilk = new Ilk("ETH-A", BigInteger.ZERO, DssMath.RAY, ray("1"), rad("1"), rad("5000"), ray("1.5"));
        ClipperParams p = ClipperParams.of(ray("1.2"), 7200, ray("0.6"), wad("0.001"), rad("300"),
                new LinearDecrease(36_000), ilk, new DogIlk(wad("1.13"), rad("1"), BigInteger.ZERO));
        assertThat(p.chost()).isEqualTo(rad("5650"));
    }

    @Test
    void kickPaysChipTimesTabPlusTip() {
        Kick k = kick(CLIPPER, rad("50000"));
        assertThat(k.coin()).isEqualTo(rad("350"));
        assertThat(k.keeper()).isEqualTo(KEEPER);
        assertThat(k.auction().top()).isEqualTo(ray("1200"));
        assertThat(k.auction().id()).isEqualTo(1);
        assertThat(k.state().count()).isEqualTo(1);
        assertThat(CLIPPER.status(k.auction(), T0 + 3600).price()).isEqualTo(ray("1080"));
    }

    @Test
    void fullTakeCoversTabAndReturnsTheRestToTheOwner() {
        Kick k = kick(CLIPPER, rad("50000"));
        Take t = CLIPPER.take(k.state(), 1, wad("60"), ray("1100"), T0 + 3600);
        // 60 ETH at 1,080 is 64,800 > tab: owe = 50,000, slice = floor(50,000e45 / 1,080e27) = 46.296296296296296296.
        assertThat(t.owe()).isEqualTo(rad("50000"));
        assertThat(t.slice()).isEqualTo(new BigInteger("46296296296296296296"));
        assertThat(t.returned()).isEqualTo(wad("60").subtract(t.slice()));
        assertThat(t.badDebt()).isZero();
        assertThat(t.digs()).isEqualTo(rad("50000"));
        assertThat(t.finished()).isTrue();
        assertThat(t.state().count()).isZero();
    }

    @Test
    void partialTakeLeavingMoreThanChost() {
        Take t = CLIPPER.take(kick(CLIPPER, rad("50000")).state(), 1, wad("20"), ray("1080"), T0 + 3600);
        // 20 ETH at 1,080 = 21,600 DAI; 28,400 left is above chost 5,650.
        assertThat(t.owe()).isEqualTo(rad("21600"));
        assertThat(t.slice()).isEqualTo(wad("20"));
        assertThat(t.tabLeft()).isEqualTo(rad("28400"));
        assertThat(t.lotLeft()).isEqualTo(wad("40"));
        assertThat(t.finished()).isFalse();
        assertThat(t.state().auction(1).tab()).isEqualTo(rad("28400"));
        assertThat(t.digs()).isEqualTo(rad("21600"));
    }

    @Test
    void partialTakeThatWouldLeaveLessThanChostIsCutBack() {
        Take t = CLIPPER.take(kick(CLIPPER, rad("50000")).state(), 1, wad("42"), ray("1080"), T0 + 3600);
        // 42 ETH = 45,360 DAI would leave 4,640 < 5,650: owe = 50,000 − 5,650 = 44,350,
        // slice = floor(44,350e45 / 1,080e27) = 41.064814814814814814 ETH.
        assertThat(t.owe()).isEqualTo(rad("44350"));
        assertThat(t.slice()).isEqualTo(new BigInteger("41064814814814814814"));
        assertThat(t.tabLeft()).isEqualTo(rad("5650"));
    }

    @Test
    void aTabNotAboveChostMustBeBoughtWhole() {
        Kick k = kick(CLIPPER, rad("5000"));
        assertThatThrownBy(() -> CLIPPER.take(k.state(), 1, wad("1"), ray("1080"), T0 + 3600))
                .isInstanceOf(CdpRevertException.class).hasMessageStartingWith("Clipper/no-partial-purchase");
        Take whole = CLIPPER.take(k.state(), 1, wad("60"), ray("1080"), T0 + 3600);
        assertThat(whole.owe()).isEqualTo(rad("5000"));
        assertThat(whole.finished()).isTrue();
    }

    @Test
    void takeRefusesAPriceAboveMax() {
        Kick k = kick(CLIPPER, rad("50000"));
        assertThatThrownBy(() -> CLIPPER.take(k.state(), 1, wad("1"), ray("1079"), T0 + 3600))
                .hasMessageStartingWith("Clipper/too-expensive");
    }

    @Test
    void resetAfterTailPaysTheIncentiveAgain() {
        Kick k = kick(CLIPPER, rad("50000"));
        assertThat(CLIPPER.needsRedo(k.state(), 1, T0 + 7200)).isFalse();
        assertThat(CLIPPER.needsRedo(k.state(), 1, T0 + 7201)).isTrue();
        assertThatThrownBy(() -> CLIPPER.take(k.state(), 1, wad("1"), ray("2000"), T0 + 7201))
                .hasMessageStartingWith("Clipper/needs-reset");
        assertThatThrownBy(() -> CLIPPER.redo(k.state(), 1, KEEPER, ray("900"), T0 + 7200))
                .hasMessageStartingWith("Clipper/cannot-reset");
        Redo r = CLIPPER.redo(k.state(), 1, KEEPER, ray("900"), T0 + 7201);
        assertThat(r.auction().top()).isEqualTo(ray("1080"));
        assertThat(r.auction().tic()).isEqualTo(T0 + 7201);
        assertThat(r.coin()).isEqualTo(rad("350"));
        assertThat(r.auction().tab()).isEqualTo(rad("50000"));
        assertThat(CLIPPER.needsRedo(r.state(), 1, T0 + 7201)).isFalse();
    }

    @Test
    void resetWhenPriceFallsBelowCusp() {
        Clipper longTail = Clipper.of(params(1_000_000));
        Kick k = kick(longTail, rad("50000"));
        // 1,200 · (36,000 − 14,400)/36,000 = 720 = 0.6 · top: not below cusp yet; one second later it is.
        AuctionStatus atCusp = longTail.status(k.auction(), T0 + 14_400);
        assertThat(atCusp.price()).isEqualTo(ray("720"));
        assertThat(atCusp.needsRedo()).isFalse();
        assertThat(longTail.status(k.auction(), T0 + 14_401).needsRedo()).isTrue();
        assertThat(longTail.redo(k.state(), 1, KEEPER, ray("700"), T0 + 14_401).coin()).isEqualTo(rad("350"));
    }

    @Test
    void redoPaysNothingOnADustyAuction() {
        Kick k = kick(CLIPPER, rad("5000"));
        assertThat(CLIPPER.redo(k.state(), 1, KEEPER, ray("1000"), T0 + 8000).coin()).isZero();
    }

    @Test
    void aLotSoldOutBelowTabLeavesBadDebt() {
        Kick k = CLIPPER.kick(ClipperState.empty("ETH-A"), rad("50000"), wad("10"), OWNER, KEEPER, ray("1000"), T0);
        Take t = CLIPPER.take(k.state(), 1, wad("10"), ray("1080"), T0 + 3600);
        // 10 ETH at 1,080 raise 10,800 DAI; 39,200 is never raised.
        assertThat(t.owe()).isEqualTo(rad("10800"));
        assertThat(t.badDebt()).isEqualTo(rad("39200"));
        assertThat(t.digs()).isEqualTo(rad("50000"));
        assertThat(t.returned()).isZero();
        assertThat(t.finished()).isTrue();
    }

    @Test
    void theVowLedgerShowsTheLossOfAnUnsoldLot() {
        // sin 44,247.79 DAI queued (tab 50,000 at chop 1.13), 350 paid to the kicker, 10,800 raised by selling the
        // whole 10 ETH: the vow is 33,797.79 DAI short and 39,200 of tab was never raised.
        Bark bark = new Bark(BigInteger.ONE, wad("10"), rad("50000").multiply(DssMath.WAD).divide(wad("1.13")),
                rad("50000"), Vault.of("alice", BigInteger.ZERO, BigInteger.ZERO), DogTest.ILK,
                new DogIlk(wad("1.13"), rad("50000"), rad("50000")), new DogTotals(rad("50000"), rad("50000")));
        Kick k = CLIPPER.kick(ClipperState.empty("ETH-A"), bark, KEEPER, ray("1000"), T0);
        Take t = CLIPPER.take(k.state(), 1, wad("10"), ray("1080"), T0 + 3600);
        VowLedger vow = VowLedger.EMPTY.bark(bark).kick(k).take(t);
        assertThat(vow.badDebt()).isEqualTo(rad("39200"));
        assertThat(vow.net()).isEqualTo(rad("10800").subtract(bark.due()).subtract(rad("350")));
        assertThat(vow.net()).isNegative();
    }

    @Test
    void yankRecordsTheWholeRemainingTabAsBadDebt() {
        Take partial = CLIPPER.take(kick(CLIPPER, rad("50000")).state(), 1, wad("20"), ray("1080"), T0 + 3600);
        Yank y = CLIPPER.yank(partial.state(), 1);
        assertThat(y.badDebt()).isEqualTo(rad("28400"));
        assertThat(y.lot()).isEqualTo(wad("40"));
        assertThat(y.state().count()).isZero();
        assertThatThrownBy(() -> CLIPPER.yank(y.state(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id 1: unknown auction id");
    }

    @Test
    void aKeeperBudgetBuysWhatItPaysFor() {
        Kick k = kick(CLIPPER, rad("50000"));
        Take t = CLIPPER.takeWithin(k.state(), 1, rad("10800"), ray("1080"), T0 + 3600).orElseThrow();
        assertThat(t.owe()).isEqualTo(rad("10800"));
        assertThat(t.slice()).isEqualTo(wad("10"));
        assertThat(CLIPPER.takeWithin(k.state(), 1, BigInteger.ZERO, ray("1080"), T0 + 3600)).isEmpty();
        assertThat(CLIPPER.takeWithin(k.state(), 1, rad("1000"), ray("1000"), T0 + 3600)).isEmpty();
    }
}
