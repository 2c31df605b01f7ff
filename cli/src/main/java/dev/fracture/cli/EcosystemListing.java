package dev.fracture.cli;

import dev.fracture.io.FormatNames;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import java.util.List;

/**
 * What {@code fracture ecosystems} shows, as records. The tables and the {@code --json} document are both printed
 * from these rows, so the two cannot say different things; the record components are the JSON's field names
 * (README.md, the ecosystems command).
 */
final class EcosystemListing {
    private EcosystemListing() {
    }

    /** One bundled ecosystem in the list: its name, date and how many of each part it holds. */
    record Summary(String name, String asOf, int chains, int assets, int bridges, int venues, int oracles,
                   int protocols) {
    }

    /** One ecosystem's parts, the ids the other commands take, in the snapshot's order. */
    record Detail(String name, String asOf, List<ChainRow> chains, List<AssetRow> assets, List<BridgeRow> bridges,
                  List<VenueRow> venues, List<OracleRow> oracles, List<ProtocolRow> protocols) {
    }

    record ChainRow(String id, String name, double blockTimeSeconds, String nativeAsset, double baseFeeGwei) {
    }

    /** {@code kind} in words: native, token, stablecoin (PEG), liquid staking of X at RATE, ... */
    record AssetRow(String id, String symbol, String chain, int decimals, String kind, double referencePriceUsd) {
    }

    record BridgeRow(String id, String chainA, String chainB, double latencySeconds, double capacityPerHourUsd,
                     int feeBps, String status) {
    }

    record VenueRow(String id, String type, String chain, List<String> assets) {
    }

    /** {@code reads} in words: the asset and update rule, the venue and window, or the feeds it reads. */
    record OracleRow(String id, String type, String reads) {
    }

    record ProtocolRow(String id, String type, String chain, int positions) {
    }

    static Summary summary(String name, EcosystemSnapshot s) {
        return new Summary(name, s.asOf().toString(), s.chains().size(), s.assets().size(), s.bridges().size(),
                s.venues().size(), s.oracles().size(), s.protocols().size());
    }

    static Detail detail(EcosystemSnapshot s) {
        return new Detail(s.name(), s.asOf().toString(),
                s.chains().stream().map(EcosystemListing::chain).toList(),
                s.assets().stream().map(EcosystemListing::asset).toList(),
                s.bridges().stream().map(EcosystemListing::bridge).toList(),
                s.venues().stream().map(v -> new VenueRow(v.id().value(), FormatNames.venueType(v), v.chain().value(),
                        v.assets().stream().map(a -> a.value()).toList())).toList(),
                s.oracles().stream().map(o -> new OracleRow(o.id().value(), FormatNames.oracleType(o), oracleSource(o))).toList(),
                s.protocols().stream().map(p -> new ProtocolRow(p.id().value(), FormatNames.protocolType(p),
                        p.chain().value(), positions(p))).toList());
    }

    private static ChainRow chain(Chain c) {
        return new ChainRow(c.id().value(), c.name(), c.blockTimeSeconds(), c.nativeAsset().value(),
                c.gas().baseFeeGwei());
    }

    private static AssetRow asset(Asset a) {
        return new AssetRow(a.id().value(), a.symbol(), a.chain().value(), a.decimals(), kind(a.kind()),
                a.referencePriceUsd());
    }

    private static BridgeRow bridge(Bridge b) {
        return new BridgeRow(b.id().value(), b.chainA().value(), b.chainB().value(), b.latencySeconds(),
                b.capacityPerHourUsd(), b.feeBps(), FormatNames.bridgeStatus(b.status()));
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
}
