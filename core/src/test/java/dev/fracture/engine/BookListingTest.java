package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
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
import dev.fracture.model.ProtocolSpec.IsolatedLending;
import dev.fracture.model.ProtocolSpec.PooledLending;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.protocol.lending.MorphoSetup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a book's listing hands the desk: each position's slot, and its opportunity dated as when it was first found.
 *
 * <p>A landed plan goes to the position it was made from: the listing's slot the desk hands the book
 * ({@link ProtocolBook#apply(LiquidationPlan, int)}), taken only where it holds the plan's account.
 *
 * <p>Morpho: one account borrows in two markets of one pair (ETH against
 * USDC at LLTVs of 86% and 77%): 5 ETH against 8,200 USDC in the first, 5 ETH against 7,000 in the second, and a
 * second account borrows 1,000 in the first. At ETH 1,800 both of the first account's positions are liquidatable
 * (9,000 × 0.86 = 7,740 < 8,200; 9,000 × 0.77 = 6,930 < 7,000). Seizing 1 ETH (1,800 USDC at the oracle) repays
 * 1,800 / LIF: LIF = 1 / (0.3 × LLTV + 0.7) (Morpho Blue {@code liquidationIncentiveFactor}), so 1,800 × 0.931 =
 * 1,675.8 USDC in the 77% market and 1,800 × 0.958 = 1,724.4 in the 86% one — which market took the plan shows in
 * what it repaid.
 */
class BookListingTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId USDC = AssetId.of("usdc");
    private static final AccountId M = AccountId.of("m");

    private static EcosystemSnapshot snapshot(ProtocolSpec protocol) {
        return new EcosystemSnapshot("slots", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                        new BigDecimal("2000"), new BigDecimal("4000000"), 30)),
                List.of(new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD", 3600, 50, 8, 0),
                        new OracleSpec.Push(OracleId.of("usdc-usd"), USDC, "USD", 86_400, 25, 8, 0)),
                List.of(protocol));
    }

    /** {@code book} after observing ETH at 1,800 USD. */
    private static <B extends ProtocolBook> B observedAt1800(EcosystemSnapshot s, B book) {
        return observedAt(s, book, 1800, 12);
    }

    /** {@code book} after observing ETH at {@code ethUsd} at second {@code now}. */
    private static <B extends ProtocolBook> B observedAt(EcosystemSnapshot s, B book, double ethUsd, long now) {
        Map<AssetId, Double> usd = Map.of(ETH, ethUsd, USDC, 1.0);
        OracleBank.ReferenceView reference = usd::get;
        OracleBank bank = new OracleBank(s, Market.of(s, MathMode.FAST), reference, 0, List.of());
        bank.update(now, reference);
        book.observe(bank, reference, now);
        return book;
    }

    /**
     * A position found liquidatable again at new prices is a new opportunity (its amounts moved) dated from the block
     * it was first found in, where the desk dates it — so the desk keeps the book's object; found again after a
     * check that did not find it, it is dated anew. Aave account a of the test below (10 ETH against 15,400 USDC,
     * liquidatable below 1,925 USD) and Morpho's first position (5 ETH against 8,200 USDC at 86%, below 1,906.98),
     * with the fast engine's screen and kept checks on: found at 1,800 in block 1, at 1,790 in block 2, not at 2,000
     * in block 3, found at 1,800 in block 4.
     */
    @Test
    void aPositionFoundAgainIsDatedFromWhenItWasFirstFound() {
        PooledLending aave = aave(pooled("a", "10", "15400"));
        EcosystemSnapshot aaveSnapshot = snapshot(aave);
        EcosystemSnapshot morphoSnapshot = twoMarketsOfOnePair();
        IsolatedLending morpho = (IsolatedLending) morphoSnapshot.protocols().get(0);
        List<ProtocolBook> books = List.of(ProtocolBooks.of(aave, aaveSnapshot).orElseThrow(),
                new MorphoBook(morpho.id(), morpho.chain(), MorphoSetup.of(morpho, morphoSnapshot), morphoSnapshot));
        List<EcosystemSnapshot> snapshots = List.of(aaveSnapshot, morphoSnapshot);
        for (int b = 0; b < books.size(); b++) {
            ProtocolBook book = books.get(b);
            EcosystemSnapshot s = snapshots.get(b);
            book.useIndex(true);
            LiquidationOpportunity first = observedAt(s, book, 1800, 12).listing(1).opportunities().get(0);
            assertThat(first.detectedBlock()).isEqualTo(1);
            LiquidationOpportunity again = observedAt(s, book, 1790, 24).listing(2).opportunities().get(0);
            assertThat(again).isNotSameAs(first);
            assertThat(again.collateralPerDebt()).isGreaterThan(first.collateralPerDebt());
            assertThat(again.detectedBlock()).as("%s, found again", book.id()).isEqualTo(1);
            assertThat(observedAt(s, book, 2000, 36).listing(3).opportunities()).isEmpty();
            assertThat(observedAt(s, book, 1800, 48).listing(4).opportunities().get(0).detectedBlock())
                    .as("%s, found after a check that did not find it", book.id()).isEqualTo(4);
        }
    }

    /** An Aave pool of ETH and USDC, each at an LTV of 75%, a threshold of 80% and a bonus of 5%. */
    private static PooledLending aave(PooledLending.Account... accounts) {
        return new PooledLending(ProtocolId.of("aave"), ETHEREUM,
                List.of(new PooledLending.Reserve(ETH, OracleId.of("eth-usd"), 7500, 8000, 10500, 0, 0, 0, 0, false, 0),
                        new PooledLending.Reserve(USDC, OracleId.of("usdc-usd"), 7500, 8000, 10500, 0, 0, 0, 0, true,
                                0)),
                List.of(), List.of(accounts));
    }

    private static PooledLending.Account pooled(String id, String eth, String usdc) {
        return new PooledLending.Account(AccountId.of(id), 0,
                List.of(new PooledLending.Supply(ETH, new BigDecimal(eth), true)),
                List.of(new ProtocolSpec.Balance(USDC, new BigDecimal(usdc))));
    }

    /**
     * Aave: 10 ETH against 15,400 USDC (account a) and against 15,000 (b), threshold 80%, bonus 5%. At ETH 1,800 a's
     * factor is 18,000 × 0.8 / 15,400 = 0.935, at most 0.95: all its debt may be repaid; b's is 0.96: half, 7,500.
     * A plan repaying 1,000 USDC of a's debt, handed b's slot, lands on a (looked up, the slot not holding it): a then
     * owes 14,400 against 10 − 1,000 × 1.05 / 1,800 = 9.41667 ETH (factor 0.942, still all of it repayable, for 8.4
     * ETH), and b is as it was. Handed a's own slot, or none, the same.
     */
    @Test
    void anAavePlanLandsOnItsAccountWhateverSlotItIsHanded() {
        PooledLending spec = aave(pooled("a", "10", "15400"), pooled("b", "10", "15000"));
        EcosystemSnapshot s = snapshot(spec);
        for (int slot : new int[] {1, 0, -1, 9}) {
            ProtocolBook book = observedAt1800(s, ProtocolBooks.of(spec, s).orElseThrow());
            ProtocolBook.Listing listing = book.listing(1);
            assertThat(listing.slots()).containsExactly(0, 1);
            assertThat(listing.opportunities()).extracting(LiquidationOpportunity::maxRepay)
                    .containsExactly(15_400.0, 7_500.0);
            LiquidationOpportunity a = listing.opportunities().get(0);
            LiquidationPlan plan = new LiquidationPlan("l", a, 1_000, 1_000 * 1.05 / 1_800,
                    LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.HOLD, 0, 0, 0, 0, 0, 0, 0);
            assertThat(book.apply(plan, slot).debtRepaid()).as("slot %d", slot).isCloseTo(1_000, within(1e-9));
            List<LiquidationOpportunity> after = book.listing(1).opportunities();
            assertThat(after).extracting(LiquidationOpportunity::maxRepay).as("slot %d", slot)
                    .containsExactly(14_400.0, 7_500.0);
            // Repaying it all would now take 14,400 × 1.05 / 1,800 = 8.4 ETH of the 9.41667 left.
            assertThat(after.get(0).collateralAvailable()).as("slot %d", slot).isCloseTo(8.4, within(1e-12));
        }
    }

    private static EcosystemSnapshot twoMarketsOfOnePair() {
        OracleId ethUsd = OracleId.of("eth-usd");
        return snapshot(new IsolatedLending(ProtocolId.of("morpho"), ETHEREUM, List.of(
                new IsolatedLending.Market("eth-usdc-86", USDC, ETH, new BigInteger("860000000000000000"), ethUsd,
                        new BigDecimal("1000000"), List.of(
                                new IsolatedLending.Position(M, new BigDecimal("5"), new BigDecimal("8200")),
                                new IsolatedLending.Position(AccountId.of("n"), new BigDecimal("5"),
                                        new BigDecimal("1000")))),
                new IsolatedLending.Market("eth-usdc-77", USDC, ETH, new BigInteger("770000000000000000"), ethUsd,
                        new BigDecimal("1000000"), List.of(
                                new IsolatedLending.Position(M, new BigDecimal("5"), new BigDecimal("7000")))))));
    }

    /** The Morpho book of {@code s} after observing ETH at 1,800 USD. */
    private static MorphoBook observedAt1800(EcosystemSnapshot s) {
        IsolatedLending spec = (IsolatedLending) s.protocols().get(0);
        return observedAt1800(s, new MorphoBook(spec.id(), spec.chain(), MorphoSetup.of(spec, s), s));
    }

    private static LiquidationPlan seizeOneEth(LiquidationOpportunity o) {
        return new LiquidationPlan("l", o, 1_700, 1.0, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aMorphoPlanLandsOnThePositionAtItsSlot() {
        EcosystemSnapshot s = twoMarketsOfOnePair();
        MorphoBook book = observedAt1800(s);
        ProtocolBook.Listing listing = book.listing(1);
        // Slots number the positions market after market: m and n in the first, m again (slot 2) in the second.
        assertThat(listing.slots()).containsExactly(0, 2);
        LiquidationOpportunity inSecond = listing.opportunities().get(1);
        assertThat(inSecond.account()).isEqualTo(M);
        assertThat(book.apply(seizeOneEth(inSecond), 2).debtRepaid()).isCloseTo(1_675.8, within(1e-6));
        // Without its slot, or with a slot holding another account, the account is looked up: the first market
        // of the pair that holds it.
        assertThat(observedAt1800(s).apply(seizeOneEth(inSecond)).debtRepaid()).isCloseTo(1_724.4, within(1e-6));
        assertThat(observedAt1800(s).apply(seizeOneEth(inSecond), 1).debtRepaid()).isCloseTo(1_724.4, within(1e-6));
        assertThat(observedAt1800(s).apply(seizeOneEth(inSecond), 7).debtRepaid()).isCloseTo(1_724.4, within(1e-6));
    }
}
