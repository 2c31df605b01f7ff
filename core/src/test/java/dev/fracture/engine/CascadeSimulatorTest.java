package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine on an ecosystem small enough to work by hand: one Aave-style pool with one account (10 ETH against
 * 15,000 USDC, threshold 80%, bonus 5%, no protocol fee), one fee-free ETH/USDC pool of 10,000 ETH and 20,000,000
 * USDC, push feeds that follow the reference at once, one liquidator with free flash loans, and ETH stepping from
 * $2,000 to $1,800 at t = 60 s. Ethereum blocks come every 12 s, so the block at 60 s is the first at the new price.
 */
class CascadeSimulatorTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USDC = AssetId.of("USDC");

    static EcosystemSnapshot ecosystem(String ethCollateral, String usdcDebt) {
        List<OracleSpec> oracles = List.of(
                new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD", 3600, 50, 8, 0),
                new OracleSpec.Push(OracleId.of("usdc-usd"), USDC, "USD", 86_400, 25, 8, 0));
        ProtocolSpec.PooledLending aave = new ProtocolSpec.PooledLending(ProtocolId.of("lender"), ETHEREUM,
                List.of(new ProtocolSpec.PooledLending.Reserve(ETH, OracleId.of("eth-usd"), 7500, 8000, 10500, 0, 0, 0,
                                0, false, 0),
                        new ProtocolSpec.PooledLending.Reserve(USDC, OracleId.of("usdc-usd"), 7500, 8000, 10500, 0, 0,
                                0, 0, true, 0)),
                List.of(),
                List.of(new ProtocolSpec.PooledLending.Account(AccountId.of("alice"), 0,
                        List.of(new ProtocolSpec.PooledLending.Supply(ETH, new BigDecimal(ethCollateral), true)),
                        List.of(new ProtocolSpec.Balance(USDC, new BigDecimal(usdcDebt))))));
        return new EcosystemSnapshot("engine-test", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                        new BigDecimal("10000"), new BigDecimal("20000000"), 0)),
                oracles, List.of(aave));
    }

    private static BasePrices step(double to) {
        return (a, t) -> a.equals(ETH) ? (t >= 60 ? to : 2000) : 1;
    }

    private static final BasePrices STEP = step(1800);

    private static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    private static SimulationSetup setup(EcosystemSnapshot s, Map<AssetId, SquareRootImpact> impact, long seed) {
        return new SimulationSetup(s, 600, seed, STEP, impact, List.of(FLASH), 0);
    }

    @Test
    void theLiquidatorsBooksIterateInIdOrderWhateverTheJvm() {
        // Map.copyOf iterates in an order salted per JVM (fixed by the class-data archive on some JDKs, drawn at
        // start on others), which a run's JSON printed; the result keeps them in id order.
        List<String> ids = List.of("kappa", "alpha", "searcher-9", "flash", "zeta", "beta", "searcher-10", "mu");
        List<LiquidatorProfile> profiles = ids.stream()
                .map(id -> new LiquidatorProfile(id, Map.of(), true, 1, 1, 0, 0, 1, 0)).toList();
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(ecosystem("10", "15000"), 600, 1, STEP,
                Map.of(), profiles, 0));
        assertThat(List.copyOf(r.liquidators().keySet())).containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @Test
    void aHealthyAccountIsLeftAlone() {
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(ecosystem("10", "15000"), 600, 1,
                (a, t) -> a.equals(ETH) ? 2000 : 1, Map.of(), List.of(FLASH), 0));
        assertThat(r.events()).isEmpty();
    }

    @Test
    void aStepShockLiquidatesHalfTheDebtAtTheCloseFactor() {
        SimulationResult r = CascadeSimulator.DEFAULT.run(setup(ecosystem("10", "15000"), Map.of(), 1));
        // At $1,800: HF = 10 × 1800 × 0.8 / 15000 = 0.96 > 0.95, so the close factor is 50%: 7,500 USDC repaid,
        // 7500 × 1.05 / 1800 = 4.375 ETH seized. Afterwards HF = 5.625 × 1800 × 0.8 / 7500 = 1.08: no more.
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.repaid()).isCloseTo(7500, within(1e-9));
            assertThat(e.seized()).isCloseTo(4.375, within(1e-12));
            // Nobody arbitraged the pool (no capital): it still prices ETH at 2,000 when the ETH is sold into it.
            double proceeds = 20_000_000 * 4.375 / (10_000 + 4.375);
            assertThat(e.proceeds()).isCloseTo(proceeds, within(1e-3));
            // Profit = proceeds − repaid − flash fee (5 bps of 7,500) − gas (400,000 × 11 gwei × $1,800).
            assertThat(e.profitUsd()).isCloseTo(proceeds - 7500 - 3.75 - 400_000 * 11e-9 * 1800, within(1e-3));
        });
        assertThat(r.summary().liquidatedUsd()).isCloseTo(7500, within(1e-9));
        assertThat(r.summary().forcedSalesUsd().get(ETH)).isCloseTo(4.375 * 1800, within(1e-9));
        assertThat(r.summary().badDebtUsd().get(ProtocolId.of("lender"))).isZero();
        assertThat(r.summary().cascadeMultiplier()).isCloseTo(1, within(1e-12));
        assertThat(r.trace().blocks()).isEqualTo(50);
    }

    @Test
    void forcedSellingMovesTheReferencePriceByTheSquareRootLaw() {
        SquareRootImpact law = new SquareRootImpact(1.0, 1_000_000, 0.05);
        SimulationResult r = CascadeSimulator.DEFAULT.run(setup(ecosystem("10", "15000"), Map.of(ETH, law), 1));
        double sold = r.summary().forcedSalesUsd().get(ETH);
        // From the next block on: 1800 × (1 − 1.0 × 0.05 × √(sold / 1,000,000)).
        double[] ref = r.trace().series("ref:" + ETH);
        assertThat(ref[ref.length - 1]).isCloseTo(1800 * (1 - 0.05 * Math.sqrt(sold / 1_000_000)), within(1e-9));
        assertThat(r.summary().cascadeMultiplier()).isGreaterThan(1);
    }

    @Test
    void collateralThatCannotCoverTheDebtEndsAsBadDebt() {
        // ETH falls 25% to $1,500. 10 ETH = 15,000 against 15,000 USDC: HF = 0.8 < 0.95, close factor 100%. Repaying
        // all of it would need 15000 × 1.05 / 1500 = 10.5 ETH: the 10 ETH cover only 10 × 1500 / 1.05 = 14,285.71
        // USDC, and the remaining 714.29 USDC is left with no collateral: bad debt.
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(ecosystem("10", "15000"), 600, 1,
                step(1500), Map.of(), List.of(FLASH), 0));
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.seized()).isCloseTo(10, within(1e-12));
            assertThat(e.repaid()).isCloseTo(10 * 1500 / 1.05, within(1e-4));
            assertThat(e.badDebtUsd()).isCloseTo(15_000 - 10 * 1500 / 1.05, within(1e-4));
        });
        assertThat(r.summary().totalBadDebtUsd()).isCloseTo(15_000 - 10 * 1500 / 1.05, within(1e-4));
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        SimulationSetup s = setup(ecosystem("10", "15000"), Map.of(ETH, new SquareRootImpact(0.8, 5e6, 0.04)), 7);
        assertThat(CascadeSimulator.DEFAULT.run(s).trace().hash())
                .isEqualTo(CascadeSimulator.DEFAULT.run(s).trace().hash());
    }

    @Test
    void protocolsTheEngineDoesNotSimulateAreNamed() {
        SimulationResult r = CascadeSimulator.DEFAULT.run(setup(ecosystem("10", "15000"), Map.of(), 1));
        assertThat(r.notSimulated()).isEmpty();
        assertThat(r.liquidators().get("flash").liquidations()).isEqualTo(1);
    }

    @Test
    void badSetupsAreRejected() {
        EcosystemSnapshot s = ecosystem("10", "15000");
        assertThatThrownBy(() -> new SimulationSetup(s, 0, 1, STEP, Map.of(), List.of(), 0))
                .hasMessageContaining("horizonSeconds must be > 0");
        assertThatThrownBy(() -> new SimulationSetup(s, 60, 1, STEP, Map.of(AssetId.of("DOGE"),
                new SquareRootImpact(1, 1, 0)), List.of(), 0)).hasMessageContaining("unknown asset 'DOGE'");
        assertThatThrownBy(() -> new SquareRootImpact(1, 0, 0.1)).hasMessageContaining("dailyVolumeUsd");
        assertThatThrownBy(() -> CascadeSimulator.DEFAULT.run(new SimulationSetup(s, 60, 1, (a, t) -> -1, Map.of(),
                List.of(), 0))).hasMessageContaining("must be a positive finite number");
    }
}
