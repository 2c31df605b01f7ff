package dev.fracture.measure;

import dev.fracture.engine.SquareRootImpact;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cascade engine's square-root law ({@link SquareRootImpact}: ΔP/P = Y·σ·√(Q/V), Almgren et al. 2005, Tóth et al.
 * 2011) as the fixpoint's impact, for callers who calibrate Y, the daily volume V and the daily volatility σ of the
 * global market rather than read the on-chain venues.
 */
public record SquareRootImpactModel(SquareRootImpact law) implements ImpactModel {
    public SquareRootImpactModel {
        if (law == null) {
            throw new IllegalArgumentException("square-root impact: the law's parameters are required");
        }
    }

    @Override
    public double fall(double soldUsd) {
        return law.fraction(soldUsd);
    }

    @Override
    public String name() {
        return "square-root";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("coefficientY", law.coefficient());
        p.put("dailyVolumeUsd", law.dailyVolumeUsd());
        p.put("dailyVolatility", law.dailyVolatility());
        p.put("maxFall", SquareRootImpact.MAX_FRACTION);
        return p;
    }
}
