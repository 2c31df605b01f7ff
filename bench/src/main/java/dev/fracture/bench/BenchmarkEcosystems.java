package dev.fracture.bench;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of ecosystems of a given size, for benchmarks. The same seed gives the same ecosystem.
 */
public final class BenchmarkEcosystems {
    public static final AssetId ETH = AssetId.of("ETH");
    public static final AssetId USDC = AssetId.of("USDC");
    private static final double ETH_USD = 2000;

    private BenchmarkEcosystems() {
    }

    /**
     * {@code venues} ETH/USDC venues spread round-robin over {@code chains} chains (Uniswap v2 pairs, v3 pools with
     * several positions, and order books in turn), ETH and USDC bridged from the first chain to each other one.
     */
    public static EcosystemSnapshot routing(int venues, int chains, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Chain> chainList = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        List<Bridge> bridges = new ArrayList<>();
        ChainId home = ChainId.of("chain-0");
        for (int c = 0; c < chains; c++) {
            ChainId id = ChainId.of("chain-" + c);
            AssetId gas = c == 0 ? ETH : AssetId.of("GAS-" + c);
            chainList.add(new Chain(id, "Chain " + c, c == 0 ? 12 : 2, gas, new GasPriceModel(c == 0 ? 20 : 0.05, 1, 0.125)));
            if (c == 0) {
                assets.add(new Asset(ETH, id, "ETH", 18, new AssetKind.Native(), ETH_USD));
                assets.add(new Asset(USDC, id, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
            } else {
                BridgeId bridge = BridgeId.of("bridge-0-" + c);
                bridges.add(new Bridge(bridge, home, id, 120 + 60 * c, 50_000_000, 5, BridgeStatus.OPEN));
                assets.add(new Asset(gas, id, "ETH", 18, new AssetKind.Native(), ETH_USD));
                assets.add(new Asset(eth(c), id, "WETH", 18, new AssetKind.Bridged(ETH, bridge, BigDecimal.ONE), ETH_USD));
                assets.add(new Asset(usdc(c), id, "USDC", 6, new AssetKind.Bridged(USDC, bridge, BigDecimal.ONE), 1));
            }
        }
        List<VenueSpec> specs = new ArrayList<>();
        for (int v = 0; v < venues; v++) {
            int c = v % chains;
            ChainId chain = ChainId.of("chain-" + c);
            AssetId eth = c == 0 ? ETH : eth(c);
            AssetId usd = c == 0 ? USDC : usdc(c);
            double price = ETH_USD * (1 + 0.002 * (rnd.nextDouble() - 0.5));
            double ethReserve = 500 + rnd.nextDouble() * 5000;
            VenueId id = VenueId.of("venue-" + v);
            switch (v % 3) {
                case 0 -> specs.add(new VenueSpec.ConstantProduct(id, chain, eth, usd, decimal(ethReserve, 6),
                        decimal(ethReserve * price, 6), 3000));
                case 1 -> specs.add(concentrated(id, chain, eth, usd, price, ethReserve, rnd));
                default -> specs.add(book(id, chain, eth, usd, price, ethReserve, rnd));
            }
        }
        return new EcosystemSnapshot("routing-" + venues + "x" + chains, Instant.parse("2025-01-01T00:00:00Z"),
                chainList, assets, bridges, specs);
    }

    static AssetId eth(int chain) {
        return AssetId.of("WETH-" + chain);
    }

    static AssetId usdc(int chain) {
        return AssetId.of("USDC-" + chain);
    }

    private static BigDecimal decimal(double x, int scale) {
        return ShortestDecimal.of(x).setScale(scale, RoundingMode.DOWN);
    }

    /**
     * A v3 pool of WETH (token0, 18 decimals) against USDC (token1, 6 decimals) at {@code price} USDC per ETH: five
     * positions of growing width around the current tick, as liquidity providers tend to place them.
     */
    private static VenueSpec concentrated(VenueId id, ChainId chain, AssetId eth, AssetId usd, double price,
                                          double ethReserve, SplittableRandom rnd) {
        int spacing = 10;
        double rawPrice = price * 1e6 / 1e18;
        BigInteger sqrtPriceX96 = new BigDecimal(rawPrice).sqrt(MathContext.DECIMAL128)
                .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(96))).toBigInteger();
        int tick = (int) Math.floor(Math.log(rawPrice) / Math.log(1.0001));
        int base = Math.floorDiv(tick, spacing) * spacing;
        // v2-equivalent liquidity sqrt(x·y) in integer units, concentrated several-fold in the narrow ranges.
        double v2Liquidity = Math.sqrt(ethReserve * 1e18 * ethReserve * price * 1e6);
        List<VenueSpec.LiquidityPosition> positions = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            int half = spacing * (int) Math.pow(3, k);
            double share = v2Liquidity * (2.5 / k) * (0.8 + 0.4 * rnd.nextDouble());
            positions.add(new VenueSpec.LiquidityPosition(base - half, base + half,
                    ShortestDecimal.of(share).toBigInteger()));
        }
        return new VenueSpec.ConcentratedLiquidity(id, chain, eth, usd, 500, spacing, sqrtPriceX96, positions);
    }

    /** An order book with 50 levels a side, 10 bps apart, sizes growing away from the touch. */
    private static VenueSpec book(VenueId id, ChainId chain, AssetId eth, AssetId usd, double price, double ethReserve,
                                  SplittableRandom rnd) {
        List<VenueSpec.BookLevel> bids = new ArrayList<>();
        List<VenueSpec.BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double size = ethReserve / 200 * (1 + i * 0.1) * (0.5 + rnd.nextDouble());
            bids.add(new VenueSpec.BookLevel(decimal(price * (1 - 0.0005 - 0.001 * i), 2), decimal(size, 4)));
            asks.add(new VenueSpec.BookLevel(decimal(price * (1 + 0.0005 + 0.001 * i), 2), decimal(size, 4)));
        }
        return new VenueSpec.OrderBook(id, chain, eth, usd, bids, asks, 200);
    }
}
