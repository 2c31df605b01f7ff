package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 10-11 October 2025 shape (see {@link OctoberTenthReplay} and docs/events.md). */
class OctoberTenthReplayTest {
    @Test
    void depthCollapsePushesLiquidationsFromTheBookToTheVaultAndAdl() {
        OctoberTenthReplay.Outcome collapse = OctoberTenthReplay.run(20251010L, true);
        OctoberTenthReplay.Outcome full = OctoberTenthReplay.run(20251010L, false);
        System.out.println("October 10th replay, depth collapse: " + collapse);
        System.out.println("October 10th replay, full depth:     " + full);
        for (OctoberTenthReplay.Outcome o : new OctoberTenthReplay.Outcome[] {collapse, full}) {
            assertThat(o.ledgerError()).isLessThan(1e-6);
            assertThat(o.liquidatedNotional()).isCloseTo(o.bookNotional() + o.vaultNotional() + o.adlNotional()
                    + o.socializedNotional(), org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(collapse.liquidatedNotional()).isPositive();
        assertThat(collapse.vaultNotional() + collapse.adlNotional())
                .isGreaterThan(full.vaultNotional() + full.adlNotional());
        assertThat(collapse.bookNotional()).isLessThan(full.bookNotional());
    }
}
