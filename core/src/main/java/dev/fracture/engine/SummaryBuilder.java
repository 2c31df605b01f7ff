package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a finished run to its {@link Summary}. The shocked asset is the one whose scenario path falls furthest
 * over the run; the cascade multiplier compares that fall with its reference price's fall, impact included.
 */
final class SummaryBuilder {
    private SummaryBuilder() {
    }

    static Summary of(Trace trace, ReferencePrices prices, List<ProtocolBook> books, List<LiquidationEvent> events,
                      long horizon) {
        Map<AssetId, Double> forced = new LinkedHashMap<>();
        Map<AssetId, Double> drawdown = new LinkedHashMap<>();
        int shocked = 0;
        double largestMove = -1;
        for (int i = 0; i < prices.size(); i++) {
            AssetId id = prices.asset(i).id();
            if (prices.sold(i) > 0) {
                forced.put(id, prices.sold(i));
            }
            drawdown.put(id, maxDrawdown(trace.series("ref:" + id)));
            double move = prices.derived(i) ? 0 : 1 - prices.base(i, horizon) / prices.base(i, 0);
            if (move > largestMove) {
                largestMove = move;
                shocked = i;
            }
        }
        double initialMove = largestMove;
        double[] shockedSeries = trace.blocks() == 0 ? new double[] {prices.usd(shocked)}
                : trace.series("ref:" + prices.asset(shocked).id());
        double finalMove = 1 - shockedSeries[shockedSeries.length - 1] / prices.base(shocked, 0);
        double multiplier = initialMove > 0 ? finalMove / initialMove : 1;
        Map<ProtocolId, Double> bad = new LinkedHashMap<>();
        Map<ProtocolId, Double> underwater = new LinkedHashMap<>();
        for (ProtocolBook book : books) {
            bad.put(book.id(), book.badDebtUsd());
            underwater.put(book.id(), book.underwaterUsd());
        }
        double liquidated = events.stream().mapToDouble(LiquidationEvent::repaidUsd).sum();
        long last = events.isEmpty() ? -1 : events.get(events.size() - 1).time();
        return new Summary(liquidated, events.size(), forced, bad, underwater, drawdown,
                prices.asset(shocked).id(), initialMove, finalMove, multiplier, last);
    }

    static double maxDrawdown(double[] series) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double v : series) {
            peak = Math.max(peak, v);
            worst = Math.max(worst, 1 - v / peak);
        }
        return worst;
    }
}
