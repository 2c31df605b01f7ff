package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments throw IllegalArgumentException naming the venue and the rule, for every venue. */
class VenueBadInputTest {
    private static final AssetId NOPE = AssetId.of("NOPE");

    static Stream<Arguments> venues() {
        return Stream.of(
                Arguments.of(Fixtures.pair(100, 200_000, 3000, MathMode.EXACT), "pair"),
                Arguments.of(Fixtures.pair(100, 200_000, 3000, MathMode.FAST), "pair"),
                Arguments.of(Fixtures.stable(new int[] {18, 6}, new BigInteger[] {Fixtures.WAD,
                        BigInteger.valueOf(1_000_000)}, 100, 4_000_000, MathMode.EXACT), "curve"),
                Arguments.of(Fixtures.stable(new int[] {18, 6}, new BigInteger[] {Fixtures.WAD,
                        BigInteger.valueOf(1_000_000)}, 100, 4_000_000, MathMode.FAST), "curve"),
                Arguments.of(Fixtures.book(List.of(Fixtures.level("99", "1")), List.of(Fixtures.level("101", "1")),
                        0), "book"));
    }

    @ParameterizedTest
    @MethodSource("venues")
    void unknownAssetIsNamed(Venue venue, String name) {
        AssetId a = venue.assets().get(0);
        assertThatThrownBy(() -> venue.quoteExactIn(NOPE, a, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("venue " + name + ": does not trade asset NOPE (trades ");
        assertThatThrownBy(() -> venue.swapExactOut(a, NOPE, 1)).hasMessageContaining("does not trade asset NOPE");
        assertThatThrownBy(() -> venue.spotPrice(NOPE, a)).hasMessageContaining("does not trade asset NOPE");
        assertThatThrownBy(() -> venue.depth(a, NOPE, 0.1)).hasMessageContaining("does not trade asset NOPE");
    }

    @ParameterizedTest
    @MethodSource("venues")
    void sameTokenBothSidesIsRejected(Venue venue, String name) {
        AssetId a = venue.assets().get(0);
        assertThatThrownBy(() -> venue.quoteExactIn(a, a, 1))
                .hasMessage("venue " + name + ": tokenIn and tokenOut must differ, both are " + a);
        assertThatThrownBy(() -> venue.marginalRate(a, a)).hasMessageContaining("must differ");
    }

    @ParameterizedTest
    @MethodSource("venues")
    void amountsMustBeFiniteAndNonNegative(Venue venue, String name) {
        AssetId a = venue.assets().get(0);
        AssetId b = venue.assets().get(1);
        assertThatThrownBy(() -> venue.quoteExactIn(a, b, -1))
                .hasMessage("venue " + name + ": amountIn must be finite and non-negative, got -1.0");
        assertThatThrownBy(() -> venue.swapExactIn(a, b, Double.NaN))
                .hasMessage("venue " + name + ": amountIn must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> venue.quoteExactOut(a, b, Double.POSITIVE_INFINITY))
                .hasMessage("venue " + name + ": amountOut must be finite and non-negative, got Infinity");
        assertThatThrownBy(() -> venue.swapExactOut(a, b, -0.5))
                .hasMessage("venue " + name + ": amountOut must be finite and non-negative, got -0.5");
    }

    @ParameterizedTest
    @MethodSource("venues")
    void depthAndProfileParametersAreChecked(Venue venue, String name) {
        AssetId a = venue.assets().get(0);
        AssetId b = venue.assets().get(1);
        assertThatThrownBy(() -> venue.depth(a, b, 1.0))
                .hasMessage("venue " + name + ": priceMoveFraction must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> venue.depth(a, b, Double.NaN)).hasMessageContaining("priceMoveFraction");
        assertThatThrownBy(() -> venue.liquidityProfile(a, b, 0, 0.5))
                .hasMessage("venue " + name + ": buckets must be at least 1, got 0");
        assertThatThrownBy(() -> venue.liquidityProfile(a, b, 4, 1.5))
                .hasMessage("venue " + name + ": rangeFraction must be in (0, 1), got 1.5");
    }

    private static VenueSpec.ConstantProduct pairSpec(String r0, String r1, int fee) {
        return new VenueSpec.ConstantProduct(VenueId.of("pair"), Fixtures.ETHEREUM, AssetId.of("A"), AssetId.of("B"),
                new BigDecimal(r0), new BigDecimal(r1), fee);
    }

    @Test
    void constantProductSpecIsChecked() {
        Asset a = Fixtures.asset("A", 18);
        Asset b = Fixtures.asset("B", 6);
        assertThatThrownBy(() -> ConstantProductPool.of(pairSpec("1", "1", 1_000_000), a, b, MathMode.EXACT))
                .hasMessage("venue pair: feePips must be in [0, 1000000), got 1000000");
        assertThatThrownBy(() -> ConstantProductPool.of(pairSpec("0", "1", 3000), a, b, MathMode.EXACT))
                .hasMessageStartingWith("venue pair: reserves must be positive");
        assertThatThrownBy(() -> ConstantProductPool.of(pairSpec("1", "1.0000001", 3000), a, b, MathMode.EXACT))
                .hasMessage("venue pair: reserve1 1.0000001 has more than 6 decimals (token B)");
        assertThatThrownBy(() -> ConstantProductPool.of(pairSpec("1", "1", 3000), b, a, MathMode.EXACT))
                .hasMessage("venue pair: assets must be token0 A and token1 B in that order, got B and A");
        assertThatThrownBy(() -> ConstantProductPool.getAmountOut(BigInteger.ZERO, BigInteger.TEN, BigInteger.TEN,
                3000)).hasMessageContaining("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT");
        assertThatThrownBy(() -> ConstantProductPool.getAmountIn(BigInteger.ONE, BigInteger.ZERO, BigInteger.TEN,
                3000)).hasMessageContaining("UniswapV2Library: INSUFFICIENT_LIQUIDITY");
    }

    private static VenueSpec.StableSwap stableSpec(int n, long amp, long fee) {
        List<AssetId> coins = Stream.iterate(0, k -> k + 1).limit(n).map(Fixtures::coin).toList();
        List<BigDecimal> balances = coins.stream().map(c -> BigDecimal.TEN).toList();
        return new VenueSpec.StableSwap(VenueId.of("curve"), Fixtures.ETHEREUM, coins, balances, amp, fee);
    }

    private static List<Asset> coins(int n) {
        return Stream.iterate(0, k -> k + 1).limit(n).map(k -> Fixtures.asset("C" + k, 18)).toList();
    }

    @Test
    void stableSwapSpecIsChecked() {
        assertThatThrownBy(() -> StableSwapPool.of(stableSpec(1, 100, 0), coins(1), MathMode.EXACT))
                .hasMessage("venue curve: a StableSwap pool has 2 to 8 coins, got 1");
        assertThatThrownBy(() -> StableSwapPool.of(stableSpec(9, 100, 0), coins(9), MathMode.EXACT))
                .hasMessage("venue curve: a StableSwap pool has 2 to 8 coins, got 9");
        assertThatThrownBy(() -> StableSwapPool.of(stableSpec(2, 0, 0), coins(2), MathMode.EXACT))
                .hasMessage("venue curve: amplification must be in [1, 1000000), got 0");
        assertThatThrownBy(() -> StableSwapPool.of(stableSpec(2, 100, 5_000_000_001L), coins(2), MathMode.FAST))
                .hasMessage("venue curve: fee must be in [0, 5000000000] (1e10 = 100%), got 5000000001");
        assertThatThrownBy(() -> StableSwapPool.of(stableSpec(3, 100, 0), coins(2), MathMode.FAST))
                .hasMessage("venue curve: assets must be the coins [C0, C1, C2] in that order, got [C0, C1]");
        VenueSpec.StableSwap empty = new VenueSpec.StableSwap(VenueId.of("curve"), Fixtures.ETHEREUM,
                List.of(Fixtures.coin(0), Fixtures.coin(1)), List.of(BigDecimal.ONE, BigDecimal.ZERO), 100, 0);
        assertThatThrownBy(() -> StableSwapPool.of(empty, coins(2), MathMode.EXACT))
                .hasMessage("venue curve: balance of C1 must be positive at 18-decimal precision, got 0");
    }

    @Test
    void orderBookSpecIsChecked() {
        Asset eth = Fixtures.asset("ETH", 18);
        Asset usd = Fixtures.asset("USD", 6);
        VenueSpec.OrderBook spec = new VenueSpec.OrderBook(VenueId.of("book"), Fixtures.ETHEREUM, eth.id(), usd.id(),
                List.of(), List.of(), 0);
        assertThatThrownBy(() -> OrderBook.of(spec, usd, eth))
                .hasMessage("venue book: assets must be base ETH and quote USD, got USD and ETH");
    }
}
