package dev.fracture.engine;

import static dev.fracture.engine.BookFixtures.ETH;
import static dev.fracture.engine.BookFixtures.ETH_USD;
import static dev.fracture.engine.BookFixtures.ETHEREUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.Trove;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Liquity v1 in an engine run, worked by hand from TroveManager.sol (MCR 110%, CCR 150%, 0.5% of the collateral
 * and 200 LUSD to the caller) and StabilityPool.sol's offset. Prices: ETH steps from $2,000 at 60 s.
 */
class LiquityBookTest {
    static final AssetId LUSD = AssetId.of("lusd");
    private static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    static ProtocolSpec.StabilityPoolSystem liquity(String pool, ProtocolSpec.StabilityPoolSystem.Trove... troves) {
        return new ProtocolSpec.StabilityPoolSystem(ProtocolId.of("liquity"), ETHEREUM, LUSD, ETH, ETH_USD,
                wad("1.1"), wad("1.5"), new BigDecimal("200"), 200, new BigDecimal(pool), List.of(troves));
    }

    static BigInteger wad(String v) {
        return new BigDecimal(v).movePointRight(18).toBigIntegerExact();
    }

    static ProtocolSpec.StabilityPoolSystem.Trove trove(String owner, String coll, String debt) {
        return new ProtocolSpec.StabilityPoolSystem.Trove(AccountId.of(owner), new BigDecimal(coll),
                new BigDecimal(debt));
    }

    @Test
    void aTroveBelowMcrIsOffsetAgainstThePoolAndTheRestRedistributed() {
        // At $1,600 alice's ICR is 10 × 1600 / 15,000 = 106.7% < 110%; TCR = 160 × 1600 / 85,000 = 301%: normal mode.
        // The pool's 10,000 LUSD offset 10,000 of her debt; of 10 − 10/200 = 9.95 ETH, 9.95 × 10,000 / 15,000 go to
        // depositors; 5,000 LUSD and 3.3167 ETH are spread over bob and carol by collateral (100 : 50).
        EcosystemSnapshot s = BookFixtures.ecosystem(LUSD, 18, liquity("10000", trove("alice", "10", "15000"),
                trove("bob", "100", "50000"), trove("carol", "50", "20000")));
        LiquityBook book = BookHarness.run(s, BookFixtures.step(60, 1600), List.of(), 600, 1,
                LiquityBook::checkConservation);
        assertThat(book.liquidations()).isEqualTo(1);
        assertThat(book.offsetLusd()).isCloseTo(10_000, within(1e-9));
        assertThat(book.redistributedLusd()).isCloseTo(5_000, within(1e-9));
        assertThat(book.collateralToPool()).isCloseTo(9.95 * 10_000 / 15_000, within(1e-12));
        Trove bob = book.system().trove(AccountId.of("bob"));
        assertThat(bob.debt()).isCloseTo(50_000 + 5_000 * 100 / 150.0, within(1e-9));
        assertThat(bob.coll()).isCloseTo(100 + (9.95 - 9.95 * 10_000 / 15_000) * 100 / 150, within(1e-12));
        assertThat(book.system().poolLusd()).isZero();
        // 16,000 of collateral against 15,000 of debt: no shortfall.
        assertThat(book.badDebtUsd()).isZero();
    }

    @Test
    void inRecoveryModeATroveBetweenMcrAndTcrIsLiquidatedCappedAtMcr() {
        // At $1,600: TCR = 40 × 1600 / 43,000 = 148.8% < 150%: recovery mode. alice's ICR = 16,000 / 13,000 = 123%
        // is between MCR and TCR and the pool (20,000) covers her whole debt: collateral worth 110% of it,
        // 13,000 × 1.1 / 1600 = 8.9375 ETH, is taken (0.5% of it to the caller), the other 1.0625 ETH stay hers.
        EcosystemSnapshot s = BookFixtures.ecosystem(LUSD, 18, liquity("20000", trove("alice", "10", "13000"),
                trove("bob", "20", "20000"), trove("carol", "10", "10000")));
        LiquityBook book = BookHarness.run(s, BookFixtures.step(60, 1600), List.of(), 600, 1,
                LiquityBook::checkConservation);
        assertThat(book.liquidations()).isEqualTo(1);
        assertThat(book.offsetLusd()).isCloseTo(13_000, within(1e-9));
        assertThat(book.collateralToPool()).isCloseTo(8.9375 * 199 / 200, within(1e-12));
        assertThat(book.system().collSurplus().get(AccountId.of("alice"))).isCloseTo(1.0625, within(1e-12));
        // Afterwards TCR = 30 × 1600 / 30,000 = 160%: back to normal mode, bob and carol (160%) stay.
        assertThat(book.system().troves()).containsOnlyKeys(AccountId.of("bob"), AccountId.of("carol"));
    }

    @Test
    void theStabilityPoolHoldsItsCollateralSoAnEngineRunSellsNothing() {
        EcosystemSnapshot s = BookFixtures.ecosystem(LUSD, 18, liquity("10000", trove("alice", "10", "15000"),
                trove("bob", "100", "50000"), trove("carol", "50", "20000")));
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(s, 600, 1, BookFixtures.step(60, 1600),
                Map.of(), List.of(FLASH), 0));
        assertThat(r.notSimulated()).isEmpty();
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().forcedSalesUsd().getOrDefault(ETH, 0.0)).isZero();
    }
}
