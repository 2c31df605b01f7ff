package dev.fracture.engine;

import static dev.fracture.engine.PerpFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import dev.fracture.model.EcosystemSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A perp liquidation inside an engine run, worked by hand. Market ETH: one tier at 10x, so the maintenance rate is
 * 1 / (2 × 10) = 5% (Hyperliquid's half of the initial margin at maximum leverage); whole positions go to the book;
 * backstop below 2/3 of maintenance. Alice is long 10 ETH from 2,000 with 2,000 USDC cross collateral; Bob is short
 * 20 ETH from 2,000 with 10,000. The chain makes a block every second; ETH steps from 2,000 at t = 60 s.
 */
class PerpExchangeParticipantTest {
    private static final double[] ALICE_SIZE = {10};

    private static EcosystemSnapshot ecosystem(double levelUsd, String fund, String vaultEquity) {
        return PerpFixture.snapshot(List.of(PerpFixture.exchange(fund, vaultEquity,
                List.of(PerpFixture.market("ETH", ETH, 10, 2, 50, levelUsd, 0, 0.5)),
                List.of(PerpFixture.cross("alice", "2000", "ETH", ALICE_SIZE[0], 2000),
                        PerpFixture.cross("bob", "10000", "ETH", -20, 2000)))));
    }

    private static SimulationResult run(EcosystemSnapshot snapshot, double to) {
        return CascadeSimulator.DEFAULT.run(new SimulationSetup(snapshot, 120, 1,
                (a, t) -> a.equals(ETH) ? (t >= 60 ? to : 2000) : a.equals(PerpFixture.USDC) ? 1 : 60000, Map.of(),
                List.of(), 0));
    }

    @Test
    void theBookClosesWhatItCanWithinTheBankruptcyPriceAndTheMakersHedgeAsForcedSelling() {
        // At 1,850: value = 2,000 + 10 × (1,850 − 2,000) = 500 < maintenance 10 × 1,850 × 5% = 925. The book rests
        // 5,000 USD at 1,850 × (1 − 0.005) = 1,840.75 and at 1,850 × (1 − 0.01) = 1,831.5, both above the bankruptcy
        // price 1,850 − 500 / 10 = 1,800: the order sells 5,000 / 1,840.75 + 5,000 / 1,831.5 ETH for 10,000 USD.
        SimulationResult r = run(ecosystem(5_000, "0", "0"), 1850);
        double sold = 5_000 / 1840.75 + 5_000 / 1831.5;
        double slippage = sold * 1850 - 10_000;
        assertThat(r.log()).filteredOn(e -> e.kind().equals("perp-liquidation")).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.subject()).isEqualTo("alice");
            assertThat(e.usd()).isCloseTo(sold * 1850, within(1e-6));
            assertThat(e.detail()).contains("equity 500.00 below maintenance 925.00");
        });
        // Afterwards: value 500 − slippage = 424.40 against maintenance (10 − sold) × 1,850 × 5% = 421.22, healthy.
        assertThat(500 - slippage).isGreaterThan((10 - sold) * 1850 * 0.05);
        assertThat(r.log()).noneMatch(e -> e.kind().equals("perp-adl") || e.kind().equals("perp-insurance"));
        // The makers bought `sold` ETH and hedge half of it at once: forced selling at the reference price.
        assertThat(r.summary().forcedSalesUsd().get(ETH)).isCloseTo(0.5 * sold * 1850, within(1e-6));
        double[] liquidated = r.trace().series("perpLiquidated:perps");
        double[] hedge = r.trace().series("perpHedgeSold:perps");
        assertThat(liquidated[59]).isCloseTo(sold * 1850, within(1e-6));
        assertThat(hedge[59]).isCloseTo(0.5 * sold * 1850, within(1e-6));
        assertThat(liquidated[60]).isZero();
        assertThat(r.notSimulated()).isEmpty();
    }

    @Test
    void aBankruptAccountGoesToTheVaultThenTheInsuranceFundThenAutoDeleveraging() {
        // At 1,780: value = 2,000 − 2,200 = −200, below zero, so the book is skipped. The vault (10,000 USD equity,
        // 1x) takes φ = min(1, 10,000 / 17,800, fund 1,000 / 200) = 0.5618 of the position at the bankruptcy price
        // 1,780 + 200 / 10 = 1,800, and the fund repays it φ × 200 = 112.36. The fund then covers the other
        // (1 − φ) × 200 = 87.64, leaving 800; the rest, (1 − φ) × 10 = 4.382 ETH, is closed against Bob's profitable
        // short at its bankruptcy price, now the mark 1,780.
        SimulationResult r = run(ecosystem(5_000, "1000", "10000"), 1780);
        double phi = 10_000 / 17_800.0;
        assertThat(r.log()).filteredOn(e -> e.kind().equals("perp-insurance")).singleElement()
                .satisfies(e -> assertThat(e.usd()).isCloseTo(200, within(1e-9)));
        assertThat(r.log()).filteredOn(e -> e.kind().equals("perp-adl")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("bob");
            assertThat(e.usd()).isCloseTo((1 - phi) * 10 * 1780, within(1e-6));
        });
        // The log follows the waterfall: the liquidation, the fund's payment, the deleveraged counterparty.
        List<String> kinds = r.log().stream().map(RunEvent::kind).filter(k -> k.startsWith("perp-")).toList();
        assertThat(kinds).containsExactly("perp-liquidation", "perp-insurance", "perp-adl");
        assertThat(r.log()).noneMatch(e -> e.kind().equals("perp-maker-hedge"));
        double[] fund = r.trace().series("perpInsuranceFund:perps");
        assertThat(fund[58]).isEqualTo(1000);
        assertThat(fund[59]).isCloseTo(800, within(1e-9));
        // The vault holds 5.618 ETH from 1,800, repaid to zero at 1,780: its P&L is 0 at the mark.
        assertThat(r.trace().series("perpVaultPnl:perps")[59]).isCloseTo(0, within(1e-9));
        assertThat(r.trace().series("perpAdl:perps")[59]).isCloseTo((1 - phi) * 10 * 1780, within(1e-6));
    }

    @Test
    void bobsShortIsDeleveragedAtTheBankruptcyPrice() {
        EcosystemSnapshot s = ecosystem(5_000, "1000", "10000");
        PerpExchangeParticipant p = new PerpExchangeParticipant(
                (dev.fracture.model.ProtocolSpec.PerpExchange) s.protocols().get(0), s);
        PerpHarness.run(s, p, (a, t) -> a.equals(ETH) ? (t >= 60 ? 1780 : 2000) : a.equals(PerpFixture.USDC) ? 1
                : 60000, 61, residual -> { });
        double take = (1 - 10_000 / 17_800.0) * 10;
        assertThat(p.accountsNow()).filteredOn(a -> a.id().equals(AccountId.of("bob"))).singleElement()
                .satisfies(bob -> {
                    // Closing 4.382 of the short at 1,780 realizes 4.382 × (2,000 − 1,780) into the collateral.
                    assertThat(bob.crossCollateral()).isCloseTo(10_000 + take * 220, within(1e-6));
                    assertThat(bob.positions().get(0).size()).isCloseTo(-20 + take, within(1e-9));
                });
        assertThat(p.accountsNow()).filteredOn(a -> a.id().equals(AccountId.of("alice"))).singleElement()
                .satisfies(alice -> {
                    assertThat(alice.positions()).isEmpty();
                    assertThat(alice.crossCollateral()).isZero();
                });
        assertThat(p.backstop().insuranceFund()).isCloseTo(800, within(1e-9));
        assertThat(p.backstop().vaultCapacityNotional()).isCloseTo(0, within(1e-6));
    }

    /**
     * The exchange writes its events' numbers in Locale.US for speed; the texts must be those of Locale.ROOT, which
     * the rest of the engine writes in and the documented state hashes were taken with: each event's format, on
     * seeded random numbers of every sign and size and on the special values.
     */
    @Test
    void eventNumbersAreWrittenAsInTheRootLocale() {
        String[] formats = {"rate %.8f for the interval at oracle %.4f; received %.2f USD net",
            "%s: equity %.2f below maintenance %.2f; book %.2f, vault %.2f, ADL %.2f, vault residual %.2f USD",
            "paid for the bankrupt scope %s; %.2f USD left in the fund",
            "%s %s: %.6f closed at the bankruptcy price %.4f against %s (rank score %.4f)"};
        SplittableRandom rnd = new SplittableRandom(62);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.005, -0.005,
            0.125, 1e-9, -1e-9, 1.5e15, Double.MAX_VALUE, Double.MIN_VALUE};
        for (int k = 0; k < 2_000; k++) {
            Object[] args = new Object[7];
            for (int a = 0; a < args.length; a++) {
                double x = k < special.length ? special[(k + a) % special.length]
                        : (rnd.nextBoolean() ? -1 : 1) * Math.pow(10, rnd.nextDouble(-12, 16)) * rnd.nextDouble();
                args[a] = x;
            }
            for (String format : formats) {
                Object[] typed = args.clone();
                for (int a = 0, at = format.indexOf('%'); at >= 0; at = format.indexOf('%', at + 1), a++) {
                    if (format.charAt(at + 1) == 's') {
                        typed[a] = "perp-0";
                    }
                }
                assertThat(String.format(PerpExchangeParticipant.EVENT_NUMBERS, format, typed))
                        .isEqualTo(String.format(Locale.ROOT, format, typed));
            }
        }
    }
}
