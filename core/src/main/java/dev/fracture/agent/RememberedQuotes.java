package dev.fracture.agent;

import dev.fracture.market.Market;
import dev.fracture.model.AssetId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Sale quotes remembered from block to block for as long as the venues they read have not changed: every quote of
 * one pair is kept under the pair's {@linkplain SaleQuotes#stateVersion state version}, and forgotten when the
 * version moves (a venue of the pair traded, or its liquidity changed). Versions only grow, so an equal version means
 * the same venue states and the same quote, bit for bit. A pair whose version the quotes cannot tell is remembered
 * within one round only: the liquidators of one block plan before any of them trades.
 *
 * <p>Why across blocks: in a deep cascade most liquidatable positions are ones nobody can take, and they are planned
 * again whenever a price they read moves — the collateral's reference price, nudged by every forced sale through the
 * impact law, is the usual one — while the venues that would buy their collateral did not trade. Their sale quotes
 * are then the last block's.
 */
public final class RememberedQuotes {
    private final SaleQuotes quotes;
    private final ConcurrentHashMap<Pair, Memory> pairs = new ConcurrentHashMap<>();

    private record Pair(AssetId in, AssetId out) {
    }

    /** A pair's memory found in this round, with the pair's ids as asked (compared by reference). */
    private record Last(AssetId in, AssetId out, Memory memory) {
    }

    /**
     * What is remembered of one pair at one state: proceeds by amount, inputs by marginal rate (doubles by their
     * bits), the rate bound and the rate that sells nothing. {@code state} is the pair's version, or for a pair
     * without one, the negative {@code -1 - round}.
     */
    private static final class Memory {
        final long state;
        final Kept proceeds = new Kept();
        final Kept atRate = new Kept();
        /** The pair's rate bound and rate that sells nothing, found together on the first ask. */
        volatile PairRates rates;

        Memory(long state) {
            this.state = state;
        }
    }

    /**
     * Values kept under the bits of their argument, in an open-addressed table of immutable entries (probed linearly,
     * at most half full) that the planning threads read and write without a lock. An entry's fields are final, so a
     * thread that sees an entry sees its key and its value; two threads writing one empty place, or a table replaced
     * by a wider one while a thread writes the old, lose an entry, and its value is then computed again: the same
     * bits. On one thread nothing is lost until a table of {@link #MOST} places is half full, and then it starts
     * afresh.
     *
     * <p>Why not a concurrent map: in a deep cascade a round quotes a new amount for most positions it plans (tens of
     * thousands a block; each position's sizing then asks for it again, which is what is remembered), and a map of
     * boxed keys and values made three objects per new amount, grew its table under the planning threads and counted
     * its size in shared cells — a tenth of the planning threads' time.
     */
    static final class Kept {
        private static final int FIRST = 16;
        private static final int MOST = 1 << 16;
        private volatile Entry[] table = new Entry[FIRST];
        /** The entries written to the table: read and written without a lock, so only about right with threads. */
        private int size;

        private record Entry(long bits, double value) {
        }

        /**
         * The entry kept under {@code bits}, or null. The probe stops after a whole turn of the table: one that
         * threads racing on its count filled is read as not holding the value.
         */
        Entry find(long bits) {
            Entry[] t = table;
            int mask = t.length - 1;
            int at = place(bits, t.length);
            for (int probes = 0; probes < t.length; probes++, at = (at + 1) & mask) {
                Entry e = t[at];
                if (e == null || e.bits == bits) {
                    return e;
                }
            }
            return null;
        }

        /** Keeps {@code value} under {@code bits} (which {@link #find} did not find). */
        void keep(long bits, double value) {
            Entry[] t = table;
            if (2 * (size + 1) > t.length) {
                t = t.length < MOST ? wider(t) : new Entry[FIRST];
                size = 0;
                for (Entry e : t) {
                    size += e != null ? 1 : 0;
                }
                table = t;
            }
            int mask = t.length - 1;
            int at = place(bits, t.length);
            for (int probes = 0; t[at] != null && t[at].bits != bits; probes++, at = (at + 1) & mask) {
                if (probes == t.length) {
                    return;
                }
            }
            if (t[at] == null) {
                size++;
            }
            t[at] = new Entry(bits, value);
        }

        private static Entry[] wider(Entry[] t) {
            Entry[] w = new Entry[t.length * 2];
            int mask = w.length - 1;
            for (Entry e : t) {
                if (e != null) {
                    int at = place(e.bits, w.length);
                    while (w[at] != null) {
                        at = (at + 1) & mask;
                    }
                    w[at] = e;
                }
            }
            return w;
        }

        /** A place in a table of {@code length} (a power of two) places: the bits mixed by the golden ratio. */
        private static int place(long bits, int length) {
            return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(length)));
        }
    }

    /** Remembers the quotes of {@code quotes}, which must quote one market and tell the state of its pairs. */
    public RememberedQuotes(SaleQuotes quotes) {
        if (quotes == null) {
            throw new IllegalArgumentException("remembered quotes: the quotes are required");
        }
        this.quotes = quotes;
    }

    /**
     * The quotes for planning round {@code round} (a number no other round has): valid only while nothing trades,
     * as during one block's planning. A reader for one thread at a time; {@link Reader#another} gives each further
     * planning thread its own reader of the same round's memory (a quote computed twice is the same value).
     */
    public Reader round(long round) {
        if (round < 0) {
            throw new IllegalArgumentException("remembered quotes: the round must be >= 0 (was " + round + ")");
        }
        return new Reader(new ConcurrentHashMap<>(), round);
    }

    /**
     * One thread's view of a round's remembered quotes. It keeps the pair it was asked about last in a plain field:
     * a position's sizing asks about one pair several times, and a field that planning threads shared would be
     * written by each in turn, every write taking the line from the other processor's cache.
     */
    public final class Reader implements SaleQuotes {
        private final ConcurrentHashMap<Pair, Memory> now;
        private final long round;
        private Last last;

        private Reader(ConcurrentHashMap<Pair, Memory> now, long round) {
            this.now = now;
            this.round = round;
        }

        /** A reader of the same round's memory, for another thread. */
        public Reader another() {
            return new Reader(now, round);
        }

        private Memory memoryOf(Market market, AssetId in, AssetId out) {
            Last l = last;
            if (l != null && l.in == in && l.out == out) {
                return l.memory;
            }
            Memory m = memory(now, round, market, in, out);
            last = new Last(in, out, m);
            return m;
        }

        @Override
        public double proceeds(Market market, AssetId in, AssetId out, double amount) {
            return remembered(memoryOf(market, in, out).proceeds, amount,
                    () -> quotes.proceeds(market, in, out, amount));
        }

        @Override
        public double rateBound(Market market, AssetId in, AssetId out) {
            return rates(memoryOf(market, in, out), market, in, out).bound();
        }

        @Override
        public double rateSellingNothing(Market market, AssetId in, AssetId out) {
            return rates(memoryOf(market, in, out), market, in, out).sellingNothing();
        }

        @Override
        public double proceedsBound(Market market, AssetId in, AssetId out, double amount, double target) {
            return quotes.proceedsBound(market, in, out, amount, target);
        }

        @Override
        public long stateVersion(Market market, AssetId in, AssetId out) {
            return quotes.stateVersion(market, in, out);
        }

        @Override
        public double inputAtMarginalRate(Market market, AssetId in, AssetId out, double rate) {
            return remembered(memoryOf(market, in, out).atRate, rate,
                    () -> quotes.inputAtMarginalRate(market, in, out, rate));
        }
    }

    /** A pair's two rates at one state: {@link SaleQuotes#rateBound} and {@link SaleQuotes#rateSellingNothing}. */
    private record PairRates(double bound, double sellingNothing) {
    }

    /** The pair's rates as kept in {@code m}, found and kept on the first ask (a race finds the same numbers). */
    private PairRates rates(Memory m, Market market, AssetId in, AssetId out) {
        PairRates known = m.rates;
        if (known == null) {
            known = new PairRates(quotes.rateBound(market, in, out), quotes.rateSellingNothing(market, in, out));
            m.rates = known;
        }
        return known;
    }

    /** The value kept under {@code argument}'s bits, computed and kept when there is none. */
    private static double remembered(Kept memory, double argument, DoubleSupplier compute) {
        long bits = Double.doubleToLongBits(argument);
        Kept.Entry known = memory.find(bits);
        if (known != null) {
            return known.value();
        }
        double value = compute.getAsDouble();
        memory.keep(bits, value);
        return value;
    }

    /** The pair's memory as the venues stand this round, found once per round and pair. */
    private Memory memory(ConcurrentHashMap<Pair, Memory> now, long round, Market market, AssetId in, AssetId out) {
        Pair pair = new Pair(in, out);
        Memory m = now.get(pair);
        if (m != null) {
            return m;
        }
        long version = quotes.stateVersion(market, in, out);
        long state = version >= 0 ? version : -1 - round;
        m = pairs.compute(pair, (p, old) -> old != null && old.state == state ? old : new Memory(state));
        Memory raced = now.putIfAbsent(pair, m);
        return raced != null ? raced : m;
    }
}
