package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * A Flipper's parameters (makerdao/dss {@code src/flip.sol} as deployed with Multi-Collateral Dai, tag 1.0.4;
 * {@code file}). Maker's ETH-A flipper in March 2020 had beg 1.03, ttl 600 s and tau 3 days
 * (makerdao/dss-deploy-scripts {@code config/main.json}; the spell of 12 March 2020,
 * makerdao/spells-mainnet {@code archive/2020-03-12-DssSpell}, checks those values before raising ttl and tau to 6 h).
 *
 * @param beg minimum bid increase in tend, and minimum lot decrease in dent, e.g. 1.03 WAD for 3%; at least 1 WAD [WAD]
 * @param ttl bid lifetime: an auction with a bid ends {@code ttl} seconds after its last bid [seconds]
 * @param tau auction length: no bid is accepted {@code tau} seconds after kick (or the last tick) [seconds]
 */
public record FlipperParams(BigInteger beg, long ttl, long tau) {
    /** flip.sol keeps tic and end in uint48. */
    static final long MAX_UINT48 = (1L << 48) - 1;

    public FlipperParams {
        Checks.atLeast(beg, DssMath.WAD, "beg", "WAD");
        Checks.positive(ttl, "ttl");
        Checks.positive(tau, "tau");
        if (ttl > MAX_UINT48 || tau > MAX_UINT48) {
            throw new IllegalArgumentException("ttl and tau must fit in uint48 (" + MAX_UINT48 + "), got ttl " + ttl
                    + ", tau " + tau);
        }
    }
}
