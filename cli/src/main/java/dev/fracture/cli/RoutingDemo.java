package dev.fracture.cli;

import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.RouteResult;
import dev.fracture.market.Router;
import dev.fracture.model.Asset;
import dev.fracture.model.EcosystemSnapshot;
import java.io.PrintWriter;

/**
 * {@code fracture demo --routing}: where forced selling would be absorbed. Orders of growing size routed across
 * every venue and chain of an ecosystem, with what fragmentation costs each.
 */
final class RoutingDemo {
    private RoutingDemo() {
    }

    static int run(PrintWriter out, EcosystemSnapshot snapshot, String sell, String buy) {
        Market market = Market.of(snapshot, MathMode.FAST);
        Asset sellAsset = sell != null ? market.asset(dev.fracture.model.AssetId.of(sell))
                : market.asset(snapshot.chains().get(0).nativeAsset());
        Asset buyAsset = buy != null ? market.asset(dev.fracture.model.AssetId.of(buy)) : defaultStable(snapshot, sellAsset);
        out.printf("Fracture routing demo: where would forced selling of %s be absorbed? (ecosystem %s, %d chains, %d venues)%n%n",
                sellAsset.symbol(), snapshot.name(), snapshot.chains().size(), snapshot.venues().size());

        double unit = 1_000_000 / sellAsset.referencePriceUsd();
        double[] sizesUsd = {100_000, 1_000_000, 10_000_000, 50_000_000, 200_000_000};
        TextTable table = new TextTable("sell " + sellAsset.symbol(), "USD value", "venues", "routed " + buyAsset.symbol(),
                "best single", "unified pool", "cost vs ref", "fragmentation");
        RouteResult largest = null;
        for (double usd : sizesUsd) {
            double amount = usd / sellAsset.referencePriceUsd();
            RouteResult r = Router.DEFAULT.route(market, RouteRequest.of(sellAsset.id(), buyAsset.id(), amount));
            table.row(TextTable.amount(amount), String.format("%,.0f", usd), r.fills().size(),
                    TextTable.amount(r.routedOut()) + (r.complete() ? "" : " (partial)"),
                    TextTable.amount(r.bestSingleOut()), TextTable.amount(r.unifiedOut()),
                    String.format("%.1f bps", r.costVsReferenceBps()),
                    String.format("%.1f bps", r.fragmentationCostBps()));
            if (usd == 10_000_000) {
                largest = r;
            }
        }
        table.print(out);
        out.println();
        out.printf("The %s sale worth about $10M, venue by venue:%n%n", sellAsset.symbol());
        RouteCommand.print(out, snapshot, largest);
        out.printf("%nfracture route --sell %s --buy %s --amount %.0f  reproduces the last table; add --json for JSON.%n",
                sellAsset.id(), buyAsset.id(), unit * 10);
        return 0;
    }

    private static Asset defaultStable(EcosystemSnapshot snapshot, Asset sell) {
        return snapshot.assets().stream()
                .filter(a -> a.chain().equals(sell.chain()))
                .filter(a -> a.kind() instanceof dev.fracture.model.AssetKind.Stablecoin s && "USD".equals(s.peg()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no USD stablecoin on " + sell.chain() + "; pass --buy"));
    }
}
