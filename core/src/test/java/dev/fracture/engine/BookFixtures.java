package dev.fracture.engine;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Small ecosystems for the protocol books: one chain with 12 s blocks and a 10 gwei base fee, ETH at $2,000 and one
 * stablecoin at $1, one fee-free constant-product pool of 10,000 ETH against 20,000,000 of the stablecoin, and push
 * feeds that follow the reference at once (a step beyond their 0.5% / 0.25% deviation thresholds).
 */
final class BookFixtures {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final AssetId ETH = AssetId.of("ETH");
    static final OracleId ETH_USD = OracleId.of("eth-usd");

    private BookFixtures() {
    }

    static EcosystemSnapshot ecosystem(AssetId stable, int stableDecimals, ProtocolSpec protocol) {
        OracleId stableOracle = stableOracle(stable);
        return new EcosystemSnapshot("book-test", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(stable, ETHEREUM, stable.value().toUpperCase(), stableDecimals,
                                new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, stable,
                        new BigDecimal("10000"), new BigDecimal("20000000"), 0)),
                List.of(new OracleSpec.Push(ETH_USD, ETH, "USD", 3600, 50, 8, 0),
                        new OracleSpec.Push(stableOracle, stable, "USD", 86_400, 25, 8, 0)),
                List.of(protocol));
    }

    static OracleId stableOracle(AssetId stable) {
        return OracleId.of(stable.value() + "-usd");
    }

    /** ETH at $2,000 until {@code at} seconds, then at {@code to}; everything else at $1. */
    static BasePrices step(long at, double to) {
        return (a, t) -> a.equals(ETH) ? (t >= at ? to : 2000) : 1;
    }
}
