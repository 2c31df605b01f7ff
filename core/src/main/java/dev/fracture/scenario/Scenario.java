package dev.fracture.scenario;

import java.util.List;

/**
 * A stress test to run on one ecosystem: what drives prices, what else happens and when, which mitigations are on,
 * who liquidates and how selling moves prices. Immutable. Each record checks its own values when built; the rules
 * that need the ecosystem or the whole scenario (references, times within the horizon, one driver per asset) are
 * {@link ScenarioValidator}'s. Times are seconds from the start of the run.
 *
 * @param ecosystem   the ecosystem as the scenario names it: a bundled name ({@code defi-2025}) or a snapshot file
 *                    path as written, relative to the scenario file
 * @param seed        root seed of the run; path i of a Monte Carlo run derives its own from it
 * @param correlation of the stochastic drivers' shocks; null when they are independent
 * @param liquidityProviders providers withdrawing as volatility rises; null when they stay put
 */
public record Scenario(String name, String ecosystem, long horizonSeconds, long seed, List<PriceDriver> drivers,
                       Correlation correlation, List<ScenarioEvent> events, List<MitigationSpec> mitigations,
                       List<LiquidatorSpec> liquidators, List<ImpactSpec> impact,
                       LiquidityProviderSpec liquidityProviders) {

    /** Annualised parameters use a 365-day year: crypto markets trade every day. */
    public static final long SECONDS_PER_YEAR = 365L * 86_400;

    public Scenario {
        Checks.notBlank("name", name);
        Checks.notBlank("ecosystem", ecosystem);
        Checks.positive("horizonSeconds", horizonSeconds);
        drivers = Checks.list("drivers", drivers);
        events = Checks.list("events", events);
        mitigations = Checks.list("mitigations", mitigations);
        liquidators = Checks.list("liquidators", liquidators);
        impact = Checks.list("impact", impact);
    }

    /** A scenario whose liquidity providers stay put. */
    public Scenario(String name, String ecosystem, long horizonSeconds, long seed, List<PriceDriver> drivers,
                    Correlation correlation, List<ScenarioEvent> events, List<MitigationSpec> mitigations,
                    List<LiquidatorSpec> liquidators, List<ImpactSpec> impact) {
        this(name, ecosystem, horizonSeconds, seed, drivers, correlation, events, mitigations, liquidators, impact,
                null);
    }

    static double years(long seconds) {
        return seconds / (double) SECONDS_PER_YEAR;
    }
}
