package dev.fracture.engine;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is exposed to what in a snapshot: the assets each protocol holds as collateral or lends out, the feeds it
 * reads, and for any asset the chain of assets it stands on (bridged origin, liquid-staking underlying, receipt
 * redemption asset). The contagion table reads channels from it and from the run's events.
 */
final class ExposureGraph {
    private final Map<ProtocolId, Set<AssetId>> assets = new LinkedHashMap<>();
    private final Map<ProtocolId, Set<OracleId>> feeds = new LinkedHashMap<>();
    private final Map<AssetId, Asset> byId = new LinkedHashMap<>();

    ExposureGraph(EcosystemSnapshot snapshot) {
        snapshot.assets().forEach(a -> byId.put(a.id(), a));
        for (ProtocolSpec p : snapshot.protocols()) {
            Set<AssetId> held = new LinkedHashSet<>();
            Set<OracleId> read = new LinkedHashSet<>();
            if (p instanceof ProtocolSpec.PooledLending l) {
                l.reserves().forEach(r -> {
                    held.add(r.asset());
                    read.add(r.oracle());
                });
            } else if (p instanceof ProtocolSpec.IsolatedLending m) {
                m.markets().forEach(x -> {
                    held.add(x.loanAsset());
                    held.add(x.collateralAsset());
                    read.add(x.oracle());
                });
            } else if (p instanceof ProtocolSpec.CometLending c) {
                held.add(c.baseAsset());
                read.add(c.baseOracle());
                c.assets().forEach(x -> {
                    held.add(x.asset());
                    read.add(x.oracle());
                });
            } else if (p instanceof ProtocolSpec.CdpSystem c) {
                held.add(c.stablecoin());
                c.ilks().forEach(x -> {
                    held.add(x.collateral());
                    read.add(x.oracle());
                });
            } else if (p instanceof ProtocolSpec.StabilityPoolSystem s) {
                held.add(s.stablecoin());
                held.add(s.collateral());
                read.add(s.oracle());
            } else if (p instanceof ProtocolSpec.PerpExchange x) {
                held.add(x.settlementAsset());
                x.markets().forEach(m -> {
                    held.add(m.asset());
                    if (m.spotAsset() != null) {
                        held.add(m.spotAsset());
                    }
                    if (m.oracle() != null) {
                        read.add(m.oracle());
                    }
                });
            } else if (p instanceof ProtocolSpec.OptionsDealer d) {
                held.add(d.underlying());
                held.add(d.spotAsset());
                held.add(d.quoteAsset());
            }
            held.remove(null);
            assets.put(p.id(), held);
            feeds.put(p.id(), read);
        }
    }

    Set<AssetId> assets(ProtocolId p) {
        return assets.getOrDefault(p, Set.of());
    }

    Set<OracleId> feeds(ProtocolId p) {
        return feeds.getOrDefault(p, Set.of());
    }

    boolean holdsDirectly(ProtocolId p, AssetId shocked) {
        return assets(p).contains(shocked);
    }

    /**
     * The kinds of step from {@code asset} down to {@code shocked}, if it stands on it: each element is the kind of
     * one step (Bridged, LiquidStaking, Receipt); empty when the asset is the shocked one, absent when it does not
     * stand on it.
     */
    Optional<List<Class<?>>> standsOn(AssetId asset, AssetId shocked) {
        List<Class<?>> steps = new ArrayList<>();
        Asset a = byId.get(asset);
        for (int hops = 0; a != null && hops <= byId.size(); hops++) {
            if (a.id().equals(shocked)) {
                return Optional.of(steps);
            }
            AssetId up = null;
            if (a.kind() instanceof AssetKind.Bridged b) {
                up = b.origin();
            } else if (a.kind() instanceof AssetKind.LiquidStaking l) {
                up = l.underlying();
            } else if (a.kind() instanceof AssetKind.Receipt r) {
                up = r.redeemsFor();
            }
            if (up == null) {
                return Optional.empty();
            }
            steps.add(a.kind().getClass());
            a = byId.get(up);
        }
        return Optional.empty();
    }
}
