package dev.fracture.protocol.perp;

/**
 * Hyperliquid's mark price (docs "Robust price indices",
 * https://hyperliquid.gitbook.io/hyperliquid-docs/trading/robust-price-indices): the median of
 * <ol>
 *   <li>the oracle price plus the 150-second exponential moving average of (book mid − oracle);</li>
 *   <li>the median of best bid, best ask and last trade on the venue's book;</li>
 *   <li>a median of the perp mid prices of large centralized exchanges.</li>
 * </ol>
 * When only two of the three exist (NaN marks a missing one), the 30-second EMA of the venue's mid is added as a
 * third, as the docs prescribe. The engine passes the EMAs it keeps; {@link #ema} advances one.
 */
public final class MarkPrice {
    public static final MarkPrice DEFAULT = new MarkPrice();
    public static final double ORACLE_BASIS_WINDOW_SECONDS = 150;
    public static final double MID_WINDOW_SECONDS = 30;

    private MarkPrice() {
    }

    /**
     * @param oracle              oracle price (USD)
     * @param basisEma            150 s EMA of (mid − oracle)
     * @param bestBid             best bid on the venue's book (NaN: empty side)
     * @param bestAsk             best ask (NaN: empty side)
     * @param lastTrade           last trade price (NaN: none)
     * @param externalPerpMedian  median of centralized exchanges' perp mids (NaN: unavailable)
     * @param midEma              30 s EMA of the venue's mid, used only when a candidate is missing
     */
    public double mark(double oracle, double basisEma, double bestBid, double bestAsk, double lastTrade,
                       double externalPerpMedian, double midEma) {
        Require.positive(oracle, "oraclePrice");
        Require.finite(basisEma, "basisEma");
        double first = oracle + basisEma;
        double second = medianPresent(bestBid, bestAsk, lastTrade);
        if (Double.isNaN(second) && Double.isNaN(externalPerpMedian)) {
            return first;
        }
        if (Double.isNaN(second) || Double.isNaN(externalPerpMedian)) {
            double present = Double.isNaN(second) ? externalPerpMedian : second;
            return Double.isNaN(midEma) ? 0.5 * (first + present) : median3(first, present, midEma);
        }
        return median3(first, second, externalPerpMedian);
    }

    /** Advances an exponential moving average with time constant {@code windowSeconds} by {@code dtSeconds}. */
    public double ema(double previous, double sample, double dtSeconds, double windowSeconds) {
        Require.nonNegative(dtSeconds, "dtSeconds");
        Require.positive(windowSeconds, "windowSeconds");
        if (Double.isNaN(previous)) {
            return sample;
        }
        double alpha = 1 - Math.exp(-dtSeconds / windowSeconds);
        return previous + alpha * (sample - previous);
    }

    private static double medianPresent(double a, double b, double c) {
        int n = (Double.isNaN(a) ? 0 : 1) + (Double.isNaN(b) ? 0 : 1) + (Double.isNaN(c) ? 0 : 1);
        if (n == 3) {
            return median3(a, b, c);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double sum = (Double.isNaN(a) ? 0 : a) + (Double.isNaN(b) ? 0 : b) + (Double.isNaN(c) ? 0 : c);
        return sum / n;
    }

    static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
