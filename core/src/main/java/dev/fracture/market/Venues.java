package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds the live venue for a venue spec, with the assets it trades looked up in the snapshot. */
public final class Venues {
    private Venues() {
    }

    /**
     * A new venue in the spec's state. Order books have no integer mode (prices and sizes are already exact
     * decimals matched level by level), so {@code mode} does not apply to them.
     */
    public static Venue of(VenueSpec spec, EcosystemSnapshot snapshot, MathMode mode) {
        if (spec instanceof VenueSpec.ConstantProduct cp) {
            return ConstantProductPool.of(cp, asset(snapshot, cp.token0(), spec), asset(snapshot, cp.token1(), spec), mode);
        }
        if (spec instanceof VenueSpec.ConcentratedLiquidity cl) {
            return ConcentratedLiquidityPool.of(cl, asset(snapshot, cl.token0(), spec), asset(snapshot, cl.token1(), spec),
                    mode);
        }
        if (spec instanceof VenueSpec.StableSwap ss) {
            List<Asset> coins = new ArrayList<>();
            ss.coins().forEach(c -> coins.add(asset(snapshot, c, spec)));
            return StableSwapPool.of(ss, coins, mode);
        }
        if (spec instanceof VenueSpec.Wrapper w) {
            return WrapperVenue.of(w, asset(snapshot, w.wrapped(), spec), asset(snapshot, w.underlying(), spec), mode);
        }
        VenueSpec.OrderBook ob = (VenueSpec.OrderBook) spec;
        return OrderBook.of(ob, asset(snapshot, ob.base(), spec), asset(snapshot, ob.quote(), spec));
    }

    private static Asset asset(EcosystemSnapshot snapshot, AssetId id, VenueSpec venue) {
        return snapshot.assets().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("venue " + venue.id() + ": asset '" + id
                        + "' is not in ecosystem '" + snapshot.name() + "'"));
    }
}
