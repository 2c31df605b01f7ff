package dev.fracture.bench;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.model.ChainId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing one sell order over 20 venues on 3 chains (a third each of v2 pairs, v3 pools and order books), as the
 * foundation issue names. The baseline is the best-single-venue answer the router also computes, so the ratio
 * says what the split costs in time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RouterBenchmark {

    @Param({"FAST", "EXACT"})
    public MathMode mode;

    @Param({"1000", "20000"})
    public double ethAmount;

    private Market market;
    private ChainId home;
    private RouteRequest request;

    @Setup
    public void setUp() {
        market = Market.of(BenchmarkEcosystems.routing(20, 3, 42), mode);
        home = ChainId.of("chain-0");
        request = RouteRequest.of(BenchmarkEcosystems.ETH, BenchmarkEcosystems.USDC, ethAmount);
        RouteResult check = Router.DEFAULT.route(market, request);
        if (!(check.routedOut() > 0) || check.routedOut() < check.bestSingleOut() - 1e-6) {
            throw new IllegalStateException("router result is not sane: " + check);
        }
    }

    @Benchmark
    public RouteResult route() {
        return Router.DEFAULT.route(market, request);
    }

    /**
     * The baseline a router replaces: quote the whole order on every venue of the seller's chain and take the best.
     * One quote per venue, no bridges; the ratio to {@link #route()} is what the split costs in time.
     */
    @Benchmark
    public double bestSingleVenueOnHomeChain() {
        double best = 0;
        for (Venue v : market.venues()) {
            if (v.chain().equals(home) && v.trades(BenchmarkEcosystems.ETH, BenchmarkEcosystems.USDC)) {
                best = Math.max(best, v.quoteExactIn(BenchmarkEcosystems.ETH, BenchmarkEcosystems.USDC, ethAmount)
                        .amountOut());
            }
        }
        return best;
    }
}
