package dev.fracture.agent;

/**
 * Whether a liquidation can be funded by a flash loan and at what fee. Aave v3 charges
 * {@code FLASHLOAN_PREMIUM_TOTAL} (5 bps at launch; a governance parameter) on the amount borrowed; Balancer's
 * vault and Morpho Blue charge nothing; a Uniswap flash swap pays the pool's fee.
 *
 * @param feeRate fee as a fraction of the amount borrowed
 */
public record FlashLoanTerms(boolean available, double feeRate) {
    public static final FlashLoanTerms NONE = new FlashLoanTerms(false, 0);
    public static final FlashLoanTerms AAVE_V3 = new FlashLoanTerms(true, 0.0005);
    public static final FlashLoanTerms FREE = new FlashLoanTerms(true, 0);

    public FlashLoanTerms {
        if (!(feeRate >= 0 && feeRate < 1)) {
            throw new IllegalArgumentException("flash loan fee rate must be in [0, 1) (was " + feeRate + ")");
        }
    }
}
