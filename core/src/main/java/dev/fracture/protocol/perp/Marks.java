package dev.fracture.protocol.perp;

import java.util.HashMap;
import java.util.Map;

/** Mark prices by market, USD per base unit; each must be finite and positive. */
public record Marks(Map<String, Double> byMarket) {
    public Marks {
        byMarket = Map.copyOf(byMarket);
        for (Map.Entry<String, Double> e : byMarket.entrySet()) {
            Require.positive(e.getValue(), "mark of " + e.getKey());
        }
    }

    public static Marks of(String market, double mark) {
        return new Marks(Map.of(market, mark));
    }

    public double get(String market) {
        Double m = byMarket.get(market);
        if (m == null) {
            throw new IllegalArgumentException("unknown market " + market + ": no mark price given");
        }
        return m;
    }

    public Marks with(String market, double mark) {
        Map<String, Double> copy = new HashMap<>(byMarket);
        copy.put(market, mark);
        return new Marks(copy);
    }
}
