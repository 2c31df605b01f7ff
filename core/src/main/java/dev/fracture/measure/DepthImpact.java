package dev.fracture.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Impact read off the on-chain venues' depth: selling Q moves the price by the move at which the aggregated depth
 * curve has absorbed Q — as if every venue holding the asset were arbitraged to one price while the sale goes
 * through (the unified-pool view of {@code dev.fracture.market.UnifiedPool}) and nothing refilled them meanwhile.
 * This is the instantaneous ability to absorb that the solvency boundary of the source documents speaks of; no
 * replenishment from centralized exchanges is assumed, which makes it the conservative reading.
 */
public record DepthImpact(DepthCurve depth) implements ImpactModel {
    public DepthImpact {
        if (depth == null) {
            throw new IllegalArgumentException("depth impact: depth curve is required");
        }
    }

    @Override
    public double fall(double soldUsd) {
        return depth.moveFor(soldUsd);
    }

    @Override
    public String name() {
        return "venue-depth";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("depthWithin2PercentUsd", depth.absorbedWithin(0.02));
        p.put("depthWithin10PercentUsd", depth.absorbedWithin(0.10));
        p.put("totalDepthUsd", depth.totalUsd());
        p.put("maxFall", depth.maxMove());
        return p;
    }
}
