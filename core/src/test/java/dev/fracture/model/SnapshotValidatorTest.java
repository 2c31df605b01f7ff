package dev.fracture.model;

import static dev.fracture.model.SnapshotParts.asset;
import static dev.fracture.model.SnapshotParts.concentratedLiquidity;
import static dev.fracture.model.SnapshotParts.constantProduct;
import static dev.fracture.model.SnapshotParts.level;
import static dev.fracture.model.SnapshotParts.orderBook;
import static dev.fracture.model.SnapshotParts.position;
import static dev.fracture.model.SnapshotParts.stableSwap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotValidatorTest {

    private static final BigInteger Q96 = SnapshotParts.Q96;
    private static final BigInteger SQRT_PRICE = Q96.multiply(BigInteger.valueOf(18257));

    @Test
    void fixtureIsValid() {
        assertThat(new SnapshotParts().validate()).isEmpty();
        assertThat(new SnapshotParts().build().assets()).hasSize(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSnapshots")
    void reportsTheBrokenRuleAtItsPath(String rule, Consumer<SnapshotParts> breakIt, String path, String message) {
        SnapshotParts parts = new SnapshotParts();
        breakIt.accept(parts);
        assertThat(parts.validate()).containsExactly(new Violation(path, message));
    }

    private static Arguments broken(String rule, Consumer<SnapshotParts> breakIt, String path, String message) {
        return Arguments.of(rule, breakIt, path, message);
    }

    static Stream<Arguments> brokenSnapshots() {
        return Stream.of(
                // required fields
                broken("blank name", p -> p.name = " ", "name", "must not be blank"),
                broken("missing asOf", p -> p.asOf = null, "asOf", "is required"),
                broken("missing asset chain", p -> p.assets.set(1,
                                new Asset(AssetId.of("usdc"), null, "USDC", 6, stable(), 1)),
                        "assets[1].chain", "is required"),
                broken("missing asset kind", p -> p.assets.set(1,
                                new Asset(AssetId.of("usdc"), ChainId.of("ethereum"), "USDC", 6, null, 1)),
                        "assets[1].kind", "is required"),
                broken("blank symbol", p -> p.assets.set(1, asset("usdc", "ethereum", "", 6, stable(), 1)),
                        "assets[1].symbol", "must not be blank"),
                broken("missing chain gas", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"), "Arbitrum One",
                                0.25, AssetId.of("eth-arb"), null)),
                        "chains[1].gas", "is required"),
                broken("missing bridge status", p -> p.bridges.set(0, new Bridge(BridgeId.of("arb-bridge"),
                                ChainId.of("ethereum"), ChainId.of("arbitrum"), 900, 1e7, 5, null)),
                        "bridges[0].status", "is required"),
                broken("missing receipt issuer", p -> p.assets.set(7, asset("aweth", "ethereum", "aEthWETH", 18,
                                new AssetKind.Receipt(AssetId.of("eth"), BigDecimal.ONE, null), 3000)),
                        "assets[7].kind.issuer", "is required"),
                broken("missing reserve", p -> p.venues.set(0, new VenueSpec.ConstantProduct(VenueId.of("uni-v2"),
                                ChainId.of("ethereum"), AssetId.of("eth"), AssetId.of("usdc"), null, BigDecimal.ONE,
                                3000)),
                        "venues[0].reserve0", "is required"),
                broken("missing positions", p -> p.venues.set(1, concentratedLiquidity(10, SQRT_PRICE, null)),
                        "venues[1].positions", "is required"),
                broken("missing list entry", p -> p.bridges.add(null), "bridges[1]", "is required"),
                broken("blank chain name", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"), " ", 0.25,
                                AssetId.of("eth-arb"), GasPriceModel.of(0.01, 0))),
                        "chains[1].name", "must not be blank"),
                broken("blank peg", p -> p.assets.set(1, asset("usdc", "ethereum", "USDC", 6,
                                new AssetKind.Stablecoin("", BigDecimal.ONE), 1)),
                        "assets[1].kind.peg", "must not be blank"),
                broken("missing venue id", p -> p.venues.set(0, new VenueSpec.ConstantProduct(null,
                                ChainId.of("ethereum"), AssetId.of("eth"), AssetId.of("usdc"), BigDecimal.ONE,
                                BigDecimal.ONE, 3000)),
                        "venues[0].id", "is required"),
                broken("missing sqrt price", p -> p.venues.set(1, concentratedLiquidity(10, null, List.of())),
                        "venues[1].sqrtPriceX96", "is required"),
                broken("missing book side", p -> p.venues.set(3, orderBook(null, List.of())),
                        "venues[3].bids", "is required"),
                // unique ids
                broken("duplicate asset id", p -> p.assets.add(asset("usdc", "ethereum", "USDC2", 6, stable(), 1)),
                        "assets[8].id", "duplicate asset id 'usdc' (first defined at assets[1])"),
                broken("duplicate chain id", p -> p.chains.add(new Chain(ChainId.of("ethereum"), "Again", 12,
                                AssetId.of("eth"), GasPriceModel.of(1, 1))),
                        "chains[2].id", "duplicate chain id 'ethereum' (first defined at chains[0])"),
                broken("duplicate bridge id", p -> p.bridges.add(p.bridges.get(0)),
                        "bridges[1].id", "duplicate bridge id 'arb-bridge' (first defined at bridges[0])"),
                broken("duplicate venue id", p -> p.venues.add(constantProduct("1", "3000")),
                        "venues[4].id", "duplicate venue id 'uni-v2' (first defined at venues[0])"),
                // dangling references
                broken("unknown asset chain", p -> p.assets.set(1, asset("usdc", "solana", "USDC", 6, stable(), 1)),
                        "assets[1].chain", "unknown chain 'solana'"),
                broken("unknown native asset", p -> p.chains.set(0, new Chain(ChainId.of("ethereum"), "Ethereum", 12,
                                AssetId.of("ether"), GasPriceModel.of(10, 1))),
                        "chains[0].nativeAsset", "unknown asset 'ether'"),
                broken("native asset of another kind", p -> p.chains.set(0, new Chain(ChainId.of("ethereum"),
                                "Ethereum", 12, AssetId.of("usdc"), GasPriceModel.of(10, 1))),
                        "chains[0].nativeAsset", "asset 'usdc' must be of kind native (was stablecoin)"),
                broken("native asset on another chain", p -> p.chains.set(0, new Chain(ChainId.of("ethereum"),
                                "Ethereum", 12, AssetId.of("eth-arb"), GasPriceModel.of(10, 1))),
                        "chains[0].nativeAsset", "asset 'eth-arb' is on chain 'arbitrum', not on 'ethereum'"),
                broken("unknown underlying", p -> p.assets.set(6, asset("wsteth", "ethereum", "wstETH", 18,
                                new AssetKind.LiquidStaking(AssetId.of("steth"), BigDecimal.ONE), 3600)),
                        "assets[6].kind.underlying", "unknown asset 'steth'"),
                broken("unknown origin", p -> p.assets.set(4, bridged("weth", "arb-bridge")),
                        "assets[4].kind.origin", "unknown asset 'weth'"),
                broken("unknown redeemsFor", p -> p.assets.set(7, asset("aweth", "ethereum", "aEthWETH", 18,
                                new AssetKind.Receipt(AssetId.of("weth"), BigDecimal.ONE, ProtocolId.of("aave")), 1)),
                        "assets[7].kind.redeemsFor", "unknown asset 'weth'"),
                broken("unknown bridge", p -> p.assets.set(4, bridged("eth", "wormhole")),
                        "assets[4].kind.bridge", "unknown bridge 'wormhole'"),
                broken("unknown bridge chain", p -> p.bridges.set(0, bridge("ethereum", "base")),
                        "bridges[0].chainB", "unknown chain 'base'"),
                broken("unknown venue chain", p -> p.venues.set(0, new VenueSpec.ConstantProduct(VenueId.of("uni-v2"),
                                ChainId.of("base"), AssetId.of("eth"), AssetId.of("usdc"), BigDecimal.ONE,
                                BigDecimal.ONE, 3000)),
                        "venues[0].chain", "unknown chain 'base'"),
                broken("unknown venue asset", p -> p.venues.set(0, new VenueSpec.ConstantProduct(VenueId.of("uni-v2"),
                                ChainId.of("ethereum"), AssetId.of("eth"), AssetId.of("usdt"), BigDecimal.ONE,
                                BigDecimal.ONE, 3000)),
                        "venues[0].token1", "unknown asset 'usdt'"),
                // cycles
                broken("self-wrapping asset", p -> p.assets.set(6, asset("wsteth", "ethereum", "wstETH", 18,
                                new AssetKind.LiquidStaking(AssetId.of("wsteth"), BigDecimal.ONE), 3600)),
                        "assets[6].kind.underlying", "wrapping cycle wsteth -> wsteth"),
                broken("two-asset wrapping cycle", p -> {
                    p.assets.set(6, asset("wsteth", "ethereum", "wstETH", 18,
                            new AssetKind.LiquidStaking(AssetId.of("aweth"), BigDecimal.ONE), 3600));
                    p.assets.set(7, asset("aweth", "ethereum", "aEthWETH", 18,
                            new AssetKind.Receipt(AssetId.of("wsteth"), BigDecimal.ONE, ProtocolId.of("aave")), 1));
                }, "assets[6].kind.underlying", "wrapping cycle wsteth -> aweth -> wsteth"),
                // ranges
                broken("decimals above 36", p -> p.assets.set(2, asset("dai", "ethereum", "DAI", 40, stable(), 1)),
                        "assets[2].decimals", "must be between 0 and 36 (was 40)"),
                broken("negative decimals", p -> p.assets.set(2, asset("dai", "ethereum", "DAI", -1, stable(), 1)),
                        "assets[2].decimals", "must be between 0 and 36 (was -1)"),
                broken("zero reference price", p -> p.assets.set(2, asset("dai", "ethereum", "DAI", 18, stable(), 0)),
                        "assets[2].referencePriceUsd", "must be a finite number greater than 0 (was 0)"),
                broken("infinite reference price", p -> p.assets.set(2, asset("dai", "ethereum", "DAI", 18, stable(),
                                Double.POSITIVE_INFINITY)),
                        "assets[2].referencePriceUsd", "must be a finite number greater than 0 (was Infinity)"),
                broken("zero block time", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"), "Arbitrum One", 0,
                                AssetId.of("eth-arb"), GasPriceModel.of(0.01, 0))),
                        "chains[1].blockTimeSeconds", "must be a finite number greater than 0 (was 0)"),
                broken("negative gas fee", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"), "Arbitrum One",
                                0.25, AssetId.of("eth-arb"), GasPriceModel.of(-0.5, 0))),
                        "chains[1].gas.baseFeeGwei", "must be a finite number at least 0 (was -0.5)"),
                broken("NaN priority fee", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"), "Arbitrum One",
                                0.25, AssetId.of("eth-arb"), GasPriceModel.of(0, Double.NaN))),
                        "chains[1].gas.priorityFeeGwei", "must be a finite number at least 0 (was NaN)"),
                broken("negative latency", p -> p.bridges.set(0, new Bridge(BridgeId.of("arb-bridge"),
                                ChainId.of("ethereum"), ChainId.of("arbitrum"), -1, 1e7, 5, BridgeStatus.OPEN)),
                        "bridges[0].latencySeconds", "must be a finite number at least 0 (was -1)"),
                broken("NaN capacity", p -> p.bridges.set(0, new Bridge(BridgeId.of("arb-bridge"),
                                ChainId.of("ethereum"), ChainId.of("arbitrum"), 900, Double.NaN, 5, BridgeStatus.OPEN)),
                        "bridges[0].capacityPerHourUsd", "must be a finite number at least 0 (was NaN)"),
                broken("bridge fee above 100%", p -> p.bridges.set(0, new Bridge(BridgeId.of("arb-bridge"),
                                ChainId.of("ethereum"), ChainId.of("arbitrum"), 900, 1e7, 10_001, BridgeStatus.OPEN)),
                        "bridges[0].feeBps", "must be between 0 and 10000 (was 10001)"),
                broken("zero exchange rate", p -> p.assets.set(6, asset("wsteth", "ethereum", "wstETH", 18,
                                new AssetKind.LiquidStaking(AssetId.of("eth"), BigDecimal.ZERO), 3600)),
                        "assets[6].kind.exchangeRate", "must be greater than 0 (was 0)"),
                broken("backing ratio above 1", p -> p.assets.set(4, asset("weth-arb", "arbitrum", "WETH", 18,
                                new AssetKind.Bridged(AssetId.of("eth"), BridgeId.of("arb-bridge"),
                                        new BigDecimal("1.5")), 3000)),
                        "assets[4].kind.backingRatio", "must be between 0 and 1 (was 1.5)"),
                broken("negative peg price", p -> p.assets.set(1, asset("usdc", "ethereum", "USDC", 6,
                                new AssetKind.Stablecoin("USD", new BigDecimal("-1")), 1)),
                        "assets[1].kind.pegPrice", "must be greater than 0 (was -1)"),
                broken("zero redemption rate", p -> p.assets.set(7, asset("aweth", "ethereum", "aEthWETH", 18,
                                new AssetKind.Receipt(AssetId.of("eth"), BigDecimal.ZERO, ProtocolId.of("aave")), 1)),
                        "assets[7].kind.redemptionRate", "must be greater than 0 (was 0)"),
                broken("base fee change above 100%", p -> p.chains.set(1, new Chain(ChainId.of("arbitrum"),
                                "Arbitrum One", 0.25, AssetId.of("eth-arb"), new GasPriceModel(0.01, 0, 1.5))),
                        "chains[1].gas.maxBaseFeeChangePerBlock", "must be between 0 and 1 (was 1.5)"),
                broken("balance finer than decimals", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai"),
                                List.of("1.0000001", "1"), 2000, 0)),
                        "venues[2].balances[0]", "has 7 fractional digits but asset 'usdc' has 6 decimals"),
                broken("taker fee of 100%", p -> p.venues.set(3, new VenueSpec.OrderBook(VenueId.of("book"),
                                ChainId.of("arbitrum"), AssetId.of("eth-arb"), AssetId.of("usdc-arb"), List.of(),
                                List.of(), 1_000_000)),
                        "venues[3].takerFeePips", "must be between 0 and 999999 (was 1000000)"),
                broken("unknown stable-swap coin", p -> p.venues.set(2, stableSwap(List.of("usdc", "frax"),
                                List.of("1", "1"), 2000, 0)),
                        "venues[2].coins[1]", "unknown asset 'frax'"),
                broken("negative reserve", p -> p.venues.set(0, constantProduct("-1", "3000")),
                        "venues[0].reserve0", "must not be negative (was -1)"),
                broken("reserve finer than decimals", p -> p.venues.set(0, constantProduct("1", "3000.0000001")),
                        "venues[0].reserve1", "has 7 fractional digits but asset 'usdc' has 6 decimals"),
                // placement
                broken("venue asset on another chain", p -> p.venues.set(3, new VenueSpec.OrderBook(VenueId.of("book"),
                                ChainId.of("arbitrum"), AssetId.of("eth"), AssetId.of("usdc-arb"), List.of(),
                                List.of(), 250)),
                        "venues[3].base", "asset 'eth' is on chain 'ethereum', not on the venue's chain 'arbitrum'"),
                broken("bridge not joining the origin's chain", p -> {
                    p.chains.add(new Chain(ChainId.of("base"), "Base", 2, AssetId.of("eth-base"),
                            GasPriceModel.of(0.01, 0)));
                    p.assets.add(asset("eth-base", "base", "ETH", 18, new AssetKind.Native(), 3000));
                    p.bridges.set(0, bridge("base", "arbitrum"));
                }, "assets[4].kind.bridge", "bridge 'arb-bridge' joins 'base' and 'arbitrum', not the origin's "
                        + "chain 'ethereum' and this asset's chain 'arbitrum'"),
                // constant product
                broken("same token twice", p -> p.venues.set(0, new VenueSpec.ConstantProduct(VenueId.of("uni-v2"),
                                ChainId.of("ethereum"), AssetId.of("eth"), AssetId.of("eth"), BigDecimal.ONE,
                                BigDecimal.ONE, 3000)),
                        "venues[0].token1", "must differ from token0 (both 'eth')"),
                broken("fee of 100%", p -> p.venues.set(0, new VenueSpec.ConstantProduct(VenueId.of("uni-v2"),
                                ChainId.of("ethereum"), AssetId.of("eth"), AssetId.of("usdc"), BigDecimal.ONE,
                                BigDecimal.ONE, 1_000_000)),
                        "venues[0].feePips", "must be between 0 and 999999 (was 1000000)"),
                // concentrated liquidity
                broken("zero fee tier", p -> p.venues.set(1, new VenueSpec.ConcentratedLiquidity(VenueId.of("uni-v3"),
                                ChainId.of("ethereum"), AssetId.of("usdc"), AssetId.of("eth"), 0, 10, SQRT_PRICE,
                                List.of())),
                        "venues[1].feePips", "must be between 1 and 999999 (was 0)"),
                broken("zero tick spacing", p -> p.venues.set(1, concentratedLiquidity(0, SQRT_PRICE, List.of())),
                        "venues[1].tickSpacing", "must be between 1 and 887272 (was 0)"),
                broken("tick off spacing", p -> p.venues.set(1, concentratedLiquidity(60, SQRT_PRICE,
                                List.of(position(-61, 60, "1")))),
                        "venues[1].positions[0].tickLower", "must be a multiple of tickSpacing 60 (was -61)"),
                broken("tick beyond max", p -> p.venues.set(1, concentratedLiquidity(1, SQRT_PRICE,
                                List.of(position(0, 887_273, "1")))),
                        "venues[1].positions[0].tickUpper", "must be between -887272 and 887272 (was 887273)"),
                broken("empty tick range", p -> p.venues.set(1, concentratedLiquidity(10, SQRT_PRICE,
                                List.of(position(10, 10, "1")))),
                        "venues[1].positions[0].tickLower", "must be below tickUpper (was 10, tickUpper 10)"),
                broken("zero liquidity", p -> p.venues.set(1, concentratedLiquidity(10, SQRT_PRICE,
                                List.of(position(-10, 10, "0")))),
                        "venues[1].positions[0].liquidity", "must be greater than 0 (was 0)"),
                broken("liquidity beyond uint128", p -> p.venues.set(1, concentratedLiquidity(10, SQRT_PRICE,
                                List.of(position(-10, 10, BigInteger.ONE.shiftLeft(128).toString())))),
                        "venues[1].positions[0].liquidity", "must fit a uint128, at most "
                                + "340282366920938463463374607431768211455 (was "
                                + "340282366920938463463374607431768211456)"),
                broken("sqrt price below min", p -> p.venues.set(1, concentratedLiquidity(10,
                                new BigInteger("4295128738"), List.of())),
                        "venues[1].sqrtPriceX96", "must be at least 4295128739 and below "
                                + "1461446703485210103287273052203988822378723970342 (was 4295128738)"),
                broken("sqrt price at max", p -> p.venues.set(1, concentratedLiquidity(10,
                                new BigInteger("1461446703485210103287273052203988822378723970342"), List.of())),
                        "venues[1].sqrtPriceX96", "must be at least 4295128739 and below "
                                + "1461446703485210103287273052203988822378723970342 (was "
                                + "1461446703485210103287273052203988822378723970342)"),
                // stable swap
                broken("one coin", p -> p.venues.set(2, stableSwap(List.of("usdc"), List.of("1"), 2000, 0)),
                        "venues[2].coins", "must hold 2 to 8 coins (was 1)"),
                broken("nine coins", p -> {
                    for (int k = 1; k <= 7; k++) {
                        p.assets.add(asset("s" + k, "ethereum", "S" + k, 18, stable(), 1));
                    }
                    p.venues.set(2, stableSwap(List.of("usdc", "dai", "s1", "s2", "s3", "s4", "s5", "s6", "s7"),
                            List.of("1", "1", "1", "1", "1", "1", "1", "1", "1"), 2000, 0));
                }, "venues[2].coins", "must hold 2 to 8 coins (was 9)"),
                broken("repeated coin", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai", "usdc"),
                                List.of("1", "1", "1"), 2000, 0)),
                        "venues[2].coins[2]", "duplicate coin 'usdc' (also coins[0])"),
                broken("balance count", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai"), List.of("1"), 2000, 0)),
                        "venues[2].balances", "must hold one balance per coin: 2 coins, 1 balances"),
                broken("zero A", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai"), List.of("1", "1"), 0, 0)),
                        "venues[2].amplification", "must be between 1 and 1000000 (was 0)"),
                broken("fee above 50%", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai"), List.of("1", "1"),
                                100, 5_000_000_001L)),
                        "venues[2].fee", "must be between 0 and 5000000000 (was 5000000001)"),
                broken("negative balance", p -> p.venues.set(2, stableSwap(List.of("usdc", "dai"),
                                List.of("1", "-2"), 100, 0)),
                        "venues[2].balances[1]", "must not be negative (was -2)"),
                // order book
                broken("bids not descending", p -> p.venues.set(3, orderBook(
                                List.of(level("3000", "1"), level("3000", "1")), List.of())),
                        "venues[3].bids[1].price",
                        "must be below the previous bid 3000 (bids are strictly descending) (was 3000)"),
                broken("asks not ascending", p -> p.venues.set(3, orderBook(
                                List.of(), List.of(level("3001", "1"), level("3000.5", "1")))),
                        "venues[3].asks[1].price",
                        "must be above the previous ask 3001 (asks are strictly ascending) (was 3000.5)"),
                broken("crossed book", p -> p.venues.set(3, orderBook(
                                List.of(level("3001", "1")), List.of(level("3001", "1")))),
                        "venues[3].asks[0].price", "best ask must be above the best bid 3001 (was 3001)"),
                broken("zero size", p -> p.venues.set(3, orderBook(List.of(level("3000", "0")), List.of())),
                        "venues[3].bids[0].size", "must be greater than 0 (was 0)"),
                broken("negative price", p -> p.venues.set(3, orderBook(List.of(), List.of(level("-1", "1")))),
                        "venues[3].asks[0].price", "must be greater than 0 (was -1)"),
                broken("size finer than base decimals", p -> p.venues.set(3, orderBook(
                                List.of(level("3000", "0.0000000000000000001")), List.of())),
                        "venues[3].bids[0].size", "has 19 fractional digits but asset 'eth-arb' has 18 decimals"),
                broken("base equals quote", p -> p.venues.set(3, new VenueSpec.OrderBook(VenueId.of("book"),
                                ChainId.of("arbitrum"), AssetId.of("eth-arb"), AssetId.of("eth-arb"), List.of(),
                                List.of(), 250)),
                        "venues[3].quote", "must differ from base (both 'eth-arb')"));
    }

    @Test
    void bridgeJoiningAChainToItselfBreaksItsWrappedAssetsToo() {
        SnapshotParts parts = new SnapshotParts();
        parts.bridges.set(0, bridge("arbitrum", "arbitrum"));
        assertThat(parts.validate()).containsExactly(
                new Violation("assets[4].kind.bridge", "bridge 'arb-bridge' joins 'arbitrum' and 'arbitrum', not "
                        + "the origin's chain 'ethereum' and this asset's chain 'arbitrum'"),
                new Violation("bridges[0].chainB", "must differ from chainA (both 'arbitrum')"));
    }

    @Test
    void reportsEveryViolationNotJustTheFirst() {
        SnapshotParts parts = new SnapshotParts();
        parts.name = "";
        parts.assets.set(2, asset("dai", "ethereum", "DAI", 40, stable(), 1));
        parts.venues.set(0, constantProduct("-1", "-2"));
        assertThat(parts.validate()).extracting(Violation::path)
                .containsExactly("name", "assets[2].decimals", "venues[0].reserve0", "venues[0].reserve1");
    }

    @Test
    void snapshotConstructorThrowsWithAllViolations() {
        SnapshotParts parts = new SnapshotParts();
        parts.asOf = null;
        parts.assets.set(2, asset("dai", "ethereum", "DAI", 40, stable(), 1));
        assertThatThrownBy(parts::build)
                .isInstanceOf(SnapshotValidationException.class)
                .hasMessage("asOf: is required; assets[2].decimals: must be between 0 and 36 (was 40)")
                .satisfies(e -> assertThat(((SnapshotValidationException) e).violations()).hasSize(2));
    }

    @Test
    void lookupsFindByIdAndChain() {
        EcosystemSnapshot snapshot = new SnapshotParts().build();
        assertThat(snapshot.asset(AssetId.of("usdc"))).map(Asset::decimals).contains(6);
        assertThat(snapshot.asset(AssetId.of("nope"))).isEmpty();
        assertThat(snapshot.chain(ChainId.of("arbitrum"))).map(Chain::name).contains("Arbitrum One");
        assertThat(snapshot.bridge(BridgeId.of("arb-bridge"))).isPresent();
        assertThat(snapshot.venue(VenueId.of("book"))).containsInstanceOf(VenueSpec.OrderBook.class);
        assertThat(snapshot.assetsOnChain(ChainId.of("arbitrum"))).extracting(a -> a.id().value())
                .containsExactly("eth-arb", "weth-arb", "usdc-arb");
        assertThat(snapshot.venuesOnChain(ChainId.of("arbitrum"))).extracting(v -> v.id().value())
                .containsExactly("book");
    }

    private static AssetKind stable() {
        return new AssetKind.Stablecoin("USD", BigDecimal.ONE);
    }

    private static Asset bridged(String origin, String bridge) {
        return asset("weth-arb", "arbitrum", "WETH", 18,
                new AssetKind.Bridged(AssetId.of(origin), BridgeId.of(bridge), BigDecimal.ONE), 3000);
    }

    private static Bridge bridge(String chainA, String chainB) {
        return new Bridge(BridgeId.of("arb-bridge"), ChainId.of(chainA), ChainId.of(chainB), 900, 1e7, 5,
                BridgeStatus.OPEN);
    }
}
