package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/**
 * Liquity v1 constants as liquity/dev {@code packages/contracts/contracts/Dependencies/LiquityBase.sol} stores them
 * (1e18 decimal fixed point), converted once to doubles for the liquidation arithmetic.
 *
 * @param mcr             minimum collateral ratio, 1.1e18 [WAD]
 * @param ccr             critical system collateral ratio below which recovery mode applies, 1.5e18 [WAD]
 * @param gasCompensation LUSD reserved in the gas pool per trove and paid to its liquidator, 200e18 [WAD]
 * @param percentDivisor  the liquidator's collateral share is 1/percentDivisor of the liquidated collateral (200:
 *                        0.5%)
 */
public record LiquityParams(BigInteger mcr, BigInteger ccr, BigInteger gasCompensation, long percentDivisor) {
    /** Liquity v1 on Ethereum mainnet. */
    public static final LiquityParams V1 = new LiquityParams(DssMath.parse("1.1", DssMath.WAD),
            DssMath.parse("1.5", DssMath.WAD), DssMath.parse("200", DssMath.WAD), 200);

    public LiquityParams {
        Checks.atLeast(mcr, DssMath.WAD, "mcr", "WAD");
        Checks.atLeast(ccr, DssMath.WAD, "ccr", "WAD");
        if (ccr.compareTo(mcr) < 0) {
            throw new IllegalArgumentException("ccr must be at least mcr (" + mcr + "), got " + ccr);
        }
        Checks.nonNegative(gasCompensation, "gasCompensation");
        Checks.positive(percentDivisor, "percentDivisor");
    }

    public double mcrDouble() {
        return DssMath.toDouble(mcr, DssMath.WAD);
    }

    public double ccrDouble() {
        return DssMath.toDouble(ccr, DssMath.WAD);
    }

    public double gasCompensationDouble() {
        return DssMath.toDouble(gasCompensation, DssMath.WAD);
    }
}
