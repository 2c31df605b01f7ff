package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A layer that takes liquidators' sales off the venues at the reference price, as long as what it holds — valued at
 * what it paid — stays within {@code capacityUsd}, and unwinds each lot evenly over {@code unwindSeconds} from the
 * block it bought it: by time t a lot of q units bought at t₀ has sold q·min(1, (t − t₀)/unwindSeconds) through the
 * router on the chain it was bought on, for the asset it paid with. The unwinding is forced selling like any other
 * (it moves the reference price through the impact law), spread over time instead of in one burst. A lot whose
 * venues are halted by a trading breaker waits; what it missed is sold when trading resumes.
 *
 * <p>Sources: seed document 002, "synthetic liquidity layer: ... deploying it only to absorb large liquidation
 * market orders before they hit the open market, then slowly unwinding the position"; optimal execution of a large
 * order over time (Almgren and Chriss, "Optimal execution of portfolio transactions", <i>Journal of Risk</i> 3(2),
 * 2000), whose linear schedule is the risk-neutral optimum; Maker's Peg Stability Module and Liquity's stability
 * pool as capital standing ready to absorb flow.
 */
final class SyntheticLiquidityLayer implements Mitigation {
    private final MitigationSpec.SyntheticLiquidityLayer spec;
    private final String label;
    private final TradingHalts halted;
    private final List<Lot> lots = new ArrayList<>();
    private double boughtUsd;
    private double unwoundUsd;

    /** A purchase: {@code amount} of {@code asset} paid {@code usd} in {@code paidWith} at {@code at} on a chain. */
    private static final class Lot {
        final ChainId chain;
        final AssetId asset;
        final AssetId paidWith;
        final double amount;
        final double usd;
        final long at;
        double sold;

        Lot(ChainId chain, AssetId asset, AssetId paidWith, double amount, double usd, long at) {
            this.chain = chain;
            this.asset = asset;
            this.paidWith = paidWith;
            this.amount = amount;
            this.usd = usd;
            this.at = at;
        }

        double outstandingUsd() {
            return usd * (1 - sold / amount);
        }
    }

    SyntheticLiquidityLayer(MitigationSpec.SyntheticLiquidityLayer spec, String label,
                            TradingHalts halted) {
        this.spec = spec;
        this.label = label;
        this.halted = halted;
    }

    @Override
    public String label() {
        return label;
    }

    private double outstandingUsd() {
        double usd = 0;
        for (Lot lot : lots) {
            usd += lot.outstandingUsd();
        }
        return usd;
    }

    @Override
    public void onBlock(BlockView block) {
        for (Lot lot : lots) {
            if (!lot.chain.equals(block.chain()) || lot.sold >= lot.amount
                    || halted.halted(lot.asset, lot.chain, block.now())
                    || halted.halted(lot.paidWith, lot.chain, block.now())) {
                continue;
            }
            double due = lot.amount * Math.min(1, (block.now() - lot.at) / (double) spec.unwindSeconds());
            double sell = due - lot.sold;
            if (sell > 0) {
                block.sell(lot.asset, lot.paidWith, sell);
                lot.sold = due;
                unwoundUsd += lot.usd * sell / lot.amount;
            }
        }
        lots.removeIf(lot -> lot.sold >= lot.amount);
    }

    @Override
    public Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        double price = block.referenceUsd(collateral);
        double taken = taken(amount, price);
        return taken > 0 ? new Disposal(taken, taken * price / block.referenceUsd(debt)) : Disposal.NONE;
    }

    /** What the layer takes of {@code amount} at {@code price}: up to its room left (0 when full or nothing sold). */
    private double taken(double amount, double price) {
        double room = spec.capacityUsd() - outstandingUsd();
        return room <= 0 || amount <= 0 ? 0 : Math.min(amount, room / price);
    }

    @Override
    public Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        double price = block.referenceUsd(collateral);
        double taken = taken(amount, price);
        if (!(taken > 0)) {
            return Disposal.NONE;
        }
        double paidUsd = taken * price;
        lots.add(new Lot(block.chain(), collateral, debt, taken, paidUsd, block.now()));
        boughtUsd += paidUsd;
        block.log("synthetic-absorb", collateral.value(), String.format(Locale.ROOT,
                "%s: %.6g %s taken at $%.6g, to unwind over %d s", label, taken, collateral.value(), price,
                spec.unwindSeconds()), paidUsd);
        return new Disposal(taken, paidUsd / block.referenceUsd(debt));
    }

    /** The capacity stands ready idle: all of it is capital not lent or borrowed against. */
    @Override
    public double capitalCostUsd() {
        return spec.capacityUsd();
    }

    @Override
    public List<String> measures() {
        return List.of("boughtUsd", "unwoundUsd", "outstandingUsd");
    }

    @Override
    public double[] values() {
        return new double[] {boughtUsd, unwoundUsd, outstandingUsd()};
    }
}
