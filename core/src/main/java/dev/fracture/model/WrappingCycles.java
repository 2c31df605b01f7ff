package dev.fracture.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds assets that, through their liquid-staking, bridged or receipt references, end up standing on themselves.
 * Such a snapshot has no native asset at the bottom of the chain, so no price or redemption value could be derived
 * for it. Each asset references at most one other, so following references from any asset either ends or loops.
 */
final class WrappingCycles {
    private WrappingCycles() {
    }

    static void report(List<Asset> assets, SnapshotIndex index, ViolationSink sink) {
        Set<AssetId> reported = new HashSet<>();
        for (Asset start : assets) {
            if (start == null || start.id() == null || reported.contains(start.id())) {
                continue;
            }
            List<AssetId> walk = new ArrayList<>();
            AssetId current = start.id();
            while (current != null && !walk.contains(current) && !reported.contains(current)) {
                walk.add(current);
                current = reference(index.assets().get(current));
            }
            if (current == null || reported.contains(current)) {
                continue;
            }
            List<AssetId> cycle = new ArrayList<>(walk.subList(walk.indexOf(current), walk.size()));
            reported.addAll(cycle);
            AssetId first = firstDefined(cycle, index);
            sink.add(pathOf(first, index), "wrapping cycle " + describe(cycle, first));
        }
    }

    private static AssetId firstDefined(List<AssetId> cycle, SnapshotIndex index) {
        AssetId first = cycle.get(0);
        for (AssetId id : cycle) {
            if (index.assetPosition(id) < index.assetPosition(first)) {
                first = id;
            }
        }
        return first;
    }

    /** The cycle written from its first-defined asset back to itself: {@code a -> b -> a}. */
    private static String describe(List<AssetId> cycle, AssetId from) {
        int start = cycle.indexOf(from);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k <= cycle.size(); k++) {
            if (k > 0) {
                text.append(" -> ");
            }
            text.append(cycle.get((start + k) % cycle.size()));
        }
        return text.toString();
    }

    private static String pathOf(AssetId id, SnapshotIndex index) {
        Asset asset = index.assets().get(id);
        return "assets[" + index.assetPosition(id) + "].kind." + referenceField(asset.kind());
    }

    private static AssetId reference(Asset asset) {
        if (asset == null) {
            return null;
        }
        AssetKind kind = asset.kind();
        if (kind instanceof AssetKind.LiquidStaking ls) {
            return ls.underlying();
        } else if (kind instanceof AssetKind.Bridged b) {
            return b.origin();
        } else if (kind instanceof AssetKind.Receipt r) {
            return r.redeemsFor();
        }
        return null;
    }

    private static String referenceField(AssetKind kind) {
        if (kind instanceof AssetKind.LiquidStaking) {
            return "underlying";
        } else if (kind instanceof AssetKind.Bridged) {
            return "origin";
        }
        return "redeemsFor";
    }
}
