package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * The English collateral auction of Multi-Collateral Dai before Liquidations 2.0 (makerdao/dss {@code src/flip.sol},
 * the version live from November 2019 to mid-2020, tag 1.0.4; Maker docs, "Flipper – Detailed Documentation"): kick,
 * tend, dent, deal and tick over an immutable {@link FlipperState}, each returning the new state with what moved.
 * Time is a block timestamp in seconds supplied by the caller.
 *
 * <p>Two phases. In <b>tend</b> bidders raise the DAI offered for the whole lot: a bid must be above the standing one
 * and at least {@code beg} times it, unless it equals the tab; the new bidder refunds the previous one and pays the
 * raise to the vow. Once a bid equals the tab, <b>dent</b>: bidders keep paying the tab and ask for less collateral,
 * each lot at most {@code 1/beg} of the standing one, the difference going back to the vault owner. Every bid sets
 * {@code tic = now + ttl}; the auction can be settled ({@code deal}) once {@code tic} or {@code end} has passed, and a
 * lot nobody bid on by {@code end} is restarted with a new {@code end} ({@code tick}), never given back.
 *
 * <p>The smallest first bid is one unit of RAD (10⁻⁴⁵ DAI): tend requires {@code bid > bids[id].bid}, which is 0 after
 * kick, and {@code bid·WAD ≥ beg·0} holds for any bid. The "zero bids" of 12 March 2020 were such bids.
 */
public final class Flipper {
    private final FlipperParams params;

    private Flipper(FlipperParams params) {
        this.params = Checks.notNull(params, "params");
    }

    public static Flipper of(FlipperParams params) {
        return new Flipper(params);
    }

    public FlipperParams params() {
        return params;
    }

    /**
     * Starts an auction of {@code lot} for {@code tab} with an opening {@code bid} (the Cat of 2020 passes 0):
     * {@code end = now + tau}, no {@code tic}, the kicker as {@code guy}.
     *
     * @param tab DAI to raise [RAD]
     * @param lot collateral to sell [WAD], positive
     * @param bid opening bid [RAD]
     */
    public FlipKick kick(FlipperState state, AccountId usr, AccountId kicker, BigInteger tab, BigInteger lot,
                         BigInteger bid, long now) {
        Checks.notNull(state, "state");
        Checks.nonNegative(tab, "tab");
        Checks.positive(lot, "lot");
        Checks.nonNegative(bid, "bid");
        Checks.nonNegative(now, "now");
        long id = state.kicks() + 1;
        FlipBid auction = new FlipBid(id, bid, lot, kicker, 0, uint48(now + params.tau()), usr, tab);
        return new FlipKick(state.put(auction, id), auction);
    }

    /**
     * Restarts an auction that ended without a bid: {@code end = now + tau}.
     *
     * @throws CdpRevertException {@code Flipper/not-finished} before {@code end}, {@code Flipper/bid-already-placed}
     *                            when somebody bid
     */
    public FlipperState tick(FlipperState state, long id, long now) {
        FlipBid b = state.auction(id);
        if (b.end() >= now) {
            throw new CdpRevertException("Flipper/not-finished", "auction " + id + " ends at " + b.end() + ", now "
                    + now);
        }
        if (b.tic() != 0) {
            throw new CdpRevertException("Flipper/bid-already-placed", "auction " + id);
        }
        return state.put(new FlipBid(id, b.bid(), b.lot(), b.guy(), 0, uint48(now + params.tau()), b.usr(), b.tab()),
                state.kicks());
    }

    /**
     * A tend-phase bid of {@code bid} DAI for the whole {@code lot} by {@code guy}.
     *
     * @throws CdpRevertException with flip.sol's reason: {@code already-finished-tic}, {@code already-finished-end},
     *                            {@code lot-not-matching}, {@code higher-than-tab}, {@code bid-not-higher},
     *                            {@code insufficient-increase}
     */
    public FlipMove tend(FlipperState state, long id, AccountId guy, BigInteger lot, BigInteger bid, long now) {
        Checks.notNull(guy, "guy");
        Checks.nonNegative(lot, "lot");
        Checks.nonNegative(bid, "bid");
        FlipBid b = open(state, id, now);
        if (!lot.equals(b.lot())) {
            throw revert("lot-not-matching", id, "lot " + lot + " != " + b.lot());
        }
        if (bid.compareTo(b.tab()) > 0) {
            throw revert("higher-than-tab", id, "bid " + bid + " > tab " + b.tab());
        }
        if (bid.compareTo(b.bid()) <= 0) {
            throw revert("bid-not-higher", id, "bid " + bid + " <= " + b.bid());
        }
        if (bid.multiply(DssMath.WAD).compareTo(params.beg().multiply(b.bid())) < 0 && !bid.equals(b.tab())) {
            throw revert("insufficient-increase", id, "bid " + bid + " below beg × " + b.bid());
        }
        FlipBid next = new FlipBid(id, bid, b.lot(), guy, uint48(now + params.ttl()), b.end(), b.usr(), b.tab());
        return new FlipMove(state.put(next, state.kicks()), next, b.guy(), b.bid(), bid.subtract(b.bid()),
                BigInteger.ZERO);
    }

    /**
     * A dent-phase bid: {@code guy} pays the tab ({@code bid} must equal it and the standing bid) for the smaller
     * {@code lot}.
     *
     * @throws CdpRevertException with flip.sol's reason: {@code already-finished-tic}, {@code already-finished-end},
     *                            {@code not-matching-bid}, {@code tend-not-finished}, {@code lot-not-lower},
     *                            {@code insufficient-decrease}
     */
    public FlipMove dent(FlipperState state, long id, AccountId guy, BigInteger lot, BigInteger bid, long now) {
        Checks.notNull(guy, "guy");
        Checks.nonNegative(lot, "lot");
        Checks.nonNegative(bid, "bid");
        FlipBid b = open(state, id, now);
        if (!bid.equals(b.bid())) {
            throw revert("not-matching-bid", id, "bid " + bid + " != " + b.bid());
        }
        if (!bid.equals(b.tab())) {
            throw revert("tend-not-finished", id, "bid " + bid + " below tab " + b.tab());
        }
        if (lot.compareTo(b.lot()) >= 0) {
            throw revert("lot-not-lower", id, "lot " + lot + " >= " + b.lot());
        }
        if (params.beg().multiply(lot).compareTo(b.lot().multiply(DssMath.WAD)) > 0) {
            throw revert("insufficient-decrease", id, "beg × lot " + lot + " above " + b.lot());
        }
        FlipBid next = new FlipBid(id, bid, lot, guy, uint48(now + params.ttl()), b.end(), b.usr(), b.tab());
        return new FlipMove(state.put(next, state.kicks()), next, b.guy(), bid, BigInteger.ZERO,
                b.lot().subtract(lot));
    }

    /**
     * Settles an auction whose standing bid outlived {@code ttl}, or whose {@code end} passed: the lot goes to the
     * high bidder, whose DAI the vow already holds.
     *
     * @throws CdpRevertException {@code Flipper/not-finished} without a bid or before tic and end
     */
    public FlipDeal deal(FlipperState state, long id, long now) {
        FlipBid b = state.auction(id);
        if (!b.dealable(now)) {
            throw revert("not-finished", id, "tic " + b.tic() + ", end " + b.end() + ", now " + now);
        }
        return new FlipDeal(state.remove(id), b);
    }

    /**
     * The smallest tend a bidder may send now: one unit above a zero bid, else {@code ceil(beg · bid / WAD)}, and
     * never more than the tab (a bid of exactly the tab is always large enough).
     */
    public BigInteger minimumTend(FlipBid b) {
        BigInteger[] qr = params.beg().multiply(b.bid()).divideAndRemainder(DssMath.WAD);
        BigInteger atLeast = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        BigInteger min = atLeast.max(b.bid().add(BigInteger.ONE));
        return min.min(b.tab());
    }

    /** The largest lot a dent may ask for now: {@code floor(lot · WAD / beg)}, and below the standing lot. */
    public BigInteger maximumDent(FlipBid b) {
        BigInteger max = b.lot().multiply(DssMath.WAD).divide(params.beg());
        return max.min(b.lot().subtract(BigInteger.ONE)).max(BigInteger.ZERO);
    }

    private static FlipBid open(FlipperState state, long id, long now) {
        FlipBid b = state.auction(id);
        if (!(b.tic() > now || b.tic() == 0)) {
            throw revert("already-finished-tic", id, "tic " + b.tic() + ", now " + now);
        }
        if (b.end() <= now) {
            throw revert("already-finished-end", id, "end " + b.end() + ", now " + now);
        }
        return b;
    }

    private static CdpRevertException revert(String reason, long id, String detail) {
        return new CdpRevertException("Flipper/" + reason, "auction " + id + ": " + detail);
    }

    /** flip.sol's {@code add(uint48, uint48)} reverts on overflow. */
    private static long uint48(long t) {
        if (t > FlipperParams.MAX_UINT48) {
            throw new ArithmeticException("time leaves uint48: " + t);
        }
        return t;
    }
}
