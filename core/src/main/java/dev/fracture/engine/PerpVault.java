package dev.fracture.engine;

import dev.fracture.protocol.perp.PerpLedger;
import dev.fracture.protocol.perp.VaultTakeover;
import java.util.List;
import java.util.Map;

/**
 * The backstop vault's book during a run (Hyperliquid's HLP liquidator strategy, docs "Liquidations" and "Vaults"):
 * the positions it took over, per market, and its cash. Its P&amp;L since the start is {@code cash + Σ size × mark}.
 * A take-over changes the vault's value by the liquidation's {@link PerpLedger#vault()} (at the marks of that block),
 * so the cash moves by that change less the value of the positions received; funding on its positions is paid in
 * cash. The vault holds what it takes to the end of the run: the model does not unwind it (HLP works positions off
 * over time on the book).
 */
final class PerpVault {
    private final Map<String, Integer> index;
    private final double[] size;
    private double cash;

    PerpVault(Map<String, Integer> marketIndex) {
        this.index = Map.copyOf(marketIndex);
        this.size = new double[marketIndex.size()];
    }

    /** Books one liquidation's take-overs and the vault's gain from it at {@code marks} (by market index). */
    void takeOver(List<VaultTakeover> takeovers, PerpLedger ledger, double[] marks) {
        double received = 0;
        for (VaultTakeover t : takeovers) {
            int m = index.get(t.market());
            size[m] += t.size();
            received += t.size() * marks[m];
        }
        cash += ledger.vault() - received;
    }

    void receiveFunding(double usd) {
        cash += usd;
    }

    double size(int market) {
        return size[market];
    }

    /** Value, and so P&amp;L since the start, at these marks. */
    double pnl(double[] marks) {
        double v = cash;
        for (int m = 0; m < size.length; m++) {
            v += size[m] * marks[m];
        }
        return v;
    }
}
