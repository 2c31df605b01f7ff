package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static dev.fracture.mitigation.Fixture.LENDER;
import static dev.fracture.mitigation.Fixture.USDC;
import static dev.fracture.mitigation.Fixture.WBTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.engine.SimulationResult;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bob's collateral: 6 ETH ($12,000), 0.1 WBTC ($4,000), 4,000 USDC ($4,000): T = $20,000, of which G = $16,000 in
 * the correlated group {ETH, WBTC}; debt 14,000 USDC. With a 50% cap the group may count for
 * A = 0.5 × (20000 − 16000) / 0.5 = $4,000, so E = $12,000 is sold at the start to repay debt: a quarter of each group
 * asset stays (1.5 ETH, 0.025 WBTC) and 2,000 USDC of debt is left. The group is then 4000 / 8000 = 50%.
 */
class CollateralSegmentationTest {
    private static final MitigationSpec.CollateralSegmentation CAP =
            new MitigationSpec.CollateralSegmentation(LENDER, 0.5, List.of(ETH, WBTC));

    private static EcosystemSnapshot bob() {
        return new Fixture().account("bob", Fixture.collateral(ETH, "6", WBTC, "0.1", USDC, "4000"), "14000")
                .snapshot();
    }

    @Test
    void accountsAboveTheCapAreDeleveredAtTheStartAsWorkedByHand() {
        MitigationSet set = MitigationSet.of(List.of(CAP), bob());
        ProtocolSpec.PooledLending lender = (ProtocolSpec.PooledLending) set.snapshot().protocol(LENDER).orElseThrow();
        ProtocolSpec.PooledLending.Account bob = lender.accounts().get(0);
        assertThat(bob.collaterals()).extracting(c -> c.asset().value(), c -> c.amount().doubleValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ETH", 1.5),
                        org.assertj.core.groups.Tuple.tuple("WBTC", 0.025),
                        org.assertj.core.groups.Tuple.tuple("USDC", 4000.0));
        assertThat(bob.debts()).singleElement().satisfies(d ->
                assertThat(d.amount()).isEqualByComparingTo("2000"));
        MitigationOutcome o = set.outcomes().get(0);
        // Borrowing power given up: $12,000 of collateral × LTV 75%.
        assertThat(o.capitalCostUsd()).isCloseTo(9_000, within(1e-6));
        assertThat(o.activity()).containsEntry("deleveragedAccounts", 1.0).containsEntry("withdrawnUsd", 0.0);
        assertThat(o.activity().get("repaidUsd")).isCloseTo(12_000, within(1e-6));
    }

    @Test
    void theDeleveredAccountRidesOutAShockThatLiquidatesTheOriginal() {
        // ETH −30% to $1,400. Original: HF = (6 × 1400 + 4000 + 4000) × 0.8 / 14000 = 0.937: liquidated.
        // Segmented: HF = (1.5 × 1400 + 1000 + 4000) × 0.8 / 2000 = 2.84.
        SimulationResult without = Fixture.run(bob(), 120, Fixture.ethStep(1400, 60), 0);
        SimulationResult with = Fixture.run(bob(), 120, Fixture.ethStep(1400, 60), 0, CAP);
        assertThat(without.events()).isNotEmpty();
        assertThat(with.events()).isEmpty();
        assertThat(Fixture.outcome(with, "segmentation/lender").capitalCostUsd()).isCloseTo(9_000, within(1e-6));
    }

    @Test
    void anAccountWithinTheCapIsLeftAsItIs() {
        // Dan's 3 ETH ($6,000) and 2,000 USDC: the group is 75% of his collateral, within an 80% cap.
        EcosystemSnapshot within = new Fixture().account("dan", Fixture.collateral(ETH, "3", USDC, "2000"), "1000")
                .snapshot();
        MitigationSet set = MitigationSet.of(List.of(new MitigationSpec.CollateralSegmentation(LENDER, 0.8,
                List.of(ETH, WBTC))), within);
        assertThat(set.snapshot()).isEqualTo(within);
        assertThat(set.outcomes().get(0).capitalCostUsd()).isZero();
    }

    @Test
    void collateralSoldFromAnEModeAccountCostsItsCategorysLtv() {
        // Bob again, in e-mode: ETH and USDC are in category 1 (LTV 90%), WBTC is not (the reserve's 75%). The cap
        // sells $12,000 of the group, three quarters of each asset: 4.5 ETH ($9,000 at 90%) and 0.075 WBTC ($3,000 at
        // 75%): 8,100 + 2,250 = $10,350 of borrowing power given up (Aave v3: the category's LTV applies to the
        // account's collateral of the category).
        Fixture f = new Fixture();
        f.eModeBonusBps = 10_100;
        f.eModeLtvBps = 9000;
        f.eModeThresholdBps = 9300;
        EcosystemSnapshot bob = f.account("bob", Fixture.collateral(ETH, "6", WBTC, "0.1", USDC, "4000"), "14000")
                .snapshot();
        assertThat(MitigationSet.of(List.of(CAP), bob).outcomes().get(0).capitalCostUsd())
                .isCloseTo(10_350, within(1e-6));
    }
}
