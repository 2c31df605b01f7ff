package dev.fracture.protocol.cdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Liquity v1 liquidations worked by hand from TroveManager.sol's rules, and conservation on seeded random systems. */
class LiquityLiquidationTest {
    static final LiquityLiquidation LIQUITY = LiquityLiquidation.V1;
    static final AccountId A = AccountId.of("a");
    static final AccountId B = AccountId.of("b");
    static final AccountId C = AccountId.of("c");
    static final AccountId D1 = AccountId.of("d1");
    static final AccountId D2 = AccountId.of("d2");
    static final double EPS = 1e-9;

    static TreeMap<AccountId, Deposit> pool(double d1, double d2) {
        TreeMap<AccountId, Deposit> deposits = new TreeMap<>();
        deposits.put(D1, new Deposit(d1, 0));
        deposits.put(D2, new Deposit(d2, 0));
        return deposits;
    }

    @Test
    void fullyOffsetByThePoolWithGasCompensation() {
        // Price 1,050. A: 10 ETH / 10,000 LUSD, ICR 1.05 < 1.1. B: 100 ETH / 50,000, ICR 2.1.
        // TCR = 110 · 1,050 / 60,000 = 1.925: normal mode. Pool 20,000 LUSD (15,000 + 5,000).
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 10, 10_000), Trove.of("b", 100, 50_000)),
                pool(15_000, 5_000));
        TroveLiquidation r = LIQUITY.liquidate(system, A, 1050);
        assertThat(r.liquidated()).isTrue();
        assertThat(r.recoveryMode()).isFalse();
        // Liquidator: 10/200 = 0.05 ETH and the 200 LUSD gas reserve. 9.95 ETH liquidated.
        assertThat(r.collGasCompensation()).isCloseTo(0.05, within(EPS));
        assertThat(r.lusdGasCompensation()).isEqualTo(200);
        // The whole 10,000 debt is offset; depositors lose half their LUSD and share 9.95 ETH 3:1.
        assertThat(r.debtOffset()).isEqualTo(10_000);
        assertThat(r.collToPool()).isCloseTo(9.95, within(EPS));
        assertThat(r.debtRedistributed()).isZero();
        assertThat(r.system().deposits().get(D1).lusd()).isCloseTo(7_500, within(EPS));
        assertThat(r.system().deposits().get(D1).collGain()).isCloseTo(7.4625, within(EPS));
        assertThat(r.system().deposits().get(D2).lusd()).isCloseTo(2_500, within(EPS));
        assertThat(r.system().deposits().get(D2).collGain()).isCloseTo(2.4875, within(EPS));
        assertThat(r.system().troves()).containsOnlyKeys(B);
        assertThat(r.system().trove(B)).isEqualTo(Trove.of("b", 100, 50_000));
    }

    @Test
    void partiallyOffsetWithTheRestRedistributedByCollateral() {
        // Price 1,050. A: 10 ETH / 10,000 (ICR 1.05). B: 100 / 50,000. C: 50 / 30,000. Pool 4,000 (3,000 + 1,000).
        // TCR = 160 · 1,050 / 90,000 = 1.87: normal mode.
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 10, 10_000), Trove.of("b", 100, 50_000),
                Trove.of("c", 50, 30_000)), pool(3_000, 1_000));
        TroveLiquidation r = LIQUITY.liquidate(system, A, 1050);
        // 9.95 ETH liquidated. Offset 4,000 of 10,000: 40% of it, 3.98 ETH, to the pool (2.985 and 0.995).
        assertThat(r.debtOffset()).isEqualTo(4_000);
        assertThat(r.collToPool()).isCloseTo(3.98, within(EPS));
        assertThat(r.system().poolLusd()).isZero();
        assertThat(r.system().deposits().get(D1).collGain()).isCloseTo(2.985, within(EPS));
        assertThat(r.system().deposits().get(D2).collGain()).isCloseTo(0.995, within(EPS));
        // 6,000 LUSD and 5.97 ETH to B and C by collateral, 100:50: B gets 2/3 (4,000, 3.98), C 1/3 (2,000, 1.99).
        assertThat(r.debtRedistributed()).isCloseTo(6_000, within(EPS));
        assertThat(r.collRedistributed()).isCloseTo(5.97, within(EPS));
        assertThat(r.system().trove(B).debt()).isCloseTo(54_000, within(EPS));
        assertThat(r.system().trove(B).coll()).isCloseTo(103.98, within(EPS));
        assertThat(r.system().trove(C).debt()).isCloseTo(32_000, within(EPS));
        assertThat(r.system().trove(C).coll()).isCloseTo(51.99, within(EPS));
    }

    @Test
    void recoveryModeCapsTheCollateralTakenAtMcr() {
        // Price 1,000. A: 10 ETH / 8,500 (ICR 1.176). B: 100 / 70,000 (ICR 1.429).
        // TCR = 110,000 / 78,500 = 1.401 < 1.5: recovery mode, and MCR <= ICR(A) < TCR with the pool covering 8,500.
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 10, 8_500), Trove.of("b", 100, 70_000)),
                pool(6_000, 4_000));
        assertThat(LIQUITY.recoveryMode(system, 1000)).isTrue();
        TroveLiquidation r = LIQUITY.liquidate(system, A, 1000);
        assertThat(r.recoveryMode()).isTrue();
        assertThat(r.liquidated()).isTrue();
        // Capped portion 8,500 · 1.1 / 1,000 = 9.35 ETH: 0.04675 to the liquidator, 9.30325 to the pool;
        // 0.65 ETH stays claimable by A.
        assertThat(r.collGasCompensation()).isCloseTo(0.04675, within(EPS));
        assertThat(r.collToPool()).isCloseTo(9.30325, within(EPS));
        assertThat(r.collSurplus()).isCloseTo(0.65, within(EPS));
        assertThat(r.system().collSurplus().get(A)).isCloseTo(0.65, within(EPS));
        assertThat(r.debtOffset()).isEqualTo(8_500);
        assertThat(r.debtRedistributed()).isZero();
        assertThat(r.system().poolLusd()).isCloseTo(1_500, within(EPS));
        // B's ICR 1.429 is at or above TCR: not liquidated in recovery mode.
        TroveLiquidation rb = LIQUITY.liquidate(system, B, 1000);
        assertThat(rb.liquidated()).isFalse();
        assertThat(rb.reason()).contains("at or above TCR");
        // With a richer B the same A is not liquidatable in normal mode.
        LiquitySystem healthy = LiquitySystem.of(List.of(Trove.of("a", 10, 8_500), Trove.of("b", 200, 70_000)),
                pool(6_000, 4_000));
        assertThat(LIQUITY.liquidate(healthy, A, 1000).liquidated()).isFalse();
    }

    @Test
    void recoveryModeRedistributesTrovesUnderWater() {
        // Price 1,000. A: 9 ETH / 10,000 (ICR 0.9). B: 100 / 80,000. TCR = 109,000 / 90,000 = 1.21: recovery.
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 9, 10_000), Trove.of("b", 100, 80_000)),
                pool(50_000, 0));
        TroveLiquidation r = LIQUITY.liquidate(system, A, 1000);
        // No offset despite a full pool: 8.955 ETH and 10,000 LUSD all go to B.
        assertThat(r.debtOffset()).isZero();
        assertThat(r.collGasCompensation()).isCloseTo(0.045, within(EPS));
        assertThat(r.system().trove(B).coll()).isCloseTo(108.955, within(EPS));
        assertThat(r.system().trove(B).debt()).isCloseTo(90_000, within(EPS));
        assertThat(r.system().poolLusd()).isEqualTo(50_000);
    }

    @Test
    void theLastTroveIsNeverLiquidated() {
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 1, 10_000)), pool(50_000, 0));
        TroveLiquidation r = LIQUITY.liquidate(system, A, 1000);
        assertThat(r.liquidated()).isFalse();
        assertThat(r.system()).isSameAs(system);
    }

    @Test
    void badInputNamesTheRule() {
        LiquitySystem system = LiquitySystem.of(List.of(Trove.of("a", 1, 10_000)), pool(1, 0));
        assertThatThrownBy(() -> LIQUITY.liquidate(system, AccountId.of("zz"), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("owner zz: no active trove");
        assertThatThrownBy(() -> LIQUITY.liquidate(system, A, 0)).hasMessage("price must be finite and positive, got 0.0");
        assertThatThrownBy(() -> Trove.of("a", -1, 0)).hasMessage("coll must be finite and non-negative, got -1.0");
        assertThatThrownBy(() -> new Deposit(Double.NaN, 0)).hasMessage("lusd must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> LiquitySystem.of(List.of(Trove.of("a", 1, 1), Trove.of("a", 2, 2)), pool(0, 0)))
                .hasMessage("troves: owner a has more than one trove");
        assertThatThrownBy(() -> new LiquityParams(DssMath.WAD, Units.wad("0.9"), DssMath.WAD, 200))
                .hasMessage("ccr must be at least 1 WAD (1000000000000000000), got 900000000000000000");
    }

    static LongStream seeds() {
        return LongStream.range(1, 101);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void batchLiquidationsConserveCollateralAndDebt(long seed) {
        Random rnd = new Random(seed);
        List<Trove> troves = new ArrayList<>();
        int n = 3 + rnd.nextInt(30);
        for (int i = 0; i < n; i++) {
            double coll = 1 + rnd.nextDouble() * 200;
            double icrAt2000 = 1.1 + rnd.nextDouble() * 2;
            troves.add(Trove.of("t" + i, coll, coll * 2000 / icrAt2000));
        }
        TreeMap<AccountId, Deposit> deposits = new TreeMap<>();
        for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
            deposits.put(AccountId.of("d" + i), new Deposit(rnd.nextDouble() * 200_000, 0));
        }
        LiquitySystem before = LiquitySystem.of(troves, deposits);
        double price = 2000 * (0.4 + rnd.nextDouble() * 0.6);
        List<TroveLiquidation> done = LIQUITY.liquidateTroves(before, price, n);
        LiquitySystem after = done.isEmpty() ? before : done.get(done.size() - 1).system();

        double gasColl = 0;
        double surplus = 0;
        double offset = 0;
        double lusdGas = 0;
        for (TroveLiquidation r : done) {
            gasColl += r.collGasCompensation();
            surplus += r.collSurplus();
            offset += r.debtOffset();
            lusdGas += r.lusdGasCompensation();
            assertThat(r.debtOffset() + r.debtRedistributed()).as("debt offset + redistributed = trove debt")
                    .isCloseTo(r.trove().debt(), within(1e-9 * r.trove().debt()));
            assertThat(r.collToPool() + r.collRedistributed() + r.collGasCompensation() + r.collSurplus())
                    .as("collateral split = trove collateral").isCloseTo(r.trove().coll(), within(1e-9 * r.trove().coll()));
        }
        double gains = after.deposits().values().stream().mapToDouble(Deposit::collGain).sum();
        double tol = 1e-9 * (before.totalColl() + before.totalDebt());
        assertThat(after.totalColl() + gains + gasColl + surplus).as("collateral conserved")
                .isCloseTo(before.totalColl(), within(tol));
        assertThat(after.totalDebt() + offset).as("debt removed = offset").isCloseTo(before.totalDebt(), within(tol));
        assertThat(before.poolLusd() - after.poolLusd()).as("LUSD burned = debt offset").isCloseTo(offset, within(tol));
        assertThat(lusdGas).isEqualTo(200.0 * done.size());
        for (Map.Entry<AccountId, Trove> e : after.troves().entrySet()) {
            // Normal mode leaves no trove under MCR unless the batch stopped in recovery mode.
            if (!LIQUITY.recoveryMode(after, price) && after.troves().size() > 1) {
                assertThat(e.getValue().icr(price)).isGreaterThanOrEqualTo(1.1 - 1e-12);
            }
        }
    }
}
