package dev.fracture.engine;

import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one trace row per block: reference prices, oracle values, venue spot prices, debt liquidated in the block
 * and cumulative bad debt per protocol, cumulative forced sales per asset, then the columns of every other
 * {@link TraceSource}, then — when built with the run's {@link Extras} — cumulative slippage paid by liquidators per
 * protocol ({@code slippage:PROTOCOL}: the collateral's value at the reference price less the proceeds of its sale),
 * cumulative bad debt per chain ({@code badDebtChain:CHAIN}) and the depth of each token of the shocked asset's family
 * on its chain ({@code depth2pct:ASSET}: USD of it the chain's venues absorb before their price falls 2%). Column
 * names are fixed at the start of the run (see {@link Trace}).
 */
final class TraceRecorder {
    private static final int[] NO_BOOKS = new int[0];
    private final ReferencePrices prices;
    private final OracleBank oracles;
    private final List<Venue> venues;
    /** The venues with a market price: each has a trace column. */
    private final List<Venue> priced;
    private final List<ProtocolBook> books;
    private final List<TraceSource> sources;
    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Integer> chains = new ArrayList<>();
    private final Extras extras;
    private final double[] slippage;
    private int eventsSeen;
    /**
     * Per token of the shocked family, the indexes of the venues its depth counts (two-asset, market-priced, on its
     * chain) and each one's other asset: fixed for the run, so that a block's row reads only those venues instead of
     * asking every venue of the run its chain and assets for every token.
     */
    private int[][] depthVenues;
    private AssetId[][] depthOther;
    /**
     * Beside each counted venue: its {@link Venue#version()} when its depth was last measured, and that depth. A
     * venue's depth is a function of its state alone, and most venues do not trade in most blocks, so a depth is
     * measured again only when its venue's version moved (always for a venue of version -1, which does not count).
     */
    private long[][] depthVersion;
    private double[][] depthTokens;
    /** Per protocol, the indexes of the books of that id: an event's slippage counts in each. */
    private final Map<ProtocolId, int[]> bookIndexes = new HashMap<>();

    /**
     * What the richer columns read: the liquidations so far (a live list), the run's chains in order, the tokens of
     * the shocked asset's family and the venues.
     */
    record Extras(List<LiquidationEvent> events, List<ChainId> chains,
                  List<Asset> shockedFamily) {
    }

    TraceRecorder(ReferencePrices prices, OracleBank oracles, List<Venue> venues, List<ProtocolBook> books,
                  List<TraceSource> sources) {
        this(prices, oracles, venues, books, sources, null);
    }

    TraceRecorder(ReferencePrices prices, OracleBank oracles, List<Venue> venues, List<ProtocolBook> books,
                  List<TraceSource> sources, Extras extras) {
        this.prices = prices;
        this.oracles = oracles;
        this.venues = venues;
        this.books = books;
        this.sources = List.copyOf(sources);
        prices.assets().forEach(a -> columns.add("ref:" + a.id()));
        oracles.ids().forEach(o -> columns.add("oracle:" + o));
        // A wrapper's rate is its contract's, not a market price: it has no column (nor a drawdown in the summary).
        this.priced = venues.stream().filter(v -> !v.fixedRate()).toList();
        priced.forEach(v -> columns.add("venue:" + v.id()));
        books.forEach(b -> columns.add("liquidated:" + b.id()));
        books.forEach(b -> columns.add("badDebt:" + b.id()));
        prices.assets().forEach(a -> columns.add("sold:" + a.id()));
        this.sources.forEach(s -> columns.addAll(s.columns()));
        this.extras = extras;
        this.slippage = new double[books.size()];
        if (extras != null) {
            books.forEach(b -> columns.add("slippage:" + b.id()));
            extras.chains().forEach(c -> columns.add("badDebtChain:" + c));
            extras.shockedFamily().forEach(a -> columns.add("depth2pct:" + a.id()));
            List<Asset> family = extras.shockedFamily();
            depthVenues = new int[family.size()][];
            depthOther = new AssetId[family.size()][];
            depthVersion = new long[family.size()][];
            depthTokens = new double[family.size()][];
            for (int f = 0; f < family.size(); f++) {
                Asset a = family.get(f);
                List<Integer> counted = new ArrayList<>();
                for (int i = 0; i < venues.size(); i++) {
                    Venue v = venues.get(i);
                    if (v.chain().equals(a.chain()) && v.assets().size() == 2 && v.assets().contains(a.id())
                            && !v.fixedRate()) {
                        counted.add(i);
                    }
                }
                depthVenues[f] = counted.stream().mapToInt(Integer::intValue).toArray();
                depthOther[f] = new AssetId[counted.size()];
                depthVersion[f] = new long[counted.size()];
                Arrays.fill(depthVersion[f], Long.MIN_VALUE);
                depthTokens[f] = new double[counted.size()];
                for (int j = 0; j < counted.size(); j++) {
                    List<AssetId> pair = venues.get(counted.get(j)).assets();
                    depthOther[f][j] = pair.get(0).equals(a.id()) ? pair.get(1) : pair.get(0);
                }
            }
        }
        for (int b = 0; b < books.size(); b++) {
            int[] before = bookIndexes.getOrDefault(books.get(b).id(), NO_BOOKS);
            int[] with = Arrays.copyOf(before, before.length + 1);
            with[before.length] = b;
            bookIndexes.put(books.get(b).id(), with);
        }
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
        for (Venue v : priced) {
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
        if (extras != null) {
            k = recordExtras(row, k);
        }
        rows.add(row);
        times.add(now);
        chains.add(chain);
    }

    private int recordExtras(double[] row, int k) {
        List<LiquidationEvent> events = extras.events();
        for (; eventsSeen < events.size(); eventsSeen++) {
            LiquidationEvent e = events.get(eventsSeen);
            if (e.soldUsd() > 0 && e.repaid() > 0) {
                for (int b : bookIndexes.getOrDefault(e.protocol(), NO_BOOKS)) {
                    slippage[b] += e.soldUsd() - e.proceeds() * e.repaidUsd() / e.repaid();
                }
            }
        }
        for (double x : slippage) {
            row[k++] = x;
        }
        for (ChainId c : extras.chains()) {
            double bad = 0;
            for (ProtocolBook book : books) {
                if (book.chain().equals(c)) {
                    bad += book.badDebtUsd();
                }
            }
            row[k++] = bad;
        }
        List<Asset> family = extras.shockedFamily();
        for (int f = 0; f < family.size(); f++) {
            Asset a = family.get(f);
            row[k++] = depth2pct(f, a) * prices.usd(a.id());
        }
        return k;
    }

    /** Tokens of {@code a} (family member {@code f}) its chain's two-asset venues absorb before their price falls 2%. */
    private double depth2pct(int f, Asset a) {
        double sum = 0;
        int[] counted = depthVenues[f];
        long[] versions = depthVersion[f];
        double[] tokens = depthTokens[f];
        for (int j = 0; j < counted.length; j++) {
            Venue v = venues.get(counted[j]);
            long version = v.version();
            if (version < 0 || version != versions[j]) {
                tokens[j] = v.depth(a.id(), depthOther[f][j], 0.02);
                versions[j] = version;
            }
            sum += tokens[j];
        }
        return sum;
    }

    Trace trace(List<String> chainIds) {
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        int[] ch = chains.stream().mapToInt(Integer::intValue).toArray();
        return new Trace(columns, t, ch, chainIds, rows.toArray(new double[0][]));
    }
}
