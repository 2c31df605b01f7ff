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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Maker liquidations in an engine run, worked by hand from dog.sol, clip.sol and abaci.sol. One ETH-A-like ilk: mat
 * 150%, chop 1.13, rate 1, Clipper buf 1.2, tail 8400 s, cusp 0.4, StairstepExponentialDecrease cutting 1% every
 * 90 s; one vault of 10 ETH owing 12,000 DAI. ETH steps from $2,000 to $1,700 at t = 60 s; the feed is a push feed
 * that follows at once, so the vault is unsafe from the block at 60 s: 10 × 1700 / 1.5 = 11,333 < 12,000.
 */
class MakerBookTest {
    private static final AssetId DAI = AssetId.of("dai");
    private static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    static ProtocolSpec.CdpSystem maker(String ilkHole, String tip, String chip, String ink, String art) {
        return new ProtocolSpec.CdpSystem(ProtocolId.of("maker"), ETHEREUM, DAI, new BigDecimal("1000000000"),
                List.of(new ProtocolSpec.CdpSystem.Ilk("ETH-A", ETH, ETH_USD, ray("1.5"), ray("1"), ray("1"),
                        new BigDecimal("100"), new BigDecimal("1000000000"), new BigDecimal(ilkHole), wad("1.13"),
                        new ProtocolSpec.CdpSystem.Clipper(ray("1.2"), 8400, ray("0.4"), wad(chip),
                                new BigDecimal(tip), new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(90,
                                ray("0.99"))))),
                List.of(new ProtocolSpec.CdpSystem.Vault(AccountId.of("vault"), "ETH-A", new BigDecimal(ink),
                        new BigDecimal(art))));
    }

    static BigInteger ray(String v) {
        return new BigDecimal(v).movePointRight(27).toBigIntegerExact();
    }

    static BigInteger wad(String v) {
        return new BigDecimal(v).movePointRight(18).toBigIntegerExact();
    }

    private static SimulationResult run(EcosystemSnapshot s, long horizon) {
        return CascadeSimulator.DEFAULT.run(new SimulationSetup(s, horizon, 1, BookFixtures.step(60, 1700), Map.of(),
                List.of(FLASH), 0));
    }

    @Test
    void anUnsafeVaultIsBarkedAndTakenWhenTheAuctionPriceFallsBelowTheVenue() {
        EcosystemSnapshot s = BookFixtures.ecosystem(DAI, 18, maker("1000000000", "0", "0", "10", "12000"));
        SimulationResult r = run(s, 1200);
        // bark at 60 s: tab = 12,000 × 1.13 = 13,560 DAI for the 10 ETH; top = 1.2 × 1700 = 2,040.
        // The pool (nobody arbitrages it: no capital) pays ≈ 2,000 a unit. At 2,040 · 0.99² = 1,999.40 (from 180 s of
        // auction) the best take earns ≈ 0.45 USD before 5.61 USD of gas (300,000 gas × 11 gwei × 1,700); at
        // 2,040 · 0.99³ = 1,979.40996 (from 270 s: the block at 336 s) buying the whole tab pays. Owe = tab = 13,560,
        // slice = 13,560 / 1,979.40996 ETH; the rest of the lot goes back to the vault owner.
        double price = 2040 * 0.970299;
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(336);
            assertThat(e.protocol()).isEqualTo(ProtocolId.of("maker"));
            assertThat(e.repaid()).isCloseTo(13_560, within(1e-9));
            assertThat(e.seized()).isCloseTo(13_560 / price, within(1e-12));
            assertThat(e.badDebtUsd()).isZero();
        });
        assertThat(r.summary().badDebtUsd().get(ProtocolId.of("maker"))).isZero();
        assertThat(r.summary().forcedSalesUsd().get(ETH)).isCloseTo(13_560 / price * 1700, within(1e-6));
        assertThat(r.notSimulated()).isEmpty();
    }

    @Test
    void theIlkHoleSplitsTheVaultIntoAuctionsAndEachKickPaysTipAndChip() {
        // hole = 5,650 DAI: dart = 5,650 / 1 / 1.13 = 5,000 of the 12,000 art; the rest (7,000) is above dust, so
        // the first auction is partial: tab 5,650, lot 10 × 5,000 / 12,000 ETH. The vault stays unsafe
        // (5.83 ETH × 1,133.33 < 7,000), but dirt = hole refuses a second bark until the take digs the tab back.
        EcosystemSnapshot s = BookFixtures.ecosystem(DAI, 18, maker("5650", "300", "0.001", "10", "12000"));
        SimulationResult r = run(s, 1200);
        // Auctions: 5,000 art (tab 5,650), then 5,000 (5,650), then the last 2,000 (2,260). Each is kicked the block
        // after the previous take and taken 276 s after its kick (the first block with three 1% cuts).
        assertThat(r.events()).extracting(LiquidationEvent::time).containsExactly(336L, 624L, 912L);
        assertThat(r.events()).extracting(LiquidationEvent::repaid)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(5650.0, 5650.0, 2260.0);
        // The vow: sin 12,000; raised 13,560; incentives 3 × 300 + 0.001 × (5,650 + 5,650 + 2,260) = 913.56.
        // Penalties cover it all (−646.44 DAI of deficit): no bad debt.
        assertThat(r.summary().badDebtUsd().get(ProtocolId.of("maker"))).isZero();
    }

    @Test
    void theVowBooksIncentivesAndPenaltiesExactly() {
        EcosystemSnapshot s = BookFixtures.ecosystem(DAI, 18, maker("5650", "300", "0.001", "10", "12000"));
        MakerBook book = BookHarness.run(s, BookFixtures.step(60, 1700), List.of(FLASH), 1200, 1);
        assertThat(book.lossDai()).isCloseTo(12_000 - 13_560 + 913.56, within(1e-9));
        MakerBook.Totals t = book.totals();
        assertThat(t.sin()).isEqualTo(wad("12000").multiply(BigInteger.TEN.pow(27)));
        assertThat(t.raised()).isEqualTo(wad("13560").multiply(BigInteger.TEN.pow(27)));
        assertThat(t.unraised()).isZero();
        assertThat(t.sold().add(t.returned())).isEqualTo(wad("10"));
    }
}
