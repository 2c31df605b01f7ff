package dev.fracture.engine;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetKind;
import dev.fracture.scenario.ScenarioEvent;
import java.util.List;
import java.util.Locale;

/**
 * Writes every scenario event into the run's log in the first block at or after its start (a gas spike in the first
 * block of its own chain): {@code oracle-freeze}, {@code oracle-stale}, {@code oracle-wrong}, {@code bridge-halt},
 * {@code bridge-exploit} (with the new reference price of each token the bridge minted: the repricing arbitrage then
 * carries to its venues), {@code gas-spike}, {@code depeg}. Liquidity withdrawals are logged by the providers who carry
 * them out ({@link LiquidityProviders}), with the value withdrawn.
 */
final class ScenarioEventLog {
    private final List<ScenarioEvent> events;
    private final boolean[] logged;

    ScenarioEventLog(List<ScenarioEvent> events) {
        this.events = events.stream().filter(e -> !(e instanceof ScenarioEvent.LiquidityWithdrawal)).toList();
        this.logged = new boolean[this.events.size()];
    }

    void log(BlockContext block) {
        for (int k = 0; k < events.size(); k++) {
            ScenarioEvent e = events.get(k);
            if (logged[k] || block.now() < e.startSeconds()) {
                continue;
            }
            if (e instanceof ScenarioEvent.GasSpike g && !g.chain().equals(block.chain().id())) {
                continue;
            }
            logged[k] = true;
            write(block, e);
        }
    }

    private static void write(BlockContext block, ScenarioEvent e) {
        if (e instanceof ScenarioEvent.OracleFreeze f) {
            block.log("oracle-freeze", f.oracle().value(), "no new answers until " + f.toSeconds() + " s", 0);
        } else if (e instanceof ScenarioEvent.OracleStale f) {
            block.log("oracle-stale", f.oracle().value(), "stale until " + f.toSeconds() + " s", 0);
        } else if (e instanceof ScenarioEvent.OracleWrongValue w) {
            block.log("oracle-wrong", w.oracle().value(), "reports " + w.factor() + " times the truth until "
                    + w.toSeconds() + " s", 0);
        } else if (e instanceof ScenarioEvent.BridgeHalt h) {
            block.log("bridge-halt", h.bridge().value(), h.untilSeconds().isPresent()
                    ? "no transfers until " + h.untilSeconds().getAsLong() + " s" : "no transfers for good", 0);
        } else if (e instanceof ScenarioEvent.BridgeExploit x) {
            StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "%.4f of the backing lost; halted",
                    x.backingLoss()));
            for (Asset a : block.prices().assets()) {
                if (a.kind() instanceof AssetKind.Bridged b && b.bridge().equals(x.bridge())) {
                    d.append("; ").append(a.id()).append(" reference ").append(String.format(Locale.ROOT, "%.6f",
                            block.prices().usd(a.id())));
                }
            }
            block.log("bridge-exploit", x.bridge().value(), d.toString(), 0);
        } else if (e instanceof ScenarioEvent.GasSpike g) {
            block.log("gas-spike", g.chain().value(), g.baseFeeGwei() + " gwei until " + g.toSeconds() + " s", 0);
        } else if (e instanceof ScenarioEvent.StablecoinDepeg s) {
            block.log("depeg", s.asset().value(), String.format(Locale.ROOT, "%.4f below the peg", s.depth()), 0);
        }
    }
}
