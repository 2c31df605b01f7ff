package dev.fracture.bench;

import dev.fracture.market.OrderBook;
import dev.fracture.market.Quote;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Quotes per second on an ETH/USD book of 200 levels a side, one dollar apart, 5 ETH each, taker fee 5 bps; the
 * order sizes cycled through walk from one level to about forty. A book computes in doubles only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookQuoteBenchmark {
    static final AssetId ETH = AssetId.of("ETH");
    static final AssetId USD = AssetId.of("USD");
    private static final double[] SIZES = {0.5, 3, 12, 40, 1, 75, 7, 200};

    private OrderBook book;
    private int next;

    @Setup
    public void setUp() {
        book = book();
        // 12 ETH: 5 at 2999, 5 at 2998, 2 at 2997 = 35979 gross, less 5 bps.
        Checks.near("sell quote", book.quoteExactIn(ETH, USD, 12).amountOut(), 35979 * 0.9995, 1e-12);
        Checks.near("buy exact-out", book.quoteExactOut(USD, ETH, 5 * 0.9995).amountIn(), 5 * 3001, 1e-12);
    }

    static OrderBook book() {
        ChainId chain = ChainId.of("ethereum");
        List<VenueSpec.BookLevel> bids = new ArrayList<>();
        List<VenueSpec.BookLevel> asks = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            bids.add(new VenueSpec.BookLevel(BigDecimal.valueOf(2999 - k), BigDecimal.valueOf(5)));
            asks.add(new VenueSpec.BookLevel(BigDecimal.valueOf(3001 + k), BigDecimal.valueOf(5)));
        }
        Asset eth = new Asset(ETH, chain, "ETH", 18, new AssetKind.Native(), 3000);
        Asset usd = new Asset(USD, chain, "USD", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1);
        return OrderBook.of(new VenueSpec.OrderBook(VenueId.of("cex-eth-usd"), chain, ETH, USD, bids, asks, 500),
                eth, usd);
    }

    private double size() {
        next = (next + 1) & 7;
        return SIZES[next];
    }

    @Benchmark
    public Quote sellBaseExactIn() {
        return book.quoteExactIn(ETH, USD, size());
    }

    @Benchmark
    public Quote buyBaseExactIn() {
        return book.quoteExactIn(USD, ETH, size() * 3000);
    }

    @Benchmark
    public Quote buyBaseExactOut() {
        return book.quoteExactOut(USD, ETH, size());
    }
}
