package dev.fracture.engine;

import dev.fracture.agent.SaleQuotes;
import dev.fracture.market.Market;
import dev.fracture.model.AssetId;
import java.util.function.LongSupplier;

/**
 * Quotes for the verdicts' tests: the verdicts read only the state of the venues a pair's quotes read
 * ({@link SaleQuotes#stateVersion}), never a quote, so asking for one fails the test.
 */
final class StateOnlyQuotes implements SaleQuotes {
    private final LongSupplier version;

    StateOnlyQuotes(LongSupplier version) {
        this.version = version;
    }

    @Override
    public double proceeds(Market market, AssetId in, AssetId out, double amount) {
        throw new AssertionError("verdicts read the quotes' state only");
    }

    @Override
    public long stateVersion(Market market, AssetId in, AssetId out) {
        return version.getAsLong();
    }
}
