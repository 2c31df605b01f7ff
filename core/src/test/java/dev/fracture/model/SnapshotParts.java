package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of a small valid two-chain snapshot, in mutable lists so a test can break exactly one thing and check
 * that exactly one violation comes back.
 */
final class SnapshotParts {
    static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    String name = "test";
    Instant asOf = Instant.parse("2025-06-01T00:00:00Z");
    final List<Chain> chains = new ArrayList<>(List.of(
            new Chain(ChainId.of("ethereum"), "Ethereum", 12, AssetId.of("eth"), GasPriceModel.of(10, 1)),
            new Chain(ChainId.of("arbitrum"), "Arbitrum One", 0.25, AssetId.of("eth-arb"),
                    GasPriceModel.of(0.01, 0))));
    final List<Asset> assets = new ArrayList<>(List.of(
            asset("eth", "ethereum", "ETH", 18, new AssetKind.Native(), 3000),
            asset("usdc", "ethereum", "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
            asset("dai", "ethereum", "DAI", 18, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
            asset("eth-arb", "arbitrum", "ETH", 18, new AssetKind.Native(), 3000),
            asset("weth-arb", "arbitrum", "WETH", 18,
                    new AssetKind.Bridged(AssetId.of("eth"), BridgeId.of("arb-bridge"), BigDecimal.ONE), 3000),
            asset("usdc-arb", "arbitrum", "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1),
            asset("wsteth", "ethereum", "wstETH", 18,
                    new AssetKind.LiquidStaking(AssetId.of("eth"), new BigDecimal("1.2")), 3600),
            asset("aweth", "ethereum", "aEthWETH", 18,
                    new AssetKind.Receipt(AssetId.of("eth"), BigDecimal.ONE, ProtocolId.of("aave-v3")), 3000)));
    final List<Bridge> bridges = new ArrayList<>(List.of(
            new Bridge(BridgeId.of("arb-bridge"), ChainId.of("ethereum"), ChainId.of("arbitrum"), 900, 1e7, 5,
                    BridgeStatus.OPEN)));
    final List<VenueSpec> venues = new ArrayList<>(List.of(
            constantProduct("1000", "3000000"),
            concentratedLiquidity(10, Q96.multiply(BigInteger.valueOf(18257)),
                    List.of(position(195_000, 197_000, "1000000000000000000"))),
            stableSwap(List.of("usdc", "dai"), List.of("1000000", "1000000"), 2000, 1_000_000),
            orderBook(List.of(level("3000", "1"), level("2999", "2")), List.of(level("3001", "1"), level("3002", "2")))));

    static Asset asset(String id, String chain, String symbol, int decimals, AssetKind kind, double price) {
        return new Asset(AssetId.of(id), ChainId.of(chain), symbol, decimals, kind, price);
    }

    static VenueSpec.ConstantProduct constantProduct(String reserve0, String reserve1) {
        return new VenueSpec.ConstantProduct(VenueId.of("uni-v2"), ChainId.of("ethereum"), AssetId.of("eth"),
                AssetId.of("usdc"), new BigDecimal(reserve0), new BigDecimal(reserve1), 3000);
    }

    static VenueSpec.ConcentratedLiquidity concentratedLiquidity(int tickSpacing, BigInteger sqrtPriceX96,
                                                                 List<VenueSpec.LiquidityPosition> positions) {
        return new VenueSpec.ConcentratedLiquidity(VenueId.of("uni-v3"), ChainId.of("ethereum"), AssetId.of("usdc"),
                AssetId.of("eth"), 500, tickSpacing, sqrtPriceX96, positions);
    }

    static VenueSpec.LiquidityPosition position(int lower, int upper, String liquidity) {
        return new VenueSpec.LiquidityPosition(lower, upper, new BigInteger(liquidity));
    }

    static VenueSpec.StableSwap stableSwap(List<String> coins, List<String> balances, long a, long fee) {
        return new VenueSpec.StableSwap(VenueId.of("curve"), ChainId.of("ethereum"),
                coins.stream().map(AssetId::of).toList(), balances.stream().map(BigDecimal::new).toList(), a, fee);
    }

    static VenueSpec.OrderBook orderBook(List<VenueSpec.BookLevel> bids, List<VenueSpec.BookLevel> asks) {
        return new VenueSpec.OrderBook(VenueId.of("book"), ChainId.of("arbitrum"), AssetId.of("eth-arb"),
                AssetId.of("usdc-arb"), bids, asks, 250);
    }

    static VenueSpec.BookLevel level(String price, String size) {
        return new VenueSpec.BookLevel(new BigDecimal(price), new BigDecimal(size));
    }

    List<Violation> validate() {
        return SnapshotValidator.DEFAULT.validate(name, asOf, chains, assets, bridges, venues);
    }

    EcosystemSnapshot build() {
        return new EcosystemSnapshot(name, asOf, chains, assets, bridges, venues);
    }
}
