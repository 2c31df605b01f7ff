package dev.fracture.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.protocol.cdp.Clipper;
import dev.fracture.protocol.cdp.ClipperParams;
import dev.fracture.protocol.cdp.ClipperState;
import dev.fracture.protocol.cdp.Kick;
import dev.fracture.protocol.cdp.LinearDecrease;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveReserveConfig;
import dev.fracture.protocol.lending.MorphoMarketParams;
import dev.fracture.protocol.lending.MorphoMarketState;
import dev.fracture.protocol.lending.MorphoPosition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each protocol's largest allowed liquidation, turned into an opportunity, against values worked by hand. */
class OpportunitiesTest {
    private static final ChainId CHAIN = ChainId.of("ethereum");
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");
    private static final AssetId DAI = AssetId.of("DAI");

    private static BigInteger units(String tokens, int decimals) {
        return new BigDecimal(tokens).movePointRight(decimals).toBigIntegerExact();
    }

    @Test
    void aaveCloseFactorAndBonusSetTheOpportunity() {
        AaveMarket market = AaveMarket.of(List.of(
                new AaveReserveConfig(WETH, 18, 8000, 8250, 10500, 1000, 0, 0, 0, true, 0),
                AaveReserveConfig.of(USDC, 6, 7500, 7800, 10450)), List.of());
        AavePrices prices = new AavePrices(Map.of(WETH, 2000_00000000L, USDC, 1_00000000L));
        AaveAccount account = new AaveAccount(AccountId.of("alice"), 0,
                List.of(AaveCollateral.of(WETH, units("1", 18))), List.of(new AaveDebt(USDC, units("1700", 6))));
        // HF = 2000 × 0.825 / 1700 = 0.9706 > 0.95: close factor 50%, so 850 USDC may be repaid. That buys
        // 850 × 1.05 / 2000 = 0.44625 WETH, of which the bonus part 0.44625 − 0.425 = 0.02125 pays 10% to the
        // protocol (0.002125): the liquidator receives 0.444125 WETH.
        LiquidationOpportunity o = Opportunities.aave(ProtocolId.of("aave-v3"), CHAIN, market, prices, account, WETH,
                USDC, FlashLoanTerms.AAVE_V3, 350_000, 7).orElseThrow();
        assertThat(o.maxRepay()).isCloseTo(850, within(1e-9));
        assertThat(o.collateralAvailable()).isCloseTo(0.444125, within(1e-12));
        assertThat(o.collateralPerDebt()).isCloseTo(0.444125 / 850, within(1e-15));
        assertThat(o.debtAsset()).isEqualTo(USDC);
        assertThat(o.detectedBlock()).isEqualTo(7);

        AaveAccount healthy = new AaveAccount(AccountId.of("bob"), 0,
                List.of(AaveCollateral.of(WETH, units("1", 18))), List.of(new AaveDebt(USDC, units("1000", 6))));
        assertThat(Opportunities.aave(ProtocolId.of("aave-v3"), CHAIN, market, prices, healthy, WETH, USDC,
                FlashLoanTerms.AAVE_V3, 350_000, 7)).isEmpty();

        // A caller that has the account's data already gets the same opportunity, or none for the healthy account.
        assertThat(Opportunities.aave(ProtocolId.of("aave-v3"), CHAIN, market, prices, account,
                AaveHealth.DEFAULT.accountData(market, prices, account), WETH, USDC, FlashLoanTerms.AAVE_V3, 350_000,
                7)).contains(o);
        assertThat(Opportunities.aave(ProtocolId.of("aave-v3"), CHAIN, market, prices, healthy,
                AaveHealth.DEFAULT.accountData(market, prices, healthy), WETH, USDC, FlashLoanTerms.AAVE_V3, 350_000,
                7)).isEmpty();
    }

    @Test
    void morphoSeizesEverythingAtTheIncentiveFactor() {
        // LLTV 0.86: LIF = min(1.15, 1 / (0.3 × 0.86 + 0.7)) = 1 / 0.958 = 1.043841...
        BigInteger lltv = new BigInteger("860000000000000000");
        MorphoMarketParams params = new MorphoMarketParams(USDC, WETH, lltv);
        // Price scaled by 1e36 × 10^(loanDecimals − collateralDecimals): 2,000 USDC (6) per WETH (18).
        BigInteger price = BigInteger.valueOf(2000).multiply(BigInteger.TEN.pow(36 + 6 - 18));
        BigInteger borrowShares = units("1800", 6).multiply(BigInteger.TEN.pow(6));
        MorphoMarketState state = new MorphoMarketState(units("10000", 6), units("10000", 12), units("1800", 6),
                borrowShares);
        MorphoPosition position = new MorphoPosition(AccountId.of("carol"), borrowShares, units("1", 18));
        // Max borrow 2000 × 0.86 = 1720 < 1800: unhealthy. Repaying all 1800 USDC seizes 1800 × LIF / 2000 =
        // 0.939457 WETH, less than the 1 WETH held: the whole debt can be repaid at LIF / 2000 WETH per USDC.
        LiquidationOpportunity o = Opportunities.morpho(ProtocolId.of("morpho"), CHAIN, params, state, position, price,
                6, 18, FlashLoanTerms.FREE, 300_000, 3).orElseThrow();
        double lif = 1 / (0.3 * 0.86 + 0.7);
        assertThat(o.collateralPerDebt()).isCloseTo(lif / 2000, within(lif / 2000 * 1e-6));
        assertThat(o.maxRepay()).isCloseTo(1800, within(1e-6));
        assertThat(o.collateralAvailable()).isCloseTo(1800 * lif / 2000, within(1e-6));

        // With 0.5 WETH the collateral runs out first: all of it is seized, repaying 0.5 × 2000 / LIF = 957.99 USDC;
        // the rest of the debt becomes bad debt in the protocol, not the liquidator's concern.
        MorphoPosition thin = new MorphoPosition(AccountId.of("dave"), borrowShares, units("0.5", 18));
        LiquidationOpportunity t = Opportunities.morpho(ProtocolId.of("morpho"), CHAIN, params, state, thin, price,
                6, 18, FlashLoanTerms.FREE, 300_000, 3).orElseThrow();
        assertThat(t.collateralAvailable()).isCloseTo(0.5, within(1e-12));
        assertThat(t.maxRepay()).isCloseTo(0.5 * 2000 / lif, within(1e-5));
    }

    @Test
    void clipperLotAtItsCurrentPrice() {
        BigInteger ray = BigInteger.TEN.pow(27);
        BigInteger rad = BigInteger.TEN.pow(45);
        Clipper clipper = Clipper.of(new ClipperParams(ray.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN),
                7200, ray.divide(BigInteger.TWO), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                new LinearDecrease(3600)));
        Kick kick = clipper.kick(ClipperState.empty("ETH-A"), rad.multiply(BigInteger.valueOf(9000)),
                BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10)), AccountId.of("vault"), AccountId.of("kpr"),
                ray.multiply(BigInteger.valueOf(1000)), 0);
        // top = 1000 × 1.2 = 1200 DAI per ETH; LinearDecrease over 3600 s: after 900 s the price is 1200 × 0.75 = 900.
        LiquidationOpportunity o = Opportunities.clipper(ProtocolId.of("maker"), CHAIN, clipper, kick.auction(), DAI,
                WETH, 900, FlashLoanTerms.FREE, 250_000, 75).orElseThrow();
        assertThat(o.collateralPerDebt()).isCloseTo(1.0 / 900, within(1e-15));
        // The tab (9,000 DAI) buys the whole lot at 900: 10 ETH.
        assertThat(o.maxRepay()).isCloseTo(9000, within(1e-9));
        assertThat(o.collateralAvailable()).isCloseTo(10, within(1e-12));
        // Past cusp (price / top < 0.5 after 1800 s) the auction needs a reset: no opportunity.
        assertThat(Opportunities.clipper(ProtocolId.of("maker"), CHAIN, clipper, kick.auction(), DAI, WETH, 1900,
                FlashLoanTerms.FREE, 250_000, 75)).isEmpty();
    }
}
