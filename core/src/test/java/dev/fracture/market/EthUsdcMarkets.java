package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Markets of ETH and USDC on one chain (ETH at 2,000 USD, a 20 gwei base fee) with the venues a test lists: the
 * fixtures of the split's tests, whose optima are worked by hand over a few pools and books.
 */
final class EthUsdcMarkets {
    static final ChainId CHAIN = ChainId.of("ethereum");
    static final AssetId ETH = AssetId.of("ETH");
    static final AssetId USDC = AssetId.of("USDC");

    private EthUsdcMarkets() {
    }

    static Market market(List<VenueSpec> venues) {
        List<Chain> chains = List.of(new Chain(CHAIN, "Ethereum", 12, ETH, new GasPriceModel(20, 0, 0.125)));
        List<Asset> assets = List.of(new Asset(ETH, CHAIN, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(USDC, CHAIN, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
        return Market.of(new EcosystemSnapshot("eth-usdc-test", Instant.parse("2025-01-01T00:00:00Z"), chains,
                assets, List.of(), venues), MathMode.FAST);
    }

    /** A constant-product pool of {@code eth} ETH and {@code usdc} USDC. */
    static VenueSpec pool(String id, String eth, String usdc, int feePips) {
        return new VenueSpec.ConstantProduct(VenueId.of(id), CHAIN, ETH, USDC, new BigDecimal(eth),
                new BigDecimal(usdc), feePips);
    }

    /** A fee-free book whose bids are {price, size} pairs, with one ask far above (a book needs both sides). */
    static VenueSpec book(String id, double[][] bids) {
        List<VenueSpec.BookLevel> levels = new ArrayList<>();
        for (double[] b : bids) {
            levels.add(new VenueSpec.BookLevel(BigDecimal.valueOf(b[0]), BigDecimal.valueOf(b[1])));
        }
        return new VenueSpec.OrderBook(VenueId.of(id), CHAIN, ETH, USDC, levels,
                List.of(new VenueSpec.BookLevel(new BigDecimal("2100"), BigDecimal.ONE)), 0);
    }
}
