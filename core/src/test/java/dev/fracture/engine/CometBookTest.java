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
 * Compound v3 in an engine run, worked by hand from Comet.sol (absorbInternal, quoteCollateral, buyCollateral). A USDC
 * market with 1,000 USDC of reserves (target 5,000,000), storefront price factor 0.5 and ETH collateral with borrow /
 * liquidate collateral factors 0.80 / 0.85 and liquidation factor 0.93. Alice borrows 16,000 USDC against 10 ETH:
 * at $2,000 her liquidity is 10 × 2000 × 0.85 − 16,000 = 1,000 > 0. ETH steps to $1,800 at 60 s:
 * 10 × 1800 × 0.85 = 15,300 < 16,000, so she is absorbed in the block at 60 s.
 */
class CometBookTest {
    static final AssetId USDC = AssetId.of("usdc");
    private static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    static ProtocolSpec.CometLending comet(List<ProtocolSpec.CometLending.Account> accounts, String reserves) {
        return new ProtocolSpec.CometLending(ProtocolId.of("comet"), ETHEREUM, USDC, BookFixtures.stableOracle(USDC),
                factor("0.5"), new BigDecimal(reserves), new BigDecimal("5000000"),
                List.of(new ProtocolSpec.CometLending.Collateral(ETH, ETH_USD, factor("0.8"), factor("0.85"),
                        factor("0.93"), new BigDecimal("1000000"))),
                accounts);
    }

    static BigInteger factor(String v) {
        return new BigDecimal(v).movePointRight(18).toBigIntegerExact();
    }

    static ProtocolSpec.CometLending.Account account(String id, String base, String eth) {
        return new ProtocolSpec.CometLending.Account(AccountId.of(id), new BigDecimal(base),
                List.of(new ProtocolSpec.Balance(ETH, new BigDecimal(eth))));
    }

    private static EcosystemSnapshot alice() {
        return BookFixtures.ecosystem(USDC, 6, comet(List.of(account("alice", "-16000", "10"),
                account("bob", "50000", "0")), "1000"));
    }

    @Test
    void anAbsorbDrivesReservesNegativeWhileTheCollateralItHoldsStillCoversThem() {
        // No liquidators: absorb is the protocol keeper's and happens anyway. Collateral value 18,000 × 0.93 = 16,740
        // is credited: the 16,000 debt is erased and 740 becomes a supply. Reserves: 1,000 − 16,740 = −15,740. The
        // 10 ETH it holds sell at the store-front price 1800 × (1 − 0.5 × (1 − 0.93)) = 1,737: 17,370 USDC ≥ 15,740,
        // so no loss yet.
        CometBook book = BookHarness.run(alice(), BookFixtures.step(60, 1800), List.of(), 120, 1,
                CometBook::checkConservation);
        assertThat(book.absorbs()).isEqualTo(1);
        assertThat(book.reserves()).isEqualTo(-15_740);
        assertThat(book.inventory(ETH)).isEqualTo(10);
        assertThat(book.badDebtUsd()).isZero();
        assertThat(book.debtUsd()).isZero();
    }

    @Test
    void theLossIsTheNegativeReservesTheHeldCollateralNoLongerRestores() {
        // As above, then ETH falls to $1,000 at 90 s with nobody buying: the 10 ETH now sell at the store-front price
        // 1000 × 0.965 = 965 USDC: 9,650 USDC against reserves of −15,740: a loss of 6,090 USD.
        BasePrices twoSteps = (a, t) -> a.equals(ETH) ? (t >= 90 ? 1000 : t >= 60 ? 1800 : 2000) : 1;
        CometBook book = BookHarness.run(alice(), twoSteps, List.of(), 120, 1, CometBook::checkConservation);
        assertThat(book.absorbs()).isEqualTo(1);
        assertThat(book.reserves()).isEqualTo(-15_740);
        assertThat(book.badDebtUsd()).isCloseTo(15_740 - 9_650, within(1e-6));
    }

    @Test
    void buyCollateralAtTheStorefrontDiscountIsTheForcedSaleAndRefillsReserves() {
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(alice(), 600, 1,
                BookFixtures.step(60, 1800), Map.of(), List.of(FLASH), 0));
        // Storefront price: 1800 × (1 − 0.5 × (1 − 0.93)) = 1,737 USDC an ETH. The pool (not arbitraged) pays ≈ 2,000,
        // so the whole 10 ETH are bought at once for 17,370 USDC and sold: reserves −15,740 + 17,370 = 1,630.
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.debtAsset()).isEqualTo(USDC);
            assertThat(e.repaid()).isCloseTo(17_370, within(1e-6));
            assertThat(e.seized()).isCloseTo(10, within(1e-12));
            assertThat(e.proceeds()).isCloseTo(20_000_000 * 10 / 10_010.0, within(1e-3));
        });
        assertThat(r.summary().forcedSalesUsd().get(ETH)).isCloseTo(18_000, within(1e-6));
        assertThat(r.summary().badDebtUsd().get(ProtocolId.of("comet"))).isZero();
    }

    @Test
    void nothingIsForSaleOnceReservesReachTheirTarget() {
        // Reserves of 5,020,000 stay at or above the 5,000,000 target after the absorb (5,020,000 − 16,740):
        // buyCollateral would revert NotForSale, so the protocol keeps the ETH and nothing is sold.
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(BookFixtures.ecosystem(USDC, 6,
                comet(List.of(account("alice", "-16000", "10")), "5020000")), 600, 1, BookFixtures.step(60, 1800),
                Map.of(), List.of(FLASH), 0));
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().badDebtUsd().get(ProtocolId.of("comet"))).isZero();
    }

    @Test
    void theFastEngineChecksOnlyWhatCanHaveChangedAndAbsorbsTheSameAccounts() {
        // Forty borrowers at seeded loan-to-values; ETH falls 2% every 120 s and stays put in between (ten blocks at
        // one price, where the fast engine re-checks only the accounts it absorbed). Both engines must absorb the same
        // accounts at the same blocks and end in the same state.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        List<ProtocolSpec.CometLending.Account> accounts = new java.util.ArrayList<>();
        for (int k = 0; k < 40; k++) {
            double eth = 1 + rnd.nextInt(20);
            double debt = eth * 2000 * (0.55 + 0.3 * rnd.nextDouble());
            accounts.add(account("b" + k, String.format(java.util.Locale.ROOT, "-%.2f", debt),
                    String.format(java.util.Locale.ROOT, "%.0f", eth)));
        }
        accounts.add(account("lender", "5000000", "0"));
        EcosystemSnapshot snapshot = BookFixtures.ecosystem(USDC, 6, comet(accounts, "1000"));
        BasePrices stairs = (a, t) -> a.equals(ETH) ? 2000 * Math.pow(0.98, t / 120) : 1;
        SimulationSetup setup = new SimulationSetup(snapshot, 2400, 3, stairs, Map.of(), List.of(FLASH), 0);
        SimulationResult fast = CascadeSimulator.DEFAULT.run(setup);
        SimulationResult reference = ReferenceSimulator.DEFAULT.run(setup);
        assertThat(fast.stateHash()).isEqualTo(reference.stateHash());
        assertThat(fast.log()).isEqualTo(reference.log());
        assertThat(fast.events()).isEqualTo(reference.events());
        assertThat(fast.events().stream().mapToLong(LiquidationEvent::time).distinct().count())
                .as("absorbed collateral bought at several steps of the fall").isGreaterThan(3);
    }

    @Test
    void theTracesDepthFollowsThePoolThroughTheSale() {
        // The fixture's pool holds 10,000 ETH and 20,000,000 USDC, fee-free, and nobody else trades it (no
        // arbitrage capital). Its 2% depth in ETH is 2c / (b + sqrt(b² + 4c)) with b = 2R and c = R²·0.02/0.98
        // (ConstantProductPool.depth with γ = 1), valued at ETH's reference price: R = 10,000 until the 10 ETH bought
        // from the storefront are sold into it at 60 s, R = 10,010 after. The trace measures a venue again only
        // when it traded, so this is what shows the measurement is not kept past a trade.
        SimulationResult r = CascadeSimulator.DEFAULT.run(new SimulationSetup(alice(), 600, 1,
                BookFixtures.step(60, 1800), Map.of(), List.of(FLASH), 0));
        double[] depth = r.trace().series("depth2pct:ETH");
        long[] times = r.trace().times();
        for (int k = 0; k < times.length; k++) {
            double reserve = times[k] < 60 ? 10_000 : 10_010;
            double price = times[k] < 60 ? 2000 : 1800;
            double b = 2 * reserve;
            double c = reserve * reserve * 0.02 / 0.98;
            double expected = 2 * c / (b + Math.sqrt(b * b + 4 * c)) * price;
            assertThat(depth[k]).as("block at %d s", times[k]).isCloseTo(expected, within(expected * 1e-9));
        }
    }
}
