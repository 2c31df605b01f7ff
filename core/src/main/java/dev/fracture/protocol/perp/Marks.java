package dev.fracture.protocol.perp;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mark prices by market, USD per base unit; each must be finite and positive.
 *
 * <p>An exchange has a handful of markets and an account's value reads a mark per position, for every account of the
 * exchange whenever its value is checked: the marks are also kept as two short arrays, and a market is looked up by
 * reference first (the ids of one exchange are the same strings from account to account), then by value, instead of
 * through a hash table's probe.
 */
public final class Marks {
    private final Map<String, Double> byMarket;
    private final String[] markets;
    private final double[] marks;

    public Marks(Map<String, Double> byMarket) {
        this.byMarket = Map.copyOf(byMarket);
        this.markets = new String[this.byMarket.size()];
        this.marks = new double[this.byMarket.size()];
        int k = 0;
        for (Map.Entry<String, Double> e : this.byMarket.entrySet()) {
            Require.positive(e.getValue(), "mark of " + e.getKey());
            markets[k] = e.getKey();
            marks[k++] = e.getValue();
        }
    }

    public static Marks of(String market, double mark) {
        return new Marks(Map.of(market, mark));
    }

    /** The marks by market (an unmodifiable map). */
    public Map<String, Double> byMarket() {
        return byMarket;
    }

    public double get(String market) {
        for (int k = 0; k < markets.length; k++) {
            if (markets[k] == market) {
                return marks[k];
            }
        }
        for (int k = 0; k < markets.length; k++) {
            if (markets[k].equals(market)) {
                return marks[k];
            }
        }
        throw new IllegalArgumentException("unknown market " + market + ": no mark price given");
    }

    public Marks with(String market, double mark) {
        Map<String, Double> copy = new HashMap<>(byMarket);
        copy.put(market, mark);
        return new Marks(copy);
    }

    /** Equal when the marks by market are (as the record it was). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Marks other && byMarket.equals(other.byMarket);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(byMarket);
    }

    @Override
    public String toString() {
        return "Marks[byMarket=" + byMarket + "]";
    }
}
