package dev.fracture.engine;

import dev.fracture.market.OrderBook;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.protocol.perp.Funding;
import dev.fracture.protocol.perp.FundingParams;
import dev.fracture.protocol.perp.MarginTier;
import dev.fracture.protocol.perp.MarkPrice;
import dev.fracture.protocol.perp.PerpMarket;
import java.util.ArrayList;
import java.util.List;

/**
 * One market of a perp exchange during a run: its oracle, reference and mark prices, the makers' book, and the
 * premium samples of the current funding interval.
 *
 * <p><b>Prices.</b> The oracle is the market's feed, or without one the reference price (Hyperliquid's validators
 * publish a weighted median of centralized exchanges' spot prices every 3 s — docs "Oracle" — which is what the
 * reference price stands for). The makers quote around the reference price, where they hedge. The mark is Hyperliquid's
 * median ({@link MarkPrice}, docs "Robust price indices") of the oracle plus the 150 s EMA of (book mid − oracle), the
 * median of the book's best bid and ask, and the centralized exchanges' perp price, for which the reference stands.
 *
 * <p><b>Book.</b> Requoted each time it is needed: {@code levels} levels a side, {@code levelSpacingBps} apart from the
 * reference, {@code levelNotionalUsd} each — the book is a fresh snapshot of resting depth, as in the October 2025
 * replay, not one that remembers earlier blocks' fills.
 */
final class PerpMarketLive {
    /** Hyperliquid samples the premium every 5 s (docs "Funding"). */
    static final long PREMIUM_SAMPLE_SECONDS = 5;

    private final ProtocolSpec.PerpExchange.PerpMarket spec;
    private final PerpMarket market;
    private final FundingParams funding;
    private final Asset base;
    private final Asset quote;
    private final VenueId bookId;
    private final ChainId chain;
    private double oracle = Double.NaN;
    private double reference = Double.NaN;
    private double mark = Double.NaN;
    private double basisEma = Double.NaN;
    private double midEma = Double.NaN;
    private double premiumSum;
    private int premiumSamples;

    PerpMarketLive(ProtocolSpec.PerpExchange exchange, ProtocolSpec.PerpExchange.PerpMarket spec, Asset settlement) {
        this.spec = spec;
        this.market = market(spec);
        ProtocolSpec.PerpExchange.Funding f = spec.funding();
        this.funding = new FundingParams(f.intervalHours(), f.basisHours(), f.interestRate(), f.premiumClamp(),
                f.capPerInterval(), f.impactNotional());
        this.chain = exchange.chain();
        // The book trades a contract, not a token: a synthetic base asset that exists only inside this book.
        this.base = new Asset(AssetId.of(exchange.id() + ":" + spec.id()), chain, spec.id() + "-PERP", 18,
                new AssetKind.Token(), 1);
        this.quote = settlement;
        this.bookId = VenueId.of(exchange.id() + ":" + spec.id() + "-book");
    }

    static PerpMarket market(ProtocolSpec.PerpExchange.PerpMarket spec) {
        List<MarginTier> tiers = new ArrayList<>();
        spec.tiers().forEach(t -> tiers.add(new MarginTier(t.lowerBound(), t.maxLeverage())));
        return new PerpMarket(spec.id(), tiers, spec.partialLiquidationNotional(), spec.partialLiquidationFraction(),
                spec.backstopFraction());
    }

    String id() {
        return spec.id();
    }

    PerpMarket market() {
        return market;
    }

    FundingParams funding() {
        return funding;
    }

    ProtocolSpec.PerpExchange.PerpMarket spec() {
        return spec;
    }

    AssetId asset() {
        return spec.asset();
    }

    double oracle() {
        return oracle;
    }

    double reference() {
        return reference;
    }

    double mark() {
        return mark;
    }

    /** Reads the block's oracle and reference prices and sets the mark; {@code dt} seconds since the last call. */
    void observe(BlockContext block, double dt) {
        reference = block.prices().usd(spec.asset());
        oracle = spec.oracle() == null ? reference : block.oracles().usd(spec.oracle(), block.now());
        double spacing = spec.book().levelSpacingBps() / 1e4;
        double bestBid = reference * (1 - spacing);
        double bestAsk = reference * (1 + spacing);
        double mid = 0.5 * (bestBid + bestAsk);
        basisEma = MarkPrice.DEFAULT.ema(basisEma, mid - oracle, dt, MarkPrice.ORACLE_BASIS_WINDOW_SECONDS);
        midEma = MarkPrice.DEFAULT.ema(midEma, mid, dt, MarkPrice.MID_WINDOW_SECONDS);
        mark = MarkPrice.DEFAULT.mark(oracle, basisEma, bestBid, bestAsk, Double.NaN, reference, midEma);
    }

    /** The makers' book as it rests now, around the reference price. */
    OrderBook book() {
        ProtocolSpec.PerpExchange.Book b = spec.book();
        OrderBook book = OrderBook.of(new VenueSpec.OrderBook(bookId, chain, base.id(), quote.id(), List.of(),
                List.of(), b.takerFeePips()), base, quote);
        // Worst level first: each lands behind the better ones already resting.
        for (int k = b.levels(); k >= 1; k--) {
            double bid = reference * (1 - k * b.levelSpacingBps() / 1e4);
            double ask = reference * (1 + k * b.levelSpacingBps() / 1e4);
            book.placeLimit(OrderBook.Side.BID, bid, b.levelNotionalUsd() / bid);
            book.placeLimit(OrderBook.Side.ASK, ask, b.levelNotionalUsd() / ask);
        }
        return book;
    }

    /** Adds a premium sample of the book against the oracle (Hyperliquid: one every 5 s). */
    void samplePremium() {
        premiumSum += Funding.DEFAULT.premiumIndex(book(), oracle, funding);
        premiumSamples++;
    }

    /** Ends a funding interval: the rate paid for it, from the average premium of its samples (0 without any). */
    double closeInterval() {
        double average = premiumSamples == 0 ? 0 : premiumSum / premiumSamples;
        premiumSum = 0;
        premiumSamples = 0;
        return Funding.DEFAULT.rate(average, funding);
    }
}
