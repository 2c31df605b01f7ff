package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static dev.fracture.mitigation.Fixture.USDC;
import static dev.fracture.mitigation.Fixture.WBTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.market.MathMode;
import dev.fracture.market.Venue;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * $100,000 of ETH depth within 2% of the price: a fee-free constant-product pool moves by 2% when sold
 * x·(1/√0.98 − 1) ETH, so it holds x = 100000 / (2000 × (1/√0.98 − 1)) ETH and 2000·x USDC.
 */
class LiquidityIncentivesTest {
    private static final MitigationSpec.LiquidityIncentives INCENTIVES =
            new MitigationSpec.LiquidityIncentives(ETH, 100_000, 0.02);
    private static final double K = 1 / Math.sqrt(0.98) - 1;
    private static final double X = 100_000 / (2000 * K);
    private static final VenueId POOL = VenueId.of("incentive-ETH-ethereum");

    @Test
    void theIncentivisedPoolHoldsTheDepthWithinItsBandAndLpsMayNotWithdrawIt() {
        MitigationSet set = MitigationSet.of(List.of(INCENTIVES), Fixture.alice("10", "15000").snapshot());
        VenueSpec.ConstantProduct spec = (VenueSpec.ConstantProduct) set.snapshot().venue(POOL).orElseThrow();
        assertThat(spec.reserve0().doubleValue()).isCloseTo(X, within(1e-9));
        assertThat(spec.reserve1().doubleValue()).isCloseTo(2000 * X, within(1e-6));
        assertThat(spec.feePips()).isZero();
        Venue venue = dev.fracture.market.Market.of(set.snapshot(), MathMode.FAST).venue(POOL).orElseThrow();
        assertThat(venue.depth(ETH, USDC, 0.02) * 2000).isCloseTo(100_000, within(1e-3));
        assertThat(set.protectedDepthUsd(POOL)).isEqualTo(100_000);
        assertThat(set.protectedDepthUsd(VenueId.of("pool"))).isZero();
        assertThat(set.outcomes().get(0).capitalCostUsd()).isCloseTo(2 * X * 2000, within(1e-6));
    }

    @Test
    void forcedSalesMeetTheIncentivisedDepthAndItIsMeasuredEveryBlock() {
        // No arbitrage: both pools price ETH at $2,000 when the 4.375 ETH seized at 60 s are sold. Two fee-free
        // constant-product pools at the same price fill like one pool holding both: 20,000,000 + 2000·X USDC
        // against 10,000 + X ETH.
        SimulationResult without = Fixture.run(Fixture.alice("10", "15000").snapshot(), 120,
                Fixture.ethStep(1800, 60), 0);
        SimulationResult with = Fixture.run(Fixture.alice("10", "15000").snapshot(), 120,
                Fixture.ethStep(1800, 60), 0, INCENTIVES);
        assertThat(without.events().get(0).proceeds()).isCloseTo(20_000_000 * 4.375 / 10_004.375, within(1e-6));
        double merged = (20_000_000 + 2000 * X) * 4.375 / (10_000 + X + 4.375);
        assertThat(with.events()).singleElement().satisfies(e ->
                assertThat(e.proceeds()).isCloseTo(merged, within(merged * 1e-6)));
        assertThat(Fixture.at(with, "mitigation:incentives/ETH:depthUsd", 48)).isCloseTo(100_000, within(1e-3));
    }

    /**
     * The depth goes where liquidations sell: ETH collateral is sold for the stablecoin it was lent against. A
     * venue pairing ETH with WBTC that comes first by id ("a-eth-wbtc" before "pool") must not draw the pool to WBTC,
     * where no liquidation's sale would meet it; USDC is the stablecoin ETH trades against, so the pool is ETH/USDC,
     * X ETH against 2000·X USDC as in the first test.
     */
    @Test
    void thePoolIsPlacedAgainstTheStablecoinTheAssetTradesAgainstNotTheFirstVenueById() {
        MitigationSet set = MitigationSet.of(List.of(INCENTIVES), withEthWbtcVenueFirst());
        VenueSpec.ConstantProduct spec = (VenueSpec.ConstantProduct) set.snapshot().venue(POOL).orElseThrow();
        assertThat(spec.assets()).containsExactly(ETH, USDC);
        assertThat(spec.reserve1().doubleValue()).isCloseTo(2000 * X, within(1e-6));
    }

    /** Named with {@code against}, the counterpart is that asset: X ETH against X·2000/40000 WBTC. */
    @Test
    void againstNamesTheCounterpart() {
        MitigationSet set = MitigationSet.of(List.of(new MitigationSpec.LiquidityIncentives(ETH, 100_000, 0.02,
                WBTC)), withEthWbtcVenueFirst());
        VenueSpec.ConstantProduct spec = (VenueSpec.ConstantProduct) set.snapshot().venue(POOL).orElseThrow();
        assertThat(spec.assets()).containsExactly(ETH, WBTC);
        assertThat(spec.reserve0().doubleValue()).isCloseTo(X, within(1e-9));
        assertThat(spec.reserve1().doubleValue()).isCloseTo(X * 2000 / 40_000, within(1e-8));
        // Against an asset the incentivised one has no venue with yet: the pool is the first market of the pair.
        MitigationSet fresh = MitigationSet.of(List.of(new MitigationSpec.LiquidityIncentives(ETH, 100_000, 0.02,
                WBTC)), Fixture.alice("10", "15000").snapshot());
        assertThat(fresh.snapshot().venue(POOL).orElseThrow().assets()).containsExactly(ETH, WBTC);
    }

    private static dev.fracture.model.EcosystemSnapshot withEthWbtcVenueFirst() {
        return Snapshots.withVenues(Fixture.alice("10", "15000").snapshot(), List.of(new VenueSpec.ConstantProduct(
                VenueId.of("a-eth-wbtc"), Fixture.ETHEREUM, ETH, WBTC, new java.math.BigDecimal("100"),
                new java.math.BigDecimal("5"), 3000)));
    }
}
