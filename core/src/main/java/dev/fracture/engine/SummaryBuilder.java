package dev.fracture.engine;

import dev.fracture.market.Venue;
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
        return of(trace, prices, books, events, horizon, null, List.of(), List.of());
    }

    /**
     * The summary with venue drawdowns and the contagion table, which need the venues, the snapshot's exposure graph
     * and the run's log.
     */
    static Summary of(Trace trace, ReferencePrices prices, List<ProtocolBook> books, List<LiquidationEvent> events,
                      long horizon, ExposureGraph graph, List<RunEvent> log, List<Venue> venues) {
        Map<AssetId, Double> forced = new LinkedHashMap<>();
        Map<AssetId, Double> drawdown = new LinkedHashMap<>();
        for (int i = 0; i < prices.size(); i++) {
            AssetId id = prices.asset(i).id();
            if (prices.sold(i) > 0) {
                forced.put(id, prices.sold(i));
            }
            drawdown.put(id, maxDrawdown(trace.series("ref:" + id)));
        }
        int shocked = shockedIndex(prices, horizon);
        double initialMove = prices.derived(shocked) ? 0 : 1 - prices.base(shocked, horizon) / prices.base(shocked, 0);
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
        Map<VenueId, Double> venueDrawdown = venueDrawdowns(trace, venues, prices.asset(shocked).id());
        List<ContagionRow> contagion = graph == null ? List.of()
                : ContagionTable.of(graph, prices.asset(shocked).id(), books, events, log);
        return new Summary(liquidated, events.size(), forced, bad, underwater, drawdown,
                prices.asset(shocked).id(), initialMove, finalMove, multiplier, last, badByChain, venueDrawdown,
                slippage, timeToStabilize(trace.times(), shockedSeries, last), contagion);
    }

    /**
     * Each two-asset venue's largest fall of its price from its running peak: its price of the shocked asset (or the
     * token of its family the venue trades) when it trades one, else of its first asset in its second, as traced.
     */
    private static Map<VenueId, Double> venueDrawdowns(Trace trace, List<Venue> venues, AssetId shocked) {
        Map<VenueId, Double> out = new TreeMap<>();
        for (Venue v : venues) {
            String column = "venue:" + v.id();
            if (v.assets().size() != 2 || !trace.columns().contains(column)) {
                continue;
            }
            double[] series = trace.series(column);
            if (!standsFor(v.assets().get(1), shocked, v)) {
                out.put(v.id(), maxDrawdown(series));
                continue;
            }
            double[] inverted = new double[series.length];
            for (int i = 0; i < series.length; i++) {
                inverted[i] = 1 / series[i];
            }
            out.put(v.id(), maxDrawdown(inverted));
        }
        return out;
    }

    /** Whether the venue's second asset is the shocked one and its first is not. */
    private static boolean standsFor(AssetId second, AssetId shocked, Venue v) {
        return second.equals(shocked) && !v.assets().get(0).equals(shocked);
    }

    /**
     * The shocked asset: the one the scenario's prices name as the shock ({@link BasePrices#primary}, its first
     * driver), else the asset whose scenario path falls furthest over the run (ties: the first in id order). A
     * scenario that also moves the tokens built on its asset a little further (stETH 31% beside ETH's 30%) is still
     * about its asset.
     */
    static int shockedIndex(ReferencePrices prices, long horizon) {
        int primary = prices.primaryIndex();
        if (primary >= 0) {
            return primary;
        }
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
