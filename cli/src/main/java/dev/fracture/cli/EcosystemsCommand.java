package dev.fracture.cli;

import dev.fracture.io.BundledEcosystems;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture ecosystems [NAME|FILE]}: list the bundled ecosystems, or show what one holds. */
@Command(name = "ecosystems", mixinStandardHelpOptions = true,
        description = "List the bundled ecosystems; with a name or snapshot file, show its chains, assets, bridges, "
                + "venues, oracles and protocols (the ids other commands take). --json prints the same as one JSON "
                + "document.")
public final class EcosystemsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE", description = "A bundled ecosystem or a snapshot file.")
    private String which;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (which == null) {
            List<EcosystemListing.Summary> list = BundledEcosystems.names().stream()
                    .map(name -> EcosystemListing.summary(name, BundledEcosystems.load(name))).toList();
            if (output.json) {
                Json.print(out, Map.of("ecosystems", list));
                return 0;
            }
            TextTable t = new TextTable("name", "as of", "chains", "assets", "bridges", "venues", "oracles",
                    "protocols");
            list.forEach(s -> t.row(s.name(), s.asOf(), s.chains(), s.assets(), s.bridges(), s.venues(), s.oracles(),
                    s.protocols()));
            t.print(out);
            return 0;
        }
        EcosystemListing.Detail d = EcosystemListing.detail(EcosystemSource.load(which));
        if (output.json) {
            Json.print(out, d);
            return 0;
        }
        out.printf("%s as of %s%n%nChains%n", d.name(), d.asOf());
        TextTable chains = new TextTable("id", "name", "block time s", "native asset", "base fee gwei");
        d.chains().forEach(c -> chains.row(c.id(), c.name(), c.blockTimeSeconds(), c.nativeAsset(), c.baseFeeGwei()));
        chains.print(out);
        out.printf("%nAssets%n");
        TextTable assets = new TextTable("id", "symbol", "chain", "decimals", "kind", "price USD");
        d.assets().forEach(a -> assets.row(a.id(), a.symbol(), a.chain(), a.decimals(), a.kind(),
                TextTable.amount(a.referencePriceUsd())));
        assets.print(out);
        out.printf("%nBridges%n");
        TextTable bridges = new TextTable("id", "joins", "latency s", "capacity USD/h", "fee bps", "status");
        d.bridges().forEach(b -> bridges.row(b.id(), b.chainA() + " - " + b.chainB(), b.latencySeconds(),
                String.format("%,.0f", b.capacityPerHourUsd()), b.feeBps(), b.status()));
        bridges.print(out);
        out.printf("%nVenues%n");
        TextTable venues = new TextTable("id", "type", "chain", "assets");
        d.venues().forEach(v -> venues.row(v.id(), v.type(), v.chain(), v.assets()));
        venues.print(out);
        out.printf("%nOracles%n");
        TextTable oracles = new TextTable("id", "type", "reads");
        d.oracles().forEach(o -> oracles.row(o.id(), o.type(), o.reads()));
        oracles.print(out);
        out.printf("%nProtocols%n");
        TextTable protocols = new TextTable("id", "type", "chain", "positions");
        d.protocols().forEach(p -> protocols.row(p.id(), p.type(), p.chain(), p.positions()));
        protocols.print(out);
        return 0;
    }
}
