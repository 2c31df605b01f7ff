package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import org.junit.jupiter.api.Test;

/**
 * The texts the run's state hash reads of its events: the form a record's generated {@code toString} gives
 * ({@code Name[component=value, ...]}, doubles as {@code Double.toString} writes them), written out by hand.
 */
class EventTextTest {
    @Test
    void aLiquidationEventReadsAsItsRecord() {
        LiquidationEvent e = new LiquidationEvent(1_200, ChainId.of("ethereum"), 17, ProtocolId.of("aave-v3"),
                AccountId.of("acct-9"), "searcher-1", AssetId.of("USDC"), 1500.25, AssetId.of("WETH"), 0.5,
                1499.0, 1500.25, 1499.0, -1.0E-7, 0.0);
        assertThat(e.toString()).isEqualTo("LiquidationEvent[time=1200, chain=ethereum, block=17, protocol=aave-v3, "
                + "account=acct-9, liquidator=searcher-1, debtAsset=USDC, repaid=1500.25, collateralAsset=WETH, "
                + "seized=0.5, proceeds=1499.0, repaidUsd=1500.25, soldUsd=1499.0, profitUsd=-1.0E-7, "
                + "badDebtUsd=0.0]");
    }

    @Test
    void aRunEventReadsAsItsRecord() {
        RunEvent e = new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-2", "deleveraged", 1.5E12);
        assertThat(e.toString()).isEqualTo("RunEvent[time=3600, chain=base, block=1800, kind=perp-adl, "
                + "subject=acct-2, detail=deleveraged, usd=1.5E12]");
    }
}
