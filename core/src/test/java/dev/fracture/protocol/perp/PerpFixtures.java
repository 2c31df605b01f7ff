package dev.fracture.protocol.perp;

import dev.fracture.market.OrderBook;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Markets, books and accounts for the perp tests. */
final class PerpFixtures {
    static final ChainId VENUE_CHAIN = ChainId.of("hyperliquid");

    private PerpFixtures() {
    }

    /** A single-tier market without partial liquidation: every liquidation order is the whole position. */
    static PerpMarket flat(String id, double maxLeverage) {
        return new PerpMarket(id, List.of(new MarginTier(0, maxLeverage)), Double.MAX_VALUE, 1, 2.0 / 3);
    }

    /** A book of {@code base}-PERP against USD; levels as (price, size) pairs, best first. */
    static OrderBook book(String base, double[][] bids, double[][] asks, int takerFeePips) {
        Asset b = new Asset(AssetId.of(base + "-PERP"), VENUE_CHAIN, base + "-PERP", 18, new AssetKind.Token(), 1.0);
        Asset q = new Asset(AssetId.of("USD"), VENUE_CHAIN, "USD", 6, new AssetKind.Token(), 1.0);
        return OrderBook.of(new VenueSpec.OrderBook(VenueId.of(base + "-book"), VENUE_CHAIN, b.id(), q.id(),
                levels(bids), levels(asks), takerFeePips), b, q);
    }

    private static List<VenueSpec.BookLevel> levels(double[][] rows) {
        List<VenueSpec.BookLevel> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(new VenueSpec.BookLevel(BigDecimal.valueOf(r[0]), BigDecimal.valueOf(r[1])));
        }
        return out;
    }

    static PerpAccount account(String id, double collateral, PerpPosition... positions) {
        return new PerpAccount(AccountId.of(id), collateral, List.of(positions));
    }
}
