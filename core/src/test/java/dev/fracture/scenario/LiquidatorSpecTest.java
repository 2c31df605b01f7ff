package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidatorSpecTest {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final ChainId ARBITRUM = ChainId.of("arbitrum");

    @Test
    void aGroupExpandsIntoNumberedCopiesEachHoldingTheStatedCapital() {
        LiquidatorSpec spec = new LiquidatorSpec("keeper", 3, List.of(
                new LiquidatorSpec.Holding(ETHEREUM, AssetId.of("usdc"), 250_000),
                new LiquidatorSpec.Holding(ETHEREUM, AssetId.of("eth"), 20),
                new LiquidatorSpec.Holding(ARBITRUM, AssetId.of("usdc-arb"), 100_000)),
                true, 0.5, 0.1, 200, 3, 0.5, 100_000);

        List<LiquidatorProfile> profiles = spec.profiles();

        assertThat(profiles).extracting(LiquidatorProfile::id).containsExactly("keeper-1", "keeper-2", "keeper-3");
        for (LiquidatorProfile p : profiles) {
            assertThat(p.capital(ETHEREUM, AssetId.of("usdc"))).isEqualTo(250_000);
            assertThat(p.capital(ETHEREUM, AssetId.of("eth"))).isEqualTo(20);
            assertThat(p.capital(ARBITRUM, AssetId.of("usdc-arb"))).isEqualTo(100_000);
            assertThat(p.capital(ARBITRUM, AssetId.of("eth"))).isZero();
            assertThat(p.usesFlashLoans()).isTrue();
            assertThat(p.priorityFeeGwei()).isEqualTo(0.5);
            assertThat(p.gasBudgetNative()).isEqualTo(0.1);
            assertThat(p.minProfitUsd()).isEqualTo(200);
            assertThat(p.reactionLatencyBlocks()).isEqualTo(3);
            assertThat(p.maxSlippageShareOfBonus()).isEqualTo(0.5);
            assertThat(p.maxInventoryUsd()).isEqualTo(100_000);
        }
    }

    @Test
    void aSingleLiquidatorKeepsItsId() {
        LiquidatorSpec spec = new LiquidatorSpec("whale", 1, List.of(), false, 0, 0, 0, 0, 1, 0);
        assertThat(spec.ids()).containsExactly("whale");
        assertThat(spec.profiles()).singleElement().extracting(LiquidatorProfile::id).isEqualTo("whale");
    }
}
