package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Assets and venues for the venue tests. */
final class Fixtures {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final BigInteger WAD = BigInteger.TEN.pow(18);

    private Fixtures() {
    }

    static Asset asset(String symbol, int decimals) {
        return new Asset(AssetId.of(symbol), ETHEREUM, symbol, decimals, new AssetKind.Token(), 1.0);
    }

    /** A pair holding reserves given in integer units. */
    static ConstantProductPool pair(Asset t0, Asset t1, BigInteger units0, BigInteger units1, int feePips,
                                    MathMode mode) {
        VenueSpec.ConstantProduct spec = new VenueSpec.ConstantProduct(VenueId.of("pair"), ETHEREUM, t0.id(), t1.id(),
                new BigDecimal(units0, t0.decimals()), new BigDecimal(units1, t1.decimals()), feePips);
        return ConstantProductPool.of(spec, t0, t1, mode);
    }

    static ConstantProductPool pair(double reserve0, double reserve1, int feePips, MathMode mode) {
        Asset t0 = asset("WETH", 18);
        Asset t1 = asset("USDC", 6);
        VenueSpec.ConstantProduct spec = new VenueSpec.ConstantProduct(VenueId.of("pair"), ETHEREUM, t0.id(), t1.id(),
                BigDecimal.valueOf(reserve0), BigDecimal.valueOf(reserve1).setScale(6, RoundingMode.FLOOR),
                feePips);
        return ConstantProductPool.of(spec, t0, t1, mode);
    }

    /** A StableSwap pool with balances in integer units of coins with the given decimals. */
    static StableSwapPool stable(int[] decimals, BigInteger[] units, long amp, long fee, MathMode mode) {
        List<Asset> coins = new ArrayList<>();
        List<BigDecimal> balances = new ArrayList<>();
        for (int k = 0; k < decimals.length; k++) {
            coins.add(asset("C" + k, decimals[k]));
            balances.add(new BigDecimal(units[k], decimals[k]));
        }
        VenueSpec.StableSwap spec = new VenueSpec.StableSwap(VenueId.of("curve"), ETHEREUM,
                coins.stream().map(Asset::id).toList(), balances, amp, fee);
        return StableSwapPool.of(spec, coins, mode);
    }

    static AssetId coin(int k) {
        return AssetId.of("C" + k);
    }

    static VenueSpec.BookLevel level(String price, String size) {
        return new VenueSpec.BookLevel(new BigDecimal(price), new BigDecimal(size));
    }

    static OrderBook book(List<VenueSpec.BookLevel> bids, List<VenueSpec.BookLevel> asks, int takerFeePips) {
        Asset base = asset("ETH", 18);
        Asset quote = asset("USD", 6);
        return OrderBook.of(new VenueSpec.OrderBook(VenueId.of("book"), ETHEREUM, base.id(), quote.id(), bids, asks,
                takerFeePips), base, quote);
    }
}
