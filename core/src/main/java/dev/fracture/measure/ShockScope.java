package dev.fracture.measure;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.EcosystemSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The assets a price shock to {@code asset} moves: the asset itself and every asset that stands on it through a chain
 * of {@link AssetKind.Bridged#origin}, {@link AssetKind.LiquidStaking#underlying} or
 * {@link AssetKind.Receipt#redeemsFor} links — WETH bridged to Arbitrum, stETH and wstETH, aTokens all fall with ETH.
 * They move by the same fraction, keeping the ratio the snapshot's reference prices give them, as the cascade engine
 * moves an asset a scenario does not drive ({@code dev.fracture.engine.BasePrices#drives}). Shocking a derived asset
 * (a stETH depeg) moves it and what stands on it, not its underlying.
 *
 * @param moved the shocked asset first, then the others in snapshot order
 */
public record ShockScope(AssetId asset, double referencePriceUsd, Set<AssetId> moved) {
    public ShockScope {
        moved = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(moved));
    }

    /**
     * The scope of a shock to {@code asset}.
     *
     * @throws IllegalArgumentException when the snapshot has no such asset, naming the assets it has
     */
    public static ShockScope of(EcosystemSnapshot snapshot, AssetId asset) {
        if (asset == null) {
            throw new IllegalArgumentException("asset: is required");
        }
        Asset shocked = snapshot.asset(asset).orElseThrow(() -> new IllegalArgumentException("asset '" + asset
                + "': unknown in ecosystem '" + snapshot.name() + "' (it has: "
                + String.join(", ", snapshot.assets().stream().map(a -> a.id().value()).toList()) + ")"));
        Set<AssetId> moved = new LinkedHashSet<>();
        moved.add(asset);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Asset a : snapshot.assets()) {
                AssetId parent = parent(a);
                if (parent != null && moved.contains(parent) && moved.add(a.id())) {
                    grew = true;
                }
            }
        }
        return new ShockScope(asset, shocked.referencePriceUsd(), moved);
    }

    /** Whether {@code a} moves with the shock. */
    public boolean moves(AssetId a) {
        return moved.contains(a);
    }

    /** The assets that move, as a list (shocked asset first). */
    public List<AssetId> movedList() {
        return List.copyOf(moved);
    }

    /** The asset {@code a} stands on, or null for a native asset, a plain token or a stablecoin. */
    static AssetId parent(Asset a) {
        if (a.kind() instanceof AssetKind.Bridged b) {
            return b.origin();
        }
        if (a.kind() instanceof AssetKind.LiquidStaking l) {
            return l.underlying();
        }
        if (a.kind() instanceof AssetKind.Receipt r) {
            return r.redeemsFor();
        }
        return null;
    }
}
