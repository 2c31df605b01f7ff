package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * One running Flipper auction (makerdao/dss {@code src/flip.sol}, {@code struct Bid}; the receiver of the DAI,
 * {@code gal}, is always the vow here and is not stored).
 *
 * @param id  auction id, from 1 in kick order
 * @param bid DAI paid by the high bidder so far [RAD]
 * @param lot collateral for sale [WAD]
 * @param guy high bidder; the kicker until the first bid
 * @param tic when the standing bid wins if nobody outbids it; 0 while there is no bid [seconds]
 * @param end when the auction stops taking bids whatever happens [seconds]
 * @param usr owner of the liquidated vault, who receives the collateral given up in dent
 * @param tab DAI wanted, penalty included [RAD]
 */
public record FlipBid(long id, BigInteger bid, BigInteger lot, AccountId guy, long tic, long end, AccountId usr,
                      BigInteger tab) {
    public FlipBid {
        Checks.positive(id, "id");
        Checks.nonNegative(bid, "bid");
        Checks.nonNegative(lot, "lot");
        Checks.notNull(guy, "guy");
        Checks.nonNegative(tic, "tic");
        Checks.nonNegative(end, "end");
        Checks.notNull(usr, "usr");
        Checks.nonNegative(tab, "tab");
    }

    /** True once somebody has bid ({@code tic != 0}). */
    public boolean hasBid() {
        return tic != 0;
    }

    /** True in the dent phase: the bid covers the tab, bidders now ask for less collateral. */
    public boolean dentPhase() {
        return bid.equals(tab);
    }

    /** flip.sol's tend/dent guard: the bid has not expired ({@code tic > now || tic == 0}) and {@code end > now}. */
    public boolean biddable(long now) {
        return (tic > now || tic == 0) && end > now;
    }

    /** flip.sol's deal guard: {@code tic != 0 && (tic < now || end < now)}. */
    public boolean dealable(long now) {
        return tic != 0 && (tic < now || end < now);
    }

    /** flip.sol's tick guard: {@code end < now && tic == 0}. */
    public boolean tickable(long now) {
        return end < now && tic == 0;
    }
}
