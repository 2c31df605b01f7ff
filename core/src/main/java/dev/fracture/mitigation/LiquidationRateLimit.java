package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Caps the debt liquidations may repay, USD at the block's reference prices: at most {@code maxPerBlockUsd} in one
 * block and {@code maxPerHourUsd} over any rolling hour (the liquidations of the last 3,600 s, the current second
 * included). A liquidation beyond what is left is cut to it and the rest of the position waits for later blocks; the
 * cap covers one protocol, or every protocol together when none is named (a block is then one block of one chain).
 *
 * <p>Sources: seed documents 003 and 004, "rate limiting limits the number of liquidations processed per block,
 * slowing the pace of the cascade"; the same throttle as Maker's Liquidations 2.0 {@code Hole}/{@code hole} limits
 * on DAI needed to cover debt in active auctions (MakerDAO, <i>Liquidations 2.0 technical documentation</i>, 2021)
 * and Aave v3's close factor, which caps one call's repayment.
 */
final class LiquidationRateLimit implements Mitigation {
    static final long HOUR_SECONDS = 3600;

    private final MitigationSpec.LiquidationRateLimit spec;
    private final String label;
    private ChainId blockChain;
    private long blockNumber = -1;
    private double usedThisBlock;
    private final Deque<double[]> lastHour = new ArrayDeque<>();
    private double usedThisHour;
    private double cutUsd;
    private int cuts;

    LiquidationRateLimit(MitigationSpec.LiquidationRateLimit spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    private boolean covers(ProtocolId protocol) {
        return spec.protocol() == null || spec.protocol().equals(protocol);
    }

    private void roll(BlockView block) {
        if (!block.chain().equals(blockChain) || block.number() != blockNumber) {
            blockChain = block.chain();
            blockNumber = block.number();
            usedThisBlock = 0;
        }
        while (!lastHour.isEmpty() && lastHour.peekFirst()[0] <= block.now() - HOUR_SECONDS) {
            usedThisHour -= lastHour.pollFirst()[1];
        }
        if (lastHour.isEmpty()) {
            usedThisHour = 0;
        }
    }

    @Override
    public double liquidationAllowanceUsd(ProtocolId protocol, AssetId collateral, BlockView block) {
        if (!covers(protocol)) {
            return Double.POSITIVE_INFINITY;
        }
        roll(block);
        return Math.max(0, Math.min(spec.maxPerBlockUsd() - usedThisBlock, spec.maxPerHourUsd() - usedThisHour));
    }

    @Override
    public void heldBack(ProtocolId protocol, AssetId collateral, double usd, BlockView block) {
        cutUsd += usd;
        cuts++;
        block.log("rate-limited", protocol.value(), label + ": $" + String.format(java.util.Locale.ROOT, "%.2f",
                usd) + " of a liquidation seizing " + collateral + " waits for a later block", usd);
    }

    @Override
    public void liquidated(ProtocolId protocol, AssetId collateral, double repaidUsd, BlockView block) {
        if (!covers(protocol) || repaidUsd <= 0) {
            return;
        }
        roll(block);
        usedThisBlock += repaidUsd;
        usedThisHour += repaidUsd;
        lastHour.addLast(new double[] {block.now(), repaidUsd});
    }

    /** A limit holds no capital and takes no borrowing power: its cost is in solvency risk while debt waits. */
    @Override
    public double capitalCostUsd() {
        return 0;
    }

    @Override
    public List<String> measures() {
        return List.of("heldBackUsd", "cutLiquidations");
    }

    @Override
    public double[] values() {
        return new double[] {cutUsd, cuts};
    }
}
