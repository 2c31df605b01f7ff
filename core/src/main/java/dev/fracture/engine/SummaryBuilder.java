package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;

/**
 * Reduces a finished run to its {@link Summary}. The shocked asset is the one whose scenario path falls furthest
 * over the run; the cascade multiplier compares that fall with its reference price's fall, impact included.
 */
final class SummaryBuilder {
    private SummaryBuilder() {
    }

    static Summary of(Trace trace, ReferencePrices prices, List<ProtocolBook> books, List<LiquidationEvent> events,
                      long horizon) {
        return of(trace, prices, books, events, horizon, null, List.of());
    }

    /** The summary with the contagion table, which needs the snapshot's exposure graph and the run's log. */
    static Summary of(Trace trace, ReferencePrices prices, List<ProtocolBook> books, List<LiquidationEvent> events,
                      long horizon, ExposureGraph graph, List<RunEvent> log) {
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
        Map<ChainId, Double> badByChain = new TreeMap<>();
        Map<ProtocolId, Double> slippage = new LinkedHashMap<>();
        for (ProtocolBook book : books) {
            badByChain.merge(book.chain(), book.badDebtUsd(), Double::sum);
            slippage.put(book.id(), 0.0);
        }
        for (LiquidationEvent e : events) {
            if (e.soldUsd() > 0 && e.repaid() > 0) {
                slippage.merge(e.protocol(), e.soldUsd() - e.proceeds() * e.repaidUsd() / e.repaid(), Double::sum);
            }
        }
        Map<VenueId, Double> venueDrawdown = new TreeMap<>();
        for (String c : trace.columns()) {
            if (c.startsWith("venue:")) {
                venueDrawdown.put(VenueId.of(c.substring(6)), maxDrawdown(trace.series(c)));
            }
        }
        List<ContagionRow> contagion = graph == null ? List.of()
                : ContagionTable.of(graph, prices.asset(shocked).id(), books, events, log);
        return new Summary(liquidated, events.size(), forced, bad, underwater, drawdown,
                prices.asset(shocked).id(), initialMove, finalMove, multiplier, last, badByChain, venueDrawdown,
                slippage, timeToStabilize(trace.times(), shockedSeries, last), contagion);
    }

    /** The asset whose scenario path falls furthest over the run (ties: the first in id order). */
    static int shockedIndex(ReferencePrices prices, long horizon) {
        int shocked = 0;
        double largestMove = -1;
        for (int i = 0; i < prices.size(); i++) {
            double move = prices.derived(i) ? 0 : 1 - prices.base(i, horizon) / prices.base(i, 0);
            if (move > largestMove) {
                largestMove = move;
                shocked = i;
            }
        }
        return shocked;
    }

    /**
     * The first block time after both the last block whose price lies more than {@link Summary#STABLE_BAND} from the
     * final price and the last liquidation; -1 when no block comes after them.
     */
    static long timeToStabilize(long[] times, double[] series, long lastLiquidation) {
        if (times.length == 0 || series.length != times.length) {
            return -1;
        }
        double last = series[series.length - 1];
        int firstStable = 0;
        for (int i = series.length - 1; i >= 0; i--) {
            if (Math.abs(series[i] / last - 1) > Summary.STABLE_BAND) {
                firstStable = i + 1;
                break;
            }
        }
        while (firstStable < times.length && times[firstStable] <= lastLiquidation) {
            firstStable++;
        }
        return firstStable < times.length ? times[firstStable] : -1;
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
