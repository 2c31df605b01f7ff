package dev.fracture.engine;

/**
 * When liquidity providers pull liquidity as volatility rises. Each block of a venue's chain, the realized
 * volatility of the venue's price over the trailing {@code windowSeconds} is σ = √(Σ r²), r the log change of its
 * spot from block to block; the share of the venue's starting liquidity withdrawn is then
 * min({@code maxShare}, {@code sensitivity} · max(0, σ − {@code calmVolatility})), and it only ratchets up within a
 * run: providers who left do not come back while the crash lasts.
 *
 * <p>Evidence for the direction: liquidity supplied to AMMs falls when volatility rises, because the providers'
 * adverse-selection loss (loss-versus-rebalancing) grows with σ² while fees do not (Milionis, Moallemi, Roughgarden
 * and Zhang, "Automated Market Making and Loss-Versus-Rebalancing", 2022; Capponi and Jia, "The Adoption of
 * Blockchain-based Decentralized Exchanges", 2021, who find lower liquidity in more volatile pairs), and Uniswap v3
 * providers withdraw and re-range in volatile periods (Heimbach, Schertenleib and Wattenhofer, "Risks and Returns of
 * Uniswap V3 Liquidity Providers", 2022). The linear form and the defaults are estimates, not fitted: a calm ETH hour
 * moves about 0.75% (70% annual volatility / √8760), so {@code calmVolatility} 1% starts withdrawals at an unusual
 * hour; {@code sensitivity} 5 takes a tenth of the liquidity out at 3%, and no more than half ever leaves.
 */
public record LiquidityProviderRule(boolean enabled, long windowSeconds, double calmVolatility, double sensitivity,
                                    double maxShare) {

    public static final LiquidityProviderRule OFF = new LiquidityProviderRule(false, 3600, 0.01, 5, 0.5);
    public static final LiquidityProviderRule DEFAULT = new LiquidityProviderRule(true, 3600, 0.01, 5, 0.5);

    public LiquidityProviderRule {
        if (windowSeconds <= 0) {
            throw new IllegalArgumentException("liquidity providers: windowSeconds must be > 0 (was " + windowSeconds
                    + ")");
        }
        if (!(calmVolatility >= 0) || Double.isInfinite(calmVolatility)) {
            throw new IllegalArgumentException("liquidity providers: calmVolatility must be a finite number >= 0 (was "
                    + calmVolatility + ")");
        }
        if (!(sensitivity >= 0) || Double.isInfinite(sensitivity)) {
            throw new IllegalArgumentException("liquidity providers: sensitivity must be a finite number >= 0 (was "
                    + sensitivity + ")");
        }
        if (!(maxShare >= 0 && maxShare < 1)) {
            throw new IllegalArgumentException("liquidity providers: maxShare must be in [0, 1) (was " + maxShare
                    + ")");
        }
    }

    /** The share of starting liquidity providers want out at realized volatility {@code sigma}. */
    double withdrawnShare(double sigma) {
        return enabled ? Math.min(maxShare, sensitivity * Math.max(0, sigma - calmVolatility)) : 0;
    }
}
