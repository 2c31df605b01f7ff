package dev.fracture.protocol.perp;

import dev.fracture.market.OrderBook;
import dev.fracture.market.Quote;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;

/**
 * Funding: premium index from impact prices, the clamped rate, and payments over intervals (Hyperliquid docs
 * "Funding"; Binance "Introduction to Binance Futures Funding Rates"; dYdX v4 docs "Funding" use the same shape with
 * an hourly premium sample average).
 *
 * <ul>
 *   <li>impact bid / ask: average price, before fee, of a market sell / buy of {@code impactNotional} USD on the
 *       book;</li>
 *   <li>premium {@code P = (max(impactBid − oracle, 0) − max(oracle − impactAsk, 0)) / oracle};</li>
 *   <li>rate per basis period {@code F = P̄ + clamp(I − P̄, −c, c)} where {@code P̄} is the average of the premium
 *       samples of the interval; paid per interval: {@code F × intervalHours / basisHours}, capped at ±cap;</li>
 *   <li>payment {@code = −size × oracle × rate}: a positive rate makes longs pay shorts. Hyperliquid values the
 *       position at the oracle price, not the mark, and so does this class.</li>
 * </ul>
 * Funding is a transfer between longs and shorts: with equal long and short open interest the payments sum to zero.
 */
public final class Funding {
    public static final Funding DEFAULT = new Funding();

    private Funding() {
    }

    /**
     * Average price, before the taker fee, of a market order of {@code notional} USD into the book's bids (sell) or
     * asks (buy). A side too thin to fill it gives the average of what it holds; an empty side gives NaN, which
     * {@link #premiumIndex} reads as "no premium from this side".
     */
    public double impactPrice(OrderBook book, double notional, boolean sell) {
        Require.positive(notional, "impactNotional");
        AssetId base = book.assets().get(0);
        AssetId quote = book.assets().get(1);
        if (sell) {
            Quote q = book.quoteExactOut(base, quote, notional * (1 - book.takerFeePips() / 1e6));
            return q.amountIn() == 0 ? Double.NaN : (q.amountOut() + q.feePaid()) / q.amountIn();
        }
        Quote q = book.quoteExactIn(quote, base, notional);
        double grossBase = q.amountOut() + q.feePaid();
        return grossBase == 0 ? Double.NaN : q.amountIn() / grossBase;
    }

    /** The premium of impact prices over the oracle, as a fraction; a NaN impact price contributes nothing. */
    public double premiumIndex(double impactBid, double impactAsk, double oracle) {
        Require.positive(oracle, "oraclePrice");
        double above = Double.isNaN(impactBid) ? 0 : Math.max(impactBid - oracle, 0);
        double below = Double.isNaN(impactAsk) ? 0 : Math.max(oracle - impactAsk, 0);
        return (above - below) / oracle;
    }

    /** The premium index read from a book. */
    public double premiumIndex(OrderBook book, double oracle, FundingParams params) {
        return premiumIndex(impactPrice(book, params.impactNotional(), true),
                impactPrice(book, params.impactNotional(), false), oracle);
    }

    /** The rate paid for one interval from the interval's average premium. */
    public double rate(double averagePremium, FundingParams params) {
        Require.finite(averagePremium, "averagePremium");
        double clamped = Math.max(-params.premiumClamp(),
                Math.min(params.premiumClamp(), params.interestRate() - averagePremium));
        double perInterval = (averagePremium + clamped) * params.intervalHours() / params.basisHours();
        return Math.max(-params.capPerInterval(), Math.min(params.capPerInterval(), perInterval));
    }

    /** USD received by a position of {@code size} base units for one interval at this rate and oracle price. */
    public double payment(double size, double oracle, double rate) {
        Require.finite(size, "size");
        Require.positive(oracle, "oraclePrice");
        Require.finite(rate, "rate");
        return -size * oracle * rate;
    }

    /**
     * Funding over consecutive intervals for a position of constant size: interval {@code k} pays at
     * {@code rate(averagePremiums[k])} on {@code oracles[k]}, the oracle price at the payment.
     */
    public FundingAccrual accrue(double size, double[] averagePremiums, double[] oracles, FundingParams params) {
        if (averagePremiums.length != oracles.length) {
            throw new IllegalArgumentException("averagePremiums and oracles must have the same length, were "
                    + averagePremiums.length + " and " + oracles.length);
        }
        List<Double> payments = new ArrayList<>(oracles.length);
        double total = 0;
        for (int k = 0; k < oracles.length; k++) {
            double p = payment(size, oracles[k], rate(averagePremiums[k], params));
            payments.add(p);
            total += p;
        }
        return new FundingAccrual(payments, total);
    }
}
