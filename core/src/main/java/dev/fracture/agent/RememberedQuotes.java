package dev.fracture.agent;

import dev.fracture.market.Market;
import dev.fracture.model.AssetId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * A pair's memory found in this round, with the pair's ids as asked (compared by reference), and what one reader
     * keeps of it beside the shared memory: whether the pair splits by water-filling, and the proceeds of the grid
     * points it asked ({@link ProceedsBracket}). Read and written by its reader's thread alone.
     *
     * <p>Why: a reader sizing a pair's positions one after another brackets most of their sales from the grid's
     * quotes, three per sale, and asked each of the shared table, whose places are spread over a table as wide as
     * every amount the round quoted; the points a slice's positions ask are few, and each is kept here in a place of
     * a small table.
     */
    private static final class Last {
        /** Places of the grid's proceeds kept (a power of two), a point {@code j} at place {@code j & (GRID - 1)}. */
        private static final int GRID = 64;
        private static final int NO_POINT = Integer.MIN_VALUE;
        final AssetId in;
        final AssetId out;
        final Memory memory;
        /** Whether the pair splits by water-filling: 0 not asked yet, 1 yes, 2 no. */
        byte waterFilling;
        /** The grid points kept, by place ({@link #NO_POINT}: none), and their proceeds; made on the first ask. */
        int[] gridPoint;
        double[] gridProceeds;

        Last(AssetId in, AssetId out, Memory memory) {
            this.in = in;
            this.out = out;
            this.memory = memory;
        }
    }

    /**
     * What is remembered of one pair at one state: proceeds by amount, inputs by marginal rate (doubles by their
     * bits), the rate bound and the rate that sells nothing. {@code state} is the pair's version, or for a pair
     * without one, the negative {@code -1 - round}.
     */
    private static final class Memory {
        final long state;
        final Kept proceeds;
        final Kept atRate;
        /** The pair's rate bound and rate that sells nothing, found together on the first ask. */
        volatile PairRates rates;

        /**
         * The memory of a pair at {@code state}, its tables wide enough for the values {@code before} kept (the pair's
         * memory at its last state; null for none): the next block plans most of the same positions at the new state,
         * so its tables would grow to about that width again, copying every kept value at each doubling.
         */
        Memory(long state, Memory before) {
            this.state = state;
            this.proceeds = new Kept(before == null ? Kept.FIRST : Kept.placesFor(before.proceeds.size));
            this.atRate = new Kept(before == null ? Kept.FIRST : Kept.placesFor(before.atRate.size));
        }
    }

    /**
     * Values kept under the bits of their argument, in an open-addressed table (probed linearly, at most half full)
     * that the planning threads read and write without a lock: one {@code long[]} of places, each its key word (the
     * argument's bits plus one; 0 for an empty place) and beside it its value's raw bits, so that a probe reads one
     * line of memory per place. A writer claims an empty place by compare-and-set, writes the value, then publishes
     * the key with release semantics, and a reader that sees the key with acquire semantics sees the value; a place
     * claimed but not yet published is passed by as another key's. Two threads keeping one argument at once, or a
     * table replaced by a wider one while a thread writes the old, keep it twice or lose it, and its value is then
     * computed again: the same bits. On one thread nothing is lost until a table of {@link #MOST} places is half full,
     * and then it starts afresh.
     *
     * <p>Why not a concurrent map: in a deep cascade a round quotes a new amount for most positions it plans (tens of
     * thousands a block; each position's sizing then asks for it again, which is what is remembered), and a map of
     * boxed keys and values made three objects per new amount, grew its table under the planning threads and counted
     * its size in shared cells — a tenth of the planning threads' time. Why not a table of entry objects (as here
     * before): each probe then read the table and the entry it named, two misses of the processor's cache where this
     * reads one, and each kept value made an object.
     */
    static final class Kept {
        private static final int FIRST = 16;
        private static final int MOST = 1 << 16;
        private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
        /** The key word of an empty place. */
        private static final long EMPTY = 0;
        /**
         * The key word of a place claimed whose value is being written: the bits of a NaN that
         * {@link Double#doubleToLongBits} never answers (it answers one NaN, {@code 0x7ff8000000000000}), plus one.
         */
        private static final long CLAIMED = 0x7ff0_0000_0000_0001L + 1;
        /** Key word and value word per place. */
        private volatile long[] table;
        /** The places written: read and written without a lock, so only about right with threads. */
        private int size;

        /** A table of {@code places} places (a power of two from {@link #FIRST} to {@link #MOST}). */
        Kept(int places) {
            table = new long[2 * places];
        }

        /**
         * The fewest places, a power of two from {@link #FIRST} to {@link #MOST}, that keep {@code values} without
         * widening.
         */
        static int placesFor(int values) {
            // A table widens when its values would pass half its places (keep).
            int needed = 2 * (Math.max(0, values) + 1);
            return needed >= MOST ? MOST : Math.max(FIRST, Integer.highestOneBit(needed - 1) << 1);
        }

        /**
         * The value kept under {@code argument}'s bits ({@link Double#doubleToLongBits}: every NaN as the one NaN, so
         * that no key word is {@link #EMPTY} or {@link #CLAIMED}), or, when none is, {@code quote} asked of
         * {@code quotes} for {@code market}'s pair {@code in}/{@code out}, kept. The probe stops at an empty place or
         * after a whole turn of the table (one that threads racing on its count filled).
         */
        double remembered(double argument, Quote quote, SaleQuotes quotes, Market market, AssetId in, AssetId out) {
            long bits = Double.doubleToLongBits(argument);
            long key = bits + 1;
            long[] t = table;
            int places = t.length >>> 1;
            int mask = places - 1;
            int at = place(bits, places);
            for (int probes = 0; probes < places; probes++, at = (at + 1) & mask) {
                long k = (long) WORDS.getAcquire(t, 2 * at);
                if (k == key) {
                    return Double.longBitsToDouble(t[2 * at + 1]);
                }
                if (k == EMPTY) {
                    break;
                }
            }
            double value = quote.of(quotes, market, in, out, argument);
            keep(key, value);
            return value;
        }

        /** Keeps {@code value} under key word {@code key} (which the probe did not find). */
        private void keep(long key, double value) {
            long[] t = table;
            if (2 * (size + 1) > t.length >>> 1) {
                t = t.length >>> 1 < MOST ? wider(t) : new long[2 * FIRST];
                size = 0;
                for (int p = 0; p < t.length; p += 2) {
                    size += t[p] != EMPTY ? 1 : 0;
                }
                table = t;
            }
            int places = t.length >>> 1;
            int mask = places - 1;
            int at = place(key - 1, places);
            for (int probes = 0; probes < places; ) {
                long k = (long) WORDS.getAcquire(t, 2 * at);
                if (k == key) {
                    return;
                }
                if (k == EMPTY) {
                    if (WORDS.compareAndSet(t, 2 * at, EMPTY, CLAIMED)) {
                        t[2 * at + 1] = Double.doubleToRawLongBits(value);
                        WORDS.setRelease(t, 2 * at, key);
                        size++;
                        return;
                    }
                    continue; // another thread claimed this place just now: look at it again
                }
                probes++;
                at = (at + 1) & mask;
            }
        }

        /** A table of twice the places holding {@code t}'s published places (those still being written are lost). */
        private static long[] wider(long[] t) {
            long[] w = new long[t.length * 2];
            int mask = (w.length >>> 1) - 1;
            for (int p = 0; p < t.length; p += 2) {
                long k = (long) WORDS.getAcquire(t, p);
                if (k != EMPTY && k != CLAIMED) {
                    int at = place(k - 1, w.length >>> 1);
                    while (w[2 * at] != EMPTY) {
                        at = (at + 1) & mask;
                    }
                    w[2 * at] = k;
                    w[2 * at + 1] = t[p + 1];
                }
            }
            return w;
        }

        /** A place in a table of {@code places} (a power of two) places: the bits mixed by the golden ratio. */
        private static int place(long bits, int places) {
            return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(places)));
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
            return memoryOf(market, in, out).proceeds.remembered(amount, Quote.PROCEEDS, quotes, market, in, out);
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
        public boolean splitsByWaterFilling(Market market, AssetId in, AssetId out) {
            Last l = last;
            if (l == null || l.in != in || l.out != out) {
                return quotes.splitsByWaterFilling(market, in, out);
            }
            if (l.waterFilling == 0) {
                l.waterFilling = quotes.splitsByWaterFilling(market, in, out) ? (byte) 1 : (byte) 2;
            }
            return l.waterFilling == 1;
        }

        @Override
        public double proceedsAtGridPoint(Market market, AssetId in, AssetId out, int j) {
            Memory m = memoryOf(market, in, out);
            Last l = last;
            if (l.gridPoint == null) {
                l.gridPoint = new int[Last.GRID];
                Arrays.fill(l.gridPoint, Last.NO_POINT);
                l.gridProceeds = new double[Last.GRID];
            }
            int place = j & (Last.GRID - 1);
            if (l.gridPoint[place] == j) {
                return l.gridProceeds[place];
            }
            double value = m.proceeds.remembered(ProceedsBracket.point(j), Quote.PROCEEDS, quotes, market, in, out);
            l.gridPoint[place] = j;
            l.gridProceeds[place] = value;
            return value;
        }

        @Override
        public SaleQuotes unremembered() {
            return quotes;
        }

        @Override
        public double inputAtMarginalRate(Market market, AssetId in, AssetId out, double rate) {
            return memoryOf(market, in, out).atRate.remembered(rate, Quote.INPUT_AT_RATE, quotes, market, in, out);
        }
    }

    /**
     * The quote a {@link Kept} table remembers, asked of the quotes with its argument when the table has no answer:
     * named constants rather than a lambda per ask, which captured the ask's market, pair and argument — an object
     * per quote a planner asked for: about 400 MB a run at 1,000,000 accounts in a profile of the benchmark's cascade.
     */
    private enum Quote {
        /** {@link SaleQuotes#proceeds} of the argument, an amount. */
        PROCEEDS {
            @Override
            double of(SaleQuotes quotes, Market market, AssetId in, AssetId out, double amount) {
                return quotes.proceeds(market, in, out, amount);
            }
        },
        /** {@link SaleQuotes#inputAtMarginalRate} of the argument, a rate. */
        INPUT_AT_RATE {
            @Override
            double of(SaleQuotes quotes, Market market, AssetId in, AssetId out, double rate) {
                return quotes.inputAtMarginalRate(market, in, out, rate);
            }
        };

        abstract double of(SaleQuotes quotes, Market market, AssetId in, AssetId out, double argument);
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

    /** The pair's memory as the venues stand this round, found once per round and pair. */
    private Memory memory(ConcurrentHashMap<Pair, Memory> now, long round, Market market, AssetId in, AssetId out) {
        Pair pair = new Pair(in, out);
        Memory m = now.get(pair);
        if (m != null) {
            return m;
        }
        long version = quotes.stateVersion(market, in, out);
        long state = version >= 0 ? version : -1 - round;
        m = pairs.compute(pair, (p, old) -> old != null && old.state == state ? old : new Memory(state, old));
        Memory raced = now.putIfAbsent(pair, m);
        return raced != null ? raced : m;
    }
}
