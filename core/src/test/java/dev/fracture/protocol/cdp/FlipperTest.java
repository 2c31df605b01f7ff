package dev.fracture.protocol.cdp;

import static dev.fracture.protocol.cdp.Units.rad;
import static dev.fracture.protocol.cdp.Units.wad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The Flipper against the published test cases of flip.sol (makerdao/dss {@code src/test/flip.t.sol}, tag 1.0.4, the
 * version live in March 2020), with the contract's defaults there: beg 1.05, ttl 3 hours, tau 2 days; each auction
 * is {@code kick(lot 100, tab 50, bid 0)}. The test's balances are checked here as the amounts each call moves.
 */
class FlipperTest {
    static final AccountId USR = AccountId.of("0xacab");
    static final AccountId CAT = AccountId.of("cat");
    static final AccountId ALI = AccountId.of("ali");
    static final AccountId BOB = AccountId.of("bob");
    static final long T0 = 604_411_200;
    static final long HOUR = 3600;
    static final Flipper FLIP = Flipper.of(new FlipperParams(wad("1.05"), 3 * HOUR, 2 * 24 * HOUR));

    static FlipKick kick(Flipper flip, FlipperState state, long now) {
        return flip.kick(state, USR, CAT, rad("50"), wad("100"), BigInteger.ZERO, now);
    }

    static FlipperState kicked() {
        return kick(FLIP, FlipperState.empty("gems"), T0).state();
    }

    @Test
    void kickOpensAnAuctionWithoutBidThatEndsAfterTau() {
        FlipKick k = kick(FLIP, FlipperState.empty("gems"), T0);
        assertThat(k.auction().id()).isEqualTo(1);
        assertThat(k.auction().end()).isEqualTo(T0 + 48 * HOUR);
        assertThat(k.auction().tic()).isZero();
        assertThat(k.auction().guy()).isEqualTo(CAT);
        assertThat(k.state().kicks()).isEqualTo(1);
    }

    @Test
    void tendTakesTheBidRefundsThePreviousBidderAndDealPaysTheWinner() {
        // test_tend: ali bids 1 (the gal gets 1), bob bids 2 (ali gets her 1 back, the gal gets 1 more).
        FlipMove ali = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0);
        assertThat(ali.toVow()).isEqualTo(rad("1"));
        assertThat(ali.refund()).isZero();
        assertThat(ali.refunded()).isEqualTo(CAT);
        FlipMove bob = FLIP.tend(ali.state(), 1, BOB, wad("100"), rad("2"), T0);
        assertThat(bob.refunded()).isEqualTo(ALI);
        assertThat(bob.refund()).isEqualTo(rad("1"));
        assertThat(bob.toVow()).isEqualTo(rad("1"));
        assertThat(bob.auction().tic()).isEqualTo(T0 + 3 * HOUR);
        FlipDeal deal = FLIP.deal(bob.state(), 1, T0 + 5 * HOUR);
        assertThat(deal.won().guy()).isEqualTo(BOB);
        assertThat(deal.won().lot()).isEqualTo(wad("100"));
        assertThat(deal.unraised()).isEqualTo(rad("48"));
        assertThat(deal.state().count()).isZero();
    }

    @Test
    void aBidMayComeLateWithinTau() {
        // test_tend_later
        FlipMove ali = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0 + 5 * HOUR);
        assertThat(ali.toVow()).isEqualTo(rad("1"));
    }

    @Test
    void dentGivesCollateralBackToTheVaultOwner() {
        // test_dent: ali 1, bob 50 (= tab), ali dents to 95: 5 to usr, ali pays bob's 50 back.
        FlipMove ali = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0);
        FlipMove bob = FLIP.tend(ali.state(), 1, BOB, wad("100"), rad("50"), T0);
        assertThat(bob.auction().dentPhase()).isTrue();
        FlipMove dent = FLIP.dent(bob.state(), 1, ALI, wad("95"), rad("50"), T0);
        assertThat(dent.toUsr()).isEqualTo(wad("5"));
        assertThat(dent.refunded()).isEqualTo(BOB);
        assertThat(dent.refund()).isEqualTo(rad("50"));
        assertThat(dent.toVow()).isZero();
        assertThat(dent.auction().lot()).isEqualTo(wad("95"));
    }

    @Test
    void begBindsEveryBidderUnlessTheBidReachesTheTab() {
        // test_beg, call by call.
        FlipperState s = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1.00"), T0).state();
        FlipperState after1 = s;
        assertRevert(() -> FLIP.tend(after1, 1, BOB, wad("100"), rad("1.01"), T0), "Flipper/insufficient-increase");
        assertRevert(() -> FLIP.tend(after1, 1, ALI, wad("100"), rad("1.01"), T0), "Flipper/insufficient-increase");
        s = FLIP.tend(s, 1, BOB, wad("100"), rad("1.07"), T0).state();
        s = FLIP.tend(s, 1, ALI, wad("100"), rad("49"), T0).state();
        // 50 < 1.05 × 49 = 51.45, but 50 is the tab.
        s = FLIP.tend(s, 1, BOB, wad("100"), rad("50"), T0).state();
        FlipperState dentPhase = s;
        assertRevert(() -> FLIP.dent(dentPhase, 1, ALI, wad("100"), rad("50"), T0), "Flipper/lot-not-lower");
        // 1.05 × 99 = 103.95 > 100
        assertRevert(() -> FLIP.dent(dentPhase, 1, ALI, wad("99"), rad("50"), T0), "Flipper/insufficient-decrease");
        // 1.05 × 95 = 99.75 <= 100
        assertThat(FLIP.dent(dentPhase, 1, ALI, wad("95"), rad("50"), T0).auction().guy()).isEqualTo(ALI);
    }

    @Test
    void dealWaitsForTtlOrEnd() {
        // test_deal: only after ttl ...
        FlipperState s = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0).state();
        FlipperState bid = s;
        assertRevert(() -> FLIP.deal(bid, 1, T0), "Flipper/not-finished");
        assertThat(FLIP.deal(bid, 1, T0 + (long) (4.1 * HOUR)).won().guy()).isEqualTo(ALI);
        // ... or after end: kicked at T0, bid at T0 + 44 h (tic T0 + 47 h), settled at T0 + 68 h.
        FlipperState late = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0 + 44 * HOUR).state();
        assertRevert(() -> FLIP.deal(late, 1, T0 + 44 * HOUR), "Flipper/not-finished");
        assertThat(FLIP.deal(late, 1, T0 + 68 * HOUR).won().bid()).isEqualTo(rad("1"));
    }

    @Test
    void anAuctionWithoutBidsIsTickedNeverDealt() {
        // test_tick and test_no_deal_after_end
        FlipperState s = kicked();
        assertRevert(() -> FLIP.tick(s, 1, T0), "Flipper/not-finished");
        assertRevert(() -> FLIP.deal(s, 1, T0), "Flipper/not-finished");
        long later = T0 + 14 * 24 * HOUR;
        assertRevert(() -> FLIP.tend(s, 1, ALI, wad("100"), rad("1"), later), "Flipper/already-finished-end");
        assertRevert(() -> FLIP.deal(s, 1, later), "Flipper/not-finished");
        FlipperState ticked = FLIP.tick(s, 1, later);
        assertThat(ticked.auction(1).end()).isEqualTo(later + 48 * HOUR);
        assertRevert(() -> FLIP.deal(ticked, 1, later), "Flipper/not-finished");
        assertThat(FLIP.tend(ticked, 1, ALI, wad("100"), rad("1"), later).auction().guy()).isEqualTo(ALI);
        // A tick after a bid is refused.
        FlipperState withBid = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("1"), T0).state();
        assertRevert(() -> FLIP.tick(withBid, 1, later), "Flipper/bid-already-placed");
    }

    /**
     * March 2020's ETH-A flipper (beg 1.03, ttl 600 s, tau 3 days) on a 50-ETH lot for 7,000 DAI, worked by hand. The
     * smallest first bid is one unit of RAD: a tend of 0 is not above the standing 0.
     */
    @Test
    void aOneUnitBidWinsAfterTtlWhenNobodyOutbidsIt() {
        Flipper flip = Flipper.of(new FlipperParams(wad("1.03"), 600, 259_200));
        FlipperState s = flip.kick(FlipperState.empty("ETH-A"), USR, CAT, rad("7000"), wad("50"), BigInteger.ZERO,
                T0).state();
        assertRevert(() -> flip.tend(s, 1, ALI, wad("50"), BigInteger.ZERO, T0), "Flipper/bid-not-higher");
        assertThat(flip.minimumTend(s.auction(1))).isEqualTo(BigInteger.ONE);
        FlipMove zero = flip.tend(s, 1, ALI, wad("50"), BigInteger.ONE, T0 + 13);
        assertThat(zero.auction().tic()).isEqualTo(T0 + 613);
        // Still open at tic itself (tic > now fails, but deal needs tic < now).
        assertRevert(() -> flip.deal(zero.state(), 1, T0 + 613), "Flipper/not-finished");
        assertRevert(() -> flip.tend(zero.state(), 1, BOB, wad("50"), rad("100"), T0 + 613),
                "Flipper/already-finished-tic");
        FlipDeal deal = flip.deal(zero.state(), 1, T0 + 614);
        assertThat(deal.won().lot()).isEqualTo(wad("50"));
        assertThat(deal.unraised()).isEqualTo(rad("7000").subtract(BigInteger.ONE));
        // The minimum raises: ceil(1.03 × 1) = 2 units (and above the bid); 1.03 × 100 DAI = 103 DAI; capped at tab.
        assertThat(flip.minimumTend(zero.auction())).isEqualTo(BigInteger.TWO);
        FlipBid hundred = new FlipBid(1, rad("100"), wad("50"), ALI, T0 + 600, T0 + 259_200, USR, rad("7000"));
        assertThat(flip.minimumTend(hundred)).isEqualTo(rad("103"));
        FlipBid nearTab = new FlipBid(1, rad("6900"), wad("50"), ALI, T0 + 600, T0 + 259_200, USR, rad("7000"));
        assertThat(flip.minimumTend(nearTab)).isEqualTo(rad("7000"));
        // Largest dent: floor(50e18 · 1e18 / 1.03e18) = 48.543689320388349514 ETH.
        FlipBid dent = new FlipBid(1, rad("7000"), wad("50"), ALI, T0 + 600, T0 + 259_200, USR, rad("7000"));
        assertThat(flip.maximumDent(dent)).isEqualTo(new BigInteger("48543689320388349514"));
        FlipMove ok = flip.dent(flip.tend(s, 1, ALI, wad("50"), rad("7000"), T0).state(), 1, BOB,
                flip.maximumDent(dent), rad("7000"), T0 + 1);
        assertThat(ok.toUsr()).isEqualTo(wad("50").subtract(new BigInteger("48543689320388349514")));
    }

    @Test
    void badCallsAndParametersAreRefusedWithTheirRule() {
        assertRevert(() -> FLIP.tend(FlipperState.empty("gems"), 42, ALI, BigInteger.ZERO, BigInteger.ZERO, T0),
                "Flipper/guy-not-set");
        assertRevert(() -> FLIP.tend(kicked(), 1, ALI, wad("99"), rad("1"), T0), "Flipper/lot-not-matching");
        assertRevert(() -> FLIP.tend(kicked(), 1, ALI, wad("100"), rad("51"), T0), "Flipper/higher-than-tab");
        assertRevert(() -> FLIP.dent(kicked(), 1, ALI, wad("90"), BigInteger.ZERO, T0), "Flipper/tend-not-finished");
        FlipperState tended = FLIP.tend(kicked(), 1, ALI, wad("100"), rad("50"), T0).state();
        assertRevert(() -> FLIP.dent(tended, 1, BOB, wad("90"), rad("49"), T0), "Flipper/not-matching-bid");
        assertThatThrownBy(() -> new FlipperParams(wad("0.99"), 600, 600)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("beg must be at least 1 WAD");
        assertThatThrownBy(() -> new FlipperParams(wad("1.03"), 0, 600)).hasMessageContaining("ttl must be positive");
        assertThatThrownBy(() -> new FlipperParams(wad("1.03"), 600, 1L << 48)).hasMessageContaining("uint48");
        assertThatThrownBy(() -> FLIP.kick(FlipperState.empty("gems"), USR, CAT, rad("1"), BigInteger.ZERO,
                BigInteger.ZERO, T0)).hasMessageContaining("lot must be positive");
    }

    private static void assertRevert(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CdpRevertException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
