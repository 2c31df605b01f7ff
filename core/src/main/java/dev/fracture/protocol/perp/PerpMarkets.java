package dev.fracture.protocol.perp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The markets of one venue, by id; looking up a market the venue does not list is an error naming it. */
public record PerpMarkets(Map<String, PerpMarket> byId) {
    public PerpMarkets {
        byId = Map.copyOf(byId);
    }

    public static PerpMarkets of(List<PerpMarket> markets) {
        Map<String, PerpMarket> map = new LinkedHashMap<>();
        for (PerpMarket m : markets) {
            if (map.put(m.id(), m) != null) {
                throw new IllegalArgumentException("market " + m.id() + " is listed twice");
            }
        }
        return new PerpMarkets(map);
    }

    public PerpMarket get(String market) {
        PerpMarket m = byId.get(market);
        if (m == null) {
            throw new IllegalArgumentException("unknown market " + market + "; the venue lists " + byId.keySet());
        }
        return m;
    }
}
