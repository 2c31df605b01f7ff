package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Result of {@link Clipper#take}.
 *
 * @param state     the clipper after the take
 * @param id        the auction
 * @param price     auction price paid [RAY]
 * @param owe       DAI paid by the keeper to the vow, equal to the debt covered [RAD]
 * @param slice     collateral sent to the keeper [WAD]
 * @param tabLeft   tab still to raise after the take [RAD]
 * @param lotLeft   collateral still in the auction after the take (0 when it was returned) [WAD]
 * @param returned  collateral returned to the vault owner because tab was covered [WAD]
 * @param badDebt   tab left uncovered because the lot ran out: it stays as sin with the vow [RAD]
 * @param digs      auction room released in the Dog ({@code owe}, or {@code tab + owe} when the lot ran out) [RAD]
 * @param finished  true when the auction was removed
 */
public record Take(ClipperState state, long id, BigInteger price, BigInteger owe, BigInteger slice,
                   BigInteger tabLeft, BigInteger lotLeft, BigInteger returned, BigInteger badDebt, BigInteger digs,
                   boolean finished) {
}
