package dev.fracture.mitigation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one mitigation came to in a run.
 *
 * @param mitigation      its label, as in its trace columns ({@code mitigation:<label>:<measure>})
 * @param capitalCostUsd  its capital-efficiency cost, USD (docs/mitigations.md, "Capital-efficiency cost"): the
 *                        borrowing power it took away (Σ collateral value × LTV before minus after) plus the capital
 *                        it holds idle (auction commitments, a backstop fund, a synthetic layer's capacity, the
 *                        liquidity placed by incentives)
 * @param activity        what it did, by measure (trips, USD held back, USD bought, bad debt covered ...), each also
 *                        a trace column
 */
public record MitigationOutcome(String mitigation, double capitalCostUsd, Map<String, Double> activity) {
    public MitigationOutcome {
        activity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(activity));
    }
}
