package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A central limit order book for base/quote: resting limit orders aggregated into price levels, and market
 * orders that walk them. Selling base walks the bids from the best (highest) down; buying base walks the asks
 * from the best (lowest) up. Each level fills at its own price, so a large order pays the average of the levels
 * it crosses. The taker fee ({@code takerFeePips}, millionths) is charged on the taker's output, as most
 * centralized venues charge takers in the asset received.
 *
 * <p>Exact-out targets the output after the fee: the book walks until the gross output {@code want/(1 − fee)} is
 * filled. A market order that exhausts its side fills what there is and reports {@code complete == false}.
 *
 * <p>The spot price is the mid ((best bid + best ask)/2; the one best price when a side is empty; NaN for an
 * empty book). {@link #depth} counts the resting volume within the price move <em>measured from the mid</em>:
 * selling base, the bid size priced at or above mid·(1 − f); selling quote (buying base), the quote value of the
 * asks priced at or below mid/(1 − f), which is where the price of quote in base has fallen by f. A book has
 * no contract integer arithmetic to reproduce, so it computes in doubles only.
 */
public final class OrderBook implements Venue {
    /** The venue's two assets, made once: the router and arbitrage ask for them in every block. */
    private List<AssetId> assets;

    /** Committed trades and withdrawals so far ({@link Venue#version()}). */
    private long version;

    private static final int PIPS = 1_000_000;

    /** Which side a resting order rests on. */
    public enum Side {
        /** An offer to buy base, resting below the asks. */
        BID,
        /** An offer to sell base, resting above the bids. */
        ASK
    }

    /** One price level, best first when listed. */
    public record Level(double price, double size) {
    }

    private final VenueId id;
    private final ChainId chain;
    private final AssetId base;
    private final AssetId quote;
    private final int takerFeePips;
    private final double netMultiplier;
    private final BookSide bids;
    private final BookSide asks;

    private OrderBook(VenueId id, ChainId chain, AssetId base, AssetId quote, int takerFeePips, BookSide bids,
                      BookSide asks) {
        this.id = id;
        this.chain = chain;
        this.base = base;
        this.quote = quote;
        this.takerFeePips = takerFeePips;
        this.netMultiplier = (PIPS - takerFeePips) / (double) PIPS;
        this.bids = bids;
        this.asks = asks;
    }

    /**
     * A book holding the spec's levels. The levels must be strictly ordered best first with positive prices and
     * sizes, and the book must not be crossed (best bid below best ask).
     */
    public static OrderBook of(VenueSpec.OrderBook spec, Asset base, Asset quote) {
        VenueId id = spec.id();
        if (!spec.base().equals(base.id()) || !spec.quote().equals(quote.id())) {
            throw VenueChecks.fail(id, "assets must be base " + spec.base() + " and quote " + spec.quote()
                    + ", got " + base.id() + " and " + quote.id());
        }
        if (spec.base().equals(spec.quote())) {
            throw VenueChecks.fail(id, "base and quote must differ, both are " + spec.base());
        }
        VenueChecks.requireFeePips(id, "takerFeePips", spec.takerFeePips());
        BookSide bids = side(id, "bids", spec.bids(), true);
        BookSide asks = side(id, "asks", spec.asks(), false);
        if (bids.count() > 0 && asks.count() > 0 && bids.best() >= asks.best()) {
            throw VenueChecks.fail(id, "book is crossed: best bid " + bids.best() + " >= best ask " + asks.best());
        }
        return new OrderBook(id, spec.chain(), spec.base(), spec.quote(), spec.takerFeePips(), bids, asks);
    }

    private static BookSide side(VenueId id, String name, List<VenueSpec.BookLevel> levels, boolean isBids) {
        BookSide side = new BookSide(isBids);
        if (levels == null) {
            return side;
        }
        int n = levels.size();
        double[] prices = new double[n];
        double[] sizes = new double[n];
        for (int k = 0; k < n; k++) {
            VenueSpec.BookLevel level = levels.get(k);
            prices[k] = positive(id, name + "[" + k + "].price", level.price());
            sizes[k] = positive(id, name + "[" + k + "].size", level.size());
            if (k > 0 && !side.better(prices[k - 1], prices[k])) {
                throw VenueChecks.fail(id, name + " must be strictly " + (isBids ? "descending" : "ascending")
                        + " (best first), but " + name + "[" + k + "].price " + prices[k] + " follows "
                        + prices[k - 1]);
            }
        }
        // Worst first, so that each level lands at the end of the side's arrays.
        for (int k = n - 1; k >= 0; k--) {
            side.add(prices[k], sizes[k]);
        }
        return side;
    }

    private static double positive(VenueId id, String name, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw VenueChecks.fail(id, name + " must be positive, got " + value);
        }
        return value.doubleValue();
    }

    @Override
    public VenueId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    @Override
    public List<AssetId> assets() {
        List<AssetId> known = assets;
        if (known == null) {
            known = List.of(base, quote);
            assets = known;
        }
        return known;
    }

    public int takerFeePips() {
        return takerFeePips;
    }

    /** The levels of one side, best first. */
    public List<Level> levels(Side side) {
        BookSide s = side == Side.BID ? bids : asks;
        List<Level> out = new ArrayList<>(s.count());
        for (int k = 0; k < s.count(); k++) {
            out.add(new Level(s.price(k), s.size(k)));
        }
        return out;
    }

    /**
     * Rests a limit order of {@code size} base at {@code price} quote per base, joining the level at that price
     * (behind the size already there) or opening a new one. The order is post-only: a price that would cross the
     * other side (a bid at or above the best ask, an ask at or below the best bid) is rejected, because taking
     * liquidity is what the market-order methods are for.
     */
    public void placeLimit(Side side, double price, double size) {
        if (!Double.isFinite(price) || price <= 0) {
            throw VenueChecks.fail(id, "limit price must be finite and positive, got " + price);
        }
        if (!Double.isFinite(size) || size <= 0) {
            throw VenueChecks.fail(id, "limit size must be finite and positive, got " + size);
        }
        if (side == Side.BID && asks.count() > 0 && price >= asks.best()) {
            throw VenueChecks.fail(id, "bid at " + price + " would cross the best ask " + asks.best()
                    + " (placeLimit is post-only)");
        }
        if (side == Side.ASK && bids.count() > 0 && price <= bids.best()) {
            throw VenueChecks.fail(id, "ask at " + price + " would cross the best bid " + bids.best()
                    + " (placeLimit is post-only)");
        }
        (side == Side.BID ? bids : asks).add(price, size);
    }

    /**
     * Walks the side a market order takes from. Per base filled at price p the taker pays {@code p} quote and
     * gets 1 base (buying), or pays 1 base and gets {@code p} quote (selling); the remaining target is counted in
     * the input (exact-in) or in the gross output (exact-out).
     */
    @Override
    public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean apply) {
        if (apply) {
            version++;
        }
        boolean exactIn = fixed == Exact.IN;
        boolean sellBase = direction(tokenIn, tokenOut);
        VenueChecks.requireAmount(id, exactIn ? "amountIn" : "amountOut", amount);
        BookSide side = sellBase ? bids : asks;
        double spotBefore = directed(sellBase, mid(bids.best(), asks.best()));
        double remaining = exactIn ? amount : amount / netMultiplier;
        double in = 0;
        double grossOut = 0;
        int k = 0;
        double partialTaken = 0;
        while (remaining > 0 && k < side.count()) {
            double price = side.price(k);
            double size = side.size(k);
            double inPerBase = sellBase ? 1 : price;
            double outPerBase = sellBase ? price : 1;
            double levelAmount = size * (exactIn ? inPerBase : outPerBase);
            if (remaining >= levelAmount) {
                in += size * inPerBase;
                grossOut += size * outPerBase;
                remaining -= levelAmount;
                k++;
            } else {
                double taken = remaining / (exactIn ? inPerBase : outPerBase);
                in += exactIn ? remaining : taken * inPerBase;
                grossOut += exactIn ? taken * outPerBase : remaining;
                remaining = 0;
                partialTaken = taken;
            }
        }
        boolean complete = remaining <= 0;
        double nextBest = k < side.count() ? side.price(k) : Double.NaN;
        double spotAfter = directed(sellBase, sellBase ? mid(nextBest, asks.best()) : mid(bids.best(), nextBest));
        if (apply) {
            for (int level = 0; level < k; level++) {
                side.removeBest();
            }
            if (partialTaken > 0) {
                side.reduceBest(partialTaken);
            }
        }
        double netOut = complete && !exactIn ? amount : grossOut * netMultiplier;
        return new Quote(id, tokenIn, tokenOut, in, netOut, grossOut - netOut, spotBefore, spotAfter, complete);
    }

    private static double mid(double bestBid, double bestAsk) {
        if (Double.isNaN(bestBid)) {
            return bestAsk;
        }
        if (Double.isNaN(bestAsk)) {
            return bestBid;
        }
        return 0.5 * (bestBid + bestAsk);
    }

    /** A quote-per-base price turned into the price of tokenIn in tokenOut. */
    private static double directed(boolean sellBase, double price) {
        return sellBase ? price : 1 / price;
    }

    @Override
    public double spotPrice(AssetId base, AssetId quote) {
        return directed(direction(base, quote), mid(bids.best(), asks.best()));
    }

    /** The best level's price with the fee: what the first unit of a market order gets. */
    @Override
    public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
        if (direction(tokenIn, tokenOut)) {
            return bids.count() == 0 ? 0 : bids.best() * netMultiplier;
        }
        return asks.count() == 0 ? 0 : netMultiplier / asks.best();
    }

    /** The levels themselves: {@link #inputAtMarginalRate}. */
    @Override
    public boolean exactMarginalInput() {
        return true;
    }

    /** The levels whose price, fee taken, still pays more than {@code rate}: a market order's marginal rate is a step. */
    @Override
    public double inputAtMarginalRate(AssetId tokenIn, AssetId tokenOut, double rate) {
        boolean sellBase = direction(tokenIn, tokenOut);
        VenueChecks.requireRate(id, rate);
        double total = 0;
        if (sellBase) {
            for (int k = 0; k < bids.count() && bids.price(k) * netMultiplier > rate; k++) {
                total += bids.size(k);
            }
        } else {
            for (int k = 0; k < asks.count() && netMultiplier / asks.price(k) > rate; k++) {
                total += asks.size(k) * asks.price(k);
            }
        }
        return total;
    }

    @Override
    public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
        boolean sellBase = direction(tokenIn, tokenOut);
        VenueChecks.requireMoveFraction(id, priceMoveFraction);
        double mid = mid(bids.best(), asks.best());
        double total = 0;
        if (sellBase) {
            double limit = mid * (1 - priceMoveFraction);
            for (int k = 0; k < bids.count() && bids.price(k) >= limit; k++) {
                total += bids.size(k);
            }
        } else {
            double limit = mid / (1 - priceMoveFraction);
            for (int k = 0; k < asks.count() && asks.price(k) <= limit; k++) {
                total += asks.size(k) * asks.price(k);
            }
        }
        return total;
    }

    /**
     * Bands from the resting levels: below spot the side that buys {@code base} (the bids, or the asks when
     * {@code base} is the book's quote token, with prices inverted and sizes in quote), above spot the side that
     * sells it. An empty book has no spot and gives no bands.
     */
    @Override
    public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
        boolean normal = direction(base, quote);
        VenueChecks.requireProfile(id, buckets, rangeFraction);
        double mid = mid(bids.best(), asks.best());
        if (Double.isNaN(mid)) {
            return new LiquidityProfile(base, quote, Double.NaN, List.of());
        }
        BookSide buying = normal ? bids : asks;
        BookSide selling = normal ? asks : bids;
        DoubleUnaryOperator boughtDownTo = p -> cumulative(buying, normal, p, true);
        DoubleUnaryOperator soldUpTo = p -> cumulative(selling, normal, p, false);
        return PriceBands.build(base, quote, directed(normal, mid), buckets, rangeFraction, boughtDownTo, soldUpTo);
    }

    /** Volume of {@code side}, in profile-base units, priced at or beyond {@code p} in profile orientation. */
    private static double cumulative(BookSide side, boolean normal, double p, boolean below) {
        double total = 0;
        for (int k = 0; k < side.count(); k++) {
            double price = normal ? side.price(k) : 1 / side.price(k);
            if (below ? price < p : price > p) {
                break;
            }
            total += normal ? side.size(k) : side.size(k) * side.price(k);
        }
        return total;
    }

    /**
     * Market makers cancel the share {@code fraction} of every resting order: each level keeps its price and
     * {@code 1 − fraction} of its size. Returns what the cancelled orders held: base from the asks, quote (size
     * times price) from the bids.
     */
    @Override
    public long version() {
        return version;
    }

    @Override
    public double[] withdrawLiquidity(double fraction) {
        version++;
        VenueChecks.requireWithdrawFraction(id, fraction);
        double quoteBefore = bids.total(true);
        double baseTaken = asks.scale(1 - fraction);
        bids.scale(1 - fraction);
        return new double[] {baseTaken, quoteBefore - bids.total(true)};
    }

    @Override
    public OrderBook copy() {
        return new OrderBook(id, chain, base, quote, takerFeePips, bids.copy(), asks.copy());
    }

    /** True when selling base (walking bids), false when buying base with quote (walking asks). */
    private boolean direction(AssetId tokenIn, AssetId tokenOut) {
        int in = VenueChecks.indexOf(id, List.of(base, quote), tokenIn);
        int out = VenueChecks.indexOf(id, List.of(base, quote), tokenOut);
        if (in == out) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        return in == 0;
    }

    @Override
    public String toString() {
        return "OrderBook[" + id + ", " + base + "/" + quote + ", " + bids.count() + " bid levels, " + asks.count()
                + " ask levels, taker fee " + takerFeePips + " pips]";
    }
}
