package dev.fracture.protocol.perp;

/**
 * Funding parameters, written on the venue's basis period and paid every interval.
 *
 * <p>Hyperliquid (docs "Funding", https://hyperliquid.gitbook.io/hyperliquid-docs/trading/funding): the rate is
 * computed as an 8-hour rate — interest 0.01% per 8 h, premium clamp ±0.05% — and one eighth is paid every hour;
 * the hourly rate is capped at 4%; the impact notional is 20,000 USD for BTC and ETH, 6,000 USD for others. Binance
 * USDⓈ-M ("Introduction to Binance Futures Funding Rates"): the same 0.01% / ±0.05% formula, paid every 8 hours,
 * with a per-symbol cap.
 *
 * @param intervalHours   hours between payments (1 on Hyperliquid, 8 on Binance)
 * @param basisHours      hours the interest rate and the clamp are quoted for (8 on both)
 * @param interestRate    interest component per basis period (0.0001)
 * @param premiumClamp    bound on {@code interest − premium} per basis period (0.0005)
 * @param capPerInterval  bound on the absolute rate paid per interval (0.04 on Hyperliquid)
 * @param impactNotional  USD notional of the market orders whose average prices are the impact bid and ask
 */
public record FundingParams(double intervalHours, double basisHours, double interestRate, double premiumClamp,
                            double capPerInterval, double impactNotional) {
    public FundingParams {
        Require.positive(intervalHours, "intervalHours");
        Require.positive(basisHours, "basisHours");
        Require.finite(interestRate, "interestRate");
        Require.nonNegative(premiumClamp, "premiumClamp");
        Require.positive(capPerInterval, "capPerInterval");
        Require.positive(impactNotional, "impactNotional");
    }

    public static FundingParams hyperliquid(double impactNotional) {
        return new FundingParams(1, 8, 0.0001, 0.0005, 0.04, impactNotional);
    }

    public static FundingParams binance(double capPerInterval, double impactNotional) {
        return new FundingParams(8, 8, 0.0001, 0.0005, capPerInterval, impactNotional);
    }
}
