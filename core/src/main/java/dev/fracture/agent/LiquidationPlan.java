package dev.fracture.agent;

/**
 * What a liquidator intends to do with one opportunity, priced before it is sent. USD figures are at the block's
 * reference prices and satisfy {@code profitUsd = bonusUsd − slippageUsd − flashFeeUsd − gasUsd}.
 *
 * @param repay       debt asset repaid, token units
 * @param collateral  collateral received, token units
 * @param proceeds    debt asset received for the collateral sold (0 when held), token units
 * @param bonusUsd    collateral value received minus debt value repaid
 * @param slippageUsd collateral value minus what selling it returned (venue fees, price impact, bridges, swap gas
 *                    is in {@code gasUsd}); 0 when held
 */
public record LiquidationPlan(String liquidator, LiquidationOpportunity opportunity, double repay, double collateral,
                              Funding funding, Disposal disposal, double proceeds, double bonusUsd, double slippageUsd,
                              double flashFeeUsd, double gasUsd, double gasNative, double priorityFeeGwei) {

    /** Where the repaid debt comes from. */
    public enum Funding {
        OWN_CAPITAL, FLASH_LOAN
    }

    /** What happens to the seized collateral. */
    public enum Disposal {
        SELL, HOLD
    }

    public double profitUsd() {
        return profit(bonusUsd, slippageUsd, flashFeeUsd, gasUsd);
    }

    /** {@link #profitUsd} of a plan with these amounts, reckoned before (or without) making it. */
    public static double profit(double bonusUsd, double slippageUsd, double flashFeeUsd, double gasUsd) {
        return bonusUsd - slippageUsd - flashFeeUsd - gasUsd;
    }
}
