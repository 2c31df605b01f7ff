package dev.fracture.cli;

import dev.fracture.io.BundledEcosystems;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture ecosystems [NAME|FILE]}: list the bundled ecosystems, or show what one holds. */
@Command(name = "ecosystems", mixinStandardHelpOptions = true,
        description = "List the bundled ecosystems; with a name or snapshot file, show its chains, assets, bridges, "
                + "venues, oracles and protocols (the ids other commands take).")
public final class EcosystemsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE", description = "A bundled ecosystem or a snapshot file.")
    private String which;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (which == null) {
            TextTable t = new TextTable("name", "as of", "chains", "assets", "bridges", "venues", "oracles",
                    "protocols");
            for (String name : BundledEcosystems.names()) {
                EcosystemSnapshot s = BundledEcosystems.load(name);
                t.row(name, s.asOf(), s.chains().size(), s.assets().size(), s.bridges().size(), s.venues().size(),
                        s.oracles().size(), s.protocols().size());
            }
            t.print(out);
            return 0;
        }
        EcosystemSnapshot s = EcosystemSource.load(which);
        out.printf("%s as of %s%n%nChains%n", s.name(), s.asOf());
        TextTable chains = new TextTable("id", "name", "block time s", "native asset", "base fee gwei");
        for (Chain c : s.chains()) {
            chains.row(c.id(), c.name(), c.blockTimeSeconds(), c.nativeAsset(), c.gas().baseFeeGwei());
        }
        chains.print(out);
        out.printf("%nAssets%n");
        TextTable assets = new TextTable("id", "symbol", "chain", "decimals", "kind", "price USD");
        for (Asset a : s.assets()) {
            assets.row(a.id(), a.symbol(), a.chain(), a.decimals(), kind(a.kind()), TextTable.amount(a.referencePriceUsd()));
        }
        assets.print(out);
        out.printf("%nBridges%n");
        TextTable bridges = new TextTable("id", "joins", "latency s", "capacity USD/h", "fee bps", "status");
        for (Bridge b : s.bridges()) {
            bridges.row(b.id(), b.chainA() + " - " + b.chainB(), b.latencySeconds(),
                    String.format("%,.0f", b.capacityPerHourUsd()), b.feeBps(), b.status().name().toLowerCase());
        }
        bridges.print(out);
        out.printf("%nVenues%n");
        TextTable venues = new TextTable("id", "type", "chain", "assets");
        for (VenueSpec v : s.venues()) {
            venues.row(v.id(), type(v), v.chain(), v.assets());
        }
        venues.print(out);
        out.printf("%nOracles%n");
        TextTable oracles = new TextTable("id", "type", "reads");
        for (OracleSpec o : s.oracles()) {
            oracles.row(o.id(), oracleType(o), oracleSource(o));
        }
        oracles.print(out);
        out.printf("%nProtocols%n");
        TextTable protocols = new TextTable("id", "type", "chain", "positions");
        for (ProtocolSpec p : s.protocols()) {
            protocols.row(p.id(), protocolType(p), p.chain(), positions(p));
        }
        protocols.print(out);
        return 0;
    }

    private static String kind(AssetKind k) {
        if (k instanceof AssetKind.Bridged b) {
            return "bridged from " + b.origin() + " via " + b.bridge();
        }
        if (k instanceof AssetKind.LiquidStaking l) {
            return "liquid staking of " + l.underlying() + " at " + l.exchangeRate().toPlainString();
        }
        if (k instanceof AssetKind.Receipt r) {
            return "receipt for " + r.redeemsFor() + " from " + r.issuer();
        }
        if (k instanceof AssetKind.Stablecoin st) {
            return "stablecoin (" + st.peg() + ")";
        }
        return k instanceof AssetKind.Native ? "native" : "token";
    }

    private static String oracleType(OracleSpec o) {
        if (o instanceof OracleSpec.Push) {
            return "push";
        }
        if (o instanceof OracleSpec.Twap) {
            return "twap";
        }
        return o instanceof OracleSpec.Delayed ? "delayed" : "fallback";
    }

    private static String oracleSource(OracleSpec o) {
        if (o instanceof OracleSpec.Push p) {
            return p.asset() + ", " + p.deviationBps() + " bps / " + p.heartbeatSeconds() + " s";
        }
        if (o instanceof OracleSpec.Twap t) {
            return t.asset() + " on " + t.venue() + " over " + t.windowSeconds() + " s";
        }
        if (o instanceof OracleSpec.Delayed d) {
            return d.source() + " one hop (" + d.hopSeconds() + " s) late";
        }
        OracleSpec.Fallback f = (OracleSpec.Fallback) o;
        return f.primary() + ", else " + f.fallback();
    }

    private static String protocolType(ProtocolSpec p) {
        if (p instanceof ProtocolSpec.PooledLending) {
            return "pooled-lending";
        }
        if (p instanceof ProtocolSpec.IsolatedLending) {
            return "isolated-lending";
        }
        if (p instanceof ProtocolSpec.CometLending) {
            return "comet-lending";
        }
        if (p instanceof ProtocolSpec.PerpExchange) {
            return "perp-exchange";
        }
        if (p instanceof ProtocolSpec.OptionsDealer) {
            return "options-dealer";
        }
        return p instanceof ProtocolSpec.CdpSystem ? "cdp" : "stability-pool";
    }

    private static int positions(ProtocolSpec p) {
        if (p instanceof ProtocolSpec.PooledLending l) {
            return l.accounts().size();
        }
        if (p instanceof ProtocolSpec.IsolatedLending i) {
            return i.markets().stream().mapToInt(m -> m.positions().size()).sum();
        }
        if (p instanceof ProtocolSpec.CometLending c) {
            return c.accounts().size();
        }
        if (p instanceof ProtocolSpec.CdpSystem c) {
            return c.vaults().size();
        }
        if (p instanceof ProtocolSpec.PerpExchange x) {
            return x.accounts().stream().mapToInt(a -> a.positions().size()).sum();
        }
        if (p instanceof ProtocolSpec.OptionsDealer d) {
            return d.positions().size();
        }
        return ((ProtocolSpec.StabilityPoolSystem) p).troves().size();
    }

    private static String type(VenueSpec v) {
        if (v instanceof VenueSpec.ConstantProduct) {
            return "constant-product";
        }
        if (v instanceof VenueSpec.ConcentratedLiquidity) {
            return "concentrated-liquidity";
        }
        return v instanceof VenueSpec.StableSwap ? "stable-swap" : "order-book";
    }
}
