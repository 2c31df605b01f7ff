package dev.fracture.engine;

import dev.fracture.market.Venue;
import dev.fracture.model.OracleId;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one trace row per block: reference prices, oracle values, venue spot prices, debt liquidated in the block
 * and cumulative bad debt per protocol, cumulative forced sales per asset, then the columns of every other
 * {@link TraceSource}. Column names are fixed at the start of the run (see {@link Trace}).
 */
final class TraceRecorder {
    private final ReferencePrices prices;
    private final OracleBank oracles;
    private final List<Venue> venues;
    private final List<ProtocolBook> books;
    private final List<TraceSource> sources;
    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Integer> chains = new ArrayList<>();

    TraceRecorder(ReferencePrices prices, OracleBank oracles, List<Venue> venues, List<ProtocolBook> books,
                  List<TraceSource> sources) {
        this.prices = prices;
        this.oracles = oracles;
        this.venues = venues;
        this.books = books;
        this.sources = List.copyOf(sources);
        prices.assets().forEach(a -> columns.add("ref:" + a.id()));
        oracles.ids().forEach(o -> columns.add("oracle:" + o));
        venues.forEach(v -> columns.add("venue:" + v.id()));
        books.forEach(b -> columns.add("liquidated:" + b.id()));
        books.forEach(b -> columns.add("badDebt:" + b.id()));
        prices.assets().forEach(a -> columns.add("sold:" + a.id()));
        this.sources.forEach(s -> columns.addAll(s.columns()));
    }

    /** Adds the row of a block of chain {@code chain} at {@code now}; {@code liquidated} is per book, USD. */
    void record(int chain, long now, double[] liquidated) {
        double[] row = new double[columns.size()];
        int k = 0;
        for (int i = 0; i < prices.size(); i++) {
            row[k++] = prices.usd(i);
        }
        for (OracleId o : oracles.ids()) {
            row[k++] = oracles.usd(o, now);
        }
        for (Venue v : venues) {
            row[k++] = v.spotPrice(v.assets().get(0), v.assets().get(1));
        }
        for (double l : liquidated) {
            row[k++] = l;
        }
        for (ProtocolBook book : books) {
            row[k++] = book.badDebtUsd();
        }
        for (int i = 0; i < prices.size(); i++) {
            row[k++] = prices.sold(i);
        }
        for (TraceSource s : sources) {
            s.fill(row, k);
            k += s.columns().size();
        }
        rows.add(row);
        times.add(now);
        chains.add(chain);
    }

    Trace trace(List<String> chainIds) {
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        int[] ch = chains.stream().mapToInt(Integer::intValue).toArray();
        return new Trace(columns, t, ch, chainIds, rows.toArray(new double[0][]));
    }
}
