package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of a small valid two-chain snapshot, in mutable lists so a test can break exactly one thing and check
 * that exactly one violation comes back. On Ethereum it holds an Aave pool, a Morpho market, a Comet market, a Maker
 * ETH-A ilk and a Liquity system with one position each, and the feeds they read (ETH at 3000 USD).
 */
public final class SnapshotParts {
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

    final List<OracleSpec> oracles = new ArrayList<>(List.of(
            push("eth-usd", "eth", 3600, 50),
            push("usdc-usd", "usdc", 86400, 25),
            push("dai-usd", "dai", 3600, 25),
            push("wsteth-usd", "wsteth", 86400, 50),
            new OracleSpec.Twap(OracleId.of("eth-twap"), AssetId.of("eth"), VenueId.of("uni-v3"), 1800),
            new OracleSpec.Delayed(OracleId.of("eth-osm"), OracleId.of("eth-usd"), 3600),
            new OracleSpec.Fallback(OracleId.of("eth-fallback"), OracleId.of("eth-usd"), OracleId.of("eth-twap"),
                    14_400, 14_400, 0.5, 0.05)));
    final List<ProtocolSpec> protocols = new ArrayList<>(List.of(aave(), morpho(), comet(), maker(), liquity()));

    static OracleSpec.Push push(String id, String asset, long heartbeat, int deviationBps) {
        return new OracleSpec.Push(OracleId.of(id), AssetId.of(asset), "USD", heartbeat, deviationBps, 8, 0);
    }

    static BigInteger wad(String decimal) {
        return new BigDecimal(decimal).movePointRight(18).toBigIntegerExact();
    }

    static BigInteger ray(String decimal) {
        return new BigDecimal(decimal).movePointRight(27).toBigIntegerExact();
    }

    static ProtocolSpec.Balance balance(String asset, String amount) {
        return new ProtocolSpec.Balance(AssetId.of(asset), new BigDecimal(amount));
    }

    static ProtocolSpec.PooledLending.Reserve reserve(String asset, String oracle, int ltv, int lt, int bonus,
                                                      int eMode) {
        return new ProtocolSpec.PooledLending.Reserve(AssetId.of(asset), OracleId.of(oracle), ltv, lt, bonus, 1000,
                0, 0, 0, false, eMode);
    }

    static ProtocolSpec.PooledLending.Account aaveAccount(String id, int eMode, String collateral, String amount,
                                                          String debt, String debtAmount) {
        return new ProtocolSpec.PooledLending.Account(AccountId.of(id), eMode,
                List.of(new ProtocolSpec.PooledLending.Supply(AssetId.of(collateral), new BigDecimal(amount), true)),
                List.of(balance(debt, debtAmount)));
    }

    static ProtocolSpec.PooledLending aave() {
        return aave(List.of(reserve("eth", "eth-usd", 8050, 8300, 10500, 1),
                        reserve("usdc", "usdc-usd", 7500, 7800, 10450, 0),
                        reserve("wsteth", "wsteth-usd", 7850, 8100, 10600, 1)),
                List.of(aaveAccount("alice", 0, "eth", "10", "usdc", "15000.5")));
    }

    static ProtocolSpec.PooledLending aave(List<ProtocolSpec.PooledLending.Reserve> reserves,
                                           List<ProtocolSpec.PooledLending.Account> accounts) {
        return new ProtocolSpec.PooledLending(ProtocolId.of("aave"), ChainId.of("ethereum"), reserves,
                List.of(new ProtocolSpec.PooledLending.EModeCategory(1, 9300, 9500, 10100)), accounts);
    }

    static ProtocolSpec.IsolatedLending morpho() {
        return morpho(wad("0.86"), "1000000", new ProtocolSpec.IsolatedLending.Position(AccountId.of("bob"),
                new BigDecimal("10"), new BigDecimal("20000")));
    }

    static ProtocolSpec.IsolatedLending morpho(BigInteger lltv, String totalSupply,
                                               ProtocolSpec.IsolatedLending.Position position) {
        return new ProtocolSpec.IsolatedLending(ProtocolId.of("morpho"), ChainId.of("ethereum"), List.of(
                new ProtocolSpec.IsolatedLending.Market("wsteth-usdc", AssetId.of("usdc"), AssetId.of("wsteth"), lltv,
                        OracleId.of("wsteth-usd"), new BigDecimal(totalSupply), List.of(position))));
    }

    static ProtocolSpec.CometLending comet() {
        return comet(wad("0.825"), wad("0.895"), balance("eth", "5"));
    }

    static ProtocolSpec.CometLending comet(BigInteger borrowCf, BigInteger liquidateCf, ProtocolSpec.Balance held) {
        return new ProtocolSpec.CometLending(ProtocolId.of("comet"), ChainId.of("ethereum"), AssetId.of("usdc"),
                OracleId.of("usdc-usd"), wad("0.6"), new BigDecimal("-120.5"), new BigDecimal("5000000"),
                List.of(new ProtocolSpec.CometLending.Collateral(AssetId.of("eth"), OracleId.of("eth-usd"), borrowCf,
                        liquidateCf, wad("0.95"), new BigDecimal("100000"))),
                List.of(new ProtocolSpec.CometLending.Account(AccountId.of("carol"), new BigDecimal("-10000"),
                        List.of(held))));
    }

    static ProtocolSpec.CdpSystem.Ilk ethA(BigInteger mat, BigInteger chop, ProtocolSpec.CdpSystem.Clipper clipper) {
        return new ProtocolSpec.CdpSystem.Ilk("ETH-A", AssetId.of("eth"), OracleId.of("eth-osm"), mat,
                ray("1.000000000627937192491029810"), ray("1.05"), new BigDecimal("7500"), new BigDecimal("1000000000"),
                new BigDecimal("40000000"), chop, clipper);
    }

    static ProtocolSpec.CdpSystem.Clipper clipper(BigInteger buf, BigInteger cusp, ProtocolSpec.CdpSystem.Calc calc) {
        return new ProtocolSpec.CdpSystem.Clipper(buf, 8400, cusp, wad("0.001"), new BigDecimal("250"), calc);
    }

    static ProtocolSpec.CdpSystem maker() {
        return maker(ethA(ray("1.45"), wad("1.13"), clipper(ray("1.2"), ray("0.4"),
                new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(90, ray("0.99")))),
                new ProtocolSpec.CdpSystem.Vault(AccountId.of("dave"), "ETH-A", new BigDecimal("100"),
                        new BigDecimal("150000")));
    }

    static ProtocolSpec.CdpSystem maker(ProtocolSpec.CdpSystem.Ilk ilk, ProtocolSpec.CdpSystem.Vault vault) {
        return new ProtocolSpec.CdpSystem(ProtocolId.of("maker"), ChainId.of("ethereum"), AssetId.of("dai"),
                new BigDecimal("100000000"), List.of(ilk), List.of(vault));
    }

    static ProtocolSpec.StabilityPoolSystem liquity() {
        return liquity(wad("1.1"), wad("1.5"), "eth-fallback");
    }

    static ProtocolSpec.StabilityPoolSystem liquity(BigInteger mcr, BigInteger ccr, String oracle) {
        return new ProtocolSpec.StabilityPoolSystem(ProtocolId.of("liquity"), ChainId.of("ethereum"),
                AssetId.of("dai"), AssetId.of("eth"), OracleId.of(oracle), mcr, ccr, new BigDecimal("200"), 200,
                new BigDecimal("1000000"), List.of(new ProtocolSpec.StabilityPoolSystem.Trove(AccountId.of("erin"),
                new BigDecimal("10"), new BigDecimal("20000"))));
    }

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

    /** The valid fixture, for tests of the converters in other packages. */
    public static EcosystemSnapshot valid() {
        return new SnapshotParts().build();
    }

    List<Violation> validate() {
        return SnapshotValidator.DEFAULT.validate(name, asOf, chains, assets, bridges, venues, oracles, protocols);
    }

    EcosystemSnapshot build() {
        return new EcosystemSnapshot(name, asOf, chains, assets, bridges, venues, oracles, protocols);
    }
}
