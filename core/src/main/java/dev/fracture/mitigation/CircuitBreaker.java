package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;

/**
 * A circuit breaker on one asset: when the asset's reference price has moved more than {@code movePct} from any
 * price it had within the last {@code windowSeconds}, it trips and pauses, for {@code cooldownSeconds}, either every
 * liquidation seizing the asset ({@code LIQUIDATIONS}) or every venue trading it ({@code TRADING}: no liquidator
 * sale, no arbitrage, no unwinding there). When the cooldown ends the window restarts from that block's price, so the
 * breaker trips again only on a fresh move.
 *
 * <p>Sources: the seed documents' "decentralized circuit breakers" (002) and "circuit breakers and rate limiting"
 * (003, 004: "temporarily pause new liquidations on a specific asset if the price drops by a certain percentage
 * within a defined time frame"); market-wide circuit breakers of equity exchanges (SEC Rule 80B / NYSE Rule 7.12:
 * 7%, 13%, 20% falls halt trading for 15 minutes) and Brady Commission, <i>Report of the Presidential Task Force on
 * Market Mechanisms</i>, 1988; Greenwald and Stein, "Transactional risk, market crashes, and the role of circuit
 * breakers", <i>Journal of Business</i> 64(4), 1991.
 */
final class CircuitBreaker implements Mitigation {
    private final MitigationSpec.CircuitBreaker spec;
    private final String label;
    private final PriceWindow window;
    /** End of the current pause (exclusive), or Long.MIN_VALUE when none has started. */
    private long haltedUntil = Long.MIN_VALUE;
    private boolean halted;
    private int trips;
    private double heldBackUsd;

    CircuitBreaker(MitigationSpec.CircuitBreaker spec, String label) {
        this.spec = spec;
        this.label = label;
        this.window = new PriceWindow(spec.windowSeconds());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void onBlock(BlockView block) {
        long now = block.now();
        double price = block.referenceUsd(spec.asset());
        if (halted && now >= haltedUntil) {
            halted = false;
            window.restartFrom(now, price);
            block.log("breaker-resume", spec.asset().value(), label + " resumes " + scope(), 0);
        }
        window.add(now, price);
        if (!halted && window.largestMove() > spec.movePct()) {
            halted = true;
            haltedUntil = now + spec.cooldownSeconds();
            trips++;
            block.log("breaker-trip", spec.asset().value(), label + " halts " + scope() + " until " + haltedUntil
                    + " s after a move of " + String.format(java.util.Locale.ROOT, "%.2f%%",
                    100 * window.largestMove()) + " within " + spec.windowSeconds() + " s", 0);
        }
    }

    private String scope() {
        return spec.scope() == MitigationSpec.Scope.LIQUIDATIONS ? "liquidations" : "trading";
    }

    private boolean haltsNow(long now) {
        return halted && now < haltedUntil;
    }

    @Override
    public double liquidationAllowanceUsd(ProtocolId protocol, AssetId collateral, BlockView block) {
        if (spec.scope() == MitigationSpec.Scope.LIQUIDATIONS && collateral.equals(spec.asset())
                && haltsNow(block.now())) {
            return 0;
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public void heldBack(ProtocolId protocol, AssetId collateral, double usd, BlockView block) {
        heldBackUsd += usd;
    }

    @Override
    public boolean tradingHalted(AssetId asset, ChainId chain, long now) {
        return spec.scope() == MitigationSpec.Scope.TRADING && asset.equals(spec.asset()) && haltsNow(now);
    }

    /** A breaker holds no capital and takes no borrowing power: its cost is in solvency risk, not capital. */
    @Override
    public double capitalCostUsd() {
        return 0;
    }

    @Override
    public List<String> measures() {
        return List.of("halted", "trips", "heldBackUsd");
    }

    @Override
    public double[] values() {
        return new double[] {halted ? 1 : 0, trips, heldBackUsd};
    }
}
