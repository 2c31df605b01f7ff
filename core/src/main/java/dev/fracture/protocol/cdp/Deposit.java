package dev.fracture.protocol.cdp;

/**
 * One stability-pool deposit.
 *
 * @param lusd     compounded LUSD left after the offsets so far [LUSD]
 * @param collGain collateral gained from liquidations, not yet withdrawn [ETH]
 */
public record Deposit(double lusd, double collGain) {
    public Deposit {
        Checks.nonNegative(lusd, "lusd");
        Checks.nonNegative(collGain, "collGain");
    }
}
