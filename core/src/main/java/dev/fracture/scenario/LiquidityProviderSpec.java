package dev.fracture.scenario;

/**
 * Liquidity providers who pull liquidity as volatility rises, switched on for a scenario: from each venue they take
 * the share min(maxShare, sensitivity · max(0, σ − calmVolatility)) of its starting liquidity, σ the realized
 * volatility of the venue's price over the trailing {@code windowSeconds} (√ of the summed squared log returns from
 * block to block). The rule, its evidence and the defaults' grounds are the engine's
 * ({@code dev.fracture.engine.LiquidityProviderRule}).
 *
 * @param windowSeconds  trailing window of the realized volatility, &gt; 0 (default 3600)
 * @param calmVolatility σ below which nobody leaves, &gt;= 0 (default 0.01: 1% over the hour)
 * @param sensitivity    share withdrawn per unit of σ above calm, &gt;= 0 (default 5)
 * @param maxShare       most of the starting liquidity that ever leaves, in [0, 1) (default 0.5)
 */
public record LiquidityProviderSpec(long windowSeconds, double calmVolatility, double sensitivity, double maxShare) {
    public static final LiquidityProviderSpec DEFAULT = new LiquidityProviderSpec(3600, 0.01, 5, 0.5);

    public LiquidityProviderSpec {
        Checks.positive("windowSeconds", windowSeconds);
        Checks.nonNegative("calmVolatility", calmVolatility);
        Checks.nonNegative("sensitivity", sensitivity);
        if (!(maxShare >= 0 && maxShare < 1)) {
            throw new ScenarioFieldException("maxShare", "must be in [0, 1) (was " + Checks.show(maxShare) + ")");
        }
    }
}
