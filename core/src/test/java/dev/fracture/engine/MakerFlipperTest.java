package dev.fracture.engine;

import static dev.fracture.engine.BookFixtures.ETH;
import static dev.fracture.engine.BookFixtures.ETH_USD;
import static dev.fracture.engine.BookFixtures.ETHEREUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flipper liquidations (cat.sol bite, flip.sol tend/dent/deal) in an engine run, worked by hand. The ilk is March
 * 2020's ETH-A: mat 150%, chop 1.13, lump 50 ETH, beg 1.03, ttl 600 s, tau 3 days (makerdao/dss-deploy-scripts
 * config/main.json). One vault of 10 ETH owing 12,000 DAI; ETH steps from $2,000 to $1,700 at 60 s and the push feed
 * follows at once, so the block at 60 s bites the whole vault in one lot (10 ≤ lump): tab 12,000 × 1.13 = 13,560.
 * Nobody arbitrages the pool (10,000 ETH against 20,000,000 DAI, no fee): 10 ETH sell for 2e8 / 10,010 DAI. Blocks
 * every 12 s at a 10 gwei base fee; a bid costs 100,000 gas.
 */
class MakerFlipperTest {
    private static final AssetId DAI = AssetId.of("dai");
    private static final ProtocolId MAKER = ProtocolId.of("maker");

    static ProtocolSpec.CdpSystem maker() {
        return new ProtocolSpec.CdpSystem(MAKER, ETHEREUM, DAI, new BigDecimal("1000000000"),
                List.of(new ProtocolSpec.CdpSystem.Ilk("ETH-A", ETH, ETH_USD, MakerBookTest.ray("1.5"),
                        MakerBookTest.ray("1"), MakerBookTest.ray("1"), new BigDecimal("20"),
                        new BigDecimal("1000000000"), new BigDecimal("1000000000"), MakerBookTest.wad("1.13"), null,
                        new ProtocolSpec.CdpSystem.Flipper(MakerBookTest.wad("1.03"), 600, 259_200,
                                new BigDecimal("50")))),
                List.of(new ProtocolSpec.CdpSystem.Vault(AccountId.of("vault"), "ETH-A", new BigDecimal("10"),
                        new BigDecimal("12000"))));
    }

    static LiquidatorProfile keeper(String id, double dai, double tipGwei, double gasBudget) {
        return new LiquidatorProfile(id, Map.of(ChainId.of("ethereum"), Map.of(DAI, dai)), false, tipGwei, gasBudget,
                0, 0, 1, 0);
    }

    private static SimulationResult run(long horizon, LiquidatorProfile... keepers) {
        EcosystemSnapshot s = BookFixtures.ecosystem(DAI, 18, maker());
        return CascadeSimulator.DEFAULT.run(new SimulationSetup(s, horizon, 1, BookFixtures.step(60, 1700),
                Map.of(), List.of(keepers), 0));
    }

    @Test
    void aLoneKeeperWinsTheLotWithTheSmallestBidAfterTtl() {
        // Block at 60 s: bite and kick; the keeper, seeing no bid, tends one unit of RAD (tic 660). Nobody outbids it:
        // the block at 672 s deals the 10 ETH to it. The vow raised nothing of the 12,000 DAI of debt it took on.
        SimulationResult r = run(1200, keeper("solo", 100_000, 1, 1));
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(672);
            assertThat(e.liquidator()).isEqualTo("solo");
            assertThat(e.seized()).isEqualTo(10.0);
            assertThat(e.repaid()).isEqualTo(1e-45);
            assertThat(e.badDebtUsd()).isCloseTo(12_000, within(1e-6));
        });
        assertThat(r.summary().badDebtUsd().get(MAKER)).isCloseTo(12_000, within(1e-6));
    }

    @Test
    void competingKeepersBidTheTabAndThenDentTheLot() {
        // 60 s: both see no bid and tend one unit; "a" (tip 2) lands first, "b"'s equal bid is not higher.
        // 72 s: "b" faces a rival: its limit 19,980.02 − 1.87 of gas ≥ tab, so it tends the tab, 13,560.
        // 84 s: "a" dents: the smallest lot whose sale covers tab + 2.04 of gas (100,000 gas × 12 gwei × $1,700),
        //       13,562.04 / 1,998.002 ETH = 6.7878... ≤ 10 / 1.03; the rest of the lot goes back to the vault owner.
        // 96 s: "b" would need (13,561.87) / (unit value of 6.79 ETH) ≈ 6.785 ETH, above 6.7878 / 1.03: no bid.
        // Deal at the first block after 84 + 600: 696 s. The tab is raised in full: no loss.
        SimulationResult r = run(1200, keeper("a", 100_000, 2, 1), keeper("b", 100_000, 1, 1));
        double unit = 200_000_000.0 / 10_010 / 10;
        double wanted = 13_562.04 / unit;
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(696);
            assertThat(e.liquidator()).isEqualTo("a");
            assertThat(e.repaid()).isCloseTo(13_560, within(1e-9));
            assertThat(e.seized()).isCloseTo(wanted, within(1e-9));
            assertThat(e.badDebtUsd()).isZero();
        });
        assertThat(r.summary().badDebtUsd().get(MAKER)).isZero();
    }

    @Test
    void aKeeperWhoseGasPriceIsBelowTheBaseFeeNeverBids() {
        // Budget 0.0005 ETH a block = a fixed price of 5 gwei for 100,000 gas: below the 10 gwei base fee, no bid lands,
        // so the lot waits (flip.sol never gives it back) and nothing is lost yet.
        SimulationResult r = run(1200, keeper("fixed", 100_000, 0, 0.0005));
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().badDebtUsd().get(MAKER)).isZero();
    }
}
