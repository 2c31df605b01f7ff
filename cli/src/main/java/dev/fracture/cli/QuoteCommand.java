package dev.fracture.cli;

import dev.fracture.io.SnapshotReader;
import dev.fracture.market.IntegerQuoting;
import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.market.UnitQuote;
import dev.fracture.market.Venue;
import dev.fracture.market.Venues;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture quote}: price one trade on one venue without executing it. */
@Command(name = "quote", mixinStandardHelpOptions = true,
        description = "Quote a trade on one venue (exact-in, or exact-out with --exact-out), in fast or exact "
                + "integer mode. The venue is an id from the ecosystem, or inline JSON in the snapshot schema.")
public final class QuoteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EcosystemOption ecosystem;

    @Mixin
    private JsonOption output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private VenueChoice venue;

    static final class VenueChoice {
        @Option(names = "--venue", description = "Venue id in the ecosystem.")
        String id;

        @Option(names = "--venue-json", description = "A venue in the snapshot schema, as inline JSON.")
        String json;
    }

    @Option(names = "--sell", required = true, description = "Asset id paid in.")
    private String sell;

    @Option(names = "--buy", description = "Asset id received. Default: the venue's other asset (two-asset venues).")
    private String buy;

    @Option(names = "--amount", required = true,
            description = "Amount in token units, as a decimal: paid in, or with --exact-out received.")
    private String amount;

    @Option(names = "--exact-out", description = "Treat --amount as the exact output wanted.")
    private boolean exactOut;

    @Option(names = "--exact", description = "Integer mode reproducing the contract to the last unit: the amount is "
            + "taken exactly as written and results are printed in full, with their integer units.")
    private boolean exact;

    @Override
    public Integer call() {
        EcosystemSnapshot snapshot = ecosystem.load();
        VenueSpec venueSpec = venue.json != null
                ? SnapshotReader.readVenue(venue.json, "--venue-json", snapshot)
                : snapshot.venues().stream().filter(v -> v.id().equals(VenueId.of(venue.id))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--venue '" + venue.id + "' is not in ecosystem '"
                            + snapshot.name() + "' (venues: " + snapshot.venues().stream().map(v -> v.id().value())
                            .sorted().toList() + ")"));
        MathMode mode = exact ? MathMode.EXACT : MathMode.FAST;
        Venue v = Venues.of(venueSpec, snapshot, mode);
        AssetId in = AssetId.of(sell);
        AssetId out = buy != null ? AssetId.of(buy) : other(v, in);
        if (!v.assets().contains(in) || !v.assets().contains(out) || in.equals(out)) {
            throw new IllegalArgumentException("venue " + v.id() + " trades " + v.assets() + "; cannot quote " + in
                    + " -> " + out);
        }
        BigDecimal tokens = Amounts.positive("--amount", amount);
        PrintWriter pw = spec.commandLine().getOut();
        if (v instanceof IntegerQuoting exactVenue && mode == MathMode.EXACT) {
            AssetId sized = exactOut ? out : in;
            BigInteger units = Amounts.units("--amount", tokens, exactVenue.decimals(sized), sized);
            UnitQuote q = exactOut ? exactVenue.quoteExactOutUnits(in, out, units)
                    : exactVenue.quoteExactInUnits(in, out, units);
            printUnits(pw, v, q);
            return 0;
        }
        Quote q = exactOut ? v.quoteExactOut(in, out, tokens.doubleValue()) : v.quoteExactIn(in, out, tokens.doubleValue());
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("mode", mode);
            doc.put("side", exactOut ? "exact-out" : "exact-in");
            doc.put("quote", q);
            doc.put("averagePrice", q.averagePrice());
            doc.put("slippage", q.slippage());
            Json.print(pw, doc);
        } else {
            pw.printf("Quote on %s (%s, %s mode, %s)%n%n", v.id(), v.chain(), mode.name().toLowerCase(),
                    exactOut ? "exact out" : "exact in");
            new TextTable("measure", "value")
                    .row("pay " + q.tokenIn(), TextTable.amount(q.amountIn()))
                    .row("receive " + q.tokenOut(), TextTable.amount(q.amountOut()))
                    .row("fee paid", TextTable.amount(q.feePaid()))
                    .row("average price", TextTable.amount(q.averagePrice()))
                    .row("spot before", TextTable.amount(q.spotBefore()))
                    .row("spot after", TextTable.amount(q.spotAfter()))
                    .row("slippage", String.format("%.2f bps", q.slippage() * 10_000))
                    .row("filled", q.complete() ? "yes" : "partly: the venue ran out of liquidity")
                    .print(pw);
        }
        return 0;
    }

    private void printUnits(PrintWriter pw, Venue v, UnitQuote q) {
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("mode", MathMode.EXACT);
            doc.put("side", exactOut ? "exact-out" : "exact-in");
            doc.put("quote", Map.of(
                    "venue", q.venue().value(),
                    "tokenIn", q.tokenIn().value(),
                    "tokenOut", q.tokenOut().value(),
                    "amountIn", q.amountInTokens().toPlainString(),
                    "amountOut", q.amountOutTokens().toPlainString(),
                    "feePaid", q.feePaidTokens().toPlainString(),
                    "feeToken", q.feeToken().value(),
                    "complete", q.complete()));
            doc.put("units", Map.of(
                    "amountIn", q.amountIn().toString(),
                    "amountOut", q.amountOut().toString(),
                    "feePaid", q.feePaid().toString()));
            Json.print(pw, doc);
            return;
        }
        pw.printf("Quote on %s (%s, exact integer mode, %s)%n%n", v.id(), v.chain(), exactOut ? "exact out" : "exact in");
        new TextTable("measure", "tokens", "integer units")
                .row("pay " + q.tokenIn(), q.amountInTokens().toPlainString(), q.amountIn())
                .row("receive " + q.tokenOut(), q.amountOutTokens().toPlainString(), q.amountOut())
                .row("fee paid in " + q.feeToken(), q.feePaidTokens().toPlainString(), q.feePaid())
                .row("filled", q.complete() ? "yes" : "partly: the venue ran out of liquidity", "")
                .print(pw);
    }

    private static AssetId other(Venue v, AssetId in) {
        if (v.assets().size() != 2) {
            throw new IllegalArgumentException("venue " + v.id() + " trades " + v.assets().size() + " assets; pass --buy");
        }
        return v.assets().get(0).equals(in) ? v.assets().get(1) : v.assets().get(0);
    }
}
