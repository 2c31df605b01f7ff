package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordDigest}: the bytes a run's state hash reads of its events and liquidators' books, worked by hand for
 * small records, and every component of each record reaching them — a record that differs from another in any one
 * component, by as little as one unit in the last place of a double or the sign of a zero, is written differently.
 */
class RecordDigestTest {
    private static final LiquidationEvent EVENT = new LiquidationEvent(1_200, ChainId.of("ethereum"), 17,
            ProtocolId.of("aave-v3"), AccountId.of("acct-9"), "searcher-1", AssetId.of("USDC"), 1500.25,
            AssetId.of("WETH"), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7, 0.0);

    private static String hex(Consumer<DigestBytes> write) {
        DigestBytes out = new DigestBytes(8);
        write.accept(out);
        return HexFormat.of().formatHex(out.toArray());
    }

    @Test
    void writesAnEventLogEntryAsWorkedByHand() {
        // time 1 and block 2 in eight bytes each; "b", "k", "s" as a four-byte length and one byte; "" as length 0;
        // 1.0 is the bits 0x3FF0000000000000.
        RunEvent e = new RunEvent(1, ChainId.of("b"), 2, "k", "s", "", 1.0);
        assertThat(hex(out -> RecordDigest.write(out, e))).isEqualTo("0000000000000001" + "0000000162"
                + "0000000000000002" + "000000016b" + "0000000173" + "00000000" + "3ff0000000000000");
    }

    @Test
    void writesALiquidatorsBooksAsWorkedByHand() {
        // "L" is 0x4C; 3 and 1 as four-byte ints; 2.0 is 0x4000000000000000, -0.5 is 0xBFE0000000000000, 0.0 all zeros.
        SimulationResult.LiquidatorOutcome o = new SimulationResult.LiquidatorOutcome(3, 1, 2.0, -0.5, 0.0, 0.0,
                2.0);
        assertThat(hex(out -> RecordDigest.write(out, "L", o))).isEqualTo("000000014c" + "00000003" + "00000001"
                + "4000000000000000" + "bfe0000000000000" + "0000000000000000" + "0000000000000000"
                + "4000000000000000");
    }

    @Test
    void everyComponentOfALiquidationReachesTheBytes() {
        List<LiquidationEvent> variants = new ArrayList<>(List.of(EVENT,
                new LiquidationEvent(1_201, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, ChainId.of("base"), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 18, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, ProtocolId.of("aave-v2"), EVENT.account(),
                        "searcher-1", EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25,
                        1499.0, -1.0E-7, 0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), AccountId.of("acct-90"),
                        "searcher-1", EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25,
                        1499.0, -1.0E-7, 0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-2",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        AssetId.of("USDT"), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), Math.nextUp(1500.25), EVENT.collateralAsset(), 0.5, 1499.0, 1500.25,
                        1499.0, -1.0E-7, 0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, AssetId.of("WBTC"), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7, 0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), Math.nextDown(0.5), 1499.0, 1500.25,
                        1499.0, -1.0E-7, 0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1498.0, 1500.25, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.5, 1499.0, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.5, -1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, 1.0E-7,
                        0.0),
                new LiquidationEvent(1_200, EVENT.chain(), 17, EVENT.protocol(), EVENT.account(), "searcher-1",
                        EVENT.debtAsset(), 1500.25, EVENT.collateralAsset(), 0.5, 1499.0, 1500.25, 1499.0, -1.0E-7,
                        -0.0)));
        assertThat(variants.stream().map(e -> hex(out -> RecordDigest.write(out, e))).distinct()).hasSize(16);
    }

    @Test
    void everyComponentOfAnEventLogEntryReachesTheBytes() {
        List<RunEvent> variants = List.of(
                new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-2", "d", 1.5),
                new RunEvent(3_601, ChainId.of("base"), 1_800, "perp-adl", "acct-2", "d", 1.5),
                new RunEvent(3_600, ChainId.of("arbitrum"), 1_800, "perp-adl", "acct-2", "d", 1.5),
                new RunEvent(3_600, ChainId.of("base"), 1_801, "perp-adl", "acct-2", "d", 1.5),
                new RunEvent(3_600, ChainId.of("base"), 1_800, "breaker-trip", "acct-2", "d", 1.5),
                new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-3", "d", 1.5),
                new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-2", "e", 1.5),
                new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-2", "d", Math.nextUp(1.5)),
                // A boundary moved between two texts: the lengths tell them apart.
                new RunEvent(3_600, ChainId.of("base"), 1_800, "perp-adl", "acct-2d", "", 1.5),
                new RunEvent(3_600, null, 1_800, "perp-adl", "acct-2", "d", 1.5));
        assertThat(variants.stream().map(e -> hex(out -> RecordDigest.write(out, e))).distinct()).hasSize(10);
    }

    @Test
    void everyComponentOfALiquidatorsBooksReachesTheBytes() {
        List<String> written = List.of(
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 3, 4, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "b", new SimulationResult.LiquidatorOutcome(1, 2, 3, 4, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(0, 2, 3, 4, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 0, 3, 4, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 0, 4, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 3, 0, 5, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 3, 4, 0, 6, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 3, 4, 5, 0, 7))),
                hex(out -> RecordDigest.write(out, "a", new SimulationResult.LiquidatorOutcome(1, 2, 3, 4, 5, 6, 0))));
        assertThat(written.stream().distinct()).hasSize(9);
    }
}
