package dev.fracture.cli.report;

import dev.fracture.engine.LiquidationEvent;
import dev.fracture.engine.RunEvent;
import dev.fracture.engine.SimulationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A run's liquidations and its other logged events in one list, in the order they happened. */
public final class EventLog {
    private EventLog() {
    }

    /** One line of the log; {@code usd} is the debt repaid for a liquidation, the event's value otherwise. */
    public record Entry(long time, String chain, long block, String kind, String subject, String detail, double usd) {
    }

    /** Every entry, by time then block; liquidations of a block before its other events (the desk acts first). */
    public static List<Entry> of(SimulationResult result) {
        List<Entry> out = new ArrayList<>();
        for (LiquidationEvent e : result.events()) {
            String detail = String.format(java.util.Locale.ROOT,
                    "%s repaid %s %s, seized %s %s%s", e.liquidator(), Html.number(e.repaid()), e.debtAsset(),
                    Html.number(e.seized()), e.collateralAsset(),
                    e.badDebtUsd() > 0 ? ", bad debt $" + Html.number(e.badDebtUsd()) : "");
            out.add(new Entry(e.time(), e.chain().value(), e.block(), "liquidation",
                    e.protocol() + " " + e.account(), detail, e.repaidUsd()));
        }
        for (RunEvent e : result.log()) {
            out.add(new Entry(e.time(), e.chain() == null ? "" : e.chain().value(), e.block(), e.kind(),
                    e.subject(), e.detail(), e.usd()));
        }
        out.sort(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::block));
        return out;
    }
}
