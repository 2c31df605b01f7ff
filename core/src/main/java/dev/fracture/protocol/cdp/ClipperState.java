package dev.fracture.protocol.cdp;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The auctions of one Clipper (one ilk): the kick counter and the running sales by id, in id order so that
 * iteration is deterministic.
 *
 * @param ilk    ilk name
 * @param kicks  auctions started so far; the next id is kicks + 1
 * @param active running auctions by id (copied, unmodifiable)
 */
public record ClipperState(String ilk, long kicks, SortedMap<Long, Auction> active) {
    public ClipperState {
        if (ilk == null || ilk.isBlank()) {
            throw new IllegalArgumentException("ilk must not be blank");
        }
        Checks.nonNegative(kicks, "kicks");
        Checks.notNull(active, "active");
        active = Collections.unmodifiableSortedMap(new TreeMap<>(active));
    }

    public static ClipperState empty(String ilk) {
        return new ClipperState(ilk, 0, new TreeMap<>());
    }

    /** The running auction {@code id}; an unknown or finished id is an argument error. */
    public Auction auction(long id) {
        Auction a = active.get(id);
        if (a == null) {
            throw new IllegalArgumentException("id " + id + ": unknown auction id, not running in the " + ilk
                    + " clipper (running: " + active.keySet() + ")");
        }
        return a;
    }

    ClipperState put(Auction auction, long newKicks) {
        TreeMap<Long, Auction> next = new TreeMap<>(active);
        next.put(auction.id(), auction);
        return new ClipperState(ilk, newKicks, next);
    }

    ClipperState remove(long id) {
        TreeMap<Long, Auction> next = new TreeMap<>(active);
        next.remove(id);
        return new ClipperState(ilk, kicks, next);
    }

    /** Number of running auctions ({@code count()} of clip.sol). */
    public int count() {
        return active.size();
    }
}
