package dev.fracture.protocol.cdp;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The auctions of one Flipper (one ilk): the kick counter and the running auctions by id, in id order so that
 * iteration is deterministic.
 *
 * @param ilk   ilk name
 * @param kicks auctions started so far; the next id is kicks + 1
 * @param bids  running auctions by id (copied, unmodifiable)
 */
public record FlipperState(String ilk, long kicks, SortedMap<Long, FlipBid> bids) {
    public FlipperState {
        if (ilk == null || ilk.isBlank()) {
            throw new IllegalArgumentException("ilk must not be blank");
        }
        Checks.nonNegative(kicks, "kicks");
        Checks.notNull(bids, "bids");
        bids = Collections.unmodifiableSortedMap(new TreeMap<>(bids));
    }

    public static FlipperState empty(String ilk) {
        return new FlipperState(ilk, 0, new TreeMap<>());
    }

    /**
     * The running auction {@code id}. flip.sol answers an unknown or finished id with an empty bid, whose calls revert
     * with {@code Flipper/guy-not-set}; that is this revert.
     */
    public FlipBid auction(long id) {
        FlipBid b = bids.get(id);
        if (b == null) {
            throw new CdpRevertException("Flipper/guy-not-set", "no running auction " + id + " in the " + ilk
                    + " flipper (running: " + bids.keySet() + ")");
        }
        return b;
    }

    FlipperState put(FlipBid bid, long newKicks) {
        TreeMap<Long, FlipBid> next = new TreeMap<>(bids);
        next.put(bid.id(), bid);
        return new FlipperState(ilk, newKicks, next);
    }

    FlipperState remove(long id) {
        TreeMap<Long, FlipBid> next = new TreeMap<>(bids);
        next.remove(id);
        return new FlipperState(ilk, kicks, next);
    }

    /** Number of running auctions. */
    public int count() {
        return bids.size();
    }
}
