package dev.fracture.cli;

import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture route}: split an order across an ecosystem's venues and report the fragmentation cost. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Split a sell order across every venue and chain that trades the pair, and through one "
                + "intermediate asset on the seller's chain; report per-venue fills, the best single venue, a unified "
                + "pool and the fragmentation cost.")
public final class RouteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EcosystemOption ecosystem;

    @Mixin
    private JsonOption output;

    @Option(names = "--sell", required = true, description = "Asset id to sell (held on its own chain).")
    private String sell;

    @Option(names = "--buy", required = true, description = "Asset id to receive (delivered on its own chain).")
    private String buy;

    @Option(names = "--amount", required = true, description = "Amount to sell, in token units.")
    private double amount;

    @Option(names = "--max-latency", defaultValue = "3600",
            description = "Skip legs whose bridge crossings take longer, in seconds. Default: ${DEFAULT-VALUE}.")
    private double maxLatency;

    @Option(names = "--chunks", defaultValue = "400", description = "Slices the order is allocated in. Default: ${DEFAULT-VALUE}.")
    private int chunks;

    @Option(names = "--max-hops", defaultValue = "2",
            description = "1: only venues trading the pair itself; 2: also through one intermediate asset on the "
                    + "seller's chain (wstETH to USDC through ETH), a hop of which may convert through a wrapper "
                    + "(unwrap wstETH, sell stETH for ETH). Default: ${DEFAULT-VALUE}.")
    private int maxHops;

    @Option(names = "--no-gas", description = "Ignore gas costs.")
    private boolean noGas;

    @Option(names = "--exact", description = "Quote venues in exact integer mode (slower).")
    private boolean exact;

    @Override
    public Integer call() {
        EcosystemSnapshot snapshot = ecosystem.load();
        Market market = Market.of(snapshot, exact ? MathMode.EXACT : MathMode.FAST);
        RouteRequest request = new RouteRequest(AssetId.of(sell), AssetId.of(buy), amount, maxLatency,
                noGas ? GasSchedule.FREE : GasSchedule.DEFAULT, chunks, maxHops);
        RouteResult result = Router.DEFAULT.route(market, request);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ecosystem", snapshot.name());
            doc.put("request", request);
            doc.put("result", result);
            doc.put("fragmentationCost", result.fragmentationCost());
            doc.put("fragmentationCostBps", result.fragmentationCostBps());
            doc.put("routingGain", result.routingGain());
            doc.put("costVsReferenceBps", result.costVsReferenceBps());
            Json.print(out, doc);
        } else {
            print(out, snapshot, result);
        }
        return 0;
    }

    static void print(PrintWriter out, EcosystemSnapshot snapshot, RouteResult r) {
        out.printf("Route %s %s -> %s on %s%n%n", TextTable.amount(r.amountRequested()), r.sell(), r.buy(),
                snapshot.name());
        TextTable fills = new TextTable("venue", "chain", "in", "via", "out", "gas", "net");
        // Hops are numbered by the stage a fill executes in; a route with no middle hop has two.
        boolean middle = r.fills().stream().anyMatch(f -> f.stage() == 1);
        for (LegFill f : r.fills()) {
            String via = f.inBridges().isEmpty() && f.outBridges().isEmpty() ? "direct"
                    : String.join(" > ", f.inBridges().stream().map(Object::toString).toList()) + " | "
                    + String.join(" > ", f.outBridges().stream().map(Object::toString).toList());
            if (f.hop() != LegFill.Hop.DIRECT) {
                int hop = f.stage() == 2 && !middle ? 2 : f.stage() + 1;
                via = "hop " + hop + " " + f.venueTokenIn() + " > " + f.venueTokenOut();
            }
            fills.row(f.venue(), f.chain(), TextTable.amount(f.amountIn()), via, TextTable.amount(f.delivered()),
                    TextTable.amount(f.gasCost()), TextTable.amount(f.net()));
        }
        fills.print(out);
        out.println();
        TextTable summary = new TextTable("measure", r.buy().value(), "note");
        summary.row("routed output", TextTable.amount(r.routedOut()),
                r.complete() ? "order filled" : "only " + TextTable.amount(r.amountFilled()) + " could be sold");
        summary.row("best single venue", TextTable.amount(r.bestSingleOut()), r.bestSingleVenue());
        boolean noPool = Double.isNaN(r.unifiedOut());
        summary.row("unified pool", noPool ? "n/a" : TextTable.amount(r.unifiedOut()),
                noPool ? "no venue trades the pair itself" : "all liquidity in one pool");
        summary.row("reference value", TextTable.amount(r.referenceOut()), "at reference prices");
        summary.row("routing gain", TextTable.amount(r.routingGain()), "router vs best single venue");
        summary.row("fragmentation cost", noPool ? "n/a" : TextTable.amount(r.fragmentationCost()),
                noPool ? "" : String.format("%.2f bps of the unified output", r.fragmentationCostBps()));
        summary.row("cost vs reference", String.format("%.2f bps", r.costVsReferenceBps()),
                "slippage, fees, bridges and gas");
        summary.print(out);
    }
}
