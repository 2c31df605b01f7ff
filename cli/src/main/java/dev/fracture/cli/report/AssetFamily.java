package dev.fracture.cli.report;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An asset and every asset that stands on it in a snapshot: bridged copies (their origin), liquid-staking tokens
 * (their underlying) and receipts (what they redeem for), followed any number of hops. These are the assets whose
 * prices a shock to the root carries (the engine's reference prices make a derived asset follow its parent, see
 * {@code ReferencePrices}).
 */
public final class AssetFamily {
    private final EcosystemSnapshot snapshot;
    private final AssetId root;
    private final List<AssetId> members;

    private AssetFamily(EcosystemSnapshot snapshot, AssetId root, List<AssetId> members) {
        this.snapshot = snapshot;
        this.root = root;
        this.members = List.copyOf(members);
    }

    /** The family of the asset that {@code asset} stands on at the end of its chain of parents. */
    public static AssetFamily around(EcosystemSnapshot snapshot, AssetId asset) {
        AssetId root = asset;
        for (int hops = 0; parent(snapshot, root).isPresent(); hops++) {
            if (hops > snapshot.assets().size()) {
                throw new IllegalArgumentException("asset derivation cycle through " + asset);
            }
            root = parent(snapshot, root).get();
        }
        List<AssetId> members = new ArrayList<>();
        members.add(root);
        for (int i = 0; i < members.size(); i++) {
            AssetId parent = members.get(i);
            snapshot.assets().stream()
                    .filter(a -> parent(snapshot, a.id()).filter(parent::equals).isPresent())
                    .map(Asset::id)
                    .sorted()
                    .forEach(members::add);
        }
        return new AssetFamily(snapshot, root, members);
    }

    /** The asset {@code id} stands on, if it stands on one. */
    public static Optional<AssetId> parent(EcosystemSnapshot snapshot, AssetId id) {
        AssetKind kind = snapshot.asset(id).map(Asset::kind).orElse(null);
        if (kind instanceof AssetKind.Bridged b) {
            return Optional.of(b.origin());
        }
        if (kind instanceof AssetKind.LiquidStaking l) {
            return Optional.of(l.underlying());
        }
        if (kind instanceof AssetKind.Receipt r) {
            return Optional.of(r.redeemsFor());
        }
        return Optional.empty();
    }

    /** The asset an oracle prices: a push feed's or TWAP's own, a delayed or fallback feed's (first) source's. */
    public static Optional<AssetId> pricedBy(EcosystemSnapshot snapshot, OracleId oracle) {
        Set<OracleId> seen = new LinkedHashSet<>();
        Optional<OracleSpec> spec = snapshot.oracle(oracle);
        while (spec.isPresent() && seen.add(spec.get().id())) {
            OracleSpec s = spec.get();
            if (s instanceof OracleSpec.Push p) {
                return Optional.of(p.asset());
            }
            if (s instanceof OracleSpec.Twap t) {
                return Optional.of(t.asset());
            }
            spec = s.sources().isEmpty() ? Optional.empty() : snapshot.oracle(s.sources().get(0));
        }
        return Optional.empty();
    }

    public AssetId root() {
        return root;
    }

    /** The root first, then each generation in id order. */
    public List<AssetId> members() {
        return members;
    }

    public boolean contains(AssetId id) {
        return members.contains(id);
    }

    EcosystemSnapshot snapshot() {
        return snapshot;
    }
}
