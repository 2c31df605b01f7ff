package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Dutch-auction mechanics of Liquidations 2.0 (makerdao/dss {@code src/clip.sol}): kick, take, redo, yank and the
 * reset status, over an immutable {@link ClipperState}. Each operation returns the new state with what moved.
 * Prices are the feed price from the oracle package in RAY (see {@link Spotter#feedPrice}); time is a block timestamp
 * in seconds supplied by the caller.
 */
public final class Clipper {
    private final ClipperParams params;

    private Clipper(ClipperParams params) {
        this.params = Checks.notNull(params, "params");
    }

    public static Clipper of(ClipperParams params) {
        return new Clipper(params);
    }

    public ClipperParams params() {
        return params;
    }

    /**
     * Starts an auction: {@code top = rmul(feedPrice, buf)}, and pays the keeper {@code tip + wmul(tab, chip)} from the
     * vow when either is set.
     *
     * @param tab       DAI to raise [RAD], positive
     * @param lot       collateral to sell [WAD], positive
     * @param feedPrice oracle price [RAY]
     * @throws CdpRevertException {@code Clipper/zero-top-price} when the feed price gives a zero top
     */
    public Kick kick(ClipperState state, BigInteger tab, BigInteger lot, AccountId usr, AccountId kpr,
                     BigInteger feedPrice, long now) {
        Checks.positive(tab, "tab");
        Checks.positive(lot, "lot");
        Checks.notNull(usr, "usr");
        Checks.notNull(kpr, "kpr");
        Checks.nonNegative(feedPrice, "feedPrice");
        Checks.nonNegative(now, "now");
        BigInteger top = top(feedPrice);
        long id = state.kicks() + 1;
        Auction auction = new Auction(id, tab, lot, usr, now, top);
        return new Kick(state.put(auction, id), auction, kpr, incentive(tab));
    }

    /** Kicks the auction a {@link Dog#bark} asked for: its tab, its lot, the vault's owner. */
    public Kick kick(ClipperState state, Bark bark, AccountId kpr, BigInteger feedPrice, long now) {
        return kick(state, bark.tab(), bark.dink(), bark.vault().owner(), kpr, feedPrice, now);
    }

    /**
     * clip.sol's {@code status}: price {@code calc.price(top, now − tic)}; a reset is needed when
     * {@code now − tic > tail} or {@code rdiv(price, top) < cusp}.
     */
    public AuctionStatus status(Auction auction, long now) {
        if (now < auction.tic()) {
            throw new IllegalArgumentException("now must not be before the auction's tic (" + auction.tic()
                    + "), got " + now);
        }
        long dur = now - auction.tic();
        BigInteger price = params.calc().price(auction.top(), dur);
        boolean done = dur > params.tail() || DssMath.rdiv(price, auction.top()).compareTo(params.cusp()) < 0;
        return new AuctionStatus(done, price);
    }

    /** True when the running auction {@code id} must be reset before anyone can take from it. */
    public boolean needsRedo(ClipperState state, long id, long now) {
        return status(state.auction(id), now).needsRedo();
    }

    /**
     * Buys up to {@code amt} collateral at the current price if it is at most {@code max}:
     * <ul>
     * <li>{@code slice = min(lot, amt)}, {@code owe = slice · price};</li>
     * <li>if owe exceeds tab, {@code owe = tab} and {@code slice = owe / price} (floor);</li>
     * <li>else if the take is partial (owe &lt; tab, slice &lt; lot) and would leave less than {@code chost} of tab,
     * {@code owe = tab − chost}, {@code slice = owe / price}; refused ({@code Clipper/no-partial-purchase}) when tab is
     * not above chost, so the buyer must take the whole lot;</li>
     * <li>a lot sold out ends the auction, the tab left becoming bad debt; a tab covered ends it, the lot left going back
     * to the vault owner.</li>
     * </ul>
     *
     * @param amt most collateral to buy [WAD]
     * @param max highest acceptable price [RAY]
     * @throws CdpRevertException {@code Clipper/needs-reset}, {@code Clipper/too-expensive} or
     *                            {@code Clipper/no-partial-purchase}
     */
    public Take take(ClipperState state, long id, BigInteger amt, BigInteger max, long now) {
        Checks.nonNegative(amt, "amt");
        Checks.nonNegative(max, "max");
        Auction a = state.auction(id);
        AuctionStatus status = status(a, now);
        if (status.needsRedo()) {
            throw new CdpRevertException("Clipper/needs-reset", "auction " + id + " at " + now);
        }
        BigInteger price = status.price();
        if (max.compareTo(price) < 0) {
            throw new CdpRevertException("Clipper/too-expensive", "auction " + id + " price " + price + " above max "
                    + max);
        }
        BigInteger lot = a.lot();
        BigInteger tab = a.tab();
        BigInteger slice = DssMath.min(lot, amt);
        BigInteger owe = slice.multiply(price);
        if (owe.compareTo(tab) > 0) {
            owe = tab;
            slice = owe.divide(price);
        } else if (owe.compareTo(tab) < 0 && slice.compareTo(lot) < 0) {
            BigInteger chost = params.chost();
            if (tab.subtract(owe).compareTo(chost) < 0) {
                if (tab.compareTo(chost) <= 0) {
                    throw new CdpRevertException("Clipper/no-partial-purchase", "auction " + id + " tab " + tab
                            + " is not above chost " + chost + ": the whole lot must be bought");
                }
                owe = tab.subtract(chost);
                slice = owe.divide(price);
            }
        }
        tab = tab.subtract(owe);
        lot = lot.subtract(slice);
        BigInteger digs = lot.signum() == 0 ? tab.add(owe) : owe;
        if (lot.signum() == 0) {
            return new Take(state.remove(id), id, price, owe, slice, tab, BigInteger.ZERO, BigInteger.ZERO, tab,
                    digs, true);
        }
        if (tab.signum() == 0) {
            return new Take(state.remove(id), id, price, owe, slice, BigInteger.ZERO, BigInteger.ZERO, lot,
                    BigInteger.ZERO, digs, true);
        }
        ClipperState next = state.put(new Auction(id, tab, lot, a.usr(), a.tic(), a.top()), state.kicks());
        return new Take(next, id, price, owe, slice, tab, lot, BigInteger.ZERO, BigInteger.ZERO, digs, false);
    }

    /**
     * What a keeper holding {@code dai} [RAD] buys now at a price of at most {@code max}: as much collateral as the DAI
     * pays for ({@code amt = dai / price}), or nothing when the auction needs a reset, the price is above max, the DAI
     * buys no unit, or the contract would refuse the partial purchase. The DAI spent never exceeds {@code dai}, since
     * the contract only lowers {@code owe} below {@code amt · price}.
     */
    public Optional<Take> takeWithin(ClipperState state, long id, BigInteger dai, BigInteger max, long now) {
        Checks.nonNegative(dai, "dai");
        Auction a = state.auction(id);
        AuctionStatus status = status(a, now);
        if (status.needsRedo() || status.price().compareTo(max) > 0) {
            return Optional.empty();
        }
        BigInteger amt = dai.divide(status.price());
        if (amt.signum() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(take(state, id, amt, max, now));
        } catch (CdpRevertException e) {
            return Optional.empty();
        }
    }

    /**
     * Restarts an auction that needs it from {@code top = rmul(feedPrice, buf)} and pays the keeper again, when tab and
     * the lot's value at the feed price both reach {@code chost}.
     *
     * @throws CdpRevertException {@code Clipper/cannot-reset} when the auction does not need a reset,
     *                            {@code Clipper/zero-top-price} when the feed price is zero
     */
    public Redo redo(ClipperState state, long id, AccountId kpr, BigInteger feedPrice, long now) {
        Checks.notNull(kpr, "kpr");
        Checks.nonNegative(feedPrice, "feedPrice");
        Auction a = state.auction(id);
        if (!status(a, now).needsRedo()) {
            throw new CdpRevertException("Clipper/cannot-reset", "auction " + id + " at " + now);
        }
        BigInteger top = top(feedPrice);
        Auction restarted = new Auction(id, a.tab(), a.lot(), a.usr(), now, top);
        BigInteger chost = params.chost();
        boolean paid = a.tab().compareTo(chost) >= 0 && a.lot().multiply(feedPrice).compareTo(chost) >= 0;
        BigInteger coin = paid ? incentive(a.tab()) : BigInteger.ZERO;
        return new Redo(state.put(restarted, state.kicks()), restarted, kpr, coin);
    }

    /**
     * Cancels an auction (governance or emergency shutdown, clip.sol {@code yank}): the lot goes to the caller, the
     * remaining tab is released from the Dog's limits and stays unraised, as bad debt with the vow.
     */
    public Yank yank(ClipperState state, long id) {
        Auction a = state.auction(id);
        return new Yank(state.remove(id), a, a.lot(), a.tab(), a.tab());
    }

    private BigInteger top(BigInteger feedPrice) {
        BigInteger top = DssMath.rmul(feedPrice, params.buf());
        if (top.signum() == 0) {
            throw new CdpRevertException("Clipper/zero-top-price", "feed price " + feedPrice);
        }
        return top;
    }

    private BigInteger incentive(BigInteger tab) {
        if (params.tip().signum() == 0 && params.chip().signum() == 0) {
            return BigInteger.ZERO;
        }
        return params.tip().add(DssMath.wmul(tab, params.chip()));
    }
}
