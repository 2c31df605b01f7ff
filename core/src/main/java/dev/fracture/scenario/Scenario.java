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

    /**
     * This scenario with {@code mitigations} switched on instead of its own, and everything else kept — the
     * liquidity providers included, so that a comparison or a sweep of mitigations runs the very market the scenario
     * describes.
     */
    public Scenario withMitigations(List<MitigationSpec> mitigations) {
        return new Scenario(name, ecosystem, horizonSeconds, seed, drivers, correlation, events, mitigations,
                liquidators, impact, liquidityProviders);
    }

    /**
     * What a reader of this scenario's results should know before reading them, in words: choices the format allows
     * that change what any run of it can show. One today — a scenario that names no liquidators. It is a valid run
     * (the world without keepers is a counterfactual worth running), but it is also what a first scenario file written
     * without the {@code liquidators} list gives: no position is liquidated by anyone, positions sink under water and
     * stay there, and only what the protocols do themselves still acts (Compound v3's absorb and Maker's barks and
     * kicks, done by the protocol's own keeper in the engine; Liquity's stability pool). The commands that run a
     * scenario print these beside its results.
     */
    public List<String> cautions() {
        if (!liquidators.isEmpty()) {
            return List.of();
        }
        return List.of("the scenario names no liquidators, so nobody liquidates a position or buys"
                + " collateral: only what the protocols do themselves acts (Compound v3's absorb, Maker's barks"
                + " and kicks, Liquity's stability pool); add a 'liquidators' list (docs/formats.md, Liquidators)"
                + " unless a world without keepers is the point");
    }

    static double years(long seconds) {
        return seconds / (double) SECONDS_PER_YEAR;
    }
}
