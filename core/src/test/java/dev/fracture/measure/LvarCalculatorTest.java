package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LVaR of the {@link TwoProtocolSystem}'s ETH-family holdings, by hand. */
class LvarCalculatorTest {
    // z(0.99) = 2.3263478740408408 (standard normal quantile); with σ = 5% a day over one day,
    // 1 − exp(−z·σ) = 0.10980736308228556.
    private static final double LOSS = 0.10980736308228556;

    @Test
    void marketVarPlusTheCostOfSellingIntoTheDepth() {
        ExposureBook book = ExposureBook.of(TwoProtocolSystem.of(true));
        ShockProjection p = book.project(book.scope(AssetId.of("eth")));
        List<Lvar> lvar = LvarCalculator.DEFAULT.perAssetAndProtocol(p, TwoProtocolSystem.linearDepth(), 0.05, 1, 0.99);
        // Whole holding: 600,000 of ETH in Aave and 18,000,000 of wstETH in Morpho. With the linear depth (move =
        // q / 25 M) the cost of selling Q is ∫0^Q q / 25 M dq = Q² / 50 M: 18.6 M² / 50 M = 6,919,200.
        Lvar all = lvar.get(0);
        assertThat(all.holder()).isEqualTo("eth");
        assertThat(all.z()).isCloseTo(2.3263478740408408, within(1e-9));
        assertThat(all.positionUsd()).isCloseTo(18_600_000, within(1e-6));
        assertThat(all.marketVarUsd()).isCloseTo(18_600_000 * LOSS, within(1e-3));
        assertThat(all.liquidationCostUsd()).isCloseTo(6_919_200, within(1e-3));
        assertThat(all.lvarUsd()).isCloseTo(18_600_000 * LOSS + 6_919_200, within(1e-3));
        // Per protocol, largest first: Morpho 18 M (cost 6,480,000), Aave 600,000 (cost 7,200).
        assertThat(lvar.get(1).holder()).isEqualTo("morpho");
        assertThat(lvar.get(1).liquidationCostUsd()).isCloseTo(6_480_000, within(1e-3));
        assertThat(lvar.get(2).holder()).isEqualTo("aave");
        assertThat(lvar.get(2).marketVarUsd()).isCloseTo(600_000 * LOSS, within(1e-6));
        assertThat(lvar.get(2).liquidationCostUsd()).isCloseTo(7_200, within(1e-6));
    }

    @Test
    void refusesImpossibleParameters() {
        ShockScope s = ShockScope.of(TwoProtocolSystem.of(true), AssetId.of("eth"));
        DepthCurve d = TwoProtocolSystem.linearDepth();
        assertThatThrownBy(() -> LvarCalculator.DEFAULT.lvar("x", s, 1, d, Double.NaN, 1, 0.99))
                .hasMessageContaining("daily volatility must be a finite number > 0");
        assertThatThrownBy(() -> LvarCalculator.DEFAULT.lvar("x", s, 1, d, 0.05, 1, 1.0))
                .hasMessageContaining("confidence must be in (0.5, 1)");
        assertThatThrownBy(() -> LvarCalculator.DEFAULT.lvar("x", s, -1, d, 0.05, 1, 0.99))
                .hasMessageContaining("position must be a finite amount >= 0");
    }
}
