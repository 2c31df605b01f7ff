package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Lido's wstETH wrapper ({@link WrapperVenue}) against its contract's formulas worked by hand: {@code unwrap(w)} pays
 * {@code getPooledEthByShares(w) = w · totalPooledEther / totalShares} and {@code wrap(s)} mints
 * {@code getSharesByPooledEth(s) = s · totalShares / totalPooledEther}, both floored (lidofinance/core,
 * contracts/0.6.12/WstETH.sol and contracts/0.4.24/StETH.sol). With the exchange rate 1.21, totalPooledEther /
 * totalShares = 121 / 100.
 */
class WrapperVenueTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId WSTETH = AssetId.of("wsteth");
    private static final AssetId STETH = AssetId.of("steth");
    private static final AssetId ETH = AssetId.of("eth");
    private static final Asset STETH_ASSET = new Asset(STETH, ETHEREUM, "stETH", 18,
            new AssetKind.LiquidStaking(ETH, BigDecimal.ONE), 3300);
    private static final Asset WSTETH_ASSET = new Asset(WSTETH, ETHEREUM, "wstETH", 18,
            new AssetKind.LiquidStaking(STETH, new BigDecimal("1.21")), 3993);
    private static final VenueSpec.Wrapper SPEC = new VenueSpec.Wrapper(VenueId.of("lido-wsteth"), ETHEREUM, WSTETH,
            STETH);

    private static WrapperVenue wrapper(MathMode mode) {
        return WrapperVenue.of(SPEC, WSTETH_ASSET, STETH_ASSET, mode);
    }

    private static BigInteger units(String s) {
        return new BigInteger(s);
    }

    @Test
    void unwrapPaysTheRateFloored() {
        WrapperVenue w = wrapper(MathMode.EXACT);
        // 10^18 · 121 / 100 = 1.21·10^18 exactly.
        assertThat(w.quoteExactInUnits(WSTETH, STETH, units("1000000000000000000")).amountOut())
                .isEqualTo(units("1210000000000000000"));
        // One wei: floor(121 / 100) = 1; 7 wei: floor(847 / 100) = 8.
        assertThat(w.quoteExactInUnits(WSTETH, STETH, BigInteger.ONE).amountOut()).isEqualTo(BigInteger.ONE);
        assertThat(w.quoteExactInUnits(WSTETH, STETH, BigInteger.valueOf(7)).amountOut())
                .isEqualTo(BigInteger.valueOf(8));
    }

    @Test
    void wrapMintsTheInverseFloored() {
        WrapperVenue w = wrapper(MathMode.EXACT);
        // 10^18 · 100 / 121 = 826446280991735537.19…, floored; 121 · 826446280991735537 = 99999999999999999977.
        assertThat(w.quoteExactInUnits(STETH, WSTETH, units("1000000000000000000")).amountOut())
                .isEqualTo(units("826446280991735537"));
        // One wei of stETH is worth less than one share: floor(100 / 121) = 0, and the contract mints nothing.
        UnitQuote dust = w.quoteExactInUnits(STETH, WSTETH, BigInteger.ONE);
        assertThat(dust.amountOut()).isZero();
        assertThat(dust.complete()).isTrue();
    }

    @Test
    void exactOutputTakesTheLeastInputWhoseFloorReachesIt() {
        WrapperVenue w = wrapper(MathMode.EXACT);
        // One wstETH out of wrap: ceil(10^18 · 121 / 100) = 1.21·10^18 stETH in, and floor(that · 100 / 121) = 10^18.
        UnitQuote one = w.quoteExactOutUnits(STETH, WSTETH, units("1000000000000000000"));
        assertThat(one.amountIn()).isEqualTo(units("1210000000000000000"));
        assertThat(one.amountOut()).isEqualTo(units("1000000000000000000"));
        // One wei of wstETH: ceil(121 / 100) = 2 wei in (1 wei would mint floor(100 / 121) = 0).
        assertThat(w.quoteExactOutUnits(STETH, WSTETH, BigInteger.ONE).amountIn()).isEqualTo(BigInteger.TWO);
        // Five wei of stETH out of unwrap: ceil(500 / 121) = 5 wei in, which pays floor(605 / 100) = 6.
        UnitQuote five = w.quoteExactOutUnits(WSTETH, STETH, BigInteger.valueOf(5));
        assertThat(five.amountIn()).isEqualTo(BigInteger.valueOf(5));
        assertThat(five.amountOut()).isEqualTo(BigInteger.valueOf(6));
    }

    @Test
    void decimalsAreFoldedIntoTheConversion() {
        // A wrapped token of 8 decimals on an underlying of 6, rate 2: 100 units (10^-6 tokens) pay 2·10^-6 tokens,
        // 2 units; 1 unit (10^-8) would pay 0.02 units, floored to 0.
        Asset under = new Asset(AssetId.of("u"), ETHEREUM, "U", 6, new AssetKind.Token(), 1);
        Asset wrapped = new Asset(AssetId.of("w"), ETHEREUM, "W", 8,
                new AssetKind.LiquidStaking(AssetId.of("u"), new BigDecimal("2")), 2);
        WrapperVenue w = WrapperVenue.of(new VenueSpec.Wrapper(VenueId.of("w-wrap"), ETHEREUM, wrapped.id(),
                under.id()), wrapped, under, MathMode.EXACT);
        assertThat(w.quoteExactInUnits(wrapped.id(), under.id(), BigInteger.valueOf(100)).amountOut())
                .isEqualTo(BigInteger.TWO);
        assertThat(w.quoteExactInUnits(wrapped.id(), under.id(), BigInteger.ONE).amountOut()).isZero();
        // The reverse: 2 units of U (2·10^-6) mint 10^-6 W = 100 units.
        assertThat(w.quoteExactInUnits(under.id(), wrapped.id(), BigInteger.TWO).amountOut())
                .isEqualTo(BigInteger.valueOf(100));
    }

    @Test
    void fastAndExactAgreeAndNothingMoves() {
        for (MathMode mode : MathMode.values()) {
            WrapperVenue w = wrapper(mode);
            Quote q = w.swapExactIn(WSTETH, STETH, 100);
            assertThat(q.amountOut()).isCloseTo(121, within(1e-12));
            assertThat(q.feePaid()).isZero();
            assertThat(q.spotBefore()).isEqualTo(1.21);
            assertThat(q.spotAfter()).isEqualTo(1.21);
            assertThat(q.complete()).isTrue();
            Quote back = w.quoteExactOut(STETH, WSTETH, 100);
            assertThat(back.amountIn()).isCloseTo(121, within(1e-12));
            assertThat(w.spotPrice(WSTETH, STETH)).isEqualTo(1.21);
            assertThat(w.marginalRate(STETH, WSTETH)).isEqualTo(1 / 1.21);
            assertThat(w.rateSellingNothing(WSTETH, STETH)).isEqualTo(1.21);
        }
    }

    @Test
    void anyAmountConvertsAtTheRateSoDepthIsUnbounded() {
        WrapperVenue w = wrapper(MathMode.FAST);
        assertThat(w.depth(WSTETH, STETH, 0)).isZero();
        assertThat(w.depth(WSTETH, STETH, 0.02)).isInfinite();
        assertThat(w.inputAtMarginalRate(WSTETH, STETH, 1.2)).isInfinite();
        assertThat(w.inputAtMarginalRate(WSTETH, STETH, 1.21)).isZero();
        assertThat(w.fixedRate()).isTrue();
        assertThat(w.quoteExactIn(WSTETH, STETH, 1e9).amountOut()).isCloseTo(1.21e9, within(1e-3));
    }

    @Test
    void versionCountsCommittedConversionsAndCopiesAreIndependent() {
        WrapperVenue w = wrapper(MathMode.EXACT);
        w.quoteExactIn(WSTETH, STETH, 5);
        assertThat(w.version()).isZero();
        w.swapExactIn(WSTETH, STETH, 5);
        Venue copy = w.copy();
        w.swapExactOut(STETH, WSTETH, 1);
        assertThat(w.version()).isEqualTo(2);
        assertThat(copy.version()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheVenueAndTheRule() {
        WrapperVenue w = wrapper(MathMode.EXACT);
        assertThatThrownBy(() -> w.quoteExactIn(WSTETH, STETH, -1))
                .hasMessage("venue lido-wsteth: amountIn must be finite and non-negative, got -1.0");
        assertThatThrownBy(() -> w.quoteExactOut(WSTETH, STETH, Double.NaN))
                .hasMessage("venue lido-wsteth: amountOut must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> w.quoteExactIn(ETH, STETH, 1))
                .hasMessage("venue lido-wsteth: does not trade asset eth (trades [wsteth, steth])");
        assertThatThrownBy(() -> w.quoteExactIn(STETH, STETH, 1))
                .hasMessage("venue lido-wsteth: tokenIn and tokenOut must differ, both are steth");
        assertThatThrownBy(() -> w.withdrawLiquidity(0.5)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no liquidity providers");
        assertThatThrownBy(() -> w.liquidityProfile(WSTETH, STETH, 10, 0.5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> wrapper(MathMode.FAST).quoteExactInUnits(WSTETH, STETH, BigInteger.ONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fast mode");
        Asset plain = new Asset(WSTETH, ETHEREUM, "wstETH", 18, new AssetKind.Token(), 3993);
        assertThatThrownBy(() -> WrapperVenue.of(SPEC, plain, STETH_ASSET, MathMode.FAST))
                .hasMessage("venue lido-wsteth: wrapped asset wsteth must be a liquid-staking token on steth (its kind"
                        + " is token)");
    }
}
