package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.math.BigInteger;

/**
 * One running Clipper auction (makerdao/dss {@code src/clip.sol}, {@code struct Sale}).
 *
 * @param id  auction id, from 1 in kick order
 * @param tab DAI still to raise, penalty included [RAD]
 * @param lot collateral still for sale [WAD]
 * @param usr owner of the liquidated vault, who gets back what is left of the lot once tab is raised
 * @param tic start (or last reset) time [seconds]
 * @param top starting price [RAY]
 */
public record Auction(long id, BigInteger tab, BigInteger lot, AccountId usr, long tic, BigInteger top) {
    public Auction {
        Checks.positive(id, "id");
        Checks.nonNegative(tab, "tab");
        Checks.nonNegative(lot, "lot");
        Checks.notNull(usr, "usr");
        Checks.nonNegative(tic, "tic");
        Checks.positive(top, "top");
    }
}
